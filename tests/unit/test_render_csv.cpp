#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "partnerpulse/render.hpp"
#include "results_fixture.hpp"

using namespace partnerpulse;
using namespace partnerpulse::test;

namespace {

using Row = std::vector<std::string>;

// A strict RFC 4180 reader (with "\n" line ends): fails the test on anything malformed.
std::vector<Row> parse_csv(std::string_view text) {
  std::vector<Row> rows;
  Row row;
  std::string field;
  std::size_t i = 0;
  bool field_started = false;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '"' && !field_started) {
      ++i;
      while (true) {
        BOOST_TEST_REQUIRE(i < text.size(), "unterminated quoted field");
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field += text[i++];
      }
      field_started = true;
      BOOST_TEST_REQUIRE((i == text.size() || text[i] == ',' || text[i] == '\n'), "text after a closing quote");
      continue;
    }
    if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      field_started = false;
    } else if (c == '\n') {
      row.push_back(std::move(field));
      rows.push_back(std::move(row));
      field.clear();
      row.clear();
      field_started = false;
    } else {
      BOOST_TEST_REQUIRE(c != '"', "a quote inside an unquoted field");
      BOOST_TEST_REQUIRE(c != '\r', "CR outside quotes");
      field += c;
      field_started = true;
    }
    ++i;
  }
  BOOST_TEST_REQUIRE((row.empty() && field.empty()), "the last line has no newline");
  return rows;
}

std::string render(const Results& results) { return partnerpulse::render_csv(results, default_options()); }

const Row header = {"partnership", "period", "questionnaire", "dimension",      "title",
                    "index",       "band",   "n",             "sd",             "alpha",
                    "scale_mean",  "withheld", "overall_index", "balanced_index", "dont_know_share"};

}  // namespace

BOOST_AUTO_TEST_SUITE(render_csv)

BOOST_AUTO_TEST_CASE(one_row_per_group_and_dimension) {
  const std::string text = render(make_results());
  BOOST_TEST(text.substr(0, text.find('\n')) ==
             "partnership,period,questionnaire,dimension,title,index,band,n,sd,alpha,scale_mean,withheld,overall_index,"
             "balanced_index,dont_know_share");
  BOOST_TEST(text.find('\r') == std::string::npos);
  const auto rows = parse_csv(text);
  BOOST_TEST_REQUIRE(rows.size() == 7u);
  BOOST_TEST(rows[0] == header);
  for (const auto& row : rows) BOOST_TEST(row.size() == 15u);
  BOOST_TEST((rows[1] == Row{hostile_partnership, "2024", "trust", "personal-relationships",
                             "Personal | relationships <script>alert('x')</script>\nsecond line", "55.26",
                             "developing", "9", "12.35", "0.81", "3.21", "false", "58.40", "", ""}));
  BOOST_TEST((rows[2] == Row{hostile_partnership, "2024", "trust", "mutual-respect", "Mutual respect", "80.04",
                             "strength", "9", "12.35", "", "4.20", "false", "58.40", "", ""}));
  BOOST_TEST(rows[4][1] == "2025");
}

BOOST_AUTO_TEST_CASE(fields_are_quoted_as_rfc_4180_says) {
  Results results = make_results();
  results.groups.resize(1);
  results.groups[0].dimensions.resize(1);
  results.groups[0].dimensions[0].title = en("Say \"hi\", then\r\nleave");
  const std::string text = render(results);
  BOOST_TEST(text.find("\"Say \"\"hi\"\", then\nleave\"") != std::string::npos);
  BOOST_TEST(parse_csv(text)[1][4] == "Say \"hi\", then\nleave");
}

BOOST_AUTO_TEST_CASE(formula_injection_is_neutralised) {
  Results results = make_results();
  results.groups.resize(1);
  auto& group = results.groups[0];
  group.partnership = "=HYPERLINK(\"http://evil\",\"click\")";
  group.period = "-2+3";
  group.dimensions.resize(4, group.dimensions[0]);
  group.dimensions[0].title = en("+cmd|' /C calc'!A0");
  group.dimensions[1].title = en("@SUM(A1:A2)");
  group.dimensions[2].title = en("\tTabbed");
  group.dimensions[3].title = en("\x1b[31m=1+1");  // the escape is removed first, then the = is neutralised
  const auto rows = parse_csv(render(results));
  BOOST_TEST_REQUIRE(rows.size() == 5u);
  BOOST_TEST(rows[1][0] == "'=HYPERLINK(\"http://evil\",\"click\")");
  BOOST_TEST(rows[1][1] == "'-2+3");
  BOOST_TEST(rows[1][4] == "'+cmd|' /C calc'!A0");
  BOOST_TEST(rows[2][4] == "'@SUM(A1:A2)");
  BOOST_TEST(rows[3][4] == "'\tTabbed");
  BOOST_TEST(rows[4][4] == "'=1+1");
  // Numbers are never prefixed.
  BOOST_TEST(rows[1][5] == "55.26");
}

BOOST_AUTO_TEST_CASE(withheld_figures_are_empty) {
  Results results = make_results();
  results.groups.resize(1);
  results.groups[0].dimensions[2].withheld = true;
  results.groups.push_back(make_withheld_group());
  GroupResult empty_withheld = make_withheld_group();
  empty_withheld.period = "2022";
  empty_withheld.dimensions.clear();
  results.groups.push_back(empty_withheld);
  const auto rows = parse_csv(render(results));
  BOOST_TEST_REQUIRE(rows.size() == 8u);
  BOOST_TEST((rows[3] == Row{hostile_partnership, "2024", "power-balance", "decision-making",
                             "Decision\nmaking red `code` **bold**.", "", "", "9", "", "", "", "true", "58.40", "",
                             ""}));
  for (std::size_t r = 4; r <= 6; ++r) {
    BOOST_TEST((Row(rows[r].begin() + 5, rows[r].end()) == Row{"", "", "", "", "", "", "true", "", "", ""}));
  }
  BOOST_TEST((rows[7] == Row{hostile_partnership, "2022", "", "", "", "", "", "", "", "", "", "true", "", "", ""}));
}

BOOST_AUTO_TEST_CASE(no_control_characters_and_same_bytes) {
  const std::string text = render(make_results());
  BOOST_TEST(text.find('\x1b') == std::string::npos);
  BOOST_TEST(text == render(make_results()));
  BOOST_TEST(render(Results{}) ==
             "partnership,period,questionnaire,dimension,title,index,band,n,sd,alpha,scale_mean,withheld,overall_index,"
             "balanced_index,dont_know_share\n");
}

BOOST_AUTO_TEST_SUITE_END()
