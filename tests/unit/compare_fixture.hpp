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

// A comparison as compare_periods leaves it, with hostile texts wherever an input can put text (pipes, HTML,
// newlines, terminal escapes, bidi controls, formula starts): a partnership in 2023 and 2024 with one comparable
// dimension, one withheld in 2023, a role, a gap and an item; and one present in 2023 only.
inline Comparison hostile_comparison() {
  Comparison c;
  c.periods = {"2023", "2024"};
  PartnershipComparison p;
  p.partnership = "Bridging | gaps <script>alert(1)</script>\x1b[31m\xE2\x80\xAE";
  p.periods = {"2023", "2024"};
  p.from = "2023";
  p.to = "2024";
  p.overall_from = 48.25;
  p.overall_to = 61.0;
  p.overall_note = "the two overall indexes are not the mean of the same dimensions measured the same way";
  const auto trust_dimension = [](std::string id, std::string title, std::optional<double> from,
                                   std::optional<double> to) {
    DimensionComparison d;
    d.questionnaire = "trust";
    d.id = std::move(id);
    d.title = LocalizedText("en", std::move(title));
    d.questionnaire_title = LocalizedText("en", "Trust");
    d.from = from;
    d.to = to;
    d.series = {from, to};
    return d;
  };
  DimensionComparison shown = trust_dimension("respect", "Respect | <b>bold</b>\nsecond line", 50.04, 60.06);
  shown.change = 10.0;
  shown.se = 4.47213595499958;
  shown.df = 18.0;
  shown.margin = 9.39558;
  shown.significant = true;
  DimensionComparison withheld = trust_dimension("voice", "=HYPERLINK(\"http://evil\")", std::nullopt, 70.0);
  withheld.comparable = false;
  withheld.note = "withheld in 2023 (too few respondents)";
  p.dimensions = {shown, withheld};
  p.roles.push_back({"north | <i>", {{"trust", "respect", 40.0, 52.5, 12.5}, {"trust", "voice", {}, 71.0, {}}}});
  p.gaps.push_back({"trust", "respect", 20.0, 12.5, -7.5});
  p.gaps.push_back({"trust", "voice", {}, 3.0, {}});
  p.items.push_back({"trust", "listens", "respect", LocalizedText("en", "They listen | <u>well</u>\x1b]8;;http://x\x07"),
                     true, 30.0, 35.25, 5.3});
  c.partnerships.push_back(p);
  PartnershipComparison solo;
  solo.partnership = "solo";
  solo.periods = {"2023"};
  solo.absent_from = {"2024"};
  solo.from = solo.to = "2023";
  c.partnerships.push_back(solo);
  return c;
}

}  // namespace partnerpulse::test
