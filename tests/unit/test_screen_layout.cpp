#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "terminal/display_width.hpp"
#include "terminal/screen_layout.hpp"

using namespace partnerpulse;

namespace {

using Lines = std::vector<std::string>;

void check_width(const Lines& lines, std::size_t width) {
  for (const auto& line : lines) BOOST_TEST(display_width(line) <= width, "too wide: '" << line << "'");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(screen_layout)

BOOST_AUTO_TEST_CASE(items_are_packed_whole) {
  const Lines items = {"Keys: b back", "s skip", "c comment", "? help", "q save and quit"};
  const Lines lines = wrap_items(items, ", ", 40);
  BOOST_TEST(lines == (Lines{"Keys: b back, s skip, c comment, ? help", "q save and quit"}), boost::test_tools::per_element());
  BOOST_TEST(wrap_items(items, ", ", 200) == Lines{"Keys: b back, s skip, c comment, ? help, q save and quit"});
  BOOST_TEST(wrap_items({}, ", ", 40).empty());
}

BOOST_AUTO_TEST_CASE(items_take_the_indent_and_a_too_wide_item_is_wrapped) {
  const Lines lines = wrap_items({"1 Strongly disagree", "2 Disagree", "3 Neither agree nor disagree"}, "   ", 30, "  ");
  BOOST_TEST(lines == (Lines{"  1 Strongly disagree", "  2 Disagree", "  3 Neither agree nor disagree"}),
             boost::test_tools::per_element());
  const Lines narrow = wrap_items({"a very long item that cannot fit"}, " ", 12, "  ");
  BOOST_TEST(narrow.size() > 1u);
  for (const auto& line : narrow) BOOST_TEST(line.rfind("  ", 0) == 0u);
  check_width(narrow, 12);
}

BOOST_AUTO_TEST_CASE(widths_are_display_widths) {
  // 日本語 takes six columns: three items of six fit in 20 columns with two separators of one.
  const std::string word = "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E";
  BOOST_TEST(wrap_items({word, word, word}, " ", 20).size() == 1u);
  BOOST_TEST(wrap_items({word, word, word}, " ", 19).size() == 2u);
}

BOOST_AUTO_TEST_CASE(definitions_hang_under_their_start) {
  const Lines lines = wrap_definition("s", 3, "skip: go to the next question, leaving this one as it is", 40);
  BOOST_TEST(lines == (Lines{"  s    skip: go to the next question,", "       leaving this one as it is"}),
             boost::test_tools::per_element());
  check_width(lines, 40);
  BOOST_TEST(wrap_definition("na", 2, "", 40) == Lines{"  na"});
}

BOOST_AUTO_TEST_CASE(a_narrow_definition_starts_under_its_term) {
  const Lines lines = wrap_definition("a-long-term", 11, "what it means in a few words", 24);
  BOOST_TEST(lines.front() == "  a-long-term");
  for (std::size_t i = 1; i < lines.size(); ++i) BOOST_TEST(lines[i].rfind("    ", 0) == 0u);
  check_width(lines, 24);
}

BOOST_AUTO_TEST_CASE(screens_give_way_in_step_order) {
  const std::vector<ScreenPart> parts = {
      {{{{"header"}, 0}}},
      {{{{""}, 0}, {{}, 1}}},
      {{{{"full 1", "full 2", "full 3"}, 0}, {{"compact"}, 3}}},
      {{{{"keys 1", "keys 2"}, 0}, {{"keys"}, 2}, {{}, 4}}},
      {{{{"prompt"}, 0}}},
  };
  BOOST_TEST(fit_to_height(parts, 0).size() == 8u);
  BOOST_TEST(fit_to_height(parts, 8).size() == 8u);
  BOOST_TEST(fit_to_height(parts, 7) == (Lines{"header", "full 1", "full 2", "full 3", "keys 1", "keys 2", "prompt"}),
             boost::test_tools::per_element());
  BOOST_TEST(fit_to_height(parts, 6) == (Lines{"header", "full 1", "full 2", "full 3", "keys", "prompt"}),
             boost::test_tools::per_element());
  BOOST_TEST(fit_to_height(parts, 4) == (Lines{"header", "compact", "keys", "prompt"}), boost::test_tools::per_element());
  BOOST_TEST(fit_to_height(parts, 3) == (Lines{"header", "compact", "prompt"}), boost::test_tools::per_element());
  // Parts with one form never give way, even when the screen cannot hold them.
  BOOST_TEST(fit_to_height(parts, 1) == (Lines{"header", "compact", "prompt"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(pages_split_where_no_page_starts_blank) {
  const Lines lines = {"a", "b", "", "c", "d"};
  BOOST_TEST(split_pages({}, 3).empty());
  BOOST_TEST(split_pages(lines, 0).size() == 1u);
  BOOST_TEST(split_pages(lines, 5).size() == 1u);
  const auto pages = split_pages(lines, 2);
  BOOST_REQUIRE(pages.size() == 2u);
  BOOST_TEST(pages[0] == (Lines{"a", "b"}), boost::test_tools::per_element());
  BOOST_TEST(pages[1] == (Lines{"c", "d"}), boost::test_tools::per_element());  // no page starts with a blank line
}

BOOST_AUTO_TEST_SUITE_END()
