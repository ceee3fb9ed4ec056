// Which dimensions head "What to do next" (src/scoring/advice_plan.cpp).

#include <boost/test/unit_test.hpp>

#include "partnerpulse/results.hpp"

using namespace partnerpulse;

namespace {

// A shown dimension `id` with `index`, in its top band or not.
DimensionResult dimension(const std::string& id, double index, bool top = false) {
  DimensionResult d;
  d.questionnaire = "q";
  d.id = id;
  d.index = index;
  d.band = BandRef{top ? "strength" : "developing", {}, top, !top};
  return d;
}

GapResult gap(const std::string& id, double size, bool flagged = true) {
  GapResult g;
  g.questionnaire = "q";
  g.dimension = id;
  g.gap = size;
  g.highest_role = "north";
  g.lowest_role = "south";
  g.flagged = flagged;
  return g;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(advice_plan)

BOOST_AUTO_TEST_CASE(the_lowest_dimension_then_flagged_gaps_then_the_next_lowest_at_most_three) {
  GroupResult group;
  group.dimensions = {dimension("a", 60), dimension("b", 40), dimension("c", 80, true), dimension("d", 50),
                      dimension("e", 55), dimension("f", 45)};
  group.gaps = {gap("c", 20), gap("e", 25), gap("a", 10, false)};
  const AdvicePlan plan = plan_advice(group);
  // b (lowest), e (largest flagged gap), c (flagged gap, although in its top band).
  BOOST_TEST(plan.priorities == (std::vector<std::size_t>{1, 4, 2}), boost::test_tools::per_element());
  // The rest below the top band, lowest index first: f 45, d 50, a 60.
  BOOST_TEST(plan.others == (std::vector<std::size_t>{5, 3, 0}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(without_gaps_the_three_lowest_and_withheld_dimensions_take_no_part) {
  GroupResult group;
  group.dimensions = {dimension("a", 60), dimension("b", 40), dimension("c", 50), dimension("d", 70),
                      dimension("w", 10)};
  group.dimensions[4].withheld = true;
  group.gaps = {gap("w", 40)};
  const AdvicePlan plan = plan_advice(group);
  BOOST_TEST(plan.priorities == (std::vector<std::size_t>{1, 2, 0}), boost::test_tools::per_element());
  BOOST_TEST(plan.others == (std::vector<std::size_t>{3}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(every_dimension_in_its_top_band_without_gaps_gives_no_priority) {
  GroupResult group;
  group.dimensions = {dimension("a", 90, true), dimension("b", 85, true)};
  const AdvicePlan plan = plan_advice(group);
  BOOST_TEST(plan.priorities.empty());
  BOOST_TEST(plan.others.empty());
  BOOST_TEST(flagged_gap(group, group.dimensions[0]) == nullptr);
}

BOOST_AUTO_TEST_SUITE_END()
