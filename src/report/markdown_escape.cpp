#include "report/markdown_escape.hpp"

#include <array>
#include <cstddef>

#include "util/text_encoding.hpp"
#include "util/text_filters.hpp"

namespace partnerpulse {

namespace {

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
  // The bytes the switch below may escape; runs of any others are copied at once.
  static constexpr std::array<bool, 256> special = [] {
    std::array<bool, 256> table{};
    for (const char c : std::string_view("\\`*_[]#|~@<>&:.)-+")) table[static_cast<unsigned char>(c)] = true;
    return table;
  }();
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  for (std::size_t i = 0; i < text.size(); ++i) {
    std::size_t run = i;
    while (run < text.size() && !special[static_cast<unsigned char>(text[run])]) ++run;
    if (run > i) {
      out.append(text, i, run - i);
      i = run;
      if (i == text.size()) break;
    }
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

std::string single_line(std::string_view text) {
  const std::string clean = strip_control_characters(text);
  std::string out;
  out.reserve(clean.size());
  bool pending_space = false;
  std::size_t i = 0;
  while (i < clean.size()) {
    const std::size_t start = i;
    const auto byte = static_cast<unsigned char>(clean[i]);
    if (byte < 0x80) {  // ASCII: a run of visible characters is copied at once, without decoding
      std::size_t end = i;
      while (end < clean.size() && clean[end] > ' ' && clean[end] < 0x7F) ++end;
      if (end > i) {
        if (pending_space) out += ' ';
        pending_space = false;
        out.append(clean, i, end - i);
        i = end;
        continue;
      }
    }
    if (is_whitespace(decode_utf8(clean, i))) {
      pending_space = !out.empty();
    } else {
      if (pending_space) out += ' ';
      pending_space = false;
      out.append(clean, start, i - start);
    }
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
