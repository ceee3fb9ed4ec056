#pragma once
// The natural order of labels (period labels: `2023` < `2024` < `2024-q2` < `2024-q10`), used wherever periods
// are put in order: the groups of a report, the previous period of a report's change columns, and `compare`.

#include <string_view>

namespace partnerpulse {

// Compares `a` and `b` run by run: a run of ASCII digits against a run of digits by numeric value (leading zeros
// ignored), anything else byte by byte; a label that is a prefix of the other comes first. Labels equal under
// that rule (`2024` and `02024`) are ordered by their bytes, so the order is complete: natural_compare is 0 only
// for identical labels. Returns a negative number, 0 or a positive number, like std::string_view::compare.
int natural_compare(std::string_view a, std::string_view b);

// natural_compare(a, b) < 0.
inline bool natural_less(std::string_view a, std::string_view b) { return natural_compare(a, b) < 0; }

}  // namespace partnerpulse
