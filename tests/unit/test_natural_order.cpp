#include <algorithm>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "util/natural_order.hpp"

using namespace partnerpulse;

BOOST_AUTO_TEST_SUITE(natural_order)

BOOST_AUTO_TEST_CASE(digit_runs_compare_as_numbers) {
  std::vector<std::string> labels = {"2024-q10", "2024", "2024-q2", "2023", "2024-q1", "wave 10", "wave 9"};
  std::sort(labels.begin(), labels.end(), natural_less);
  BOOST_TEST((labels == std::vector<std::string>{"2023", "2024", "2024-q1", "2024-q2", "2024-q10", "wave 9",
                                                 "wave 10"}));
}

BOOST_AUTO_TEST_CASE(the_order_is_complete) {
  BOOST_TEST(natural_compare("2024", "2024") == 0);
  BOOST_TEST(natural_compare("02024", "2024") != 0);
  BOOST_TEST(natural_less("02024", "2024") != natural_less("2024", "02024"));
  BOOST_TEST(natural_less("", "a"));
  BOOST_TEST(natural_less("a-", "a-2"));
  BOOST_TEST(natural_less("ab", "abc"));
  BOOST_TEST(!natural_less("abc", "ab"));
}

BOOST_AUTO_TEST_SUITE_END()
