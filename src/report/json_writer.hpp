#pragma once
// Internal to the JSON renderers (the report and the comparison): objects whose keys keep the order they are
// added in, numbers that are never NaN, and the escaping every JSON output gets.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

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

}  // namespace partnerpulse
