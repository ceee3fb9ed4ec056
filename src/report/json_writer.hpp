#pragma once
// Internal to the JSON renderers (the report and the comparison): objects whose keys keep the order they are
// added in, numbers that are never NaN, and the escaping every JSON output gets.

#include <charconv>
#include <cmath>
#include <concepts>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <nlohmann/json.hpp>

namespace partnerpulse {

using Json = nlohmann::ordered_json;

// The number, or null when it is empty or not finite.
Json number(const std::optional<double>& value);

// Builds an object whose keys keep the order they are added in. Room for every key is reserved first:
// ordered_json keeps its members in a vector of pairs with const keys, which it copies (values and all their
// subtrees) instead of moving whenever it grows. Keys must be distinct; they are literals here.
class ObjectBuilder {
public:
  explicit ObjectBuilder(std::size_t keys) : json_(Json::object()) {
    json_.get_ref<Json::object_t&>().reserve(keys);
  }
  ObjectBuilder& add(std::string_view key, Json value) {
    json_.get_ref<Json::object_t&>().emplace_back(std::string(key), std::move(value));
    return *this;
  }
  Json take() { return std::move(json_); }

private:
  Json json_;
};

// An empty array with room for `size` elements.
Json array_with_room(std::size_t size);

// A JSON array of to_json(element) for every element of `list`, room reserved first.
template <typename List, typename ToJson>
Json array_of(const List& list, ToJson&& to_json) {
  Json array = array_with_room(list.size());
  for (const auto& element : list) array.push_back(to_json(element));
  return array;
}

// `json` dumped with an indent of 2 (invalid UTF-8 replaced: a second line of defence after
// strip_control_characters), `<`, `>`, U+2028 and U+2029 written as \u escapes. They can only occur inside strings;
// escaped, the JSON can be embedded in an HTML <script> element or a JavaScript source without ending it, and any
// JSON parser reads back the same text. No final newline. A caller that knows no string in `json` holds one of
// those four (see needs_json_escapes) passes `strings_need_escapes = false` and the scan is skipped.
std::string dump_escaped(const Json& json, bool strings_need_escapes = true);

// Whether `text` holds `<`, `>`, U+2028 or U+2029: the characters dump_escaped writes as \u escapes.
bool needs_json_escapes(std::string_view text);

// `text` (JSON) with `<`, `>`, U+2028 and U+2029 written as \u escapes, as dump_escaped writes them.
std::string escape_html_characters(std::string text);

// Writes JSON text straight into a string, byte for byte as dump_escaped(document, false) writes the same document
// (indent of 2, numbers and string escapes as nlohmann::json writes them), without building the document. The
// caller opens and closes containers in order and writes a key before each member of an object; `depth` is the
// indentation level of the first value (whose own indentation the caller writes).
class JsonStream {
public:
  explicit JsonStream(std::string& out, std::size_t depth = 0) : out_(out), depth_(depth) {}

  JsonStream& begin_object() { return open('{'); }
  JsonStream& end_object() { return close('}'); }
  JsonStream& begin_array() { return open('['); }
  JsonStream& end_array() { return close(']'); }
  // The next member's key; its value follows.
  JsonStream& key(std::string_view name);

  // A value as nlohmann::json stores the C++ type: null, true/false, an integer, a double (null when not finite),
  // an optional double (null when empty), or a string.
  template <typename T>
  JsonStream& value(const T& v) {
    next_element();
    if constexpr (std::is_same_v<T, std::nullptr_t>) {
      out_ += "null";
    } else if constexpr (std::is_same_v<T, bool>) {
      out_ += v ? "true" : "false";
    } else if constexpr (std::is_integral_v<T>) {
      char buffer[24];
      out_.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, v).ptr);
    } else if constexpr (std::is_floating_point_v<T>) {
      write_double(static_cast<double>(v));
    } else if constexpr (std::is_same_v<T, std::optional<double>>) {
      if (v) write_double(*v); else out_ += "null";
    } else {
      write_string(std::string_view(v));
    }
    return *this;
  }
  // A member: key(name) then value(v).
  template <typename T>
  JsonStream& member(std::string_view name, const T& v) {
    return key(name).value(v);
  }

private:
  JsonStream& open(char bracket);
  JsonStream& close(char bracket);
  // Before a value: after a key nothing; in a container a comma (but for the first) and a new indented line.
  void next_element();
  void new_line(std::size_t depth);
  void write_double(double v);
  void write_string(std::string_view text);

  std::string& out_;
  std::size_t depth_;
  std::vector<bool> empty_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

}  // namespace partnerpulse
