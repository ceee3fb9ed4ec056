#include "report/json_writer.hpp"

#include <cmath>

namespace partnerpulse {

namespace {

// The offset of the first `<`, `>`, U+2028 or U+2029 in text[from...], or text.size().
std::size_t next_to_escape(std::string_view text, std::size_t from) {
  for (std::size_t i = from; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '<' || c == '>') return i;
    if (c == '\xE2' && text.compare(i + 1, 2, "\x80\xA8") == 0) return i;
    if (c == '\xE2' && text.compare(i + 1, 2, "\x80\xA9") == 0) return i;
  }
  return text.size();
}

}  // namespace

Json number(const std::optional<double>& value) {
  if (!value || !std::isfinite(*value)) return nullptr;
  return *value;
}

Json array_with_room(std::size_t size) {
  Json array = Json::array();
  array.get_ref<Json::array_t&>().reserve(size);
  return array;
}

bool needs_json_escapes(std::string_view text) { return next_to_escape(text, 0) != text.size(); }

std::string dump_escaped(const Json& json, bool strings_need_escapes) {
  std::string text = json.dump(2, ' ', false, Json::error_handler_t::replace);
  if (!strings_need_escapes) return text;
  std::size_t next = next_to_escape(text, 0);
  if (next == text.size()) return text;
  std::string out;
  out.reserve(text.size() + text.size() / 64 + 1);
  std::size_t done = 0;  // text[0, done) is in `out`
  for (; next < text.size(); next = next_to_escape(text, done)) {
    out.append(text, done, next - done);
    const char c = text[next];
    out += c == '<' ? "\\u003c" : c == '>' ? "\\u003e" : text[next + 2] == '\xA8' ? "\\u2028" : "\\u2029";
    done = next + (c == '\xE2' ? 3 : 1);
  }
  out.append(text, done, std::string::npos);
  return out;
}

}  // namespace partnerpulse
