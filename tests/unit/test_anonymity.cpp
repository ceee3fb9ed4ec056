#include <boost/test/unit_test.hpp>

#include "scoring/anonymity.hpp"

using namespace partnerpulse;
using namespace partnerpulse::scoring;

BOOST_AUTO_TEST_SUITE(anonymity)

BOOST_AUTO_TEST_CASE(cells_below_the_minimum_are_withheld) {
  const std::vector<bool> withheld = cells_to_withhold({{"a", 5}, {"b", 2}, {"c", 4}, {"d", 1}}, 0, 3);
  BOOST_TEST(withheld == (std::vector<bool>{false, true, false, true}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(the_smallest_shown_cell_is_withheld_when_the_hidden_ones_are_few) {
  // c (1) alone would be total - a - b: b, the smallest shown, is withheld too.
  BOOST_TEST(cells_to_withhold({{"a", 5}, {"b", 4}, {"c", 1}}, 0, 3) == (std::vector<bool>{false, true, true}),
             boost::test_tools::per_element());
  // Two hidden people elsewhere (in withheld roles): the smallest cell goes too, the first of equal ones.
  BOOST_TEST(cells_to_withhold({{"a", 4}, {"b", 4}}, 2, 3) == (std::vector<bool>{true, false}),
             boost::test_tools::per_element());
  // Enough hidden already: nothing more is withheld.
  BOOST_TEST(cells_to_withhold({{"a", 4}, {"b", 4}}, 3, 3) == (std::vector<bool>{false, false}),
             boost::test_tools::per_element());
  // Nothing left to withhold: the loop ends.
  BOOST_TEST(cells_to_withhold({{"a", 1}}, 0, 3) == (std::vector<bool>{true}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(split_roles_gives_each_withheld_role_its_reason) {
  const RoleSplit split = split_roles({{"funder", 4}, {"partner", 6}, {"peer", 2}}, 3);
  BOOST_REQUIRE_EQUAL(split.shown.size(), 1u);
  BOOST_TEST(split.shown[0].role == "partner");
  BOOST_REQUIRE_EQUAL(split.withheld.size(), 2u);
  BOOST_TEST(split.withheld[0].role == "funder");
  BOOST_TEST(split.withheld[0].reason == "withheld too, so that a smaller withheld role cannot be worked out from "
                                         "the totals");
  BOOST_TEST(split.withheld[1].role == "peer");
  BOOST_TEST(split.withheld[1].reason == "fewer than 3 respondents");
}

BOOST_AUTO_TEST_SUITE_END()
