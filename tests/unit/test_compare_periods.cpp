// Comparing partnerships across the periods of the inputs (src/compare/compare_periods.cpp): matching by
// partnership, the order of periods, absent and withheld periods, and the inputs it refuses.

#include <cmath>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "compare_fixture.hpp"
#include "partnerpulse/compare.hpp"

using namespace partnerpulse;
using namespace partnerpulse::test;

namespace {

using Strings = std::vector<std::string>;

const PartnershipComparison& partnership(const Comparison& comparison, const std::string& name) {
  for (const PartnershipComparison& p : comparison.partnerships) {
    if (p.partnership == name) return p;
  }
  BOOST_FAIL("no partnership " << name);
  return comparison.partnerships.front();
}

// The one problem compare_periods reports for `inputs`.
Diagnostic problem_of(const std::vector<ComparisonInput>& inputs) {
  try {
    compare_periods(inputs);
  } catch (const InputError& error) {
    BOOST_TEST_REQUIRE(error.diagnostics().size() == 1u);
    return error.diagnostics().front();
  }
  BOOST_FAIL("compare_periods accepted the inputs");
  return {};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(compare_periods)

BOOST_AUTO_TEST_CASE(groups_are_matched_by_partnership_whatever_their_order_in_each_input) {
  const Comparison c = partnerpulse::compare_periods(
      {input_of("2023.json", {group_of("p1", "2023", {shown_dimension("d", 50.0)}),
                              group_of("p2", "2023", {shown_dimension("d", 40.0)})}),
       input_of("2024.json", {group_of("p2", "2024", {shown_dimension("d", 45.04)}),
                              group_of("p1", "2024", {shown_dimension("d", 60.0)})})});
  BOOST_TEST((c.periods == Strings{"2023", "2024"}));
  BOOST_TEST_REQUIRE(c.partnerships.size() == 2u);
  BOOST_TEST(c.partnerships[0].partnership == "p1");
  const DimensionComparison& p1 = partnership(c, "p1").dimensions.at(0);
  BOOST_TEST(*p1.from == 50.0);
  BOOST_TEST(*p1.to == 60.0);
  BOOST_TEST(*p1.change == 10.0);
  // Welch: sd 10 and n 10 in both periods, se = sqrt(20), df = 18, margin = t(0.975, 18) * se.
  BOOST_TEST(*p1.se == std::sqrt(20.0), boost::test_tools::tolerance(1e-12));
  BOOST_TEST(*p1.df == 18.0, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(*p1.margin == 2.10092204024096 * std::sqrt(20.0), boost::test_tools::tolerance(1e-9));
  BOOST_TEST(*p1.significant);
  BOOST_TEST(p1.comparable);
  BOOST_TEST(p1.note.empty());
  const DimensionComparison& p2 = partnership(c, "p2").dimensions.at(0);
  BOOST_TEST(*p2.change == 5.0);  // 45.0 - 40.0 as printed, not 5.04
  BOOST_TEST(!*p2.significant);
  BOOST_TEST(partnership(c, "p2").from == "2023");
  BOOST_TEST(partnership(c, "p2").to == "2024");
  BOOST_TEST(*partnership(c, "p1").overall_change == 10.0);
}

BOOST_AUTO_TEST_CASE(periods_run_in_the_order_of_the_inputs_and_changes_from_first_to_last) {
  const Comparison c = partnerpulse::compare_periods(
      {input_of("a", {group_of("p", "2023", {shown_dimension("d", 50.0)})}),
       input_of("b", {group_of("p", "2024-q2", {shown_dimension("d", 70.0)}),
                      group_of("p", "2024", {shown_dimension("d", 55.0)})}),
       input_of("c", {group_of("p", "2024-q10", {shown_dimension("d", 52.5)})})});
  BOOST_TEST((c.periods == Strings{"2023", "2024", "2024-q2", "2024-q10"}));
  const PartnershipComparison& p = c.partnerships.at(0);
  BOOST_TEST((p.periods == c.periods));
  BOOST_TEST(p.absent_from.empty());
  const DimensionComparison& d = p.dimensions.at(0);
  BOOST_TEST_REQUIRE(d.series.size() == 4u);
  BOOST_TEST(*d.series[0] == 50.0);
  BOOST_TEST(*d.series[1] == 55.0);
  BOOST_TEST(*d.series[2] == 70.0);
  BOOST_TEST(*d.series[3] == 52.5);
  BOOST_TEST(*d.change == 2.5);  // 2023 to 2024-q10
}

BOOST_AUTO_TEST_CASE(a_partnership_absent_from_some_periods_says_which) {
  const Comparison c = partnerpulse::compare_periods(
      {input_of("a", {group_of("p", "2023", {shown_dimension("d", 50.0)}),
                      group_of("only-first", "2023", {shown_dimension("d", 1.0)})}),
       input_of("b", {group_of("late", "2024", {shown_dimension("d", 1.0)})}),
       input_of("c", {group_of("p", "2025", {shown_dimension("d", 60.0)})})});
  const PartnershipComparison& p = partnership(c, "p");
  BOOST_TEST((p.periods == Strings{"2023", "2025"}));
  BOOST_TEST((p.absent_from == Strings{"2024"}));
  BOOST_TEST(p.dimensions.at(0).series.size() == 2u);
  BOOST_TEST(*p.dimensions.at(0).change == 10.0);
  for (const char* name : {"only-first", "late"}) {
    const PartnershipComparison& alone = partnership(c, name);
    BOOST_TEST(alone.periods.size() == 1u);
    BOOST_TEST(alone.from == alone.to);
    BOOST_TEST(alone.absent_from.size() == 2u);
    BOOST_TEST(alone.dimensions.empty());
    BOOST_TEST(alone.gaps.empty());
    BOOST_TEST(!alone.overall_change);
  }
}

BOOST_AUTO_TEST_CASE(a_group_withheld_in_either_period_shows_none_of_its_figures) {
  for (const bool first_withheld : {true, false}) {
    BOOST_TEST_CONTEXT("withheld in " << (first_withheld ? "2023" : "2024")) {
      // A scored group that is withheld may still hold figures: none of them may be used.
      GroupResult small = group_of("p", first_withheld ? "2023" : "2024", {shown_dimension("d", 99.0)});
      small.withheld = true;
      small.roles.push_back({"north", 3, {{"q", "d", 3, 99.0, {}}}});
      small.gaps.push_back({"q", "d", 30.0, "north", "south", true, std::nullopt});
      GroupResult shown = group_of("p", first_withheld ? "2024" : "2023", {shown_dimension("d", 60.0)});
      shown.roles.push_back({"north", 5, {{"q", "d", 5, 61.0, {}}}});
      shown.gaps.push_back({"q", "d", 10.0, "north", "south", false, std::nullopt});
      const Comparison c = partnerpulse::compare_periods(
          first_withheld ? std::vector{input_of("a", {small}), input_of("b", {shown})}
                         : std::vector{input_of("a", {shown}), input_of("b", {small})});
      const PartnershipComparison& p = c.partnerships.at(0);
      BOOST_TEST((p.withheld_periods == Strings{small.period}));
      BOOST_TEST_REQUIRE(p.dimensions.size() == 1u);
      const DimensionComparison& d = p.dimensions[0];
      BOOST_TEST(!(first_withheld ? d.from : d.to));
      BOOST_TEST(*(first_withheld ? d.to : d.from) == 60.0);
      BOOST_TEST(!d.change);
      BOOST_TEST(!d.se);
      BOOST_TEST(!d.significant);
      BOOST_TEST(!d.series[first_withheld ? 0 : 1]);
      BOOST_TEST(d.note == "withheld in " + small.period + " (too few respondents)");  // not "not measured"
      BOOST_TEST(!(first_withheld ? p.overall_from : p.overall_to));
      BOOST_TEST(!p.overall_change);
      BOOST_TEST(p.roles.empty());
      BOOST_TEST_REQUIRE(p.gaps.size() == 1u);
      BOOST_TEST(!(first_withheld ? p.gaps[0].from : p.gaps[0].to));
      BOOST_TEST(!p.gaps[0].change);
    }
  }
}

BOOST_AUTO_TEST_CASE(a_withheld_dimension_of_a_shown_group_is_withheld_in_the_comparison) {
  DimensionResult small = shown_dimension("d", 99.0);
  small.withheld = true;
  const Comparison c = partnerpulse::compare_periods(
      {input_of("a", {group_of("p", "2023", {shown_dimension("d", 50.0), shown_dimension("e", 50.0)})}),
       input_of("b", {group_of("p", "2024", {small, shown_dimension("e", 55.0)})})});
  const DimensionComparison& d = c.partnerships.at(0).dimensions.at(0);
  BOOST_TEST(d.id == "d");
  BOOST_TEST(*d.from == 50.0);
  BOOST_TEST(!d.to);
  BOOST_TEST(!d.change);
  BOOST_TEST(d.note == "withheld in 2024 (too few respondents)");
  BOOST_TEST(!c.partnerships.at(0).overall_change);  // the overall indexes are not of the same dimensions
  BOOST_TEST(!c.partnerships.at(0).overall_note.empty());
}

BOOST_AUTO_TEST_CASE(a_dimension_measured_differently_shows_both_indexes_and_no_change) {
  DimensionResult revised = shown_dimension("d", 70.0);
  revised.measure = measured_with({"a"}, "1.1");
  DimensionResult same_items = shown_dimension("e", 70.0);
  same_items.measure = measured_with({"a", "b"}, "1.1");
  const Comparison c = partnerpulse::compare_periods(
      {input_of("a", {group_of("p", "2023", {shown_dimension("d", 50.0), shown_dimension("e", 50.0)})}),
       input_of("b", {group_of("p", "2024", {revised, same_items})})});
  const PartnershipComparison& p = c.partnerships.at(0);
  BOOST_TEST(*p.dimensions[0].from == 50.0);
  BOOST_TEST(*p.dimensions[0].to == 70.0);
  BOOST_TEST(!p.dimensions[0].comparable);
  BOOST_TEST(!p.dimensions[0].change);
  BOOST_TEST(!p.dimensions[0].significant);
  BOOST_TEST(p.dimensions[0].note == "not comparable: item 'b' removed");
  BOOST_TEST(p.dimensions[1].comparable);
  BOOST_TEST(*p.dimensions[1].change == 20.0);
  BOOST_TEST(p.dimensions[1].note == "same items in versions 1.0 and 1.1");
  BOOST_TEST(!p.overall_change);
  BOOST_TEST(p.overall_note ==
             "the two overall indexes are not the mean of the same dimensions measured the same way");
}

BOOST_AUTO_TEST_CASE(roles_gaps_and_items_shown_in_both_periods_are_compared) {
  GroupResult before = group_of("p", "2023", {shown_dimension("d", 50.0)});
  GroupResult after = group_of("p", "2024", {shown_dimension("d", 60.0)});
  before.roles = {{"north", 5, {{"q", "d", 5, 40.0, {}}}}, {"south", 5, {{"q", "d", 5, 60.0, {}}}}};
  after.roles = {{"south", 5, {{"q", "d", 5, 62.5, {}}}}, {"east", 3, {{"q", "d", 3, 10.0, {}}}}};
  before.gaps.push_back({"q", "d", 20.0, "south", "north", true, std::nullopt});
  after.gaps.push_back({"q", "d", 12.5, "south", "east", false, std::nullopt});
  ItemResult item;
  item.questionnaire = "q";
  item.id = "a";
  item.dimension = "d";
  item.index = 30.0;
  before.attention_items.push_back(item);
  item.index = 35.25;
  after.attention_items.push_back(item);
  item.id = "b";  // listed only in 2024
  after.attention_items.push_back(item);
  const Comparison c = partnerpulse::compare_periods({input_of("a", {before}), input_of("b", {after})});
  const PartnershipComparison& p = c.partnerships.at(0);
  BOOST_TEST_REQUIRE(p.roles.size() == 1u);  // north only before, east only after
  BOOST_TEST(p.roles[0].role == "south");
  BOOST_TEST(*p.roles[0].dimensions.at(0).change == 2.5);
  BOOST_TEST_REQUIRE(p.gaps.size() == 1u);
  BOOST_TEST(*p.gaps[0].change == -7.5);
  BOOST_TEST_REQUIRE(p.items.size() == 1u);
  BOOST_TEST(p.items[0].id == "a");
  BOOST_TEST(*p.items[0].change == 5.3);  // 35.3 - 30.0 as printed
}

BOOST_AUTO_TEST_CASE(a_period_given_twice_is_refused_where_the_later_input_writes_it) {
  const Diagnostic d = problem_of({input_of("a.json", {group_of("p", "2024", {shown_dimension("d", 50.0)})}),
                                   input_of("b.json", {group_of("q", "2025", {shown_dimension("d", 50.0)}),
                                                       group_of("p", "2024", {shown_dimension("d", 50.0)})})});
  BOOST_TEST(d.location.path == "b.json");
  BOOST_TEST(d.location.line == 2u);  // the second group of b.json
  BOOST_TEST(d.location.column == 5u);
  BOOST_TEST(d.message == "period '2024' is also in a.json: give each period once");
}

BOOST_AUTO_TEST_CASE(periods_out_of_order_are_refused) {
  const Diagnostic d = problem_of({input_of("2024.json", {group_of("p", "2024", {shown_dimension("d", 50.0)})}),
                                   input_of("2023.json", {group_of("p", "2023", {shown_dimension("d", 50.0)})})});
  BOOST_TEST(d.location.path == "2023.json");
  BOOST_TEST(d.location.line == 1u);
  BOOST_TEST(d.message == "period '2023' comes before period '2024' of 2024.json: give the inputs oldest first "
                          "(periods in natural order, e.g. 2023 < 2024 < 2024-q2)");
}

BOOST_AUTO_TEST_CASE(a_partnership_with_no_dimension_in_common_is_refused) {
  const Diagnostic d = problem_of({input_of("a", {group_of("p", "2023", {shown_dimension("d", 50.0)})}),
                                   input_of("b", {group_of("p", "2024", {shown_dimension("e", 50.0)})})});
  BOOST_TEST(d.location.path == "b");
  BOOST_TEST(d.message == "partnership 'p' has no dimension in common between 2023 and 2024: nothing to compare "
                          "(were other questionnaires answered?)");
}

BOOST_AUTO_TEST_SUITE_END()
