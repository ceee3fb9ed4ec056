#pragma once
// Decimal figures as the reports print them: one rounding rule for every renderer, and for every threshold that
// scoring decides on a printed figure (docs/scoring.md, "Figures and thresholds").

#include <optional>
#include <string>
#include <string_view>

namespace partnerpulse {

// `value` with exactly `decimals` decimals, rounded half away from zero from its shortest round-trip decimal
// form (the one JSON shows): 26.25 -> "26.3", 0.15 -> "0.2", -1.25 -> "-1.3". A figure that rounds to zero is
// "0.0", never "-0.0". Empty when `value` is not finite.
std::string format_fixed(double value, int decimals);

// The same for an optional figure; `missing` when it is empty or not finite.
std::string format_fixed(const std::optional<double>& value, int decimals, std::string_view missing);

// A change as reports print it: format_fixed with a `+` before a positive figure ("+4.5", "-3.2", "0.0"), so that
// the direction reads at a glance; `missing` when empty or not finite.
std::string format_change(const std::optional<double>& value, int decimals, std::string_view missing);

// The figure format_fixed prints, as a number: the double nearest to that decimal. `value` when not finite.
double rounded_as_printed(double value, int decimals);

}  // namespace partnerpulse
