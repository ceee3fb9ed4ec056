#include <regex>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "report/svg_charts.hpp"

using namespace partnerpulse;

namespace {

// The x of the tick label `label` (a <text> whose content is exactly `label`) in `svg`.
double tick_x(const std::string& svg, const std::string& label) {
  const std::regex pattern("<text x=\"([0-9.-]+)\"[^>]*>" + label + "</text>");
  std::smatch match;
  BOOST_TEST_REQUIRE(std::regex_search(svg, match, pattern));
  return std::stod(match[1]);
}

std::vector<BarRow> bars() {
  const std::vector<BandSpan> bands = {{0, 50, "Needs attention"}, {50, 75, "Making progress"}, {75, 100, "Strength"}};
  return {{"Trust: <b>Respect</b>", 62.5, "62.5", bands}, {"Withheld one", std::nullopt, "withheld", bands}};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(svg_charts)

BOOST_AUTO_TEST_CASE(text_colours_meet_wcag_aa) {
  for (const char* colour : {palette::text, palette::muted_text, palette::flagged_text}) {
    BOOST_TEST(contrast_ratio(colour, "#FFFFFF") >= 4.5, colour);
  }
  BOOST_TEST(contrast_ratio(palette::muted_text, "#E0E0E0") >= 4.5);  // band labels over the darker shade
  BOOST_TEST(contrast_ratio(palette::text, "#FDF0E6") >= 4.5);        // a flagged row's label
  BOOST_TEST(contrast_ratio(palette::flagged_text, "#FDF0E6") >= 4.5);
  BOOST_TEST(contrast_ratio("#0057A0", "#FFFFFF") >= 4.5);  // links
  for (double index = 0; index <= 100; index += 5) {
    const CellColours colours = heat_colours(index);
    BOOST_TEST(contrast_ratio(colours.background, colours.text) >= 4.5, index);
  }
  BOOST_TEST(contrast_ratio("#000000", "#FFFFFF") == 21.0, boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(heat_steps_darken_with_the_index) {
  BOOST_TEST(heat_step(0) == 0);
  BOOST_TEST(heat_step(19.9) == 0);
  BOOST_TEST(heat_step(20) == 1);
  BOOST_TEST(heat_step(100) == 4);
  for (int step = 1; step < 5; ++step) {
    BOOST_TEST(relative_luminance(heat_colours(step * 20.0).background) <
               relative_luminance(heat_colours(step * 20.0 - 1).background));
  }
}

BOOST_AUTO_TEST_CASE(bar_chart_has_title_desc_and_escaped_text) {
  const std::string svg = bar_chart_svg(bars(), {"Title <x>", "Desc & more", "Index (0–100)"}, false);
  BOOST_TEST(svg.find("<title>") != std::string::npos);
  BOOST_TEST(svg.find("<title>Title &lt;x&gt;</title>") != std::string::npos);
  BOOST_TEST(svg.find(">Desc &amp; more</desc>") != std::string::npos);
  BOOST_TEST(svg.find("Trust: &lt;b&gt;Respect&lt;/b&gt;") != std::string::npos);
  BOOST_TEST(svg.find("<b>") == std::string::npos);
  BOOST_TEST(svg.find(">Making progress</text>") != std::string::npos);
  BOOST_TEST(svg.find(">withheld</text>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(axes_read_from_the_start_of_the_line) {
  const std::string ltr = bar_chart_svg(bars(), {"t", "d", "a"}, false);
  BOOST_TEST(tick_x(ltr, "0") < tick_x(ltr, "100"));
  const std::string rtl = bar_chart_svg(bars(), {"t", "d", "a"}, true);
  BOOST_TEST(tick_x(rtl, "0") > tick_x(rtl, "100"));  // 0 at the right: the start of a right-to-left line
  BOOST_TEST(tick_x(rtl, "0") == 640 - tick_x(ltr, "0"), boost::test_tools::tolerance(0.11));
  const std::string dots = dot_plot_svg({"a", "b"}, {{"dim", {10.0, 90.0}, true, "flag"}}, {"t", "d", "a"}, true);
  BOOST_TEST(tick_x(dots, "0") > tick_x(dots, "100"));
  const std::vector<TrendPoint> points = {{"2023", 40.0, false}, {"2024", 60.0, true}};
  const std::string trend_rtl = trend_svg(points, {"t", "d", ""}, true);
  BOOST_TEST(tick_x(trend_rtl, "2023") > tick_x(trend_rtl, "2024"));  // time also runs from the right
  const std::string trend_ltr = trend_svg(points, {"t", "d", ""}, false);
  BOOST_TEST(tick_x(trend_ltr, "2023") < tick_x(trend_ltr, "2024"));
  BOOST_TEST(trend_ltr.find("class=\"noise\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(roles_differ_by_shape) {
  BOOST_TEST(role_marker(0, 10, 10).find("<circle") == 0);
  BOOST_TEST(role_marker(1, 10, 10).find("<rect") == 0);
  BOOST_TEST(role_marker(2, 10, 10).find("<path") == 0);
  BOOST_TEST(role_marker(3, 10, 10).find("<path") == 0);
  BOOST_TEST(role_marker(2, 10, 10) != role_marker(3, 10, 10));
}

BOOST_AUTO_TEST_SUITE_END()
