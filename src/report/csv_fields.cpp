#include "report/csv_fields.hpp"

#include "util/decimal_format.hpp"
#include "util/text_filters.hpp"

namespace partnerpulse {

std::string quoted(std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
  std::string out = "\"";
  for (const char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string text_field(std::string_view text) {
  std::string clean = strip_control_characters(text);
  if (!clean.empty() && std::string_view("=+-@\t\r").find(clean.front()) != std::string_view::npos) {
    clean.insert(clean.begin(), '\'');
  }
  return quoted(clean);
}

std::string number_field(const std::optional<double>& value) { return format_fixed(value, 2, ""); }

}  // namespace partnerpulse
