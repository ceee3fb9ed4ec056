#include <cstddef>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "report/markdown_escape.hpp"
#include "results_fixture.hpp"
#include "util/text_filters.hpp"

using namespace partnerpulse;
using partnerpulse::test::unescaped_pipes;

namespace {

// True when `text` holds a byte below 0x20 other than those in `allowed`, DEL, a C1 control or a bidi control.
bool has_control(std::string_view text, std::string_view allowed = "") {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && allowed.find(text[i]) == std::string_view::npos) || c == 0x7F) return true;
    if (c == 0xC2 && i + 1 < text.size()) {
      const auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0x9F) return true;
    }
    if (c == 0xE2 && i + 2 < text.size()) {
      const auto b1 = static_cast<unsigned char>(text[i + 1]);
      const auto b2 = static_cast<unsigned char>(text[i + 2]);
      if (b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) return true;  // U+202A-U+202E
      if (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9) return true;  // U+2066-U+2069
    }
  }
  return false;
}

// Fragments that hostile input files might hold, combined at random by the property tests.
const std::vector<std::string>& fragments() {
  static const std::vector<std::string> all = {
      "|", "\\|", "\\\\|", "\\", "`", "```", "*", "**", "_", "__", "[", "]", "(", ")", "![x](y)", "[a](b)",
      "<", ">", "&", "&lt;", "&#124;", "<script>", "</script>", "<!--", "-->", "#", "## ", "- ", "+ ", "* ", "1. ",
      "2) ", "> ", "---", "===", "~~~", "~", "\n", "\r\n", "\r", "\t", "    ", " ", "\x1b[31m", "\x1b[0m",
      "\x1b]8;;http://e\x07", "\x1b", "\x07", "\x7f", "\xC2\x9B" "31m", "\xC2\x85", "\xE2\x80\xAE", "\xE2\x81\xA6",
      "\xFF", "\xC0\xAF", "\xE2\x82", "https://x.org", "www.x.org", "a@b.org", ":", ".", "word", "é", "—", "✓",
      "\xC2\xA0", "\xE2\x80\xA8", "\xEF\xBB\xBF", "0", "9", "{", "}", "$", "^", "=", "'", "\""};
  return all;
}

std::string random_text(std::mt19937& rng, std::size_t parts) {
  std::uniform_int_distribution<std::size_t> pick(0, fragments().size() - 1);
  std::string text;
  for (std::size_t i = 0; i < parts; ++i) text += fragments()[pick(rng)];
  return text;
}

bool valid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t length = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3
                                                                    : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
    if (length == 0 || i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    }
    i += length;
  }
  return true;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(markdown_escape)

BOOST_AUTO_TEST_CASE(single_line_collapses_all_whitespace) {
  BOOST_TEST(single_line("  a\n\tb\xC2\xA0 c  \r\n") == "a b c");
  BOOST_TEST(single_line("x\xE2\x80\xA8y\xE3\x80\x80z\xEF\xBB\xBFw") == "x y z w");
  BOOST_TEST(single_line("\x1b[31m  \n ") == "");
}

