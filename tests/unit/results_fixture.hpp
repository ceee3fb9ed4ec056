#pragma once
// Hand-built Results for the renderer tests: two groups of one partnership (2024 and 2025), hostile texts
// everywhere an input file can put text (pipes, HTML, newlines, terminal escapes, backticks, bidi overrides,
// Markdown syntax, URLs), a withheld role, a dimension whose alpha is not computable, and a flagged gap.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "partnerpulse/render.hpp"
#include "partnerpulse/results.hpp"

namespace partnerpulse::test {

inline constexpr const char* hostile_partnership = "Bridging | gaps <script>alert(1)</script>";

inline LocalizedText en(std::string text) { return LocalizedText("en", std::move(text)); }

inline LocalizedText en_fr(std::string english, std::string french) {
  LocalizedText text("en", std::move(english));
  text.set("fr", std::move(french));
  return text;
}

// The default bands as scoring marks them: "strength" is the top band, "attention" the bottom one.
inline BandRef band(const std::string& id) {
  if (id == "attention") return {id, en_fr("Needs attention", "À travailler"), false, true};
  if (id == "developing") return {id, en_fr("Developing | <i>growing</i>", "En progrès"), false, false};
  return {id, en_fr("Strength", "Point fort"), true, false};
}

inline DimensionResult dimension(std::string questionnaire, std::string id, LocalizedText title, double index,
                                 std::optional<double> alpha, const std::string& band_id, std::string advice) {
  DimensionResult d;
  d.questionnaire = std::move(questionnaire);
  d.id = std::move(id);
  d.title = std::move(title);
  d.n = 9;
  d.scored_items = 4;
  d.index = index;
  d.sd = 12.3456;
  d.scale_mean = 1.0 + index / 100.0 * 4.0;
  d.alpha = alpha;
  d.alpha_n = alpha ? 7 : 2;
  d.band = band(band_id);
  d.advice = en(std::move(advice));
  return d;
}

inline RoleResult role(std::string name, std::size_t n, const GroupResult& group, std::vector<double> indexes) {
  RoleResult r;
  r.role = std::move(name);
  r.n = n;
  for (std::size_t i = 0; i < group.dimensions.size(); ++i) {
    r.dimensions.push_back({group.dimensions[i].questionnaire, group.dimensions[i].id, n, indexes.at(i), {}});
  }
  return r;
}

inline ItemResult item(std::string questionnaire, std::string id, std::string dimension, std::string text,
                       bool reverse, double index) {
  ItemResult i;
  i.questionnaire = std::move(questionnaire);
  i.id = std::move(id);
  i.dimension = std::move(dimension);
  i.text = en(std::move(text));
  i.reverse = reverse;
  i.n = 8;
  i.not_applicable = 1;
  i.index = index;
  i.sd = 20.5;
  return i;
}

// One group: 9 respondents in roles east (2, withheld), north (3) and south (4).
inline GroupResult make_group(const std::string& period, double shift) {
  GroupResult g;
  g.partnership = hostile_partnership;
  g.period = period;
  g.respondents = 9;
  g.role_counts = {{"east\x1b[31m", 2}, {"north | <b>", 3}, {"south`", 4}};
  g.overall_index = 58.4 + shift;
  g.overall_band = band("developing");
  g.dimensions.push_back(dimension("trust", "personal-relationships",
                                   en_fr("Personal | relationships <script>alert('x')</script>\nsecond line",
                                         "Relations personnelles"),
                                   55.26 + shift, 0.8123, "developing",
                                   "Widen contact\x1b[31m beyond | the `one` person.\n- not a list\n# not a heading"));
  g.dimensions.push_back(dimension("trust", "mutual-respect", en("Mutual respect"), 80.04 + shift, std::nullopt,
                                   "strength", "Keep checking in."));
  g.dimensions.push_back(dimension("power-balance", "decision-making",
                                   en("Decision\nmaking \x1b[31mred\x1b[0m `code` **bold**."), 40.0 + shift, 0.65,
                                   "attention", "<script>alert('advice')</script> Agree who decides what."));
  g.roles.push_back(role("north | <b>", 3, g, {70.0 + shift, 78.0, 45.0}));
  g.roles.push_back(role("south`", 4, g, {43.75 + shift, 82.0, 36.0}));
  g.withheld_roles.push_back({"east\x1b[31m", 2, "fewer than 3 respondents"});
  g.gaps.push_back({"trust", "personal-relationships", 26.25, "north | <b>", "south`", true, std::nullopt});
  g.gaps.push_back({"trust", "mutual-respect", 4.0, "south`", "north | <b>", false, std::nullopt});
  g.gaps.push_back({"power-balance", "decision-making", 9.0, "north | <b>", "south`", false, std::nullopt});
  g.attention_items.push_back(item("power-balance", "budget-alone", "decision-making",
                                   "Our partner decides | the <b>budget</b> alone.\n\x1b]8;;http://evil\x07link", true,
                                   31.25 + shift));
  g.attention_items.push_back(item("trust", "knows-people", "personal-relationships",
                                   "We know the `people` we work with.", false, 45.83 + shift));
  g.items_withheld = 1;
  CommentGroup comments;
  comments.questionnaire = "trust";
  comments.item = "trust-moment";
  comments.item_text = en("Describe a moment | when trust <em>grew</em>.");
  comments.comments = {
      "Line one\nline two | with a pipe",
      "<script>alert(1)</script>",
      "\x1b[31mred\x1b[0m text \xE2\x80\xAE reversed",
      "`code` and **bold** and [link](http://evil.example) and ![img](x.png)",
      "# not a heading",
      "1. not a list",
      "- not a bullet",
      "https://example.org and www.example.org and mail@example.org",
      "\x1b[2J",  // nothing left after stripping: not printed
  };
  g.comments.push_back(std::move(comments));
  g.questionnaires.push_back({"trust", "1.0", en_fr("Trust | and `relationships`", "Confiance"), 9});
  g.questionnaires.push_back({"power-balance", "1.0", en("Power\nbalance <br>"), 8});
  g.incomplete_skipped = 1;
  g.dimension_scores_missing = 2;
  return g;
}

inline Results make_results() {
  Results results;
  results.options.min_group = 3;
  results.options.gap_threshold = 15.0;
  results.groups.push_back(make_group("2024", 0.0));
  results.groups.push_back(make_group("2025", 1.0));
  return results;
}

// A group with fewer respondents than the minimum: withheld, with (wrongly) some figures left in, which a
// renderer must not print.
inline GroupResult make_withheld_group() {
  GroupResult g = make_group("2023", 0.0);
  g.respondents = 2;
  g.role_counts = {{"north | <b>", 1}, {"south`", 1}};
  g.withheld = true;
  return g;
}

inline RenderOptions default_options() {
  RenderOptions options;
  options.tool_version = "0.3.0";
  return options;
}

// Checks on rendered Markdown, shared by the escaping and renderer tests.

// Pipes in `line` that are not escaped: not preceded by an odd number of backslashes. Each one is a GFM table
// column divider.
inline std::size_t unescaped_pipes(std::string_view line) {
  std::size_t count = 0;
  std::size_t backslashes = 0;
  for (const char c : line) {
    if (c == '|' && backslashes % 2 == 0) ++count;
    backslashes = c == '\\' ? backslashes + 1 : 0;
  }
  return count;
}

inline std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      lines.emplace_back(text.substr(start));
      break;
    }
    lines.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

}  // namespace partnerpulse::test
