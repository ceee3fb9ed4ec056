// The one rule for control characters and the filters built on it (src/util/text_filters.cpp).

#include <string>
#include <string_view>

#include <boost/test/unit_test.hpp>

#include "util/text_filters.hpp"

using namespace partnerpulse;

BOOST_AUTO_TEST_SUITE(text_filters)

BOOST_AUTO_TEST_CASE(the_rule_names_c0_del_and_c1_as_controls) {
  for (char32_t c = 0; c < 0x20; ++c) BOOST_TEST(is_control_character(c));
  BOOST_TEST(is_control_character(0x7F));
  BOOST_TEST(is_control_character(0x80));
  BOOST_TEST(is_control_character(0x85));  // NEL, a line break
  BOOST_TEST(is_control_character(0x9F));
  BOOST_TEST(!is_control_character(' '));
  BOOST_TEST(!is_control_character('~'));
  BOOST_TEST(!is_control_character(0xA0));    // no-break space
  BOOST_TEST(!is_control_character(0x2028));  // line separator: whitespace, not a control
  BOOST_TEST(!is_control_character(0x202E));  // bidi controls are a kind of their own
}

BOOST_AUTO_TEST_CASE(the_rule_names_embeddings_overrides_and_isolates_as_bidi_controls) {
  for (char32_t c = 0x202A; c <= 0x202E; ++c) BOOST_TEST(is_bidi_control(c));
  for (char32_t c = 0x2066; c <= 0x2069; ++c) BOOST_TEST(is_bidi_control(c));
  BOOST_TEST(!is_bidi_control(0x2029));
  BOOST_TEST(!is_bidi_control(0x202F));
  BOOST_TEST(!is_bidi_control(0x2065));
  BOOST_TEST(!is_bidi_control(0x206A));
  BOOST_TEST(!is_bidi_control(0x200F));  // RIGHT-TO-LEFT MARK: a mark, needed in right-to-left names, kept
}

BOOST_AUTO_TEST_CASE(terminal_escape_sequences_are_removed_whole) {
  BOOST_TEST(strip_control_characters("a\x1b[31mred\x1b[0m b") == "ared b");
  BOOST_TEST(strip_control_characters("\x1b[1;31;42mx") == "x");
  BOOST_TEST(strip_control_characters("\x1b[?25lhidden cursor") == "hidden cursor");
  BOOST_TEST(strip_control_characters("\x1b]8;;http://evil\x07link\x1b]8;;\x07") == "link");
  BOOST_TEST(strip_control_characters("\x1b]0;title\x1b\\text") == "text");
  BOOST_TEST(strip_control_characters("\x1bPdevice\x1b\\x") == "x");
  BOOST_TEST(strip_control_characters("\x1b" "cafter reset") == "after reset");
  BOOST_TEST(strip_control_characters("\x1b(Bx") == "x");
  BOOST_TEST(strip_control_characters("end\x1b") == "end");
  BOOST_TEST(strip_control_characters("\xC2\x9B" "31mC1 CSI") == "C1 CSI");
  BOOST_TEST(strip_control_characters("\xC2\x9D" "0;t\x07ok") == "ok");
  // An unterminated control string loses only its introducer; the rest is plain text.
  BOOST_TEST(strip_control_characters("\x1b]unterminated") == "unterminated");
}

BOOST_AUTO_TEST_CASE(control_characters_are_removed_and_line_breaks_normalised) {
  BOOST_TEST(strip_control_characters(std::string("a\0b", 3)) == "ab");
  BOOST_TEST(strip_control_characters("a\x07\x08\x0b\x0c\x7f" "b") == "ab");
  BOOST_TEST(strip_control_characters("tab\tnew\nline") == "tab\tnew\nline");
  BOOST_TEST(strip_control_characters("a\r\nb\rc") == "a\nb\nc");
  BOOST_TEST(strip_control_characters("n\xC2\x85" "el \xC2\x80\xC2\x9F" "c1") == "nel c1");
}

BOOST_AUTO_TEST_CASE(bidi_controls_are_removed) {
  BOOST_TEST(strip_control_characters("a\xE2\x80\xAA\xE2\x80\xAB\xE2\x80\xAC\xE2\x80\xAD\xE2\x80\xAE" "b") == "ab");
  BOOST_TEST(strip_control_characters("a\xE2\x81\xA6\xE2\x81\xA7\xE2\x81\xA8\xE2\x81\xA9" "b") == "ab");
  // Neighbours that are not controls stay: U+2029 (paragraph separator), U+206A is not in the ranges.
  BOOST_TEST(strip_control_characters("\xE2\x80\xA9") == "\xE2\x80\xA9");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_becomes_the_replacement_character) {
  BOOST_TEST(strip_control_characters("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
  BOOST_TEST(strip_control_characters("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");        // overlong
  BOOST_TEST(strip_control_characters("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  BOOST_TEST(strip_control_characters("cut \xE2\x82") == "cut \xEF\xBF\xBD\xEF\xBF\xBD");
  BOOST_TEST(strip_control_characters("Ça va — ok ✓ 😀") == "Ça va — ok ✓ 😀");
}

BOOST_AUTO_TEST_CASE(input_values_are_checked_for_ascii_controls_only) {
  BOOST_TEST(!has_ascii_control_characters(""));
  BOOST_TEST(!has_ascii_control_characters("Org A \xC3\xA9"));
  BOOST_TEST(has_ascii_control_characters("a\tb"));
  BOOST_TEST(has_ascii_control_characters("a\nb"));
  BOOST_TEST(has_ascii_control_characters("a\x1b[31m"));
  BOOST_TEST(has_ascii_control_characters(std::string("a\0b", 3)));
  BOOST_TEST(has_ascii_control_characters("\x7F"));
  // C1 and bidi controls are accepted in input values; every output removes them.
  BOOST_TEST(!has_ascii_control_characters("csi \xC2\x9B" "31m"));
  BOOST_TEST(!has_ascii_control_characters("\xE2\x80\xAE" "evil"));
  BOOST_TEST(!has_ascii_control_characters("\xFF\x85"));  // nor are invalid bytes controls
}

BOOST_AUTO_TEST_SUITE_END()
