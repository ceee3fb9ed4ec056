#include "util/text_encoding.hpp"

#include <cstdint>
#include <cstring>
#include <algorithm>
#include <initializer_list>
#include <vector>

#include <fmt/format.h>

#include "partnerpulse/interface_text.hpp"

namespace partnerpulse {

namespace {

bool is_byte_order_mark_at(std::string_view text, std::size_t i) {
  return text.substr(i, 3) == "\xEF\xBB\xBF";
}

// Lexical state of the nesting scan: just enough TOML to skip strings and comments.
enum class Lexeme { code, comment, basic_string, literal_string, multiline_basic, multiline_literal };

}  // namespace

char32_t decode_utf8(std::string_view text, std::size_t& pos) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) {
    ++pos;
    return lead;
  }
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // the range of the second byte
  char32_t value = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    value = lead & 0x1Fu;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    value = lead & 0x0Fu;
    if (lead == 0xE0) low = 0xA0;   // no overlong forms
    if (lead == 0xED) high = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    value = lead & 0x07u;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;  // nothing above U+10FFFF
  } else {
    ++pos;
    return invalid_code_point;
  }
  if (length > text.size() - pos || byte(pos + 1) < low || byte(pos + 1) > high) {
    ++pos;
    return invalid_code_point;
  }
  for (std::size_t k = 1; k < length; ++k) {
    const unsigned char continuation = byte(pos + k);
    if (k > 1 && (continuation < 0x80 || continuation > 0xBF)) {
      ++pos;
      return invalid_code_point;
    }
    value = (value << 6) | (continuation & 0x3Fu);
  }
  pos += length;
  return value;
}

bool is_valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (i + 8 <= text.size()) {  // eight bytes of ASCII (most of every input) at once
      std::uint64_t word = 0;
      std::memcpy(&word, text.data() + i, sizeof word);
      if ((word & 0x8080808080808080u) == 0) {
        i += 8;
        continue;
      }
    }
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    if (decode_utf8(text, i) == invalid_code_point) return false;
  }
  return true;
}

std::string replace_invalid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    if (decode_utf8(text, i) == invalid_code_point) {
      out += replacement_character;
    } else {
      out.append(text.substr(start, i - start));
    }
  }
  return out;
}

SourceLocation location_of_offset(std::string_view text, std::size_t offset, const std::string& path) {
  SourceLocation where{path, 1, 1};
  for (std::size_t i = 0; i < offset && i < text.size();) {
    if (decode_utf8(text, i) == '\n') {
      ++where.line;
      where.column = 1;
    } else {
      ++where.column;
    }
  }
  return where;
}

namespace {
// Per lexical state, the ASCII bytes that cannot change it: the scan steps over them without decoding.
// Bytes of 0x80 and above are never skipped, so UTF-8 and byte-order marks are always checked.
struct SkippableBytes {
  bool skip[6][256] = {};
  constexpr SkippableBytes() {
    for (auto& state : skip) {
      for (int b = 0; b < 0x80; ++b) state[b] = true;
    }
    const auto stop = [this](Lexeme state, std::initializer_list<char> bytes) {
      for (const char c : bytes) skip[static_cast<int>(state)][static_cast<unsigned char>(c)] = false;
    };
    stop(Lexeme::code, {'#', '"', '\'', '[', '{', ']', '}', '=', ',', '\n', '.'});
    stop(Lexeme::comment, {'\n'});
    stop(Lexeme::basic_string, {'\\', '"', '\n'});
    stop(Lexeme::literal_string, {'\'', '\n'});
    stop(Lexeme::multiline_basic, {'\\', '"'});
    stop(Lexeme::multiline_literal, {'\''});
  }
};
constexpr SkippableBytes skippable;
bool is_ascii(std::string_view text) {
  std::uint64_t bits = 0;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {  // eight bytes at a time
    std::uint64_t word = 0;
    std::memcpy(&word, text.data() + i, 8);
    bits |= word;
  }
  for (; i < text.size(); ++i) bits |= static_cast<unsigned char>(text[i]);
  return (bits & 0x8080808080808080u) == 0;
}

// How often `c` occurs in `text`, counting no further than `limit`.
std::size_t count_up_to(std::string_view text, char c, std::size_t limit) {
  std::size_t count = 0;
  const char* end = text.data() + text.size();
  for (const char* p = text.data(); count < limit; ++p, ++count) {
    p = static_cast<const char*>(std::memchr(p, c, static_cast<std::size_t>(end - p)));
    if (!p) break;
  }
  return count;
}

// The slow path of prepare_toml_text: one pass over the text for UTF-8 validity, stray byte-order marks, and
// nesting depth outside strings and comments.
class TomlTextScanner {
public:
  TomlTextScanner(std::string_view text, std::size_t start, const std::string& path, DiagnosticList& diagnostics)
      : text_(text), start_(start), path_(path), diagnostics_(diagnostics) {}

