// The JSON comparison (src/report/render_compare_json.cpp): full precision, null where withheld, texts cleaned.

#include <limits>
#include <string>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "compare_fixture.hpp"
#include "partnerpulse/render_compare.hpp"

using namespace partnerpulse;
using namespace partnerpulse::test;
using nlohmann::json;

namespace {

std::string render(const Comparison& comparison) {
  RenderOptions options;
  options.tool_version = "0.3.0";
  return render_comparison_json(comparison, options);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(render_compare_json)

BOOST_AUTO_TEST_CASE(same_input_same_bytes) {
  const std::string text = render(hostile_comparison());
  BOOST_TEST(text == render(hostile_comparison()));
  BOOST_TEST(text.substr(text.size() - 2) == "}\n");
}

BOOST_AUTO_TEST_CASE(the_contract_with_full_precision_and_nulls) {
  const json doc = json::parse(render(hostile_comparison()));
  BOOST_TEST(doc["format_version"] == 1);
  BOOST_TEST(doc["tool"]["name"] == "partnerpulse");
  BOOST_TEST(doc["tool"]["version"] == "0.3.0");
  BOOST_TEST((doc["periods"] == json{"2023", "2024"}));
  const json& p = doc["comparisons"][0];
  BOOST_TEST((p["absent_from"] == json::array()));
  BOOST_TEST(p["from"] == "2023");
  BOOST_TEST(p["overall"]["from"].get<double>() == 48.25);
  BOOST_TEST(p["overall"]["change"].is_null());
  BOOST_TEST(p["overall"]["note"].get<std::string>().find("not the mean") != std::string::npos);
  const json& d = p["dimensions"][0];
  BOOST_TEST(d["from"].get<double>() == 50.04);
  BOOST_TEST(d["to"].get<double>() == 60.06);
  BOOST_TEST(d["se"].get<double>() == 4.47213595499958);
  BOOST_TEST(d["significant"] == true);
  BOOST_TEST(d["comparable"] == true);
  BOOST_TEST(d["note"].is_null());
  const json& withheld = p["dimensions"][1];
  for (const char* key : {"from", "change", "se", "df", "margin", "significant"}) {
    BOOST_TEST(withheld[key].is_null(), key);
  }
  BOOST_TEST(withheld["note"] == "withheld in 2023 (too few respondents)");
  BOOST_TEST(withheld["series"][0].is_null());
  BOOST_TEST(withheld["series"][1].get<double>() == 70.0);
  BOOST_TEST(p["roles"][0]["dimensions"][1]["from"].is_null());
  BOOST_TEST(p["gaps"][0]["change"].get<double>() == -7.5);
  BOOST_TEST(p["items"][0]["reverse"] == true);
  BOOST_TEST(p["items"][0]["change"].get<double>() == 5.3);
  const json& solo = doc["comparisons"][1];
  BOOST_TEST((solo["absent_from"] == json{"2024"}));
  BOOST_TEST(solo["dimensions"].empty());
  BOOST_TEST(solo["overall"]["from"].is_null());
}

BOOST_AUTO_TEST_CASE(texts_are_cleaned_and_html_is_escaped) {
  const std::string text = render(hostile_comparison());
  for (const char* raw : {"<", ">", "\x1b", "\x07", "\xE2\x80\xAE"}) BOOST_TEST(text.find(raw) == std::string::npos);
  const json doc = json::parse(text);
  BOOST_TEST(doc["comparisons"][0]["partnership"] == "Bridging | gaps <script>alert(1)</script>");
  BOOST_TEST(doc["comparisons"][0]["dimensions"][0]["title"] == "Respect | <b>bold</b>\nsecond line");
  BOOST_TEST(doc["comparisons"][0]["items"][0]["text"] == "They listen | <u>well</u>");
}

BOOST_AUTO_TEST_CASE(a_number_that_is_not_finite_is_null) {
  Comparison c = hostile_comparison();
  c.partnerships[0].dimensions[0].df = std::numeric_limits<double>::infinity();
  BOOST_TEST(json::parse(render(c))["comparisons"][0]["dimensions"][0]["df"].is_null());
}

BOOST_AUTO_TEST_SUITE_END()
