#include "report/markdown_escape.hpp"

#include <array>
#include <cstddef>

namespace partnerpulse {

namespace {

constexpr std::string_view replacement_character = "\xEF\xBF\xBD";  // U+FFFD

struct CodePoint {
  char32_t value = 0;
  std::size_t length = 1;  // bytes consumed
  bool valid = true;       // false: an invalid byte, to be replaced by U+FFFD
};

unsigned char byte_at(std::string_view text, std::size_t i) { return static_cast<unsigned char>(text[i]); }

// Decodes the UTF-8 sequence at text[i]; an invalid sequence consumes one byte.
CodePoint decode(std::string_view text, std::size_t i) {
  const unsigned char lead = byte_at(text, i);
  if (lead < 0x80) return {lead, 1, true};
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;
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
    return {0xFFFD, 1, false};
  }
  if (i + length > text.size()) return {0xFFFD, 1, false};
  for (std::size_t k = 1; k < length; ++k) {
    const unsigned char b = byte_at(text, i + k);
    if (b < (k == 1 ? low : 0x80) || b > (k == 1 ? high : 0xBF)) return {0xFFFD, 1, false};
    value = (value << 6) | (b & 0x3Fu);
  }
  return {value, length, true};
}

bool in_range(unsigned char c, unsigned char low, unsigned char high) { return c >= low && c <= high; }

// CSI parameters, intermediates and final byte, from text[i] (just after ESC [ or U+009B).
std::size_t skip_csi(std::string_view text, std::size_t i) {
  while (i < text.size() && in_range(byte_at(text, i), 0x30, 0x3F)) ++i;
  while (i < text.size() && in_range(byte_at(text, i), 0x20, 0x2F)) ++i;
  if (i < text.size() && in_range(byte_at(text, i), 0x40, 0x7E)) ++i;
  return i;
}

// A control string (OSC, DCS, SOS, PM, APC) from text[i] up to and including its terminator: BEL, ESC \ or
// U+009C. Unterminated: only the introducer is dropped (returns i) and the rest is treated as text.
std::size_t skip_control_string(std::string_view text, std::size_t i) {
  for (std::size_t k = i; k < text.size(); ++k) {
    const unsigned char c = byte_at(text, k);
    if (c == 0x07) return k + 1;
    if (c == 0x1B && k + 1 < text.size() && text[k + 1] == '\\') return k + 2;
    if (c == 0xC2 && k + 1 < text.size() && byte_at(text, k + 1) == 0x9C) return k + 2;
  }
  return i;
}

// Everything after an ESC at text[i - 1] that a terminal would take as part of the sequence.
std::size_t skip_escape(std::string_view text, std::size_t i) {
  if (i >= text.size()) return i;
  const unsigned char c = byte_at(text, i);
  if (c == '[') return skip_csi(text, i + 1);
  if (c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_') return skip_control_string(text, i + 1);
  if (in_range(c, 0x20, 0x2F)) {  // intermediates, then a final byte
    while (i < text.size() && in_range(byte_at(text, i), 0x20, 0x2F)) ++i;
    if (i < text.size() && in_range(byte_at(text, i), 0x30, 0x7E)) ++i;
    return i;
  }
  if (in_range(c, 0x30, 0x7E)) return i + 1;  // a two-character sequence such as ESC c
  return i;                                   // a lone ESC
}

bool is_bidi_control(char32_t c) { return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069); }

// Whitespace as CommonMark, GFM tables and markdownlint (JavaScript's \s) see it.
bool is_whitespace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0x00A0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

bool ascii_equal_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (x != b[i]) return false;
  }
  return true;
}

