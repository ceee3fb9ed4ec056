#include "util/text_encoding.hpp"

#include <cstdint>
#include <cstring>
#include <initializer_list>

#include <fmt/format.h>

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

}  // namespace

std::string_view prepare_toml_text(std::string_view text, const std::string& path, DiagnosticList& diagnostics) {
  if (text.empty()) {
    diagnostics.error({path, 1, 1}, "the file is empty");
    return {};
  }
  const std::size_t start = is_byte_order_mark_at(text, 0) ? 3 : 0;
  if (start == text.size()) {
    diagnostics.error({path, 1, 1}, "the file is empty (it holds only a byte-order mark)");
    return {};
  }

  // Fast path, taken by most files: pure ASCII is valid UTF-8 and holds no byte-order mark, and with fewer '['
  // and '{' than the limit, and fewer '.' than it, nothing can nest too deep wherever they stand.
  const std::string_view body = text.substr(start);
  if (is_ascii(body) && count_up_to(body, '[', max_nesting_depth + 1) + count_up_to(body, '{', max_nesting_depth + 1) <=
                            max_nesting_depth &&
      count_up_to(body, '.', max_nesting_depth) < max_nesting_depth) {
    return body;
  }

  // One pass: UTF-8 validity, stray byte-order marks, and nesting depth outside strings and comments.
  Lexeme state = Lexeme::code;
  std::size_t bracket_depth = 0;
  std::size_t dotted_parts = 1;
  bool reported_depth = false;
  bool reported_dots = false;
  std::size_t i = start;
  const auto here = [&] { return location_of_offset(text.substr(start), i - start, path); };

  while (i < text.size()) {
    const bool* skip = skippable.skip[static_cast<int>(state)];
    while (i < text.size() && skip[static_cast<unsigned char>(text[i])]) ++i;
    if (i == text.size()) break;
    const char c = text[i];
    std::size_t after = i;
    if (decode_utf8(text, after) == invalid_code_point) {
      diagnostics.error(here(), fmt::format("the file is not valid UTF-8 (byte 0x{:02X} at offset {}); save it as UTF-8",
                                            static_cast<unsigned char>(text[i]), i));
      return {};
    }
    const bool in_string = state == Lexeme::basic_string || state == Lexeme::literal_string ||
                           state == Lexeme::multiline_basic || state == Lexeme::multiline_literal;
    if (!in_string && static_cast<unsigned char>(c) == 0xEF && is_byte_order_mark_at(text, i)) {
      diagnostics.error(here(), "a byte-order mark (U+FEFF) is allowed only at the very start of the file");
      return {};
    }
    std::size_t advance = after - i;
    switch (state) {
      case Lexeme::code:
        if (c == '#') {
          state = Lexeme::comment;
        } else if (c == '"') {
          if (text.substr(i, 3) == "\"\"\"") {
            state = Lexeme::multiline_basic;
            advance = 3;
          } else {
            state = Lexeme::basic_string;
          }
        } else if (c == '\'') {
          if (text.substr(i, 3) == "'''") {
            state = Lexeme::multiline_literal;
            advance = 3;
          } else {
            state = Lexeme::literal_string;
          }
        } else if (c == '[' || c == '{') {
          dotted_parts = 1;
          if (++bracket_depth > max_nesting_depth && !reported_depth) {
            diagnostics.error(here(), fmt::format("arrays, tables and inline tables nest deeper than {} levels",
                                                  max_nesting_depth));
            reported_depth = true;
          }
        } else if (c == ']' || c == '}') {
          if (bracket_depth > 0) --bracket_depth;
          dotted_parts = 1;
        } else if (c == '=' || c == ',' || c == '\n') {
          dotted_parts = 1;
        } else if (c == '.') {
          if (++dotted_parts > max_nesting_depth && !reported_dots) {
            diagnostics.error(here(), fmt::format("a dotted key has more than {} parts", max_nesting_depth));
            reported_dots = true;
          }
        }
        break;
      case Lexeme::comment:
        if (c == '\n') state = Lexeme::code;
        break;
      case Lexeme::basic_string:
        if (c == '\\' && i + 1 < text.size() && (text[i + 1] == '"' || text[i + 1] == '\\')) {
          advance = 2;
        } else if (c == '"' || c == '\n') {
          state = Lexeme::code;  // an unterminated string is the parser's to report
        }
        break;
      case Lexeme::literal_string:
        if (c == '\'' || c == '\n') state = Lexeme::code;
        break;
      case Lexeme::multiline_basic:
        if (c == '\\' && i + 1 < text.size() && (text[i + 1] == '"' || text[i + 1] == '\\')) {
          advance = 2;
        } else if (text.substr(i, 3) == "\"\"\"") {
          state = Lexeme::code;
          advance = 3;
          while (i + advance < text.size() && text[i + advance] == '"' && advance < 5) ++advance;
        }
        break;
      case Lexeme::multiline_literal:
        if (text.substr(i, 3) == "'''") {
          state = Lexeme::code;
          advance = 3;
          while (i + advance < text.size() && text[i + advance] == '\'' && advance < 5) ++advance;
        }
        break;
    }
    i += advance;
  }
  return text.substr(start);
}

}  // namespace partnerpulse
