// RFC 4180 fields for the CSV renderers (src/report/csv_fields.cpp).

#include <boost/test/unit_test.hpp>

#include "report/csv_fields.hpp"

using namespace partnerpulse;

BOOST_AUTO_TEST_SUITE(csv_fields)

BOOST_AUTO_TEST_CASE(fields_are_quoted_only_when_needed) {
  BOOST_TEST(quoted("plain | text <b>") == "plain | text <b>");
  BOOST_TEST(quoted("a,b") == "\"a,b\"");
  BOOST_TEST(quoted("say \"hi\"") == "\"say \"\"hi\"\"\"");
  BOOST_TEST(quoted("two\nlines") == "\"two\nlines\"");
  BOOST_TEST(quoted("cr\r") == "\"cr\r\"");
  BOOST_TEST(quoted("") == "");
}

BOOST_AUTO_TEST_CASE(texts_lose_control_characters_and_never_start_a_formula) {
  BOOST_TEST(text_field("=HYPERLINK(\"http://evil\")") == "\"'=HYPERLINK(\"\"http://evil\"\")\"");
  for (const char* start : {"+1", "-1", "@sum", "\tx"}) BOOST_TEST(text_field(start) == std::string("'") + start);
  BOOST_TEST(text_field("\x1b[31m=red") == "'=red");  // the escape goes first, then the = is neutralised
  BOOST_TEST(text_field("a\xE2\x80\xAE" "b\x07") == "ab");
  BOOST_TEST(text_field("line\r\nbreak") == "\"line\nbreak\"");
  BOOST_TEST(text_field("1=1") == "1=1");
  BOOST_TEST(text_field("") == "");
}

BOOST_AUTO_TEST_CASE(numbers_have_two_decimals_and_null_is_empty) {
  BOOST_TEST(number_field(26.255) == "26.26");
  BOOST_TEST(number_field(-0.004) == "0.00");
  BOOST_TEST(number_field(-3.0) == "-3.00");
  BOOST_TEST(number_field(std::nullopt) == "");
}

BOOST_AUTO_TEST_SUITE_END()
