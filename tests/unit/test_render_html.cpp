#include <algorithm>
#include <regex>
#include <set>
#include <string>

#include <boost/test/unit_test.hpp>

#include "partnerpulse/render_html.hpp"
#include "report/html_page.hpp"
#include "results_fixture.hpp"

using namespace partnerpulse;
using namespace partnerpulse::test;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Every tag of `html` is one the renderers write, with attributes they write, and no attribute value that could
// load or run anything: what a hostile input would have to break to add an element, attribute or request.
void check_tags(const std::string& html) {
  static const std::set<std::string> elements = {
      "!DOCTYPE", "html",       "head", "meta",  "title",   "style", "body",   "header", "main", "nav",
      "section",  "h1",         "h2",   "h3",    "h4",      "p",     "strong", "ul",     "li",   "a",
      "figure",   "figcaption", "div",  "table", "caption", "thead", "tbody",  "tr",     "th",   "td",
      "span",     "svg",        "desc", "text",  "rect",    "line",  "circle", "path"};
  static const std::set<std::string> attributes = {
      "lang",       "dir",    "charset",   "http-equiv", "content",    "name",
      "id",         "href",   "class",     "scope",      "aria-label", "aria-labelledby",
      "viewBox",    "role",   "direction", "x",          "y",          "x1",
      "y1",         "x2",     "y2",        "cx",         "cy",         "r",
      "width",      "height", "d",         "fill",       "stroke",     "stroke-width",
      "text-anchor"};
  const std::regex tag("<(/?)([!A-Za-z0-9-]+)([^<>]*)>");
  const std::regex attribute("([A-Za-z-]+)=\"([^\"]*)\"");
  std::size_t tags = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), tag); it != std::sregex_iterator(); ++it) {
    ++tags;
    BOOST_TEST(elements.count((*it)[2]) == 1, "element " << (*it)[2]);
    const std::string attrs = (*it)[3];
    for (auto a = std::sregex_iterator(attrs.begin(), attrs.end(), attribute); a != std::sregex_iterator(); ++a) {
      BOOST_TEST(attributes.count((*a)[1]) == 1, "attribute " << (*a)[1]);
      if ((*a)[1] == "href")
        BOOST_TEST(std::regex_match((*a)[2].str(), std::regex("#group-[0-9]+|[a-z0-9_~-]+\\.html")));
    }
  }
  // Every '<' is a tag: the count of '<' equals the count of tags matched (no stray or broken markup).
  BOOST_TEST(static_cast<std::size_t>(std::count(html.begin(), html.end(), '<')) == tags);
  BOOST_TEST(!contains(html, "\x1b"));
  BOOST_TEST(!contains(html, "\xE2\x80\xAE"));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(render_html_tests)

BOOST_AUTO_TEST_CASE(direction_from_the_language) {
  BOOST_TEST(text_direction("ar") == "rtl");
  BOOST_TEST(text_direction("AR-eg") == "rtl");
  BOOST_TEST(text_direction("he") == "rtl");
  BOOST_TEST(text_direction("fa_IR") == "rtl");
  BOOST_TEST(text_direction("") == "ltr");
  BOOST_TEST(text_direction("en") == "ltr");
  BOOST_TEST(text_direction("fr") == "ltr");
  BOOST_TEST(text_direction("are") == "ltr");
}

