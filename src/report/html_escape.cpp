#include "report/html_escape.hpp"

#include "report/markdown_blocks.hpp"
#include "util/text_encoding.hpp"
#include "util/text_filters.hpp"

namespace partnerpulse {

std::string html_escape(std::string_view text) {
  const std::string clean = strip_control_characters(text);
  std::string out;
  out.reserve(clean.size());
  for (const char c : clean) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string html_line(std::string_view raw, std::string_view fallback) { return html_escape(plain(raw, fallback)); }

std::string shortened_line(std::string_view raw, std::size_t max_characters, std::string_view fallback) {
  const std::string line = plain(raw, fallback);
  std::size_t pos = 0;
  std::size_t count = 0;
  while (pos < line.size()) {
    if (count + 1 == max_characters) {
      std::size_t rest = pos;
      decode_utf8(line, rest);
      if (rest < line.size()) return line.substr(0, pos) + "…";
    }
    decode_utf8(line, pos);
    ++count;
  }
  return line;
}

}  // namespace partnerpulse
