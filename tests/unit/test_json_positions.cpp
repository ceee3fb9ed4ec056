// Where each value of a JSON text starts, by JSON pointer (src/compare/json_positions.cpp).

#include <string>

#include <boost/test/unit_test.hpp>

#include "compare/json_positions.hpp"

using namespace partnerpulse;

namespace {

std::string at(const JsonPositions& positions, const std::string& pointer) {
  const TextPosition p = positions.at(pointer);
  return std::to_string(p.line) + ":" + std::to_string(p.column);
}

std::string of_offset(std::string_view text, std::size_t offset) {
  const TextPosition p = position_of_offset(text, offset);
  return std::to_string(p.line) + ":" + std::to_string(p.column);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(json_positions)

BOOST_AUTO_TEST_CASE(an_offset_is_a_line_and_a_column_in_code_points) {
  BOOST_TEST(of_offset("", 0) == "1:1");
  BOOST_TEST(of_offset("ab\ncd", 1) == "1:2");
  BOOST_TEST(of_offset("ab\ncd", 3) == "2:1");
  BOOST_TEST(of_offset("ab\ncd", 4) == "2:2");
  BOOST_TEST(of_offset("ab\ncd", 99) == "2:3");  // clamped to the end
  BOOST_TEST(of_offset("\xC3\xA9\xE2\x82\xAC" "x", 5) == "1:3");  // é and € are one column each
  BOOST_TEST(of_offset("a\r\nb", 3) == "2:1");
}

BOOST_AUTO_TEST_CASE(every_value_is_found_by_its_pointer) {
  const JsonPositions positions(R"({
  "a": [1, {"b": "x"}, [true, null]],
  "c": {"d": -2.5e3},
  "e": ""
})");
  BOOST_TEST(at(positions, "") == "1:1");
  BOOST_TEST(at(positions, "/a") == "2:8");
  BOOST_TEST(at(positions, "/a/0") == "2:9");
  BOOST_TEST(at(positions, "/a/1") == "2:12");
  BOOST_TEST(at(positions, "/a/1/b") == "2:18");
  BOOST_TEST(at(positions, "/a/2") == "2:24");
  BOOST_TEST(at(positions, "/a/2/1") == "2:31");
  BOOST_TEST(at(positions, "/c/d") == "3:14");
  BOOST_TEST(at(positions, "/e") == "4:8");
}

BOOST_AUTO_TEST_CASE(strings_with_brackets_quotes_and_escapes_do_not_confuse_the_walk) {
  const JsonPositions positions(R"({"s": "}],\"[{", "t": "\\", "u": 1})");
  BOOST_TEST(at(positions, "/t") == "1:23");
  BOOST_TEST(at(positions, "/u") == "1:34");
}

BOOST_AUTO_TEST_CASE(keys_are_decoded_and_escaped_as_json_pointers) {
  const JsonPositions positions(R"({"a/b": 1, "m~n": 2, "\u0041\u00e9": 3})");
  BOOST_TEST(at(positions, "/a~1b") == "1:9");
  BOOST_TEST(at(positions, "/m~0n") == "1:19");
  BOOST_TEST(at(positions, "/A\xC3\xA9") == "1:38");
  BOOST_TEST(at(positions, "/a/b") == "1:1");  // not a pointer of this text: the root
}

BOOST_AUTO_TEST_CASE(an_unknown_pointer_gives_the_root) {
  const JsonPositions positions("\n\n  {\"a\": 1}");
  BOOST_TEST(at(positions, "") == "3:3");
  BOOST_TEST(at(positions, "/a") == "3:9");
  BOOST_TEST(at(positions, "/b") == "3:3");
}

BOOST_AUTO_TEST_SUITE_END()
