// The portfolio: benchmarks, quartiles, order, privacy and safe file names (src/portfolio/portfolio.cpp), with the
// figures worked out by hand.

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "partnerpulse/portfolio.hpp"

using namespace partnerpulse;

namespace {

DimensionResult dimension(const std::string& id, double index) {
  DimensionResult d;
  d.questionnaire = "q";
  d.id = id;
  d.title = LocalizedText("en", "Dimension " + id);
  d.n = 5;
  d.index = index;
  return d;
}

GroupResult group(const std::string& partnership, const std::string& period, double d1) {
  GroupResult g;
  g.partnership = partnership;
  g.period = period;
  g.respondents = 5;
  g.overall_index = d1;
  g.dimensions.push_back(dimension("d1", d1));
  return g;
}

// Seven partnerships. d1 indexes at the latest period: p1 40, p2 50, p3 50, p4 70, p5 90 (all 2024), p6 30 (2023
// only), p7 withheld (2024, 2 respondents). p1 also shows d2 = 35 and answered 8 of 10 invited.
Results hand_results() {
  Results results;
  results.options.min_group = 3;
  GroupResult p1 = group("p1", "2024", 40.0);
  p1.dimensions.push_back(dimension("d2", 35.0));
  p1.respondents = 8;
  p1.role_responses = {{"funder", "Funding partner", 3, 4}, {"implementer", "Implementing partner", 5, 6}};
  p1.missing_roles = {};
  GroupResult p1_before = group("p1", "2023", 36.0);
  p1.previous_period = "2023";
  p1.overall_change = 4.0;
  GroupResult p7 = group("p7", "2024", 10.0);
  p7.withheld = true;
  p7.respondents = 2;
  p7.missing_roles = {"Learning partner"};
  results.groups = {p1_before, p1, group("p2", "2024", 50.0), group("p3", "2024", 50.0), group("p4", "2024", 70.0),
                    group("p5", "2024", 90.0), group("p6", "2023", 30.0), p7};
  return results;
}

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(portfolio)

BOOST_AUTO_TEST_CASE(percentile_counts_half_of_the_ties) {
  // 60 among 50, 60, 70, 80: below 1, ties 1, count 5 -> 100 * 1.5 / 4 = 37.5.
  BOOST_TEST(*percentile_rank(60.0, {50.0, 60.0, 70.0, 80.0}) == 37.5);
  BOOST_TEST(*percentile_rank(40.0, {50.0, 60.0, 70.0, 80.0}) == 0.0);
  BOOST_TEST(*percentile_rank(90.0, {50.0, 60.0, 70.0, 80.0}) == 100.0);
  // 5 equal indexes: 4 ties -> 100 * 2 / 4 = 50.
  BOOST_TEST(*percentile_rank(5.0, {5.0, 5.0, 5.0, 5.0}) == 50.0);
  // 1 of 6 below, none tied: 100 * 1 / 5 = 20; 2 of 7 below: 100 * 2 / 6 = 33.33.. -> 33.3.
  BOOST_TEST(*percentile_rank(2.0, {1.0, 3.0, 4.0, 5.0, 6.0}) == 20.0);
  BOOST_TEST(*percentile_rank(3.0, {1.0, 2.0, 4.0, 5.0, 6.0, 7.0}) == 33.3);
  BOOST_TEST(!percentile_rank(60.0, {50.0, 70.0, 80.0}).has_value());  // 4 partnerships: too few
}

BOOST_AUTO_TEST_CASE(quartiles_interpolate_between_closest_ranks) {
  // 10, 20, 40, 80: q1 at h = 0.75 -> 10 + 0.75 * 10 = 17.5; median at 1.5 -> 30; q3 at 2.25 -> 40 + 0.25 * 40 = 50.
  const std::vector<double> values = {10.0, 20.0, 40.0, 80.0};
  BOOST_TEST(*quantile(values, 0.25) == 17.5);
  BOOST_TEST(*quantile(values, 0.5) == 30.0);
  BOOST_TEST(*quantile(values, 0.75) == 50.0);
  BOOST_TEST(*quantile({42.0}, 0.25) == 42.0);
  BOOST_TEST(!quantile({}, 0.5).has_value());
}

BOOST_AUTO_TEST_CASE(the_portfolio_matches_a_hand_computation) {
  const Portfolio portfolio = build_portfolio(hand_results());
  std::vector<std::string> order;
  for (const auto& row : portfolio.rows) order.push_back(row.partnership);
  // Lowest overall first; p2 and p3 tie and keep id order; the withheld p7 comes last.
  BOOST_TEST((order == std::vector<std::string>{"p6", "p1", "p2", "p3", "p4", "p5", "p7"}));
  const auto& p1 = portfolio.rows[1];
  BOOST_TEST(p1.period == "2024");
  BOOST_TEST(*p1.invited == 10u);
  BOOST_TEST(*p1.response_rate == 0.8);
  BOOST_TEST(*p1.change == 4.0);
  BOOST_TEST(p1.weakest->id == "d2");
  // Percentiles of d1 among the five 2024 partnerships that show it: p1 0, p2 and p3 37.5, p4 75, p5 100.
  BOOST_TEST(*p1.dimensions[0].percentile == 0.0);
  BOOST_TEST(*portfolio.rows[2].dimensions[0].percentile == 37.5);
  BOOST_TEST(*portfolio.rows[3].dimensions[0].percentile == 37.5);
  BOOST_TEST(*portfolio.rows[4].dimensions[0].percentile == 75.0);
  BOOST_TEST(*portfolio.rows[5].dimensions[0].percentile == 100.0);
  BOOST_TEST(!p1.dimensions[1].percentile.has_value());               // d2: only p1 shows it
  BOOST_TEST(!portfolio.rows[0].dimensions[0].percentile.has_value());  // p6 is alone in 2023
  // The withheld p7: its respondent count only, in no figure of the portfolio.
  const auto& p7 = portfolio.rows[6];
  BOOST_TEST(p7.respondents == 2u);
  BOOST_TEST((!p7.overall && !p7.band && !p7.weakest && !p7.invited && p7.dimensions.empty()));
  BOOST_TEST(p7.missing_roles.empty());
  // d1 over 30, 40, 50, 50, 70, 90: q1 at h = 1.25 -> 42.5, median at 2.5 -> 50, q3 at 3.75 -> 50 + 0.75 * 20 = 65.
  BOOST_REQUIRE(portfolio.dimensions.size() == 2u);
  const auto& d1 = portfolio.dimensions[0];
  BOOST_TEST(d1.partnerships == 6u);
  BOOST_TEST(*d1.q1 == 42.5);
  BOOST_TEST(*d1.median == 50.0);
  BOOST_TEST(*d1.q3 == 65.0);
  BOOST_TEST(*portfolio.dimensions[1].median == 35.0);
}

BOOST_AUTO_TEST_CASE(portfolio_json_has_the_documented_shape) {
  RenderOptions options;
  options.tool_version = "9.9";
  const auto json = nlohmann::ordered_json::parse(render_portfolio_json(build_portfolio(hand_results()), options));
  std::vector<std::string> keys;
  for (const auto& [key, value] : json.items()) keys.push_back(key);
  BOOST_TEST((keys == std::vector<std::string>{"format_version", "tool", "partnerships", "dimensions"}));
  const auto& p1 = json["partnerships"][1];
  keys.clear();
  for (const auto& [key, value] : p1.items()) keys.push_back(key);
  BOOST_TEST((keys == std::vector<std::string>{"partnership", "period", "respondents", "invited", "response_rate",
                                               "overall", "weakest", "flagged_gaps", "missing_roles", "dimensions"}));
  BOOST_TEST(p1["overall"].dump() == R"({"index":40.0,"band":null,"change":4.0,"significant":null})");
  BOOST_TEST(p1["weakest"].dump() == R"({"questionnaire":"q","id":"d2","index":35.0})");
  BOOST_TEST(p1["dimensions"][0].dump() == R"({"questionnaire":"q","id":"d1","index":40.0,"percentile":0.0})");
  BOOST_TEST(json["dimensions"][0].dump() ==
             R"({"questionnaire":"q","id":"d1","partnerships":6,"median":50.0,"q1":42.5,"q3":65.0})");
  BOOST_TEST(json["partnerships"][6]["overall"]["index"].is_null());
}

BOOST_AUTO_TEST_CASE(index_md_links_every_report_and_withholds_small_groups) {
  RenderOptions options;
  const std::string text = render_portfolio_markdown(build_portfolio(hand_results()), options);
  BOOST_TEST(text.find("| [p1](p1.md) | 2024 | 8 | 80% (8 of 10) | 40.0 |") != std::string::npos);
  BOOST_TEST(text.find("| [p7](p7.md) | 2024 | 2 | withheld | withheld |") != std::string::npos);
  BOOST_TEST(text.find("+4.0 since 2023 (0 dimensions beyond noise)") != std::string::npos);
  BOOST_TEST(text.find("Learning partner") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(file_names_are_safe_distinct_and_stable) {
  BOOST_TEST(safe_file_stem("horizon-alliance") == "horizon-alliance");
  BOOST_TEST(safe_file_stem("../x") == "_2e_2e_2fx");
  BOOST_TEST(safe_file_stem("a/b") == "a_2fb");
  BOOST_TEST(safe_file_stem("CON") == "_43_4f_4e");
  BOOST_TEST(safe_file_stem("con") == "_63on");
  BOOST_TEST(safe_file_stem("lpt9") == "_6cpt9");
  BOOST_TEST(safe_file_stem("index") == "_69ndex");
  BOOST_TEST(safe_file_stem("a_b") == "a_5fb");
  BOOST_TEST(safe_file_stem("-x") == "_2dx");
  const std::string long_id(200, 'x');
  const std::string long_accented = [] {
    std::string id;
    for (int i = 0; i < 200; ++i) id += "\xC3\xA9";  // 200 characters, 400 bytes
    return id;
  }();
  std::vector<std::string> ids = {"../x", "a/b", "CON", "con", "Con", long_id, long_id.substr(0, 199) + "y",
                                  long_accented, "Horizon", "horizon", "HORIZON", "a b", "a\tb", "..", "."};
  std::set<std::string> folded;
  for (const auto& id : ids) {
    const std::string stem = safe_file_stem(id);
    BOOST_TEST(stem == safe_file_stem(id));  // stable
    BOOST_TEST(stem.size() <= 100u);
    BOOST_TEST(stem.find('/') == std::string::npos);
    BOOST_TEST(stem.find("..") == std::string::npos);
    BOOST_TEST(stem.front() != '.');
    BOOST_TEST(std::all_of(stem.begin(), stem.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '~';
    }));
    folded.insert(lowercase(stem));  // distinct even where case does not count
  }
  BOOST_TEST(folded.size() == ids.size());
  BOOST_TEST(safe_file_stem(long_id).substr(0, 81) == std::string(80, 'x') + "~");
}

BOOST_AUTO_TEST_CASE(a_partnership_report_lists_its_periods_newest_first) {
  const Results own = partnership_results(hand_results(), "p1");
  BOOST_REQUIRE(own.groups.size() == 2u);
  BOOST_TEST(own.groups[0].period == "2024");
  BOOST_TEST(own.groups[1].period == "2023");
}

BOOST_AUTO_TEST_SUITE_END()
