#include "util/decimal_format.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <string_view>

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
  // The shortest digits that read back as `value`, never with an exponent: 512 characters hold any double.
  char buffer[512];
  const auto written = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
  if (written.ec != std::errc()) return fmt::format("{:.{}f}", value, places);
  std::string_view shortest(buffer, static_cast<std::size_t>(written.ptr - buffer));
  const bool negative = shortest.front() == '-';
  if (negative) shortest.remove_prefix(1);
  const std::size_t point = shortest.find('.');
  const std::string_view whole = shortest.substr(0, point);
  const std::string_view fraction = point == std::string_view::npos ? std::string_view() : shortest.substr(point + 1);
  const bool round_up = fraction.size() > places && fraction[places] >= '5';
  const std::size_t kept = std::min(fraction.size(), places);
  std::string digits;
  digits.reserve(whole.size() + places + 1);
  digits.append(whole).append(fraction.substr(0, kept)).append(places - kept, '0');
  if (round_up) increment_digits(digits);
  std::string out;
  out.reserve(digits.size() + 2);
  if (negative && digits.find_first_not_of('0') != std::string::npos) out += '-';
  out.append(digits, 0, digits.size() - places);
  if (places > 0) out.append(1, '.').append(digits, digits.size() - places, places);
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
