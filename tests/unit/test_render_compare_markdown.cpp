// The Markdown comparison (src/report/render_compare_markdown.cpp): a pure function, hostile text shown literally,
// withheld figures as the missing mark.

#include <string>

#include <boost/test/unit_test.hpp>

#include "compare_fixture.hpp"
#include "partnerpulse/render_compare.hpp"
#include "results_fixture.hpp"

using namespace partnerpulse;
using namespace partnerpulse::test;

namespace {

std::string render(const Comparison& comparison) {
  RenderOptions options;
  options.tool_version = "0.3.0";
  return render_comparison_markdown(comparison, options);
}

bool has_line(const std::string& text, const std::string& line) {
  for (const std::string& l : lines_of(text)) {
    if (l == line) return true;
  }
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(render_compare_markdown)

BOOST_AUTO_TEST_CASE(same_input_same_bytes) {
  const std::string text = render(hostile_comparison());
  BOOST_TEST(text == render(hostile_comparison()));
  BOOST_TEST(text.back() == '\n');
  BOOST_TEST(text.find("\n\n\n") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(figures_changes_and_the_noise_flag_as_printed) {
  const std::string text = render(hostile_comparison());
  BOOST_TEST(has_line(text, "| Trust | Respect \\| &lt;b&gt;bold&lt;/b&gt; second line | 50.0 | 60.1 | +10.0 | 9.4 | yes |"),
             text);
  BOOST_TEST(has_line(text, "Overall health index: 48.3 in 2023, 61.0 in 2024: no change shown, as the two overall "
                            "indexes are not the mean of the same dimensions measured the same way."));
  BOOST_TEST(has_line(text, "| Trust | Respect \\| &lt;b&gt;bold&lt;/b&gt; second line | 20.0 | 12.5 | -7.5 | narrower: "
                            "partners see it more alike |"));
}

BOOST_AUTO_TEST_CASE(withheld_figures_show_the_missing_mark) {
  const std::string text = render(hostile_comparison());
  BOOST_TEST(has_line(text, "| Trust | =HYPERLINK(\"http\\://evil\") | — | 70.0 | — | — | — |"), text);
  BOOST_TEST(has_line(text, "- =HYPERLINK(\"http\\://evil\"): withheld in 2023 (too few respondents)"));
  BOOST_TEST(has_line(text, "| north \\| &lt;i&gt; | Trust | =HYPERLINK(\"http\\://evil\") | — | 71.0 | — |"));
}

BOOST_AUTO_TEST_CASE(hostile_text_is_shown_literally) {
  const std::string text = render(hostile_comparison());
  for (const char* raw : {"<script>", "<b>", "<i>", "<u>", "\x1b", "\x07", "\xE2\x80\xAE"}) {
    BOOST_TEST(text.find(raw) == std::string::npos, "found " << raw);
  }
  // Every table row has exactly as many column dividers as its header.
  std::size_t dividers = 0;
  for (const std::string& line : lines_of(text)) {
    if (line.empty() || line.front() != '|') {
      dividers = 0;
      continue;
    }
    if (dividers == 0) dividers = unescaped_pipes(line);
    BOOST_TEST(unescaped_pipes(line) == dividers, line);
  }
  BOOST_TEST(has_line(text, "## Bridging \\| gaps &lt;script&gt;alert(1)&lt;/script&gt;: 2023 to 2024"), text);
}

BOOST_AUTO_TEST_CASE(a_partnership_in_one_period_says_so_and_nothing_else) {
  const std::string text = render(hostile_comparison());
  BOOST_TEST(has_line(text, "## solo: 2023 to 2023"));
  BOOST_TEST(has_line(text, "Absent from 2024: no group of this partnership in those inputs."));
  BOOST_TEST(has_line(text, "Only one period: there is nothing to compare it with."));
  BOOST_TEST(text.find("### Overall (solo)") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(three_periods_add_a_trend_column) {
  Comparison c = hostile_comparison();
  c.periods = {"2023", "2024", "2025"};
  c.partnerships[0].periods = c.periods;
  c.partnerships[0].dimensions[0].series = {0.0, 50.04, 100.0};
  c.partnerships[0].dimensions[1].series = {std::nullopt, 70.0, 12.4};
  const std::string text = render(c);
  BOOST_TEST(text.find("| +10.0 | 9.4 | yes | ▁▅█ |") != std::string::npos, text);
  BOOST_TEST(text.find("| — | — | — | ·▆▁ |") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
