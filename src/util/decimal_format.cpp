#include "util/decimal_format.hpp"

#include <charconv>
#include <cmath>
#include <cstddef>

#include <fmt/format.h>

namespace partnerpulse {

namespace {

// Adds one unit in the last place to a string of decimal digits, carrying as far as needed.
void increment_digits(std::string& digits) {
  for (std::size_t i = digits.size(); i > 0; --i) {
    if (digits[i - 1] != '9') {
      ++digits[i - 1];
      return;
    }
    digits[i - 1] = '0';
  }
  digits.insert(digits.begin(), '1');
}

}  // namespace

std::string format_fixed(double value, int decimals) {
  if (!std::isfinite(value)) return {};
  const auto places = static_cast<std::size_t>(decimals < 0 ? 0 : decimals);
  std::string shortest = fmt::format("{}", value);
  if (shortest.find_first_of("eE") != std::string::npos) {
    // Very large or very small: no tie can arise at a few decimals.
    shortest = fmt::format("{:.{}f}", value, places + 2);
  }
  const bool negative = shortest.front() == '-';
  if (negative) shortest.erase(0, 1);
  const std::size_t point = shortest.find('.');
  const std::string whole = shortest.substr(0, point);
  std::string fraction = point == std::string::npos ? std::string() : shortest.substr(point + 1);
  const bool round_up = fraction.size() > places && fraction[places] >= '5';
  fraction.resize(places, '0');
  std::string digits = whole + fraction;
  if (round_up) increment_digits(digits);
  std::string out = digits.substr(0, digits.size() - places);
  if (places > 0) out += "." + digits.substr(digits.size() - places);
  if (negative && out.find_first_not_of("0.") != std::string::npos) out.insert(out.begin(), '-');
  return out;
}

std::string format_fixed(const std::optional<double>& value, int decimals, std::string_view missing) {
  if (!value || !std::isfinite(*value)) return std::string(missing);
  return format_fixed(*value, decimals);
}

double rounded_as_printed(double value, int decimals) {
  if (!std::isfinite(value)) return value;
  const std::string printed = format_fixed(value, decimals);
  double result = value;
  std::from_chars(printed.data(), printed.data() + printed.size(), result);
  return result;
}

std::string format_change(const std::optional<double>& value, int decimals, std::string_view missing) {
  std::string text = format_fixed(value, decimals, missing);
  if (value && text != missing && text.front() != '-' && rounded_as_printed(*value, decimals) != 0.0) {
    text.insert(text.begin(), '+');
  }
  return text;
}

}  // namespace partnerpulse
