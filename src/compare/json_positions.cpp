#include "compare/json_positions.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace partnerpulse {

namespace {

// A recursive walk over valid JSON text, recording where each value starts.
class PositionScanner {
public:
  PositionScanner(std::string_view text, std::unordered_map<std::string, std::size_t>& out)
      : text_(text), out_(out) {}

  void value(const std::string& pointer) {
    skip_blanks();
    if (at_end()) return;
    out_.emplace(pointer, offset_);
    const char c = text_[offset_];
    if (c == '{') {
      members(pointer);
    } else if (c == '[') {
      elements(pointer);
    } else if (c == '"') {
      string_token();
    } else {
      while (!at_end() && std::string_view(",]} \t\r\n").find(text_[offset_]) == std::string_view::npos) advance();
    }
  }

private:
  bool at_end() const { return offset_ >= text_.size(); }

  void advance() { ++offset_; }

  void skip_blanks() {
    while (!at_end() && std::string_view(" \t\r\n").find(text_[offset_]) != std::string_view::npos) advance();
  }

  // Skips a string token and returns its raw text, quotes included.
  std::string_view string_token() {
    const std::size_t start = offset_;
    advance();  // the opening quote
    while (!at_end() && text_[offset_] != '"') {
      if (text_[offset_] == '\\') advance();
      if (!at_end()) advance();
    }
    if (!at_end()) advance();  // the closing quote
    return text_.substr(start, offset_ - start);
  }

  static std::string escaped_key(const std::string& key) {
    std::string out;
    for (const char c : key) {
      if (c == '~') out += "~0";
      else if (c == '/') out += "~1";
      else out += c;
    }
    return out;
  }

  void members(const std::string& pointer) {
    advance();  // {
    for (skip_blanks(); !at_end() && text_[offset_] != '}';) {
      const std::string key = nlohmann::json::parse(string_token()).get<std::string>();
      skip_blanks();
      advance();  // :
      value(pointer + "/" + escaped_key(key));
      skip_blanks();
      if (!at_end() && text_[offset_] == ',') advance();
      skip_blanks();
    }
    if (!at_end()) advance();  // }
  }

  void elements(const std::string& pointer) {
    advance();  // [
    std::size_t index = 0;
    for (skip_blanks(); !at_end() && text_[offset_] != ']'; ++index) {
      value(pointer + "/" + std::to_string(index));
      skip_blanks();
      if (!at_end() && text_[offset_] == ',') advance();
      skip_blanks();
    }
    if (!at_end()) advance();  // ]
  }

  std::string_view text_;
  std::unordered_map<std::string, std::size_t>& out_;
  std::size_t offset_ = 0;
};

}  // namespace

TextPosition position_of_offset(std::string_view text, std::size_t offset) {
  TextPosition position;
  const std::size_t end = std::min(offset, text.size());
  for (std::size_t i = 0; i < end; ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n') {
      ++position.line;
      position.column = 1;
    } else if ((byte & 0xC0u) != 0x80u) {
      ++position.column;
    }
  }
  return position;
}

JsonPositions::JsonPositions(std::string_view text) : text_(text) { PositionScanner(text_, offsets_).value(""); }

TextPosition JsonPositions::at(const std::string& pointer) const {
  auto found = offsets_.find(pointer);
  if (found == offsets_.end()) found = offsets_.find("");
  return found == offsets_.end() ? TextPosition{} : position_of_offset(text_, found->second);
}

}  // namespace partnerpulse
