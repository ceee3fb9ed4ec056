#include <cmath>
#include <limits>
#include <optional>

#include <boost/test/unit_test.hpp>

#include "util/decimal_format.hpp"

using namespace partnerpulse;

BOOST_AUTO_TEST_SUITE(decimal_format)

BOOST_AUTO_TEST_CASE(numbers_round_half_away_from_zero_without_locale) {
  BOOST_TEST(format_fixed(62.5, 1) == "62.5");
  BOOST_TEST(format_fixed(26.25, 1) == "26.3");
  BOOST_TEST(format_fixed(43.75, 1) == "43.8");
  BOOST_TEST(format_fixed(0.15, 1) == "0.2");
  BOOST_TEST(format_fixed(-1.25, 1) == "-1.3");
  BOOST_TEST(format_fixed(99.96, 1) == "100.0");
  BOOST_TEST(format_fixed(9.995, 2) == "10.00");
  BOOST_TEST(format_fixed(100.0, 1) == "100.0");
  BOOST_TEST(format_fixed(-0.04, 1) == "0.0");
  BOOST_TEST(format_fixed(-0.0, 2) == "0.00");
  BOOST_TEST(format_fixed(1.0 / 3.0, 2) == "0.33");
  BOOST_TEST(format_fixed(2.0 / 3.0, 2) == "0.67");
  BOOST_TEST(format_fixed(1e-9, 2) == "0.00");
  BOOST_TEST(format_fixed(1e20, 1) == "100000000000000000000.0");
  BOOST_TEST(format_fixed(5.0, 0) == "5");
  BOOST_TEST(format_fixed(std::numeric_limits<double>::quiet_NaN(), 1) == "");
  BOOST_TEST(format_fixed(std::optional<double>(), 1, "—") == "—");
  BOOST_TEST(format_fixed(std::optional<double>(std::numeric_limits<double>::infinity()), 1, "—") == "—");
}
BOOST_AUTO_TEST_CASE(rounded_as_printed_is_the_printed_figure_as_a_number) {
  BOOST_TEST(rounded_as_printed(26.25, 1) == 26.3);
  BOOST_TEST(rounded_as_printed(74.95, 1) == 75.0);  // printed 75.0: at a band boundary of 75, not below it
  BOOST_TEST(rounded_as_printed(74.94999, 1) == 74.9);
  BOOST_TEST(rounded_as_printed(65.1 - 50.1, 1) == 15.0);  // 14.999999999999993 in double arithmetic
  BOOST_TEST(rounded_as_printed(-0.04, 1) == 0.0);
  BOOST_TEST(std::isnan(rounded_as_printed(std::numeric_limits<double>::quiet_NaN(), 1)));
}

BOOST_AUTO_TEST_SUITE_END()
