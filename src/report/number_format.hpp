#pragma once
// Locale-independent number formatting for the renderers: fmt, never iostreams or printf's locale.

#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace partnerpulse {

// `value` with exactly `decimals` decimals, rounded half away from zero from its shortest round-trip decimal
// form (the one JSON shows): 26.25 -> "26.3", 0.15 -> "0.2", -1.25 -> "-1.3". A figure that rounds to zero is
// "0.0", never "-0.0". Empty when `value` is not finite.
inline std::string format_fixed(double value, int decimals) {
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
  std::string whole = shortest.substr(0, point);
  std::string fraction = point == std::string::npos ? std::string() : shortest.substr(point + 1);
  const bool round_up = fraction.size() > places && fraction[places] >= '5';
  fraction.resize(places, '0');
  std::string digits = whole + fraction;
  if (round_up) {
    std::size_t i = digits.size();
    while (i > 0) {
      --i;
      if (digits[i] == '9') {
        digits[i] = '0';
      } else {
        ++digits[i];
        break;
      }
      if (i == 0) digits.insert(digits.begin(), '1');
    }
  }
  std::string out = digits.substr(0, digits.size() - places);
  if (places > 0) out += "." + digits.substr(digits.size() - places);
  if (negative && out.find_first_not_of("0.") != std::string::npos) out.insert(out.begin(), '-');
  return out;
}

// The same for an optional figure; `missing` when it is empty or not finite.
inline std::string format_fixed(const std::optional<double>& value, int decimals, std::string_view missing) {
  if (!value || !std::isfinite(*value)) return std::string(missing);
  return format_fixed(*value, decimals);
}

}  // namespace partnerpulse
