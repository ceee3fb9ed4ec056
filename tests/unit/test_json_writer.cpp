// The JSON writing shared by the renderers (src/report/json_writer.cpp).

#include <limits>
#include <string>

#include <boost/test/unit_test.hpp>

#include "report/json_writer.hpp"

using namespace partnerpulse;

BOOST_AUTO_TEST_SUITE(json_writer)

BOOST_AUTO_TEST_CASE(numbers_are_null_when_empty_or_not_finite) {
  BOOST_TEST(number(1.0 / 3.0).get<double>() == 1.0 / 3.0);
  BOOST_TEST(number(std::nullopt).is_null());
  BOOST_TEST(number(std::numeric_limits<double>::quiet_NaN()).is_null());
  BOOST_TEST(number(-std::numeric_limits<double>::infinity()).is_null());
}

BOOST_AUTO_TEST_CASE(objects_keep_the_order_keys_are_added_in) {
  const Json object = ObjectBuilder(3).add("z", 1).add("a", nullptr).add("m", array_of(std::vector<int>{3, 1}, [](int v) {
                                                                            return Json(v * 2);
                                                                          }))
                          .take();
  BOOST_TEST(object.dump() == R"({"z":1,"a":null,"m":[6,2]})");
  BOOST_TEST(array_with_room(10).dump() == "[]");
}

BOOST_AUTO_TEST_CASE(html_and_line_separators_are_escaped_and_read_back_the_same) {
  const Json doc = ObjectBuilder(1).add("t", "</script><b>\xE2\x80\xA8x\xE2\x80\xA9\xE2\x80\xAA").take();
  const std::string text = dump_escaped(doc);
  BOOST_TEST(text == "{\n  \"t\": \"\\u003c/script\\u003e\\u003cb\\u003e\\u2028x\\u2029\xE2\x80\xAA\"\n}");
  BOOST_TEST(nlohmann::json::parse(text)["t"] == "</script><b>\xE2\x80\xA8x\xE2\x80\xA9\xE2\x80\xAA");
  BOOST_TEST(dump_escaped(Json("plain")) == "\"plain\"");
  BOOST_TEST(dump_escaped(Json(std::string("\xE2\x80"))) == "\"\xEF\xBF\xBD\"");  // invalid UTF-8 replaced
  BOOST_TEST(dump_escaped(Json("\x1b")) == "\"\\u001b\"");
}

BOOST_AUTO_TEST_SUITE_END()