BOOST_AUTO_TEST_CASE(hostile_text_is_escaped_everywhere) {
  RenderOptions options = default_options();
  options.comments = true;
  options.date = "2025-01-31";
  const std::string html = render_html(make_results(), options);
  check_tags(html);
  BOOST_TEST(!contains(html, "<script"));
  BOOST_TEST(contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  BOOST_TEST(contains(html, "Bridging | gaps &lt;script&gt;"));
}

BOOST_AUTO_TEST_CASE(self_contained_page) {
  const std::string html = render_html(make_results(), default_options());
  BOOST_TEST(html.rfind("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">", 0) == 0);
  BOOST_TEST(contains(html, "http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'sha256-"));
  BOOST_TEST(contains(html, html_content_security_policy()));
  BOOST_TEST(!contains(html, "http://"));
  BOOST_TEST(!contains(html, "https://"));
  BOOST_TEST(!contains(html, "url("));
  BOOST_TEST(!contains(html, "@import"));
  BOOST_TEST(!contains(html, " style=\""));  // no inline style attribute: the CSP allows only the style sheet
  BOOST_TEST(contains(html, "<style>" + html_style_sheet() + "</style>"));
}

BOOST_AUTO_TEST_CASE(charts_are_followed_by_their_tables) {
  const std::string html = render_html(make_results(), default_options());
  const std::regex figure("<figure>\n<figcaption>[^<]*</figcaption>\n<(svg|div class=\"trends\")[\\s\\S]*?</figure>");
  std::size_t figures = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), figure); it != std::sregex_iterator(); ++it) {
    ++figures;
    const std::string text = (*it)[0];
    BOOST_TEST(text.rfind("<table>") > text.rfind("</svg>"));
  }
  // Two groups: dimension bars and gap dots each, and the trend of the second period.
  BOOST_TEST(figures == 5u);
  BOOST_TEST(contains(html, "<title>"));
  BOOST_TEST(contains(html, "<desc>"));
  BOOST_TEST(contains(html, "class=\"noise\"") == false);  // the fixture has no change beyond noise
}

BOOST_AUTO_TEST_CASE(same_input_same_bytes) {
  const Results results = make_results();
  BOOST_TEST(render_html(results, default_options()) == render_html(results, default_options()));
  Results reversed = results;
  std::reverse(reversed.groups.begin(), reversed.groups.end());
  // The trend of a period shows the periods up to it in natural order, whatever the order of the groups.
  const std::string forward = render_html(results, default_options());
  const std::string backward = render_html(reversed, default_options());
  const auto trends = [](const std::string& html) { return html.substr(html.find("<div class=\"trends\">")); };
  BOOST_TEST(trends(forward).substr(0, 2000) == trends(backward).substr(0, 2000));
}

BOOST_AUTO_TEST_CASE(right_to_left_language) {
  RenderOptions options = default_options();
  options.language = "ar";
  const std::string html = render_html(make_results(), options);
  BOOST_TEST(html.rfind("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">", 0) == 0);
  check_tags(html);
}

BOOST_AUTO_TEST_CASE(withheld_group_shows_no_figures) {
  Results results;
  results.options.min_group = 3;
  results.groups.push_back(make_withheld_group());
  const std::string html = render_html(results, default_options());
  check_tags(html);
  BOOST_TEST(!contains(html, "<svg"));
  BOOST_TEST(!contains(html, "55.3"));
}

BOOST_AUTO_TEST_CASE(no_groups) {
  const std::string html = render_html(Results{}, default_options());
  check_tags(html);
  BOOST_TEST(contains(html, "No responses were found"));
}

BOOST_AUTO_TEST_CASE(portfolio_heat_table) {
  Results results = make_results();
  GroupResult other = make_group("2025", -30.0);
  other.partnership = "javascript:alert(1)";
  results.groups.push_back(other);
  const std::string html = render_portfolio_html(build_portfolio(results), default_options());
  check_tags(html);
  BOOST_TEST(contains(html, "<td class=\"heat h"));
  BOOST_TEST(contains(html, ">Partnerships by dimension</h2>"));
  // Every heat cell holds its number, and its class matches the number's step.
  const std::regex cell("<td class=\"heat h([0-4])\">([0-9.]+)</td>");
  std::size_t cells = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), cell); it != std::sregex_iterator(); ++it) {
    ++cells;
    BOOST_TEST(std::stoi((*it)[1]) == std::min(4, static_cast<int>(std::stod((*it)[2]) / 20.0)));
  }
  BOOST_TEST(cells == 6u);  // two partnerships by three dimensions
}

BOOST_AUTO_TEST_SUITE_END()
