// `partnerpulse diff-questionnaires`: what changed between two questionnaire versions, as plain text.

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "partnerpulse/render_compare.hpp"
#include "util/text_filters.hpp"

namespace partnerpulse {

std::string render_questionnaire_diff(const QuestionnaireDiff& diff) {
  std::string out = fmt::format("{} -> {}\n", diff.old_label, diff.new_label);
  for (const std::string& change : diff.changes) out += fmt::format("  {}\n", change);
  std::vector<std::string> not_comparable;
  for (const DimensionDiff& d : diff.dimensions) {
    const char* status = d.status == DimensionDiff::Status::unchanged ? "unchanged"
                         : d.status == DimensionDiff::Status::added   ? "added"
                         : d.status == DimensionDiff::Status::removed ? "removed"
                                                                      : "changed";
    out += fmt::format("dimension {}: {}, {}\n", d.id, status, d.comparable ? "comparable" : "not comparable");
    for (const std::string& change : d.changes) out += fmt::format("  - {}\n", change);
    if (!d.comparable) not_comparable.push_back(d.id);
  }
  if (not_comparable.empty()) {
    out += "Results stay comparable: every dimension is measured the same way.\n";
  } else {
    out += fmt::format("Results are not comparable for {} of {} dimension(s): {}.\n", not_comparable.size(),
                       diff.dimensions.size(), fmt::join(not_comparable, ", "));
  }
  return strip_control_characters(out);
}

}  // namespace partnerpulse
