// The JSON writing shared by the renderers (src/report/json_writer.cpp).

#include <limits>
#include <optional>
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

BOOST_AUTO_TEST_CASE(the_stream_writes_the_bytes_dump_writes) {
  const Json doc = ObjectBuilder(9)
                       .add("s", "plain text")
                       .add("u", "caf\xC3\xA9 \"q\" \\ tab\t line\n \x01 bad \xE2\x80")
                       .add("i", -42)
                       .add("n", std::size_t{18446744073709551615u})
                       .add("d", Json::array({0.1, 1.0, -0.0, 1e21, 1e-7, 123456.789, 2.0 / 3.0}))
                       .add("b", Json::array({true, false, nullptr}))
                       .add("e", Json::array())
                       .add("o", Json::object())
                       .add("x", ObjectBuilder(2).add("a", Json::array({Json::object()})).add("z", nullptr).take())
                       .take();
  std::string text;
  JsonStream out(text);
  out.begin_object().member("s", "plain text");
  out.member("u", std::string("caf\xC3\xA9 \"q\" \\ tab\t line\n \x01 bad \xE2\x80"));
  out.member("i", -42).member("n", std::size_t{18446744073709551615u}).key("d").begin_array();
  for (const double d : {0.1, 1.0, -0.0, 1e21, 1e-7, 123456.789, 2.0 / 3.0}) out.value(d);
  out.end_array().key("b").begin_array().value(true).value(false).value(nullptr).end_array();
  out.key("e").begin_array().end_array().key("o").begin_object().end_object();
  out.key("x").begin_object().key("a").begin_array().begin_object().end_object().end_array();
  out.member("z", std::optional<double>{}).end_object().end_object();
  BOOST_TEST(text == dump_escaped(doc, false));
  BOOST_TEST(escape_html_characters("\"<\xE2\x80\xA8>\"") == "\"\\u003c\\u2028\\u003e\"");

  // At a depth, as a member of an array two levels down.
  std::string nested = "    ";
  JsonStream inner(nested, 2);
  inner.begin_object().member("k", std::numeric_limits<double>::quiet_NaN()).end_object();
  const std::string whole = dump_escaped(Json::array({Json::array({ObjectBuilder(1).add("k", nullptr).take()})}), false);
  BOOST_TEST(nested == whole.substr(6, whole.size() - 12));
}

BOOST_AUTO_TEST_SUITE_END()