BOOST_AUTO_TEST_CASE(inline_text_escapes_markdown_syntax) {
  BOOST_TEST(markdown_inline("a*b_c`d[e]f#g|h~i\\j") == "a\\*b\\_c\\`d\\[e\\]f\\#g\\|h\\~i\\\\j");
  BOOST_TEST(markdown_inline("<script>alert(1)</script> & co") == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co");
  BOOST_TEST(markdown_inline("&lt;") == "&amp;lt;");
  BOOST_TEST(markdown_inline("[link](http://x)") == "\\[link\\](http\\://x)");
  BOOST_TEST(markdown_inline("plain text, 50% (ok)!") == "plain text, 50% (ok)!");
}

BOOST_AUTO_TEST_CASE(inline_text_escapes_leading_block_markers) {
  BOOST_TEST(markdown_inline("- item") == "\\- item");
  BOOST_TEST(markdown_inline("+ item") == "\\+ item");
  BOOST_TEST(markdown_inline("* item") == "\\* item");
  BOOST_TEST(markdown_inline("---") == "\\---");
  BOOST_TEST(markdown_inline("# heading") == "\\# heading");
  BOOST_TEST(markdown_inline("> quote") == "&gt; quote");
  BOOST_TEST(markdown_inline("1. first") == "1\\. first");
  BOOST_TEST(markdown_inline("12) first") == "12\\) first");
  BOOST_TEST(markdown_inline("3.") == "3\\.");
  BOOST_TEST(markdown_inline("    indented code") == "indented code");
  // Not markers: no escape needed, none added.
  BOOST_TEST(markdown_inline("1.0") == "1.0");
  BOOST_TEST(markdown_inline("2024-10-12") == "2024-10-12");
  BOOST_TEST(markdown_inline("a - b") == "a - b");
}

BOOST_AUTO_TEST_CASE(inline_text_never_becomes_a_link) {
  BOOST_TEST(markdown_inline("see https://example.org/x") == "see https\\://example.org/x");
  BOOST_TEST(markdown_inline("WWW.example.org") == "WWW\\.example.org");
  BOOST_TEST(markdown_inline("mail me@example.org") == "mail me\\@example.org");
  BOOST_TEST(markdown_inline("time 10:30") == "time 10:30");
}

BOOST_AUTO_TEST_CASE(inline_text_is_one_line_without_controls) {
  BOOST_TEST(markdown_inline("line one\nline two\r\n\tthree") == "line one line two three");
  BOOST_TEST(markdown_inline("\x1b[31mred\x1b[0m") == "red");
  BOOST_TEST(markdown_inline("  trailing  ") == "trailing");
}

BOOST_AUTO_TEST_CASE(table_cells_escape_pipes_and_line_breaks) {
  BOOST_TEST(markdown_table_cell("a | b") == "a \\| b");
  BOOST_TEST(markdown_table_cell("a\\|b") == "a\\\\\\|b");
  BOOST_TEST(markdown_table_cell("two\nlines\tand  spaces") == "two lines and spaces");
  BOOST_TEST(markdown_table_cell("") == "");
  BOOST_TEST(unescaped_pipes(markdown_table_cell("||\\|\\\\|")) == 0u);
}

BOOST_AUTO_TEST_CASE(headings_lose_trailing_punctuation) {
  BOOST_TEST(markdown_heading("Title.") == "Title");
  BOOST_TEST(markdown_heading("Title ...!  ") == "Title");
  BOOST_TEST(markdown_heading("Fin。") == "Fin");
  BOOST_TEST(markdown_heading("Why?") == "Why?");
  BOOST_TEST(markdown_heading("# Not *bold*") == "\\# Not \\*bold\\*");
  BOOST_TEST(markdown_heading("...", "fallback-id") == "fallback-id");
  BOOST_TEST(markdown_heading("\x1b[2J", "") == "(untitled)");
}

BOOST_AUTO_TEST_CASE(escaping_holds_for_random_hostile_text) {
  std::mt19937 rng(20241012);
  for (int round = 0; round < 5000; ++round) {
    const std::string input = random_text(rng, 1 + static_cast<std::size_t>(round % 12));
    const std::string plain = strip_control_characters(input);
    BOOST_TEST_REQUIRE(!has_control(plain, "\t\n"), "input #" << round);
    BOOST_TEST_REQUIRE(valid_utf8(plain));
    for (const std::string& out : {markdown_inline(input), markdown_table_cell(input), markdown_heading(input)}) {
      BOOST_TEST_REQUIRE(!has_control(out), "input #" << round << ": " << out);
      BOOST_TEST_REQUIRE(valid_utf8(out));
      BOOST_TEST_REQUIRE(out.find('<') == std::string::npos, out);
      BOOST_TEST_REQUIRE(out.find('>') == std::string::npos, out);
      BOOST_TEST_REQUIRE(unescaped_pipes(out) == 0u, out);
      for (std::size_t at = out.find("://"); at != std::string::npos; at = out.find("://", at + 1)) {
        BOOST_TEST_REQUIRE((at > 0 && out[at - 1] == '\\'), "a link could start here: " << out);
      }
      if (!out.empty()) {
        BOOST_TEST_REQUIRE(out.front() != ' ');
        BOOST_TEST_REQUIRE(out.back() != ' ');
        BOOST_TEST_REQUIRE(std::string_view("-+*#>").find(out.front()) == std::string_view::npos, out);
      }
    }
    // markdownlint MD026: a heading never ends with . , ; : ! (an entity such as &gt; is allowed).
    const std::string heading = markdown_heading(input);
    const bool entity_end = heading.size() >= 4 && heading.back() == ';' && heading.rfind('&') != std::string::npos;
    BOOST_TEST_REQUIRE((entity_end || std::string_view(".,;:!").find(heading.back()) == std::string_view::npos),
                       heading);
  }
}

BOOST_AUTO_TEST_SUITE_END()
