// The progress line (src/util/progress_line.cpp): only on a terminal, only after a second, erased at the end.

#include <chrono>
#include <sstream>
#include <thread>

#include <boost/test/unit_test.hpp>

#include "util/progress_line.hpp"

using namespace partnerpulse;

BOOST_AUTO_TEST_SUITE(progress_line)

BOOST_AUTO_TEST_CASE(nothing_when_standard_error_is_not_a_terminal) {
  std::ostringstream err;
  {
    ProgressLine line(err, false);
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    line.show("partnerpulse: 1 of 2 files found read");
  }
  BOOST_TEST(err.str().empty());
}

BOOST_AUTO_TEST_CASE(shown_after_a_second_and_erased_at_the_end) {
  std::ostringstream err;
  {
    ProgressLine line(err, true);
    line.show("early");  // a quick run shows nothing
    BOOST_TEST(err.str().empty());
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    line.show("late");
    line.show("too soon after");  // at most ten redraws a second
  }
  BOOST_TEST(err.str() == "\r\x1b[Klate\r\x1b[K");
}

BOOST_AUTO_TEST_SUITE_END()
