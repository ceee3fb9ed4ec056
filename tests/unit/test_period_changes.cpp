// The change columns of `report`: each group's change since its partnership's previous period
// (src/compare/period_changes.cpp).

#include <boost/test/unit_test.hpp>

#include "compare_fixture.hpp"
#include "partnerpulse/compare.hpp"

using namespace partnerpulse;
using namespace partnerpulse::test;

BOOST_AUTO_TEST_SUITE(period_changes)

BOOST_AUTO_TEST_CASE(each_group_changes_from_the_previous_period_of_its_partnership) {
  Results results;
  // Sorted by partnership then natural period, as scoring leaves them: 2024-q10 comes after 2024-q2.
  results.groups = {group_of("a", "2024-q10", {shown_dimension("d", 70.0)}),
                    group_of("a", "2024-q2", {shown_dimension("d", 60.0)}),
                    group_of("a", "2023", {shown_dimension("d", 50.0)}),
                    group_of("b", "2024-q2", {shown_dimension("d", 10.0)})};
  results.groups[1].gaps.push_back({"q", "d", 20.0, "north", "south", true, std::nullopt});
  results.groups[0].gaps.push_back({"q", "d", 12.5, "north", "south", false, std::nullopt});
  add_changes_since_previous_period(results);
  BOOST_TEST(!results.groups[2].previous_period);  // a 2023: the first
  BOOST_TEST(!results.groups[2].dimensions[0].change);
  BOOST_TEST(*results.groups[1].previous_period == "2023");
  BOOST_TEST(*results.groups[1].dimensions[0].change == 10.0);
  BOOST_TEST(*results.groups[0].previous_period == "2024-q2");
  BOOST_TEST(*results.groups[0].dimensions[0].change == 10.0);
  BOOST_TEST(*results.groups[0].dimensions[0].significant);
  BOOST_TEST(*results.groups[0].gaps[0].change == -7.5);
  BOOST_TEST(!results.groups[3].previous_period);  // b has one period: not a's
  BOOST_TEST(!results.groups[3].dimensions[0].change);
}

BOOST_AUTO_TEST_CASE(a_withheld_group_on_either_side_gives_no_change) {
  Results results;
  GroupResult small = group_of("a", "2024", {shown_dimension("d", 99.0)});
  small.withheld = true;
  results.groups = {group_of("a", "2023", {shown_dimension("d", 50.0)}), small,
                    group_of("a", "2025", {shown_dimension("d", 60.0)})};
  add_changes_since_previous_period(results);
  BOOST_TEST(*results.groups[1].previous_period == "2023");
  BOOST_TEST(!results.groups[1].dimensions[0].change);
  BOOST_TEST(*results.groups[2].previous_period == "2024");  // the previous period, though withheld
  BOOST_TEST(!results.groups[2].dimensions[0].change);
  BOOST_TEST(!results.groups[2].dimensions[0].significant);
}

BOOST_AUTO_TEST_CASE(a_note_only_where_both_indexes_are_shown_but_not_comparable) {
  Results results;
  DimensionResult revised = shown_dimension("d", 60.0);
  revised.measure = measured_with({"a"});
  results.groups = {group_of("a", "2023", {shown_dimension("d", 50.0), shown_dimension("e", 50.0)}),
                    group_of("a", "2024", {revised, shown_dimension("new", 40.0)})};
  add_changes_since_previous_period(results);
  const GroupResult& after = results.groups[1];
  BOOST_TEST(!after.dimensions[0].change);
  BOOST_TEST(after.dimensions[0].change_note == "not comparable: item 'b' removed");
  BOOST_TEST(!after.dimensions[1].change);
  BOOST_TEST(after.dimensions[1].change_note.empty());  // not measured before: nothing to explain
}

BOOST_AUTO_TEST_SUITE_END()