// Escapes one line of text (already passed through single_line) for Markdown.
std::string escape_line(std::string_view text) {
  // A leading ordered-list marker: 1-9 digits, then '.' or ')', then a space or the end ("1.0" is no marker).
  std::size_t ordered_marker = std::string_view::npos;
  {
    std::size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
    if (digits >= 1 && digits <= 9 && digits < text.size() && (text[digits] == '.' || text[digits] == ')') &&
        (digits + 1 == text.size() || text[digits + 1] == ' ')) {
      ordered_marker = digits;
    }
  }
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '#':
      case '|':
      case '~':
      case '@':  // e-mail autolinks (markdownlint MD034)
        out += '\\';
        out += c;
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case ':':  // scheme://... would become a link
        if (text.substr(i + 1, 2) == "//") out += '\\';
        out += c;
        break;
      case '.':  // www.example.org would become a link
        if (i == ordered_marker || (i >= 3 && ascii_equal_ignoring_case(text.substr(i - 3, 3), "www"))) out += '\\';
        out += c;
        break;
      case ')':
        if (i == ordered_marker) out += '\\';
        out += c;
        break;
      case '-':
      case '+':  // a leading bullet marker or thematic break
        if (i == 0) out += '\\';
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}

bool ends_with_heading_punctuation(const std::string& text, std::size_t& length) {
  static constexpr std::array<std::string_view, 11> marks = {
      ".", ",", ";", ":", "!", " ", "\xE3\x80\x82" /* 。 */, "\xEF\xBC\x8C" /* ， */, "\xEF\xBC\x9B" /* ； */,
      "\xEF\xBC\x9A" /* ： */, "\xEF\xBC\x81" /* ！ */};
  for (std::string_view mark : marks) {
    if (text.size() >= mark.size() && std::string_view(text).substr(text.size() - mark.size()) == mark) {
      length = mark.size();
      return true;
    }
  }
  return false;
}

}  // namespace

std::string strip_control_characters(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    // Printable ASCII needs no decoding: copy a whole run at once.
    std::size_t run_end = i;
    while (run_end < text.size() && in_range(byte_at(text, run_end), 0x20, 0x7E)) ++run_end;
    if (run_end > i) {
      out.append(text.substr(i, run_end - i));
      i = run_end;
      continue;
    }
    const CodePoint cp = decode(text, i);
    const std::size_t next = i + cp.length;
    if (!cp.valid) {
      out += replacement_character;
      i = next;
      continue;
    }
    const char32_t c = cp.value;
    if (c == 0x1B) {
      i = skip_escape(text, next);
    } else if (c == 0x9B) {  // C1 CSI
      i = skip_csi(text, next);
    } else if (c == 0x90 || c == 0x98 || c == 0x9D || c == 0x9E || c == 0x9F) {  // C1 DCS, SOS, OSC, PM, APC
      i = skip_control_string(text, next);
    } else if (c == '\r') {
      out += '\n';
      i = (next < text.size() && text[next] == '\n') ? next + 1 : next;
    } else if (c == '\n' || c == '\t') {
      out += static_cast<char>(c);
      i = next;
    } else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || is_bidi_control(c)) {
      i = next;
    } else {
      out.append(text.substr(i, cp.length));
      i = next;
    }
  }
  return out;
}

std::string single_line(std::string_view text) {
  const std::string clean = strip_control_characters(text);
  std::string out;
  out.reserve(clean.size());
  bool pending_space = false;
  std::size_t i = 0;
  while (i < clean.size()) {
    const CodePoint cp = decode(clean, i);
    if (is_whitespace(cp.value)) {
      pending_space = !out.empty();
    } else {
      if (pending_space) out += ' ';
      pending_space = false;
      out.append(std::string_view(clean).substr(i, cp.length));
    }
    i += cp.length;
  }
  return out;
}

std::string markdown_inline(std::string_view text) { return escape_line(single_line(text)); }

std::string markdown_table_cell(std::string_view text) { return escape_line(single_line(text)); }

std::string markdown_heading(std::string_view text, std::string_view fallback) {
  for (std::string_view candidate : {text, fallback}) {
    std::string line = single_line(candidate);
    std::size_t length = 0;
    while (ends_with_heading_punctuation(line, length)) line.resize(line.size() - length);
    if (!line.empty()) return escape_line(line);
  }
  return "(untitled)";
}

}  // namespace partnerpulse
