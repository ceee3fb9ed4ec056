// Whether two periods measured a dimension the same way (docs/scoring.md, "Comparing periods").

#include <algorithm>

#include <fmt/format.h>

#include "partnerpulse/compare.hpp"
#include "partnerpulse/interface_text.hpp"
#include "util/decimal_format.hpp"

namespace partnerpulse {

namespace {

// The item of `items` that counts as the same as `item` (seen from the other side), or nullptr.
const MeasuredItem* counterpart_in_later(const MeasuredItem& before, const std::vector<MeasuredItem>& later) {
  const auto found = std::find_if(later.begin(), later.end(), [&](const MeasuredItem& now) {
    return same_item(before, now);
  });
  return found == later.end() ? nullptr : &*found;
}

const MeasuredItem* counterpart_in_earlier(const MeasuredItem& now, const std::vector<MeasuredItem>& earlier) {
  const auto found = std::find_if(earlier.begin(), earlier.end(), [&](const MeasuredItem& before) {
    return same_item(before, now);
  });
  return found == earlier.end() ? nullptr : &*found;
}

std::string weight_text(double weight) {
  std::string text = format_fixed(weight, 6);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text;
}

}  // namespace

bool same_item(const MeasuredItem& before, const MeasuredItem& now) {
  return now.id == before.id || (!now.replaces.empty() && now.replaces == before.id);
}

std::vector<MeasureDifference> measure_differences(const DimensionMeasure& before, const DimensionMeasure& now) {
  std::vector<MeasureDifference> differences;
  for (const MeasuredItem& item : before.items) {
    if (!counterpart_in_later(item, now.items)) differences.push_back({MeasureChange::removed, item.id, {}});
  }
  for (const MeasuredItem& item : now.items) {
    const MeasuredItem* earlier = counterpart_in_earlier(item, before.items);
    if (!earlier) {
      differences.push_back({MeasureChange::added, item.id, {}});
      continue;
    }
    if (earlier->min != item.min || earlier->max != item.max) {
      differences.push_back({MeasureChange::rescaled, item.id,
                             fmt::format("{}-{} -> {}-{}", earlier->min, earlier->max, item.min, item.max)});
    }
    if (earlier->reverse != item.reverse) differences.push_back({MeasureChange::reversed, item.id, {}});
    if (earlier->weight != item.weight) {
      differences.push_back({MeasureChange::reweighted, item.id,
                             fmt::format("{} -> {}", weight_text(earlier->weight), weight_text(item.weight))});
    }
  }
  return differences;
}

std::string describe(const MeasureDifference& difference) {
  std::string_view text = tr("item '{}' added");
  switch (difference.kind) {
    case MeasureChange::added: break;
    case MeasureChange::removed: text = tr("item '{}' removed"); break;
    case MeasureChange::rescaled: text = tr("item '{}' rescaled"); break;
    case MeasureChange::reversed: text = tr("item '{}' reversed"); break;
    case MeasureChange::reweighted: text = tr("item '{}' reweighted"); break;
  }
  std::string described = fill(text, difference.item);
  if (!difference.detail.empty()) described += fmt::format(" ({})", difference.detail);
  return described;
}

}  // namespace partnerpulse
