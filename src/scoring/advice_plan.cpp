// Which dimensions a report's "What to do next" starts with, and in which order the rest of the advice follows.

#include <algorithm>
#include <cmath>

#include "partnerpulse/results.hpp"

namespace partnerpulse {

namespace {

bool shown(const DimensionResult& d) { return !d.withheld && d.index && std::isfinite(*d.index); }

bool below_top_band(const DimensionResult& d) { return shown(d) && d.band && !d.band->top; }

// The dimensions below their top band, lowest index first; ties keep table order.
std::vector<std::size_t> lowest_first(const GroupResult& group) {
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < group.dimensions.size(); ++i) {
    if (below_top_band(group.dimensions[i])) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return *group.dimensions[a].index < *group.dimensions[b].index;
  });
  return order;
}

// The shown dimensions with a flagged gap, largest gap first; ties keep table order.
std::vector<std::size_t> largest_gap_first(const GroupResult& group) {
  std::vector<std::pair<std::size_t, double>> flagged;
  for (std::size_t i = 0; i < group.dimensions.size(); ++i) {
    const GapResult* gap = shown(group.dimensions[i]) ? flagged_gap(group, group.dimensions[i]) : nullptr;
    if (gap) flagged.emplace_back(i, *gap->gap);
  }
  std::stable_sort(flagged.begin(), flagged.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<std::size_t> order;
  for (const auto& entry : flagged) order.push_back(entry.first);
  return order;
}

}  // namespace

const GapResult* flagged_gap(const GroupResult& group, const DimensionResult& d) {
  for (const GapResult& gap : group.gaps) {
    if (gap.flagged && gap.gap && gap.questionnaire == d.questionnaire && gap.dimension == d.id) return &gap;
  }
  return nullptr;
}

AdvicePlan plan_advice(const GroupResult& group) {
  const std::vector<std::size_t> low = lowest_first(group);
  std::vector<std::size_t> candidates;
  if (!low.empty()) candidates.push_back(low.front());
  for (const std::size_t i : largest_gap_first(group)) candidates.push_back(i);
  candidates.insert(candidates.end(), low.begin(), low.end());
  AdvicePlan plan;
  for (const std::size_t i : candidates) {
    if (plan.priorities.size() == max_priorities) break;
    if (std::find(plan.priorities.begin(), plan.priorities.end(), i) == plan.priorities.end()) {
      plan.priorities.push_back(i);
    }
  }
  for (const std::size_t i : low) {
    if (std::find(plan.priorities.begin(), plan.priorities.end(), i) == plan.priorities.end()) plan.others.push_back(i);
  }
  return plan;
}

}  // namespace partnerpulse
