#pragma once
// Internal to the CSV writers (the report, the comparison, the CSV template of `form`): RFC 4180 fields, texts
// neutralised against spreadsheet formulas, numbers with two decimals. Every CSV cell partnerpulse writes from a
// text goes through text_field.

#include <optional>
#include <string>
#include <string_view>

namespace partnerpulse {

// Quotes a field when it holds a comma, a quote or a line break, doubling the quotes inside.
std::string quoted(std::string_view field);

// A text field from an input file: control characters removed, then a leading ' when a spreadsheet would take
// the text for a formula (it starts with = + - @, a tab or a carriage return), then quoted as needed.
std::string text_field(std::string_view text);

// Two decimals (format_fixed), or an empty field.
std::string number_field(const std::optional<double>& value);

}  // namespace partnerpulse
