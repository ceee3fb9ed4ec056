#pragma once
// Internal to the compare layer: the one rule for the change of a dimension (and of its gap) between two periods,
// shared by `compare` and by the change columns of `report`.

#include <optional>
#include <string>
#include <string_view>

#include "partnerpulse/compare.hpp"

namespace partnerpulse::compare {

// The index a report shows for `dimension`: empty when it is absent (nullptr), withheld or not computable.
std::optional<double> shown_index(const DimensionResult* dimension);

struct DimensionChange {
  bool comparable = false;            // both measures known and measure_differences empty
  std::string note;                   // why there is no change, or what differs; empty when there is nothing to say
  std::optional<double> change;       // printed_change, when both indexes are shown and comparable
  std::optional<WelchTest> test;      // when the change is shown and the test computable
  std::optional<bool> significant;    // beyond_noise
};

// The change from `before` (in `before_period`) to `after`; either may be nullptr (not measured in that period,
// or its group withheld).
DimensionChange dimension_change(const DimensionResult* before, const DimensionResult* after,
                                 std::string_view before_period, std::string_view after_period);

// The change of a perception gap (gaps have one decimal): empty unless both are shown and `comparable`.
std::optional<double> gap_change(const std::optional<double>& before, const std::optional<double>& after,
                                 bool comparable);

}  // namespace partnerpulse::compare
