#include <random>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "terminal/display_width.hpp"
#include "terminal/terminal.hpp"
#include "util/text_encoding.hpp"

using namespace partnerpulse;

namespace {

const std::string e_acute = "\xC3\xA9";               // é, precomposed
const std::string e_combining = "e\xCC\x81";          // e + COMBINING ACUTE ACCENT
const std::string nihongo = "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E";  // 日本語
const std::string marhaba = "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7";  // مرحبا
// مَرْحَبًا: the same word with vowel marks (fatha, sukun, fatha, fathatan), which take no column.
const std::string marhaba_marked =
    "\xD9\x85\xD9\x8E\xD8\xB1\xD9\x92\xD8\xAD\xD9\x8E\xD8\xA8\xD9\x8B\xD8\xA7";
const std::string thumbs_up = "\xF0\x9F\x91\x8D";  // 👍
// 👨‍👩‍👧: man, ZWJ, woman, ZWJ, girl: one grapheme, two columns.
const std::string family = "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7";

void check_lines(const std::vector<std::string>& lines, std::size_t width) {
  for (const auto& line : lines) {
    BOOST_TEST(is_valid_utf8(line), "line is not valid UTF-8: " << line);
    const auto graphemes = split_graphemes(line);
    if (graphemes.size() > 1) BOOST_TEST(display_width(line) <= width, "too wide: '" << line << "'");
    BOOST_TEST((line.empty() || (line.front() != ' ' && line.back() != ' ')), "untrimmed: '" << line << "'");
  }
}

std::string join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += (out.empty() ? "" : " ") + line;
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(display_width_suite)

BOOST_AUTO_TEST_CASE(ascii_is_one_column_per_character) {
  BOOST_TEST(display_width("") == 0u);
  BOOST_TEST(display_width("Strongly disagree") == 17u);
}

BOOST_AUTO_TEST_CASE(accents_take_no_extra_column_in_either_normal_form) {
  BOOST_TEST(display_width(e_acute) == 1u);
  BOOST_TEST(display_width(e_combining) == 1u);
  BOOST_TEST(normalize_nfc(e_combining) == e_acute);
  BOOST_TEST(display_width("r" + e_combining + "sum" + e_combining) == 6u);  // résumé
  BOOST_TEST(split_graphemes(e_combining).size() == 1u);
}

BOOST_AUTO_TEST_CASE(east_asian_and_emoji_are_two_columns) {
  BOOST_TEST(display_width(nihongo) == 6u);
  BOOST_TEST(display_width(thumbs_up) == 2u);
  BOOST_TEST(display_width(family) == 2u);
  BOOST_TEST(split_graphemes(family).size() == 1u);
}

BOOST_AUTO_TEST_CASE(arabic_vowel_marks_take_no_column) {
  BOOST_TEST(display_width(marhaba) == 5u);
  BOOST_TEST(display_width(marhaba_marked) == 5u);
}

BOOST_AUTO_TEST_CASE(invalid_bytes_are_replaced_and_measured) {
  const std::string junk = "a\xFF" "b\xC3";  // a stray byte and a truncated sequence
  const std::string fixed = replace_invalid_utf8(junk);
  BOOST_TEST(fixed == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
  BOOST_TEST(display_width(junk) == 4u);
  // Overlong forms and surrogates are invalid too.
  BOOST_TEST(is_valid_utf8(replace_invalid_utf8("\xC0\xAF")));
  BOOST_TEST(is_valid_utf8(replace_invalid_utf8("\xED\xA0\x80")));
  BOOST_TEST(replace_invalid_utf8("\xED\xA0\x80").find('\xED') == std::string::npos);
}

BOOST_AUTO_TEST_CASE(clean_input_text_strips_controls_and_trims) {
  // Terminal escape sequences go whole (an arrow key typed at a prompt leaves nothing), as do bidi controls.
  BOOST_TEST(clean_input_text("  hello\tworld \x1b[31m!\x07  ") == "hello world !");
  BOOST_TEST(clean_input_text("up\x1b[A") == "up");
  BOOST_TEST(clean_input_text("a\xE2\x80\xAE" "b") == "ab");
  BOOST_TEST(clean_input_text("line\nbreak\r\nand\rcr") == "linebreakandcr");
  BOOST_TEST(clean_input_text("a\xE2\x80\xA8" "b") == "a b");  // U+2028
  BOOST_TEST(clean_input_text(std::string("a\0b", 3)) == "ab");
  BOOST_TEST(clean_input_text("\xC2\x85x") == "x");  // C1 control U+0085
  BOOST_TEST(clean_input_text("\xFFok") == "\xEF\xBF\xBDok");
  BOOST_TEST(clean_input_text(e_combining) == e_acute);
  BOOST_TEST(clean_input_text(" \t ") == "");
}

BOOST_AUTO_TEST_CASE(normalize_key_folds_case_and_width) {
  BOOST_TEST(normalize_key(" NA ") == "na");
  BOOST_TEST(normalize_key("\xEF\xBC\x93") == "3");  // full-width ３
  BOOST_TEST(normalize_key("Q") == "q");
}

BOOST_AUTO_TEST_CASE(truncate_to_bytes_never_splits_a_character) {
  const std::string text = "ab" + e_combining + nihongo;
  BOOST_TEST(truncate_to_bytes(text, 100) == text);
  BOOST_TEST(truncate_to_bytes(text, 3) == "ab");      // not "ab" + "e" without its accent
  BOOST_TEST(truncate_to_bytes(text, 5) == "ab" + e_combining);
  BOOST_TEST(truncate_to_bytes(text, 6) == "ab" + e_combining);
  BOOST_TEST(truncate_to_bytes(text, 8) == "ab" + e_combining + "\xE6\x97\xA5");
}

BOOST_AUTO_TEST_CASE(truncate_and_pad_by_columns) {
  BOOST_TEST(truncate_to_width("abcdef", 6) == "abcdef");
  BOOST_TEST(truncate_to_width("abcdef", 4) == "abc\xE2\x80\xA6");
  BOOST_TEST(truncate_to_width(nihongo, 5) == "\xE6\x97\xA5\xE6\x9C\xAC\xE2\x80\xA6");
  BOOST_TEST(display_width(truncate_to_width(nihongo, 4)) <= 4u);
  BOOST_TEST(pad_to_width(e_acute, 3) == e_acute + "  ");
  BOOST_TEST(pad_to_width(nihongo, 7) == nihongo + " ");
  BOOST_TEST(pad_to_width("long", 2) == "long");
}

BOOST_AUTO_TEST_CASE(wrap_breaks_at_spaces) {
  const auto lines = wrap_text("We know the people we work with in the partner organisation personally.", 20);
  const std::vector<std::string> expected{"We know the people", "we work with in the", "partner organisation",
                                          "personally."};
  BOOST_TEST(lines == expected, boost::test_tools::per_element());
  check_lines(lines, 20);
}

BOOST_AUTO_TEST_CASE(wrap_exact_fit_and_extra_spaces) {
  BOOST_TEST(wrap_text("abc def", 7) == std::vector<std::string>{"abc def"}, boost::test_tools::per_element());
  BOOST_TEST(wrap_text("  abc    def  ", 80) == std::vector<std::string>{"abc def"}, boost::test_tools::per_element());
  BOOST_TEST(wrap_text("", 10).empty());
}

BOOST_AUTO_TEST_CASE(wrap_breaks_long_words_between_graphemes) {
  const auto lines = wrap_text("https://example.org/a/very/long/path", 10);
  check_lines(lines, 10);
  std::string glued;
  for (const auto& line : lines) glued += line;
  BOOST_TEST(glued == "https://example.org/a/very/long/path");
  // Accented letters stay with their accents when a word is broken.
  const std::string word = e_combining + e_combining + e_combining + e_combining + e_combining;
  for (const auto& line : wrap_text(word, 2)) BOOST_TEST((line == e_acute + e_acute || line == e_acute));
}

BOOST_AUTO_TEST_CASE(wrap_measures_wide_characters) {
  std::string text;
  for (int i = 0; i < 10; ++i) text += nihongo;  // 30 characters, 60 columns, no spaces
  const auto lines = wrap_text(text, 11);
  check_lines(lines, 11);
  for (const auto& line : lines) BOOST_TEST(display_width(line) <= 11u);
  BOOST_TEST(lines.front().size() == 15u);  // 5 characters of 3 bytes: 10 columns
  // A grapheme wider than the line gets a line of its own instead of looping.
  BOOST_TEST(wrap_text(nihongo, 1).size() == 3u);
  BOOST_TEST(wrap_text("abc", 0).size() == 3u);
}

BOOST_AUTO_TEST_CASE(wrap_arabic_by_display_width) {
  std::string text;
  for (int i = 0; i < 8; ++i) text += (i ? " " : "") + marhaba_marked;  // 8 words of 5 columns each
  const auto lines = wrap_text(text, 17);
  check_lines(lines, 17);
  BOOST_TEST(lines.size() == 3u);  // 5+1+5+1+5 = 17 per line
  BOOST_TEST(join(lines) == normalize_nfc(text));
}

BOOST_AUTO_TEST_CASE(wrap_keeps_hard_line_breaks) {
  const std::vector<std::string> expected{"one", "", "two three"};
  BOOST_TEST(wrap_text("one\n\ntwo three", 20) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(wrap_survives_random_bytes) {
  std::mt19937 random(12345);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int length = round % 97;
    for (int i = 0; i < length; ++i) text += static_cast<char>(byte(random));
    for (const std::size_t width : {std::size_t{1}, std::size_t{7}, std::size_t{40}}) {
      const auto lines = wrap_text(text, width);
      for (const auto& line : lines) BOOST_TEST(is_valid_utf8(line));
    }
    BOOST_TEST(is_valid_utf8(clean_input_text(text)));
    BOOST_TEST(is_valid_utf8(normalize_key(text)));
    BOOST_TEST(is_valid_utf8(std::string(truncate_to_bytes(clean_input_text(text), 13))));
  }
}

// U+2068/U+2069 (the isolates put around Latin runs in Arabic lines) and U+200F take no column, on their own or
// inside a word, so that isolating a run never changes how a line wraps.
BOOST_AUTO_TEST_CASE(directional_isolates_take_no_column) {
  const std::string fsi = "\xE2\x81\xA8", pdi = "\xE2\x81\xA9", rlm = "\xE2\x80\x8F";
  BOOST_TEST(display_width(fsi) == 0u);
  BOOST_TEST(display_width(pdi) == 0u);
  BOOST_TEST(display_width(rlm) == 0u);
  BOOST_TEST(display_width(marhaba + " " + fsi + "out/r-01.toml" + pdi) == 5u + 1u + 13u);
  const std::string isolated = marhaba_marked + " " + fsi + "3/12" + pdi + " " + marhaba;
  BOOST_TEST(display_width(isolated) == 5u + 1u + 4u + 1u + 5u);
  const auto lines = wrap_text(isolated, 10);
  BOOST_REQUIRE(lines.size() == 2u);
  BOOST_TEST(lines[0] == marhaba_marked + " " + fsi + "3/12" + pdi);
  BOOST_TEST(truncate_to_width(isolated, 100) == isolated);
  BOOST_TEST(pad_to_width(fsi + "na" + pdi, 4) == fsi + "na" + pdi + "  ");
}

// Arabic letters take one column each whatever their joined (shaped) form; vowel marks, shadda and tatweel-free
// text add none; the presentation forms terminals may draw (lam-alef) are measured as their letters.
BOOST_AUTO_TEST_CASE(arabic_text_measures_by_letters) {
  const std::string la = "\xD9\x84\xD8\xA7";                   // لا: lam + alef, drawn as one ligature
  const std::string shadda = "\xD9\x85\xD9\x8F\xD9\x86\xD9\x91\xD8\xB0";  // مُنّذ: 3 letters, 3 marks
  const std::string question = "\xD8\xA7\xD9\x84\xD8\xA7\xD8\xB3\xD8\xAA\xD8\xA8\xD9\x8A\xD8\xA7\xD9\x86";  // الاستبيان
  BOOST_TEST(display_width(la) == 2u);
  BOOST_TEST(display_width(shadda) == 3u);
  BOOST_TEST(display_width(question) == 9u);
  BOOST_TEST(split_graphemes(marhaba_marked).size() == 5u);
  BOOST_TEST(display_width(question + "\xD8\x9F") == 10u);  // with the Arabic question mark
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(display_terminal)

BOOST_AUTO_TEST_CASE(width_prefers_the_terminal_then_columns_then_80) {
  BOOST_TEST(choose_width(120, "60") == 120u);
  BOOST_TEST(choose_width(0, "60") == 60u);
  BOOST_TEST(choose_width(0, nullptr) == 80u);
  BOOST_TEST(choose_width(0, "") == 80u);
  BOOST_TEST(choose_width(0, "wide") == 80u);
  BOOST_TEST(choose_width(0, "5") == min_terminal_width);
  BOOST_TEST(choose_width(0, "99999999999999999999999") == 80u);
}

BOOST_AUTO_TEST_CASE(colour_only_on_a_terminal_without_no_color_or_plain) {
  BOOST_TEST(use_colour(true, false, nullptr, "xterm"));
  BOOST_TEST(!use_colour(false, false, nullptr, "xterm"));
  BOOST_TEST(!use_colour(true, true, nullptr, "xterm"));
  BOOST_TEST(!use_colour(true, false, "1", "xterm"));
  BOOST_TEST(use_colour(true, false, "", "xterm"));  // https://no-color.org: an empty NO_COLOR does not count
  BOOST_TEST(!use_colour(true, false, nullptr, "dumb"));
}

BOOST_AUTO_TEST_CASE(style_is_plain_text_without_colour) {
  const Style plain(false);
  BOOST_TEST(plain.bold("x") == "x");
  BOOST_TEST(plain.warning("careful") == "careful");
  BOOST_TEST(plain.clear_screen().empty());
  const Style colour(true);
  BOOST_TEST(colour.bold("x") == "\x1b[1mx\x1b[0m");
  BOOST_TEST(colour.bold("").empty());
  BOOST_TEST(!colour.clear_screen().empty());
}

BOOST_AUTO_TEST_SUITE_END()
