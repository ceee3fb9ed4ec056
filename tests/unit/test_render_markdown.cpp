#include <algorithm>
#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "partnerpulse/render.hpp"
#include "results_fixture.hpp"

using namespace partnerpulse;
using namespace partnerpulse::test;

namespace {

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

std::size_t count(std::string_view text, std::string_view part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string_view::npos; at = text.find(part, at + part.size())) ++n;
  return n;
}

// What every rendered document must satisfy, whatever the input: the layout rules markdownlint checks, tables whose
// rows all have the header's number of columns, and nothing raw that input could have injected.
void check_structure(const std::string& md) {
  BOOST_TEST_REQUIRE(!md.empty());
  BOOST_TEST(md.back() == '\n');
  BOOST_TEST(!contains(md, "\n\n\n"), "no double blank lines");
  BOOST_TEST((md.size() < 2 || md[md.size() - 2] != '\n'), "exactly one final newline");
  BOOST_TEST(!contains(md, "\x1b"));
  BOOST_TEST(!contains(md, "\t"));
  BOOST_TEST(!contains(md, "\r"));
  BOOST_TEST(md.find('<') == std::string::npos, "no raw HTML");
  BOOST_TEST(md.find('>') == std::string::npos, "no raw HTML or block quote");
  BOOST_TEST(!contains(md, "\xE2\x80\xAE"));
  const std::vector<std::string> lines = lines_of(std::string_view(md).substr(0, md.size() - 1));
  BOOST_TEST(lines.front() == "# Partnership health report");
  std::set<std::string> headings;
  std::size_t h1 = 0;
  std::size_t table_columns = 0;  // pipes in the current table's header row; 0 outside tables
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    BOOST_TEST((line.empty() || line.back() != ' '), "trailing space on line " << i + 1 << ": " << line);
    if (starts_with(line, "#")) {
      BOOST_TEST(headings.insert(line.substr(line.find(' ') + 1)).second, "duplicate heading: " << line);
      if (starts_with(line, "# ")) ++h1;
      BOOST_TEST((i == 0 || lines[i - 1].empty()), "blank line before heading " << line);
      BOOST_TEST((i + 1 == lines.size() || lines[i + 1].empty()), "blank line after heading " << line);
    }
    if (starts_with(line, "|")) {
      if (table_columns == 0) {
        BOOST_TEST((i == 0 || lines[i - 1].empty()), "blank line before table");
        table_columns = unescaped_pipes(line);
      }
      BOOST_TEST(unescaped_pipes(line) == table_columns, "columns on line " << i + 1 << ": " << line);
    } else {
      BOOST_TEST((table_columns == 0 || line.empty()), "blank line after table");
      table_columns = 0;
    }
  }
  BOOST_TEST(h1 == 1u);
}

// The lines of the table that follows the heading line starting with `heading`.
std::vector<std::string> table_after(const std::string& md, std::string_view heading) {
  std::vector<std::string> rows;
  bool seen = false;
  for (const auto& line : lines_of(md)) {
    if (!seen) {
      seen = starts_with(line, heading);
      continue;
    }
    if (starts_with(line, "#")) break;
    if (starts_with(line, "|")) rows.push_back(line);
    else if (!rows.empty()) break;
  }
  return rows;
}

std::string render(const Results& results, bool comments = false, std::string date = {}) {
  RenderOptions options = default_options();
  options.comments = comments;
  options.date = std::move(date);
  return partnerpulse::render_markdown(results, options);
}

