#include "report/json_writer.hpp"

#include <algorithm>
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
  return escape_html_characters(std::move(text));
}

std::string escape_html_characters(std::string text) {
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

JsonStream& JsonStream::key(std::string_view name) {
  next_element();
  write_string(name);
  out_.append(": ", 2);
  after_key_ = true;
  return *this;
}

JsonStream& JsonStream::open(char bracket) {
  next_element();
  out_ += bracket;
  empty_.push_back(true);
  return *this;
}

JsonStream& JsonStream::close(char bracket) {
  const bool empty = empty_.back();
  empty_.pop_back();
  if (!empty) new_line(depth_ + empty_.size());
  out_ += bracket;
  return *this;
}

void JsonStream::next_element() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (empty_.empty()) return;  // the first value
  if (!empty_.back()) out_ += ',';
  empty_.back() = false;
  new_line(depth_ + empty_.size());
}

void JsonStream::new_line(std::size_t depth) {
  out_ += '\n';
  out_.append(2 * depth, ' ');
}

void JsonStream::write_double(double v) {
  if (!std::isfinite(v)) {
    out_ += "null";
    return;
  }
  char buffer[64];  // the size nlohmann's serializer gives it
  out_.append(buffer, nlohmann::detail::to_chars(buffer, buffer + sizeof buffer, v));
}

void JsonStream::write_string(std::string_view text) {
  // Printable ASCII other than `"` and `\` is written as it stands; anything else as nlohmann::json escapes it
  // (control characters, invalid UTF-8 replaced).
  const bool plain = std::all_of(text.begin(), text.end(), [](char c) {
    return c >= 0x20 && c < 0x7F && c != '"' && c != '\\';
  });
  if (plain) {
    out_ += '"';
    out_.append(text);
    out_ += '"';
    return;
  }
  out_ += Json(std::string(text)).dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace partnerpulse
