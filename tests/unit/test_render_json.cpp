#include <limits>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "partnerpulse/render.hpp"
#include "results_fixture.hpp"

using namespace partnerpulse;
using namespace partnerpulse::test;
using nlohmann::json;

namespace {

std::string render(const Results& results, bool comments = false, std::string date = {}) {
  RenderOptions options = default_options();
  options.comments = comments;
  options.date = std::move(date);
  return partnerpulse::render_json(results, options);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(render_json)

BOOST_AUTO_TEST_CASE(top_level_holds_tool_options_and_groups) {
  const std::string text = render(make_results());
  BOOST_TEST(text.back() == '\n');
  BOOST_TEST(text.substr(text.size() - 2) == "}\n");
  const json doc = json::parse(text);
  BOOST_TEST(doc["tool"]["name"] == "partnerpulse");
  BOOST_TEST(doc["tool"]["version"] == "0.3.0");
  BOOST_TEST(!doc.contains("date"));
  BOOST_TEST(doc["options"]["min_group"] == 3);
  BOOST_TEST(doc["options"]["gap_threshold"].get<double>() == 15.0);
  BOOST_TEST(doc["groups"].size() == 2u);
  BOOST_TEST(json::parse(render(make_results(), false, "2024-12-01"))["date"] == "2024-12-01");
}

BOOST_AUTO_TEST_CASE(groups_rendered_apart_assemble_into_the_same_document) {
  // The report command renders groups in parallel and assembles them; the bytes must be render_json's (and the
  // committed example reports, written in one piece before, check that the bytes did not change).
  Results results = make_results();
  results.groups[0].partnership = "[] in a name \"[]\"";
  const RenderOptions options = default_options();
  std::vector<std::string> groups;
  for (std::size_t i = 0; i < results.groups.size(); ++i) groups.push_back(render_json_group(results, i, options));
  const std::string assembled = assemble_json(results, options, groups);
  BOOST_TEST(assembled == render(results));
  const json doc = json::parse(assembled);
  BOOST_TEST(doc["groups"][0]["partnership"] == "[] in a name \"[]\"");
  for (const char* escaped : {"<", ">"}) BOOST_TEST(assembled.find(escaped) == std::string::npos);
  Results empty;
  const std::string none = assemble_json(empty, options, {});
  BOOST_TEST(none.find("\"groups\": []\n}") != std::string::npos);
  BOOST_TEST(json::parse(none)["groups"].empty());
}

BOOST_AUTO_TEST_CASE(keys_come_in_a_fixed_order) {
  const nlohmann::ordered_json doc = nlohmann::ordered_json::parse(render(make_results(), true, "2024-12-01"));
  std::vector<std::string> top;
  for (auto it = doc.begin(); it != doc.end(); ++it) top.push_back(it.key());
  BOOST_TEST((top == std::vector<std::string>{"format_version", "tool", "date", "options", "groups"}));
  std::vector<std::string> group;
  for (auto it = doc["groups"][0].begin(); it != doc["groups"][0].end(); ++it) group.push_back(it.key());
  BOOST_TEST((group == std::vector<std::string>{"partnership", "period", "previous_period", "respondents", "withheld", "role_counts",
                                                "overall", "dimensions", "roles", "gaps", "withheld_roles", "items",
                                                "items_withheld", "comments", "method"}));
  std::vector<std::string> dimension;
  for (auto it = doc["groups"][0]["dimensions"][0].begin(); it != doc["groups"][0]["dimensions"][0].end(); ++it) {
    dimension.push_back(it.key());
  }
  BOOST_TEST((dimension == std::vector<std::string>{"questionnaire", "id", "title", "index", "scale_mean", "n", "sd",
                                                    "alpha", "alpha_n", "scored_items", "band", "band_label",
                                                    "advice", "withheld", "change", "significant",
                                                    "dont_know_share", "measured_with"}));
}

BOOST_AUTO_TEST_CASE(groups_follow_the_contract) {
  const json doc = json::parse(render(make_results()));
  const json& g = doc["groups"][0];
  BOOST_TEST(g["partnership"] == hostile_partnership);
  BOOST_TEST(g["period"] == "2024");
  BOOST_TEST(g["respondents"] == 9);
  BOOST_TEST(g["withheld"] == false);
  BOOST_TEST(g["role_counts"] == json::parse(R"([{"role":"east","n":2},{"role":"north | <b>","n":3},)"
                                             R"({"role":"south`","n":4}])"));
  BOOST_TEST(g["overall"]["index"].get<double>() == 58.4);
  BOOST_TEST(g["overall"]["band"] == "developing");
  BOOST_TEST(g["overall"]["band_label"] == "Developing | <i>growing</i>");

  const json& d = g["dimensions"][0];
  BOOST_TEST(d["questionnaire"] == "trust");
  BOOST_TEST(d["id"] == "personal-relationships");
  BOOST_TEST(d["title"] == "Personal | relationships <script>alert('x')</script>\nsecond line");
  BOOST_TEST(d["index"].get<double>() == 55.26);
  BOOST_TEST(d["scale_mean"].get<double>() == 1.0 + 55.26 / 100.0 * 4.0);
  BOOST_TEST(d["n"] == 9);
  BOOST_TEST(d["sd"].get<double>() == 12.3456);
  BOOST_TEST(d["alpha"].get<double>() == 0.8123);
  BOOST_TEST(d["band"] == "developing");
  BOOST_TEST(d["advice"] == "Widen contact beyond | the `one` person.\n- not a list\n# not a heading");
  BOOST_TEST(d["withheld"] == false);
  BOOST_TEST(g["dimensions"][1]["alpha"].is_null());
  BOOST_TEST(g["dimensions"][1]["alpha_n"] == 2);

  BOOST_TEST(g["roles"].size() == 2u);
  BOOST_TEST(g["roles"][0]["role"] == "north | <b>");
  BOOST_TEST(g["roles"][0]["n"] == 3);
  BOOST_TEST(g["roles"][0]["dimensions"][0] ==
             json::parse(R"({"questionnaire":"trust","id":"personal-relationships","n":3,"index":70.0,"dont_know_share":null})"));

  BOOST_TEST(g["gaps"][0] == json::parse(R"({"questionnaire":"trust","dimension":"personal-relationships",)"
                                         R"("gap":26.25,"flagged":true,"highest_role":"north | <b>",)"
                                         R"("lowest_role":"south`","change":null})"));
  BOOST_TEST(g["gaps"][1]["flagged"] == false);
  BOOST_TEST(g["withheld_roles"] ==
             json::parse(R"([{"role":"east","n":2,"reason":"fewer than 3 respondents"}])"));

  BOOST_TEST(g["items"].size() == 2u);
  BOOST_TEST(g["items"][0]["text"] == "Our partner decides | the <b>budget</b> alone.\nlink");
  BOOST_TEST(g["items"][0]["reverse"] == true);
  BOOST_TEST(g["items"][0]["not_applicable"] == 1);
  BOOST_TEST(g["items_withheld"] == 1);
  BOOST_TEST(!g.contains("comments"));
  BOOST_TEST(g["method"]["incomplete_skipped"] == 1);
  BOOST_TEST(g["method"]["dimension_scores_missing"] == 2);
  BOOST_TEST(g["method"]["questionnaires"][0] ==
             json::parse(R"({"id":"trust","version":"1.0","title":"Trust | and `relationships`","respondents":9})"));
}

BOOST_AUTO_TEST_CASE(numbers_keep_full_precision) {
  Results results = make_results();
  results.groups[0].dimensions[0].index = 1.0 / 3.0;
  results.groups[0].dimensions[0].sd = 0.1 + 0.2;
  const json doc = json::parse(render(results));
  BOOST_TEST(doc["groups"][0]["dimensions"][0]["index"].get<double>() == 1.0 / 3.0);
  BOOST_TEST(doc["groups"][0]["dimensions"][0]["sd"].get<double>() == 0.1 + 0.2);
}

BOOST_AUTO_TEST_CASE(empty_or_non_finite_figures_are_null) {
  Results results = make_results();
  results.groups[0].overall_index.reset();
  results.groups[0].overall_band.reset();
  results.groups[0].dimensions[0].sd = std::numeric_limits<double>::quiet_NaN();
  results.groups[0].gaps[0].gap.reset();
  const json doc = json::parse(render(results));
  const json& g = doc["groups"][0];
  BOOST_TEST(g["overall"]["index"].is_null());
  BOOST_TEST(g["overall"]["band"].is_null());
  BOOST_TEST(g["dimensions"][0]["sd"].is_null());
  BOOST_TEST(g["gaps"][0]["gap"].is_null());
  BOOST_TEST(g["gaps"][0]["highest_role"].is_null());
}

BOOST_AUTO_TEST_CASE(comments_only_when_asked) {
  const json doc = json::parse(render(make_results(), true));
  const json& comments = doc["groups"][0]["comments"];
  BOOST_TEST_REQUIRE(comments.size() == 1u);
  BOOST_TEST(comments[0]["questionnaire"] == "trust");
  BOOST_TEST(comments[0]["item"] == "trust-moment");
  BOOST_TEST(comments[0]["item_text"] == "Describe a moment | when trust <em>grew</em>.");
  BOOST_TEST(comments[0]["comments"][0] == "Line one\nline two | with a pipe");
  BOOST_TEST(comments[0]["comments"][2] == "red text  reversed");
}

BOOST_AUTO_TEST_CASE(a_withheld_group_has_no_figures) {
  Results results;
  results.groups.push_back(make_withheld_group());
  const json g = json::parse(render(results, true))["groups"][0];
  BOOST_TEST(g["withheld"] == true);
  BOOST_TEST(g["respondents"] == 2);
  BOOST_TEST(g["overall"]["index"].is_null());
  BOOST_TEST(g["overall"]["band"].is_null());
  for (const char* list : {"role_counts", "dimensions", "roles", "gaps", "withheld_roles", "items", "comments"}) {
    BOOST_TEST(g[list].empty(), list);
  }
  BOOST_TEST(g["items_withheld"] == 0);
}

BOOST_AUTO_TEST_CASE(a_withheld_dimension_has_null_figures) {
  Results results = make_results();
  results.groups[0].dimensions[0].withheld = true;
  const json d = json::parse(render(results))["groups"][0]["dimensions"][0];
  BOOST_TEST(d["withheld"] == true);
  for (const char* figure : {"index", "scale_mean", "sd", "alpha", "band", "band_label", "advice"}) {
    BOOST_TEST(d[figure].is_null(), figure);
  }
}

BOOST_AUTO_TEST_CASE(text_is_sanitised_and_safe_to_embed) {
  Results results = make_results();
  results.groups[0].partnership = "bad\xFF utf8 \xE2\x80\xA8 line sep \xE2\x80\xAE";
  const std::string text = render(results, true);
  BOOST_TEST(text.find('\x1b') == std::string::npos);
  BOOST_TEST(text.find("<script") == std::string::npos);
  BOOST_TEST(text.find('<') == std::string::npos);
  BOOST_TEST(text.find("\\u003cscript\\u003e") != std::string::npos);
  BOOST_TEST(text.find("\xE2\x80\xA8") == std::string::npos);
  const json doc = json::parse(text);
  BOOST_TEST(doc["groups"][0]["partnership"] == "bad\xEF\xBF\xBD utf8 \xE2\x80\xA8 line sep ");
  BOOST_TEST(doc["groups"][1]["partnership"] == hostile_partnership);
}

BOOST_AUTO_TEST_CASE(only_the_two_line_separators_among_e2_characters_are_escaped) {
  Results results = make_results();
  // U+2014 EM DASH and U+20AC EURO SIGN share the lead byte 0xE2 with U+2028 and U+2029; they stay literal.
  results.groups[0].partnership = "a\xE2\x80\x94" "b\xE2\x80\xA9" "c\xE2\x82\xAC" "d\xE2\x80\xA8" "e>";
  const std::string text = render(results, true);
  BOOST_TEST(text.find("a\xE2\x80\x94" "b\\u2029c\xE2\x82\xAC" "d\\u2028e\\u003e") != std::string::npos);
  BOOST_TEST(json::parse(text)["groups"][0]["partnership"] == results.groups[0].partnership);
  results.groups[0].partnership = "ends with \xE2";  // an invalid lead byte at the very end: U+FFFD, no overrun
  BOOST_TEST(json::parse(render(results, true))["groups"][0]["partnership"] == "ends with \xEF\xBF\xBD");
}

BOOST_AUTO_TEST_CASE(same_input_same_bytes_and_language) {
  RenderOptions options = default_options();
  options.language = "fr";
  BOOST_TEST(partnerpulse::render_json(make_results(), options) == partnerpulse::render_json(make_results(), options));
  const json doc = json::parse(partnerpulse::render_json(make_results(), options));
  BOOST_TEST(doc["groups"][0]["dimensions"][0]["title"] == "Relations personnelles");
  BOOST_TEST(doc["groups"][0]["overall"]["band_label"] == "En progrès");
  BOOST_TEST(doc["groups"][0]["overall"]["band"] == "developing");
}

BOOST_AUTO_TEST_SUITE_END()