Results one_group() {
  Results results = make_results();
  results.groups.resize(1);
  return results;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(render_markdown)

BOOST_AUTO_TEST_CASE(hostile_fixture_keeps_the_document_structure) {
  Results results = make_results();
  results.groups.push_back(make_withheld_group());
  for (const bool comments : {false, true}) {
    for (const std::string date : {"", "2024-12-01"}) {
      const std::string md = render(results, comments, date);
      BOOST_TEST_CONTEXT("comments " << comments << ", date '" << date << "'") { check_structure(md); }
      BOOST_TEST(!contains(md, "<script"));
      BOOST_TEST(contains(md, "&lt;script&gt;"));
    }
  }
  check_structure(render(one_group(), true));
}

BOOST_AUTO_TEST_CASE(same_input_same_bytes) {
  const Results results = make_results();
  BOOST_TEST(render(results, true, "2024-12-01") == render(results, true, "2024-12-01"));
}

BOOST_AUTO_TEST_CASE(title_date_and_group_headings) {
  const std::string md = render(make_results(), false, "2024-12-01");
  BOOST_TEST(starts_with(md, "# Partnership health report\n\nReport date: 2024-12-01.\n\n## "));
  BOOST_TEST(contains(md, "\n## Bridging \\| gaps &lt;script&gt;alert(1)&lt;/script&gt; — 2024\n"));
  BOOST_TEST(contains(md, "\n## Bridging \\| gaps &lt;script&gt;alert(1)&lt;/script&gt; — 2025\n"));
  BOOST_TEST(!contains(render(make_results()), "Report date"));
}

BOOST_AUTO_TEST_CASE(several_groups_get_their_own_section_headings) {
  const std::string md = render(make_results(), true);
  for (const char* period : {"2024", "2025"}) {
    for (const char* section : {"Summary", "Dimensions", "Perception gaps", "Items needing attention",
                                "What to do next", "Comments", "Method"}) {
      const std::string heading = std::string("\n### ") + section + " (Bridging \\| gaps &lt;script&gt;alert(1)" +
                                  "&lt;/script&gt;, " + period + ")\n";
      BOOST_TEST(contains(md, heading), heading);
    }
  }
}

BOOST_AUTO_TEST_CASE(a_single_group_has_plain_section_headings) {
  const std::string md = render(one_group(), true);
  for (const char* heading : {"\n### Summary\n", "\n### Dimensions\n", "\n### Perception gaps\n",
                              "\n### Items needing attention\n", "\n### What to do next\n", "\n### Comments\n",
                              "\n### Method\n"}) {
    BOOST_TEST(contains(md, heading), heading);
  }
  // The section order is fixed.
  BOOST_TEST(md.find("### Summary") < md.find("### Dimensions"));
  BOOST_TEST(md.find("### Dimensions") < md.find("### Perception gaps"));
  BOOST_TEST(md.find("### Perception gaps") < md.find("### Items needing attention"));
  BOOST_TEST(md.find("### Items needing attention") < md.find("### What to do next"));
  BOOST_TEST(md.find("### What to do next") < md.find("### Comments"));
  BOOST_TEST(md.find("### Comments") < md.find("### Method"));
}

BOOST_AUTO_TEST_CASE(summary_lists_roles_and_marks_withheld_ones) {
  const std::string md = render(one_group());
  BOOST_TEST(contains(md, "\n- Respondents: 9\n  - east: 2 (withheld: fewer than 3)\n  - north \\| &lt;b&gt;: 3\n"
                          "  - south\\`: 4\n"));
  BOOST_TEST(contains(md, "\n- Overall health index: **58.4 / 100** (Developing \\| &lt;i&gt;growing&lt;/i&gt;)\n"));
}

BOOST_AUTO_TEST_CASE(dimension_table_shows_figures_bar_and_empty_alpha) {
  const auto rows = table_after(render(one_group()), "### Dimensions");
  BOOST_TEST_REQUIRE(rows.size() == 5u);
  BOOST_TEST(rows[0] == "| Questionnaire | Dimension | Index | Bar | Band | n | SD | Alpha |");
  BOOST_TEST(rows[1] == "| --- | --- | ---: | --- | --- | ---: | ---: | ---: |");
  BOOST_TEST(rows[2] == "| Trust \\| and \\`relationships\\` | Personal \\| relationships &lt;script&gt;alert('x')"
                        "&lt;/script&gt; second line | 55.3 | █████▌░░░░ | Developing \\| &lt;i&gt;growing&lt;/i&gt; | "
                        "9 | 12.3 | 0.81 |");
  BOOST_TEST(rows[3] == "| Trust \\| and \\`relationships\\` | Mutual respect | 80.0 | ████████░░ | Strength | 9 | 12.3 | — |");
  BOOST_TEST(contains(rows[4], "| Decision making red \\`code\\` \\*\\*bold\\*\\*. | 40.0 | ████░░░░░░ |"));
}

BOOST_AUTO_TEST_CASE(bar_width_follows_the_options) {
  RenderOptions options = default_options();
  options.bar_width = 4;
  BOOST_TEST(contains(partnerpulse::render_markdown(one_group(), options), "| 55.3 | ██░░ |"));
  options.bar_width = 0;
  const auto rows = table_after(partnerpulse::render_markdown(one_group(), options), "### Dimensions");
  BOOST_TEST_REQUIRE(!rows.empty());
  BOOST_TEST(rows[0] == "| Questionnaire | Dimension | Index | Band | n | SD | Alpha |");
}

BOOST_AUTO_TEST_CASE(gap_table_has_one_column_per_shown_role_and_flags) {
  const std::string md = render(one_group());
  const auto rows = table_after(md, "### Perception gaps");
  BOOST_TEST_REQUIRE(rows.size() == 5u);
  BOOST_TEST(rows[0] == "| Questionnaire | Dimension | north \\| &lt;b&gt; (n=3) | south\\` (n=4) | Gap | Flag |");
  BOOST_TEST(rows[2] == "| Trust \\| and \\`relationships\\` | Personal \\| relationships &lt;script&gt;alert('x')"
                        "&lt;/script&gt; second line | 70.0 | 43.8 | 26.3 | ⚑ discuss |");
  BOOST_TEST(rows[3] == "| Trust \\| and \\`relationships\\` | Mutual respect | 78.0 | 82.0 | 4.0 | |");
  BOOST_TEST(count(md, "⚑ discuss") == 1u);
  // The withheld role is listed, never given a column or a figure.
  for (const auto& row : rows) BOOST_TEST(!contains(row, "east"));
  BOOST_TEST(contains(md, "\n- east (2 respondents): fewer than 3 respondents\n"));
  BOOST_TEST(contains(md, "`--min-group`"));
}

BOOST_AUTO_TEST_CASE(gap_section_explains_when_no_role_is_shown) {
  Results results = one_group();
  auto& group = results.groups[0];
  group.roles.clear();
  group.gaps.clear();
  group.withheld_roles = {{"north | <b>", 3, "withheld too, so that a smaller withheld role cannot be worked out"},
                          {"south`", 4, "withheld too"},
                          {"east\x1b[31m", 2, "fewer than 3 respondents"}};
  const std::string md = render(results);
  check_structure(md);
  BOOST_TEST(table_after(md, "### Perception gaps").empty());
  BOOST_TEST(contains(md, "No role can be shown on its own"));
  BOOST_TEST(contains(md, "  - north \\| &lt;b&gt;: 3 (withheld: protects a smaller withheld role)\n"));

  group.role_counts = {{"north | <b>", 9}};
  group.withheld_roles.clear();
  BOOST_TEST(contains(render(results), "All respondents share one role"));
}

BOOST_AUTO_TEST_CASE(attention_items_mark_reverse_keying_and_withheld_items) {
  const std::string md = render(one_group());
  const auto rows = table_after(md, "### Items needing attention");
  BOOST_TEST_REQUIRE(rows.size() == 4u);
  BOOST_TEST(rows[0] == "| Questionnaire | Item | Index | SD | n | n/a |");
  BOOST_TEST(rows[2] == "| Power balance &lt;br&gt; | Our partner decides \\| the &lt;b&gt;budget&lt;/b&gt; alone. link "
                        "(reverse-keyed) | 31.3 | 20.5 | 8 | 1 |");
  BOOST_TEST(!contains(rows[3], "reverse-keyed"));
  BOOST_TEST(contains(md, "1 item is left out of this list because fewer than 3 respondents answered it."));
}

BOOST_AUTO_TEST_CASE(advice_is_given_below_the_top_band_only) {
  const std::string md = render(one_group());
  // The lowest first, then the one with a flagged gap, saying which role rates it lower.
  BOOST_TEST(contains(md, "Start with these 2 priorities: the lowest dimension below its top band, any dimension "
                          "whose perception gap is flagged, then the next lowest"));
  BOOST_TEST(contains(md, "\n#### Priority 1: Decision making red \\`code\\` \\*\\*bold\\*\\*\n"));
  BOOST_TEST(contains(md, "\n#### Priority 2: Personal \\| relationships &lt;script&gt;alert('x')&lt;/script&gt; second "
                          "line\n\nTrust \\| and \\`relationships\\`: Developing \\| &lt;i&gt;growing&lt;/i&gt;, index 55.3 / "
                          "100.\n\nPerception gap of 26.3 points: south\\` rates this dimension lower (43.8) than north "
                          "\\| &lt;b&gt; (70.0). Talk about why the roles see it differently.\n\nWiden contact beyond \\| "
                          "the \\`one\\` person. - not a list \\# not a heading\n"));
  BOOST_TEST(!contains(md, "#### Mutual respect"));

  Results all_strong = one_group();
  for (auto& d : all_strong.groups[0].dimensions) d.band = band("strength");
  for (auto& g : all_strong.groups[0].gaps) g.flagged = false;  // a flagged gap is a priority in any band
  BOOST_TEST(contains(render(all_strong), "Every dimension is in its top band (Strength)."));
}

BOOST_AUTO_TEST_CASE(the_top_band_is_the_one_scoring_marks_whatever_its_name) {
  // A questionnaire with its own bands, low/mid/high: "high" is the top band, and a band that happens to be
  // called "strength" but is not the top one still gets advice.
  Results custom = one_group();
  auto& dimensions = custom.groups[0].dimensions;
  for (auto& d : dimensions) d.band = BandRef{"high", LocalizedText("en", "High"), true, false};
  dimensions[0].band = BandRef{"strength", LocalizedText("en", "Strength"), false, false};
  const std::string md = render(custom);
  BOOST_TEST(contains(md, "#### Priority 1: Personal \\| relationships"));
  BOOST_TEST(!contains(md, "Agree who decides what"));  // the top band's advice
}

BOOST_AUTO_TEST_CASE(comments_only_when_asked_and_one_per_line) {
  const std::string without = render(one_group(), false);
  BOOST_TEST(!contains(without, "Comments"));
  BOOST_TEST(!contains(without, "Line one"));
  const std::string with = render(one_group(), true);
  BOOST_TEST(contains(with, "\n#### Describe a moment \\| when trust &lt;em&gt;grew&lt;/em&gt;\n\n"
                            "- Line one line two \\| with a pipe\n"
                            "- &lt;script&gt;alert(1)&lt;/script&gt;\n"
                            "- red text reversed\n"
                            "- \\`code\\` and \\*\\*bold\\*\\* and \\[link\\](http\\://evil.example) and !\\[img\\](x.png)\n"
                            "- \\# not a heading\n"
                            "- 1\\. not a list\n"
                            "- \\- not a bullet\n"
                            "- https\\://example.org and www\\.example.org and mail\\@example.org\n\n### Method"));
}

BOOST_AUTO_TEST_CASE(method_note_names_versions_thresholds_and_privacy) {
  const std::string md = render(one_group());
  BOOST_TEST(contains(md, "\n  - Trust \\| and \\`relationships\\` (trust), version 1.0: 9 respondents\n"));
  BOOST_TEST(contains(md, "\n- Incomplete responses left out: 1\n"));
  BOOST_TEST(contains(md, "fewer than half of their items were answered: 2\n"));
  BOOST_TEST(contains(md, "Minimum group size (`--min-group`): 3 respondents"));
  BOOST_TEST(contains(md, "at least 15.0 points are flagged (`--gap-threshold`)"));
  BOOST_TEST(contains(md, "\n- Respondent identities and organisations are never shown\n"));
  BOOST_TEST(contains(md, "\n- Made with partnerpulse 0.3.0\n"));
}

BOOST_AUTO_TEST_CASE(a_withheld_group_shows_only_why) {
  Results results;
  results.groups.push_back(make_withheld_group());
  const std::string md = render(results, true);
  check_structure(md);
  BOOST_TEST(md == "# Partnership health report\n\n"
                   "## Bridging \\| gaps &lt;script&gt;alert(1)&lt;/script&gt; — 2023\n\n"
                   "This partnership and period has 2 respondents, fewer than 3, so no figures are shown: with so "
                   "few, answers could be traced back to the people who gave them. The threshold is set with "
                   "`--min-group`.\n");
}

BOOST_AUTO_TEST_CASE(a_withheld_dimension_shows_no_figures) {
  Results results = one_group();
  auto& d = results.groups[0].dimensions[2];  // still holds figures: the renderer must not print them
  d.withheld = true;
  d.n = 2;
  const std::string md = render(results);
  const auto rows = table_after(md, "### Dimensions");
  BOOST_TEST_REQUIRE(rows.size() == 5u);
  BOOST_TEST(contains(rows[4], "| Decision making red \\`code\\` \\*\\*bold\\*\\*. | — | — | withheld | 2 | — | — |"));
  BOOST_TEST(!contains(md, "#### Decision making"));
  BOOST_TEST(contains(md, "A dimension marked withheld has fewer than 3 respondents with a score"));
}

BOOST_AUTO_TEST_CASE(language_picks_translations) {
  RenderOptions options = default_options();
  options.language = "fr";
  const std::string md = partnerpulse::render_markdown(one_group(), options);
  BOOST_TEST(contains(md, "Relations personnelles"));
  BOOST_TEST(contains(md, "| Confiance |"));
  BOOST_TEST(contains(md, "(En progrès)"));
  BOOST_TEST(contains(md, "| Mutual respect |"));  // no translation: the default text
  BOOST_TEST(contains(md, "### Synthèse"));          // the report's own words from the French catalogue
  BOOST_TEST(contains(md, "textes de questionnaire n'ont pas de traduction dans cette langue"));
  options.language = "de";  // no catalogue: English words, questionnaire texts in their default, counted
  const std::string german = partnerpulse::render_markdown(one_group(), options);
  const std::string counted = "questionnaire texts have no translation into this language and are shown in the "
                              "questionnaire's own language\n";
  const auto at = german.find(counted);
  BOOST_TEST_REQUIRE(at != std::string::npos);
  const auto line_start = german.rfind("\n- ", at) + 1;
  BOOST_TEST(german.substr(0, line_start) + german.substr(at + counted.size()) == render(one_group()));
}

BOOST_AUTO_TEST_CASE(repeated_heading_texts_are_made_unique) {
  Results results = one_group();
  auto& group = results.groups[0];
  group.dimensions[2].title = group.dimensions[0].title;  // same title in two questionnaires
  group.dimensions[2].band = band("developing");
  const std::string md = render(results);
  check_structure(md);
  const std::string title = " Personal \\| relationships &lt;script&gt;alert('x')&lt;/script&gt; second line\n";
  std::size_t headings = 0;
  for (std::size_t at = md.find(title); at != std::string::npos; at = md.find(title, at + 1)) ++headings;
  BOOST_TEST(headings == 2u);
}

BOOST_AUTO_TEST_CASE(a_title_full_of_pipes_never_adds_a_column) {
  Results results = one_group();
  for (const std::string title : {"|", "||", "a|b|c", "\\|", "\\\\|", "| --- |", "`|`", "\n|\n"}) {
    results.groups[0].dimensions[0].title = en(title);
    results.groups[0].questionnaires[0].title = en(title);
    results.groups[0].roles[0].role = title;
    const std::string md = render(results);
    BOOST_TEST_CONTEXT("title '" << title << "'") { check_structure(md); }
  }
}

BOOST_AUTO_TEST_CASE(no_groups_is_still_a_valid_document) {
  const std::string md = render(Results{});
  BOOST_TEST(md == "# Partnership health report\n\nNo responses were found, so there is nothing to report.\n");
}

BOOST_AUTO_TEST_SUITE_END()