  // False after a problem that ends the check (invalid UTF-8, a stray byte-order mark); depth problems are
  // reported and the scan goes on.
  bool scan() {
    std::size_t i = start_;
    while (i < text_.size()) {
      const bool* skip = skippable.skip[static_cast<int>(state_)];
      while (i < text_.size() && skip[static_cast<unsigned char>(text_[i])]) ++i;
      if (i == text_.size()) break;
      std::size_t after = i;
      if (decode_utf8(text_, after) == invalid_code_point) {
        diagnostics_.error(
            at(i), fmt::format(fmt::runtime(tr("the file is not valid UTF-8 (byte 0x{:02X} at offset {}); save it as "
                                               "UTF-8")),
                               static_cast<unsigned char>(text_[i]), i));
        return false;
      }
      if (!in_string() && static_cast<unsigned char>(text_[i]) == 0xEF && is_byte_order_mark_at(text_, i)) {
        diagnostics_.error(at(i),
                           std::string(tr("a byte-order mark (U+FEFF) is allowed only at the very start of the file")));
        return false;
      }
      const std::size_t advance = state_ == Lexeme::code ? step_in_code(i) : step_in_text(i);
      i += advance == 0 ? after - i : advance;
    }
    return true;
  }

private:
  SourceLocation at(std::size_t i) const { return location_of_offset(text_.substr(start_), i - start_, path_); }

  bool in_string() const {
    return state_ == Lexeme::basic_string || state_ == Lexeme::literal_string || state_ == Lexeme::multiline_basic ||
           state_ == Lexeme::multiline_literal;
  }

  // The depth of the table that keys at this point belong to: the innermost open inline table or array, else the
  // table of the last [header].
  std::size_t context_depth() const { return open_.empty() ? table_depth_ : open_.back().depth; }

  // Reports, once, a nesting deeper than max_nesting_depth at i.
  void check_depth(std::size_t depth, std::size_t i) {
    if (depth <= max_nesting_depth || reported_depth_) return;
    diagnostics_.error(
        at(i), fmt::format(fmt::runtime(tr("keys, tables, arrays and inline tables nest deeper than {} levels")),
                           max_nesting_depth));
    reported_depth_ = true;
  }

  // Reads the code character at i; returns how many bytes it took, or 0 for "the whole character". Every level
  // counts: the parts of a [header] (one more for [[header]]), each part of a dotted key, each inline table and each
  // array, so `a.b = { c.d = [ [1] ] }` reaches depth 6 (a, b, c, d, the outer array, the inner one).
  std::size_t step_in_code(std::size_t i) {
    const char c = text_[i];
    const bool doubled = i + 1 < text_.size() && text_[i + 1] == c;
    if (c == '#') {
      state_ = Lexeme::comment;
    } else if (c == '"' || c == '\'') {
      const bool triple = text_.substr(i, 3) == std::string(3, c);
      state_ = c == '"' ? (triple ? Lexeme::multiline_basic : Lexeme::basic_string)
                        : (triple ? Lexeme::multiline_literal : Lexeme::literal_string);
      return triple ? 3 : 1;
    } else if (c == '[' && open_.empty() && !value_on_line_ && !in_header_) {
      in_header_ = true;  // a [header] or [[header]]
      header_is_array_ = doubled;
      parts_ = 1;
      return doubled ? 2 : 1;
    } else if (c == ']' && in_header_) {
      in_header_ = false;
      table_depth_ = parts_ + (header_is_array_ ? 1 : 0);
      check_depth(table_depth_, i);
      parts_ = 1;
      return header_is_array_ && doubled ? 2 : 1;
    } else if (c == '[' || c == '{') {
      const bool in_array = !open_.empty() && open_.back().is_array;
      const std::size_t depth = context_depth() + (in_array ? 1 : std::max<std::size_t>(key_parts_, 1));
      check_depth(depth, i);
      open_.push_back({depth, c == '['});
      parts_ = 1;
      key_parts_ = 0;
    } else if (c == ']' || c == '}') {
      if (!open_.empty()) open_.pop_back();
      parts_ = 1;
    } else if (c == '=') {
      key_parts_ = parts_;
      check_depth(context_depth() + key_parts_, i);
      value_on_line_ = true;
      parts_ = 1;
    } else if (c == ',' || c == '\n') {
      if (c == '\n' && open_.empty()) value_on_line_ = false;
      parts_ = 1;
    } else if (c == '.' && ++parts_ > max_nesting_depth && !reported_dots_) {
      diagnostics_.error(at(i),
                         fmt::format(fmt::runtime(tr("a dotted key has more than {} parts")), max_nesting_depth));
      reported_dots_ = true;
      reported_depth_ = true;  // one error for one key
    }
    return 0;
  }

