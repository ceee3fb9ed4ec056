// The one rule for the change of a dimension and of its gap between two periods (src/compare/dimension_change.cpp).

#include <cmath>

#include <boost/test/unit_test.hpp>

#include "compare/dimension_change.hpp"
#include "compare_fixture.hpp"

using namespace partnerpulse;
using namespace partnerpulse::test;

BOOST_AUTO_TEST_SUITE(dimension_change)

BOOST_AUTO_TEST_CASE(the_shown_index_is_empty_when_absent_withheld_or_not_computable) {
  const DimensionResult shown = shown_dimension("d", 42.5);
  BOOST_TEST(*compare::shown_index(&shown) == 42.5);
  BOOST_TEST(!compare::shown_index(nullptr));
  DimensionResult withheld = shown;
  withheld.withheld = true;
  BOOST_TEST(!compare::shown_index(&withheld));
  const DimensionResult no_index = shown_dimension("d", std::nullopt);
  BOOST_TEST(!compare::shown_index(&no_index));
}

BOOST_AUTO_TEST_CASE(a_comparable_change_is_the_difference_of_the_printed_indexes_with_its_test) {
  const DimensionResult before = shown_dimension("d", 50.04, 10.0, 10);
  const DimensionResult after = shown_dimension("d", 60.06, 10.0, 10);
  const compare::DimensionChange change = compare::dimension_change(&before, &after, "2023", "2024");
  BOOST_TEST(change.comparable);
  BOOST_TEST(change.note.empty());
  BOOST_TEST(*change.change == 10.1);  // 60.1 - 50.0, not 10.02
  BOOST_TEST_REQUIRE(change.test.has_value());
  BOOST_TEST(change.test->se == std::sqrt(20.0), boost::test_tools::tolerance(1e-12));
  BOOST_TEST(*change.significant);
}

BOOST_AUTO_TEST_CASE(a_test_that_cannot_be_computed_leaves_the_change_without_a_noise_flag) {
  const DimensionResult before = shown_dimension("d", 50.0, std::nullopt, 10);
  const DimensionResult after = shown_dimension("d", 55.0, 10.0, 1);
  const compare::DimensionChange change = compare::dimension_change(&before, &after, "2023", "2024");
  BOOST_TEST(*change.change == 5.0);
  BOOST_TEST(!change.test);
  BOOST_TEST(!change.significant);
}

BOOST_AUTO_TEST_CASE(each_missing_side_is_named_in_the_note) {
  const DimensionResult shown = shown_dimension("d", 50.0);
  DimensionResult withheld = shown;
  withheld.withheld = true;
  const DimensionResult no_index = shown_dimension("d", std::nullopt);
  const auto note = [](const DimensionResult* a, const DimensionResult* b) {
    const compare::DimensionChange change = compare::dimension_change(a, b, "2023", "2024");
    BOOST_TEST(!change.change);
    BOOST_TEST(!change.significant);
    return change.note;
  };
  BOOST_TEST(note(nullptr, &shown) == "not measured in 2023");
  BOOST_TEST(note(&shown, nullptr) == "not measured in 2024");
  BOOST_TEST(note(&withheld, &shown) == "withheld in 2023 (too few respondents)");
  BOOST_TEST(note(&shown, &no_index) == "no index in 2024");
  BOOST_TEST(note(nullptr, &withheld) == "not measured in 2023; withheld in 2024 (too few respondents)");
}

BOOST_AUTO_TEST_CASE(different_items_are_not_comparable_and_say_why) {
  const DimensionResult before = shown_dimension("d", 50.0);
  DimensionResult after = shown_dimension("d", 60.0);
  DimensionMeasure measure{"2.0", {{"a", 1, 7, false, 1.0, ""}, {"c", 1, 5, false, 1.0, ""}}};
  after.measure = std::make_shared<const DimensionMeasure>(measure);
  const compare::DimensionChange change = compare::dimension_change(&before, &after, "2023", "2024");
  BOOST_TEST(!change.comparable);
  BOOST_TEST(!change.change);
  BOOST_TEST(change.note == "not comparable: item 'b' removed, item 'a' rescaled (1-5 -> 1-7), item 'c' added");
  after.withheld = true;
  BOOST_TEST(compare::dimension_change(&before, &after, "2023", "2024").note ==
             "not comparable: item 'b' removed, item 'a' rescaled (1-5 -> 1-7), item 'c' added; withheld in 2024 "
             "(too few respondents)");
}

BOOST_AUTO_TEST_CASE(the_same_items_in_another_version_are_comparable_with_a_note) {
  const DimensionResult before = shown_dimension("d", 50.0);
  DimensionResult after = shown_dimension("d", 45.0);
  after.measure = measured_with({"a", "b"}, "1.1");
  const compare::DimensionChange change = compare::dimension_change(&before, &after, "2023", "2024");
  BOOST_TEST(change.comparable);
  BOOST_TEST(*change.change == -5.0);
  BOOST_TEST(change.note == "same items in versions 1.0 and 1.1");
}

BOOST_AUTO_TEST_CASE(an_unknown_measure_is_not_comparable) {
  const DimensionResult before = shown_dimension("d", 50.0);
  DimensionResult after = shown_dimension("d", 45.0);
  after.measure = nullptr;
  const compare::DimensionChange change = compare::dimension_change(&before, &after, "2023", "2024");
  BOOST_TEST(!change.comparable);
  BOOST_TEST(!change.change);
}

BOOST_AUTO_TEST_CASE(a_gap_change_needs_both_gaps_and_a_comparable_dimension) {
  BOOST_TEST(*compare::gap_change(20.0, 12.5, true) == -7.5);
  BOOST_TEST(*compare::gap_change(10.1, 10.3, true) == 0.2);  // rounded: not 0.20000000000000107
  BOOST_TEST(!compare::gap_change(20.0, 12.5, false));
  BOOST_TEST(!compare::gap_change(std::nullopt, 12.5, true));
  BOOST_TEST(!compare::gap_change(20.0, std::nullopt, true));
}

BOOST_AUTO_TEST_SUITE_END()
