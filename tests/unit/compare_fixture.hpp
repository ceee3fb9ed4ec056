#pragma once
// Hand-built results for the compare tests: dimensions with the items they were measured with, groups of one
// partnership and period, and comparison inputs whose periods are written at known positions.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "partnerpulse/compare.hpp"
#include "partnerpulse/results.hpp"

namespace partnerpulse::test {

// A measure of items `ids`, each on a 1-5 scale, unreversed, weight 1.
inline std::shared_ptr<const DimensionMeasure> measured_with(const std::vector<std::string>& ids,
                                                             std::string version = "1.0") {
  DimensionMeasure measure;
  measure.questionnaire_version = std::move(version);
  for (const std::string& id : ids) measure.items.push_back({id, 1, 5, false, 1.0, ""});
  return std::make_shared<const DimensionMeasure>(std::move(measure));
}

// A shown dimension of questionnaire "q" measured with items a and b.
inline DimensionResult shown_dimension(std::string id, std::optional<double> index, std::optional<double> sd = 10.0,
                                       std::size_t n = 10) {
  DimensionResult d;
  d.questionnaire = "q";
  d.id = std::move(id);
  d.title = LocalizedText("en", "Title of " + d.id);
  d.index = index;
  d.sd = sd;
  d.n = n;
  d.scored_items = 2;
  d.measure = measured_with({"a", "b"});
  return d;
}

inline GroupResult group_of(std::string partnership, std::string period, std::vector<DimensionResult> dimensions) {
  GroupResult g;
  g.partnership = std::move(partnership);
  g.period = std::move(period);
  g.respondents = 10;
  g.dimensions = std::move(dimensions);
  for (const DimensionResult& d : g.dimensions) {
    if (d.index) g.overall_index = g.overall_index.value_or(0.0) + *d.index / static_cast<double>(g.dimensions.size());
  }
  g.questionnaires.push_back({"q", "1.0", LocalizedText("en", "The questionnaire"), g.respondents});
  return g;
}

// A group too small to show: withheld, with no figures.
inline GroupResult withheld_group(std::string partnership, std::string period) {
  GroupResult g = group_of(std::move(partnership), std::move(period), {});
  g.respondents = 2;
  g.withheld = true;
  return g;
}

// An input named `path` whose group g has its period written at line g + 1, column 5.
inline ComparisonInput input_of(std::string path, std::vector<GroupResult> groups) {
  ComparisonInput input;
  input.path = std::move(path);
  input.results.groups = std::move(groups);
  for (std::size_t g = 0; g < input.results.groups.size(); ++g) {
    input.period_locations.push_back({input.path, static_cast<std::uint32_t>(g + 1), 5});
  }
  return input;
}

}  // namespace partnerpulse::test
