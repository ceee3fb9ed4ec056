// Blocks, tables and headings for the Markdown renderers (src/report/markdown_blocks.cpp).

#include <string>

#include <boost/test/unit_test.hpp>

#include "report/markdown_blocks.hpp"
#include "report/markdown_escape.hpp"

using namespace partnerpulse;

BOOST_AUTO_TEST_SUITE(markdown_blocks)

BOOST_AUTO_TEST_CASE(plain_lines) {
  BOOST_TEST(plain("  two\nlines\x1b[31m  ") == "two lines");
  BOOST_TEST(plain("\x1b[2J\n", "fallback id") == "fallback id");
  BOOST_TEST(plain("", "\xE2\x80\xAE") == "(untitled)");
}

BOOST_AUTO_TEST_CASE(a_document_separates_blocks_by_one_blank_line) {
  Document doc;
  doc.add("# Title");
  doc.add("");
  doc.add("Para");
  BOOST_TEST(doc.str() == "# Title\n\nPara\n");
  BOOST_TEST(Document().str() == "\n");
}

BOOST_AUTO_TEST_CASE(headings_are_made_unique) {
  HeadingSet set;
  BOOST_TEST(set.unique("Roles") == "Roles");
  BOOST_TEST(set.unique("Roles") == "Roles (2)");
  BOOST_TEST(set.unique("Roles (2)") == "Roles (2) (2)");
  BOOST_TEST(set.unique("Roles") == "Roles (3)");
}

BOOST_AUTO_TEST_CASE(tables_in_compact_style_with_every_cell) {
  const std::string text = table({{"Name", false}, {"Index", true}},
                                 {{markdown_table_cell("a | b <i>"), std::string(missing)}, {"", "1.0"}, {"short"}});
  BOOST_TEST(text == "| Name | Index |\n"
                     "| --- | ---: |\n"
                     "| a \\| b &lt;i&gt; | — |\n"
                     "| | 1.0 |\n"
                     "| short | |");
}

BOOST_AUTO_TEST_CASE(lists_and_the_made_with_line) {
  BOOST_TEST(bullet_list({"one", "two"}) == "- one\n- two");
  BOOST_TEST(bullet_list({}) == "");
  BOOST_TEST(made_with("0.3.0", "en") == "Made with partnerpulse 0.3.0");
  BOOST_TEST(made_with("", "") == "Made with partnerpulse");
  BOOST_TEST(made_with("1.0 <b>|\n", "en") == "Made with partnerpulse 1.0 &lt;b&gt;\\|");
  BOOST_TEST(made_with("0.3.0", "fr") == "Réalisé avec partnerpulse 0.3.0");
}

BOOST_AUTO_TEST_SUITE_END()
