#include "compare/dimension_change.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "partnerpulse/interface_text.hpp"
#include "util/decimal_format.hpp"

namespace partnerpulse::compare {

namespace {

// Why the dimension has no index to compare in `period`, or nothing when it has one.
std::optional<std::string> missing_reason(const DimensionResult* dimension, std::string_view period) {
  if (dimension == nullptr) return fill(tr("not measured in {}"), period);
  if (dimension->withheld) return fill(tr("withheld in {} (too few respondents)"), period);
  if (!dimension->index) return fill(tr("no index in {}"), period);
  return std::nullopt;
}

}  // namespace

std::optional<double> shown_index(const DimensionResult* dimension) {
  if (dimension == nullptr || dimension->withheld) return std::nullopt;
  return dimension->index;
}

DimensionChange dimension_change(const DimensionResult* before, const DimensionResult* after,
                                 std::string_view before_period, std::string_view after_period) {
  DimensionChange out;
  std::vector<std::string> notes;
  if (before && after && before->measure && after->measure) {
    std::vector<std::string> differences;
    for (const MeasureDifference& difference : measure_differences(*before->measure, *after->measure)) {
      differences.push_back(describe(difference));
    }
    out.comparable = differences.empty();
    if (!out.comparable) {
      notes.push_back(fill(tr("not comparable: {}"), fmt::format("{}", fmt::join(differences, ", "))));
    } else if (before->measure->questionnaire_version != after->measure->questionnaire_version) {
      notes.push_back(fill(tr("same items in versions {0} and {1}"), before->measure->questionnaire_version,
                           after->measure->questionnaire_version));
    }
  }
  for (const auto& reason : {missing_reason(before, before_period), missing_reason(after, after_period)}) {
    if (reason) notes.push_back(*reason);
  }
  out.note = fmt::format("{}", fmt::join(notes, "; "));
  const std::optional<double> from = shown_index(before), to = shown_index(after);
  if (!out.comparable || !from || !to) return out;
  out.change = printed_change(*from, *to);
  out.test = welch_test({*from, before->sd, before->n}, {*to, after->sd, after->n});
  out.significant = beyond_noise(*out.change, out.test);
  return out;
}

std::optional<double> gap_change(const std::optional<double>& before, const std::optional<double>& after,
                                 bool comparable) {
  if (!comparable || !before || !after) return std::nullopt;
  return rounded_as_printed(*after - *before, 1);
}

}  // namespace partnerpulse::compare
