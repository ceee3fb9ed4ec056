// The CSV comparison (src/report/render_compare_csv.cpp): one row per partnership and dimension, empty fields for
// withheld figures, texts neutralised against formulas and quoted as RFC 4180 says.

#include <algorithm>
#include <string>

#include <boost/test/unit_test.hpp>

#include "compare_fixture.hpp"
#include "partnerpulse/render_compare.hpp"
#include "results_fixture.hpp"

using namespace partnerpulse;
using namespace partnerpulse::test;

namespace {

std::string render(const Comparison& comparison) { return render_comparison_csv(comparison, RenderOptions{}); }

}  // namespace

BOOST_AUTO_TEST_SUITE(render_compare_csv)

BOOST_AUTO_TEST_CASE(every_row_exactly) {
  Comparison c = hostile_comparison();
  c.partnerships[0].partnership = "Bridging, gaps | <b>\x1b[31m";
  const std::string text = render(c);
  BOOST_TEST(text == render(c));
  const auto lines = lines_of(text);
  BOOST_TEST_REQUIRE(lines.size() == 6u, text);  // header, two dimensions (one over two lines), solo, ""
  BOOST_TEST(lines[0] == "partnership,from_period,to_period,questionnaire,dimension,title,from,to,change,se,df,margin,"
                         "significant,comparable,note");
  BOOST_TEST(lines[1] == "\"Bridging, gaps | <b>\",2023,2024,trust,respect,\"Respect | <b>bold</b>");
  BOOST_TEST(lines[2] == "second line\",50.04,60.06,10.00,4.47,18.00,9.40,true,true,");
  BOOST_TEST(lines[3] == "\"Bridging, gaps | <b>\",2023,2024,trust,voice,\"'=HYPERLINK(\"\"http://evil\"\")\",,70.00,,,,,,"
                         "false,withheld in 2023 (too few respondents)");
  BOOST_TEST(lines[4] == "solo,2023,2023,,,,,,,,,,,,");
  BOOST_TEST(lines[5].empty());  // the file ends with a newline
}

BOOST_AUTO_TEST_CASE(a_row_of_nothing_to_compare_has_every_column) {
  const auto lines = lines_of(render(hostile_comparison()));
  const auto commas = [](const std::string& line) { return std::count(line.begin(), line.end(), ','); };
  BOOST_TEST(commas(lines.at(0)) == commas(lines.at(4)));
}

BOOST_AUTO_TEST_SUITE_END()
