// The change columns of `report`: each group's change since its partnership's previous period.

#include <algorithm>

#include "compare/dimension_change.hpp"
#include "partnerpulse/compare.hpp"
#include "util/natural_order.hpp"

namespace partnerpulse {

namespace {

void add_changes(const GroupResult& before, GroupResult& after) {
  after.previous_period = before.period;
  if (before.withheld || after.withheld) return;
  // The overall change needs both overall indexes to be the mean of the same dimensions, each comparable.
  bool same_basis = std::all_of(before.dimensions.begin(), before.dimensions.end(), [&](const DimensionResult& b) {
    return !compare::shown_index(&b) || std::any_of(after.dimensions.begin(), after.dimensions.end(),
                                                    [&](const DimensionResult& a) {
                                                      return a.questionnaire == b.questionnaire && a.id == b.id;
                                                    });
  });
  for (std::size_t d = 0; d < after.dimensions.size(); ++d) {
    DimensionResult& dimension = after.dimensions[d];
    const auto found = std::find_if(before.dimensions.begin(), before.dimensions.end(), [&](const DimensionResult& b) {
      return b.questionnaire == dimension.questionnaire && b.id == dimension.id;
    });
    const DimensionResult* earlier = found == before.dimensions.end() ? nullptr : &*found;
    const compare::DimensionChange change =
        compare::dimension_change(earlier, &dimension, before.period, after.period);
    dimension.change = change.change;
    dimension.significant = change.significant;
    const bool shown_before = compare::shown_index(earlier).has_value();
    const bool shown_after = compare::shown_index(&dimension).has_value();
    if (shown_before != shown_after || (shown_after && !change.comparable)) same_basis = false;
    // Said only where both indexes are shown but the change is not: the reader sees two figures and no change.
    if (compare::shown_index(earlier) && compare::shown_index(&dimension) && !change.comparable) {
      dimension.change_note = change.note;
    }
    for (GapResult& gap : after.gaps) {
      if (gap.questionnaire != dimension.questionnaire || gap.dimension != dimension.id) continue;
      for (const GapResult& old : before.gaps) {
        if (old.questionnaire == gap.questionnaire && old.dimension == gap.dimension) {
          gap.change = compare::gap_change(old.gap, gap.gap, change.comparable);
        }
      }
    }
  }
  if (same_basis && before.overall_index && after.overall_index) {
    after.overall_change = printed_change(*before.overall_index, *after.overall_index);
  }
}

}  // namespace

void add_changes_since_previous_period(Results& results) {
  std::vector<std::size_t> order(results.groups.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const GroupResult& x = results.groups[a];
    const GroupResult& y = results.groups[b];
    if (x.partnership != y.partnership) return x.partnership < y.partnership;
    return natural_less(x.period, y.period);
  });
  for (std::size_t k = 1; k < order.size(); ++k) {
    const GroupResult& before = results.groups[order[k - 1]];
    GroupResult& after = results.groups[order[k]];
    if (before.partnership == after.partnership) add_changes(before, after);
  }
}

}  // namespace partnerpulse
