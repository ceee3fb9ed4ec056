#pragma once
// Internal to reading results back: where each value of a JSON text starts, by JSON pointer, so that a message
// about a value can name its FILE:LINE:COLUMN (nlohmann::json keeps no positions).

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace partnerpulse {

struct TextPosition {
  std::uint32_t line = 1;
  std::uint32_t column = 1;  // in code points, like SourceLocation
};

// The line and column of byte `offset` of `text` (clamped to its end).
TextPosition position_of_offset(std::string_view text, std::size_t offset);

// The start of every value of a JSON text that has already been parsed successfully (and checked for nesting
// depth: the walk is recursive), keyed by its JSON pointer ("" for the root, "/groups/0/period"). Keys are decoded
// with nlohmann::json, so escaped keys are found too.
class JsonPositions {
public:
  explicit JsonPositions(std::string_view text);
  // The position of the value at `pointer`, or of the root when there is none.
  TextPosition at(const std::string& pointer) const;

private:
  std::string text_;
  std::unordered_map<std::string, std::size_t> offsets_;  // byte offsets, turned into positions when asked
};

}  // namespace partnerpulse