  // Reads the character at i inside a comment or a string; returns how many bytes it took, or 0 for "the whole
  // character". An unterminated string is the parser's to report.
  std::size_t step_in_text(std::size_t i) {
    const char c = text_[i];
    const bool escape = c == '\\' && i + 1 < text_.size() && (text_[i + 1] == '"' || text_[i + 1] == '\\');
    switch (state_) {
      case Lexeme::comment:
        if (c == '\n') state_ = Lexeme::code;
        return 0;
      case Lexeme::basic_string:
        if (escape) return 2;
        if (c == '"' || c == '\n') state_ = Lexeme::code;
        return 0;
      case Lexeme::literal_string:
        if (c == '\'' || c == '\n') state_ = Lexeme::code;
        return 0;
      case Lexeme::multiline_basic:
        if (escape) return 2;
        return close_multiline(i, '"');
      case Lexeme::multiline_literal:
        return close_multiline(i, '\'');
      case Lexeme::code:
        break;
    }
    return 0;
  }

  // At three `quote`s, a multi-line string ends (with up to two more quotes belonging to its content).
  std::size_t close_multiline(std::size_t i, char quote) {
    if (text_.substr(i, 3) != std::string(3, quote)) return 0;
    state_ = Lexeme::code;
    std::size_t advance = 3;
    while (i + advance < text_.size() && text_[i + advance] == quote && advance < 5) ++advance;
    return advance;
  }

  std::string_view text_;
  std::size_t start_;
  const std::string& path_;
  DiagnosticList& diagnostics_;
  Lexeme state_ = Lexeme::code;
  struct Open {
    std::size_t depth;  // of the inline table or array itself
    bool is_array;
  };
  std::vector<Open> open_;       // the inline tables and arrays open here, outermost first
  std::size_t table_depth_ = 0;  // the depth of the last [header]'s table (0: the root)
  std::size_t parts_ = 1;        // parts of the dotted key being read
  std::size_t key_parts_ = 0;    // parts of the key before the last '='
  bool in_header_ = false;
  bool header_is_array_ = false;
  bool value_on_line_ = false;   // an '=' was read on this line outside brackets: a '[' is a value, not a header
  bool reported_depth_ = false;
  bool reported_dots_ = false;
};

}  // namespace

std::string_view prepare_toml_text(std::string_view text, const std::string& path, DiagnosticList& diagnostics) {
  if (text.empty()) {
    diagnostics.error({path, 1, 1}, std::string(tr("the file is empty")));
    return {};
  }
  const std::size_t start = is_byte_order_mark_at(text, 0) ? 3 : 0;
  if (start == text.size()) {
    diagnostics.error({path, 1, 1}, std::string(tr("the file is empty (it holds only a byte-order mark)")));
    return {};
  }

  // Fast path, taken by most files: pure ASCII is valid UTF-8 and holds no byte-order mark, and every level of
  // nesting needs a '[', a '{' or a '.', apart from the first part of a header, of a key, and one for [[: with
  // fewer of them together than the limit less 3, nothing can nest too deep wherever they stand.
  const std::string_view body = text.substr(start);
  if (is_ascii(body)) {
    const std::size_t limit = max_nesting_depth - 3;
    const std::size_t brackets = count_up_to(body, '[', limit + 1) + count_up_to(body, '{', limit + 1);
    if (brackets + count_up_to(body, '.', limit + 1) <= limit) return body;
  }

  if (!TomlTextScanner(text, start, path, diagnostics).scan()) return {};
  return text.substr(start);
}

}  // namespace partnerpulse
