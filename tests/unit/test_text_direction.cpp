#include <boost/test/unit_test.hpp>

#include "util/bidi_isolation.hpp"
#include "util/text_direction.hpp"

using namespace partnerpulse;

BOOST_AUTO_TEST_SUITE(text_direction)

BOOST_AUTO_TEST_CASE(isolates_only_in_right_to_left_languages) {
  BOOST_TEST(is_right_to_left_language("ar"));
  BOOST_TEST(is_right_to_left_language("ar-EG"));
  BOOST_TEST(!is_right_to_left_language("fr"));
  BOOST_TEST(isolate_for_terminal("ar", "north") == "\u2068north\u2069");
  BOOST_TEST(isolate_for_terminal("fr", "north") == "north");
  BOOST_TEST(isolate_for_terminal("", "north") == "north");
}

BOOST_AUTO_TEST_SUITE_END()
