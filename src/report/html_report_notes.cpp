// The HTML report's "don't know" shares, items, advice, comments and method (html_report_parts.hpp).

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "partnerpulse/interface_text.hpp"
#include "report/html_escape.hpp"
#include "report/html_page.hpp"
#include "report/html_report_parts.hpp"
#include "report/markdown_blocks.hpp"
#include "report/markdown_escape.hpp"
#include "util/decimal_format.hpp"

namespace partnerpulse {

namespace {

std::string figure(const std::optional<double>& value, int decimals = 1) {
  return format_fixed(value, decimals, missing);
}

std::string percent(double share) { return format_fixed(share * 100.0, 0) + "%"; }

}  // namespace

std::string HtmlReportParts::dont_know(const GroupResult& group) const {
  const std::string& lang = options_.language;
  std::vector<std::string> lines;
  for (const auto& d : group.dimensions) {
    std::vector<std::string> shares;
    if (d.dont_know_share && !d.withheld) {
      shares.push_back(fmt::format(fmt::runtime(translate(lang, "all respondents {}")), percent(*d.dont_know_share)));
    }
    for (const auto& role : group.roles) {
      for (const auto& cell : role.dimensions) {
        if (cell.questionnaire != d.questionnaire || cell.dimension != d.id) continue;
        if (cell.index && cell.dont_know_share) {
          shares.push_back(
              fmt::format("{} {}", plain(role.role, translate(lang, "(no role)")), percent(*cell.dont_know_share)));
        }
      }
    }
    if (shares.empty()) continue;
    lines.push_back(html_escape(fmt::format("{}, {}: {}", questionnaire_title(group, d.questionnaire),
                                            dimension_title(d), fmt::join(shares, "; "))));
  }
  if (lines.empty()) return {};
  return heading(translate(options_.language, "Answered \"don't know\"")) +
         paragraph(fmt::format(fmt::runtime(translate(lang,
                                                      "Dimensions where at least {}% of the answers, from all "
                                                      "respondents or from a role shown, were \"don't know\": a "
                                                      "partner that cannot judge a practice is a finding to "
                                                      "discuss. These answers are not in any index.")),
                               format_fixed(dont_know_notable_share * 100.0, 0))) +
         html_list(lines);
}

std::string HtmlReportParts::items(const GroupResult& group) const {
  const std::string& lang = options_.language;
  std::string out = heading(translate(options_.language, "Items needing attention"));
  if (group.attention_items.empty()) {
    out += "<p>" + html_escape(translate(options_.language, "No item has enough answers to be listed.")) + "</p>\n";
  } else {
    std::vector<HtmlColumn> columns = {{html_escape(translate(options_.language, "Questionnaire"))},
                                       {html_escape(translate(options_.language, "Item"))},
                                       {html_escape(translate(options_.language, "Index")), true},
                                       {html_escape(translate(options_.language, "SD")), true},
                                       {html_escape(translate(options_.language, "n")), true},
                                       {html_escape(translate(options_.language, "n/a")), true}};
    const bool with_dont_know = std::any_of(group.attention_items.begin(), group.attention_items.end(),
                                            [](const ItemResult& item) { return item.dont_know > 0; });
    if (with_dont_know) columns.push_back({html_escape(translate(options_.language, "Don't know")), true});
    std::vector<std::vector<std::string>> rows;
    for (const auto& item : group.attention_items) {
      std::string item_text = plain(text(item.text), item.id);
      if (item.reverse) item_text += std::string(translate(lang, " (reverse-keyed)"));
      rows.push_back({html_escape(questionnaire_title(group, item.questionnaire)), html_escape(item_text),
                      figure(item.index), figure(item.sd), fmt::format("{}", item.n),
                      fmt::format("{}", item.not_applicable)});
      if (with_dont_know) rows.back().push_back(fmt::format("{}", item.dont_know));
    }
    out +=
        html_table(html_escape(translate(options_.language,
                                         "The lowest-scoring items, lowest first: the concrete practices to discuss.")),
                   columns, rows);
  }
  if (group.items_withheld > 0) {
    out += paragraph(fmt::format(
        fmt::runtime(translate_plural(lang,
                                      "{} item is left out of this list because fewer than {} respondents "
                                      "answered it.",
                                      "{} items are left out of this list because fewer than {} respondents "
                                      "answered them.",
                                      group.items_withheld)),
        group.items_withheld, min_group_));
  }
  return out;
}

std::string HtmlReportParts::role_figure(const GroupResult& group, const std::string& role,
                                         const DimensionResult& d) const {
  for (const auto& shown : group.roles) {
    if (shown.role == role) return figure(role_index(shown, d));
  }
  return std::string(missing);
}

std::string HtmlReportParts::advice_entry(const GroupResult& group, const DimensionResult& d,
                                          const std::string& title) const {
  const std::string& lang = options_.language;
  std::string out = "<h4>" + html_escape(title) + "</h4>\n";
  out += paragraph(fmt::format(fmt::runtime(translate(lang, "{}: {}, index {} / 100.")),
                               questionnaire_title(group, d.questionnaire),
                               d.band ? band_label(*d.band) : std::string(missing), figure(d.index)));
  if (const GapResult* gap = flagged_gap(group, d)) {
    out += "<p class=\"flag\">" +
           html_escape(fmt::format(fmt::runtime(translate(lang,
                                                          "Perception gap of {} points: {} rates this dimension "
                                                          "lower ({}) than {} ({}). Talk about why the roles see "
                                                          "it differently.")),
                                   figure(gap->gap), plain(gap->lowest_role, translate(lang, "(no role)")),
                                   role_figure(group, gap->lowest_role, d),
                                   plain(gap->highest_role, translate(lang, "(no role)")),
                                   role_figure(group, gap->highest_role, d))) +
           "</p>\n";
  }
  if (d.band && d.band->top) return out;
  const std::string advice = single_line(text(d.advice));
  return out +
         (advice.empty()
              ? "<p>" + html_escape(translate(options_.language, "The questionnaire gives no advice for this band.")) +
                    "</p>\n"
              : paragraph(advice));
}

std::string HtmlReportParts::advice(const GroupResult& group) const {
  const std::string& lang = options_.language;
  std::string out = heading(translate(options_.language, "What to do next"));
  const AdvicePlan plan = plan_advice(group);
  if (plan.priorities.empty()) {
    const bool any_band = std::any_of(group.dimensions.begin(), group.dimensions.end(),
                                      [](const DimensionResult& d) { return d.band && !d.withheld; });
    return out + "<p>" +
           (any_band ? html_escape(translate(
                           options_.language,
                           "Every dimension is in its top band. Keep doing what works, and check again at the next "
                           "review."))
                     : html_escape(
                           translate(options_.language, "No dimension has a score, so there is no advice to give."))) +
           "</p>\n";
  }
  out += paragraph(fmt::format(
      fmt::runtime(translate_plural(lang,
                                    "Start with this priority: the lowest dimension below its top band, any "
                                    "dimension whose perception gap is flagged, then the next lowest.",
                                    "Start with these {} priorities: the lowest dimension below its top band, any "
                                    "dimension whose perception gap is flagged, then the next lowest.",
                                    plan.priorities.size())),
      plan.priorities.size()));
  for (std::size_t p = 0; p < plan.priorities.size(); ++p) {
    const DimensionResult& d = group.dimensions[plan.priorities[p]];
    out += advice_entry(group, d,
                        fmt::format(fmt::runtime(translate(lang, "Priority {}: {}")), p + 1, dimension_title(d)));
  }
  if (plan.others.empty()) return out;
  out += "<p>" +
         html_escape(translate(options_.language, "The other dimensions below their top band, lowest index first:")) +
         "</p>\n";
  for (const std::size_t i : plan.others) {
    out += advice_entry(group, group.dimensions[i], dimension_title(group.dimensions[i]));
  }
  return out;
}

std::string HtmlReportParts::comments(const GroupResult& group) const {
  std::string sections;
  for (const auto& comment_group : group.comments) {
    std::vector<std::string> lines;
    for (const auto& comment : comment_group.comments) {
      const std::string line = single_line(comment);
      if (!line.empty()) lines.push_back(html_escape(line));
    }
    if (lines.empty()) continue;
    sections += "<h4>" + html_line(text(comment_group.item_text), comment_group.item) + "</h4>\n" + html_list(lines);
  }
  if (sections.empty()) return {};
  return heading(translate(options_.language, "Comments")) + "<p>" +
         html_escape(translate(options_.language, "Free-text comments as written, sorted and never attributed.")) +
         "</p>\n" + sections;
}

std::string HtmlReportParts::method(const GroupResult& group) const {
  const std::string& lang = options_.language;
  const auto line = [&](std::string_view msgid, const auto&... args) {
    return html_escape(fmt::format(fmt::runtime(translate(lang, msgid)), args...));
  };
  std::vector<std::string> uses;
  for (const auto& use : group.questionnaires) {
    uses.push_back(
        html_escape(fmt::format(fmt::runtime(translate_plural(lang, "{} ({}), version {}: {} respondent",
                                                              "{} ({}), version {}: {} respondents", use.respondents)),
                                plain(text(use.title), use.id), plain(use.id), plain(use.version), use.respondents)));
  }
  std::vector<std::string> items;
  items.push_back(html_escape(translate(options_.language, "Questionnaires answered:")) +
                  (uses.empty() ? " " + html_escape(translate(options_.language, "none")) : "\n" + html_list(uses)));
  items.push_back(line("Incomplete responses left out: {}", group.incomplete_skipped));
  items.push_back(line("Dimension scores left out because fewer than half of their items were answered: {}",
                       group.dimension_scores_missing));
  items.push_back(
      line("Minimum group size (--min-group): {} respondents; smaller roles, dimensions and items are "
           "withheld",
           min_group_));
  items.push_back(
      line("Perception gaps of at least {} points are flagged (--gap-threshold)", format_fixed(gap_threshold_, 1)));
  items.push_back(
      line("Index: the 0–100 mean of respondents' dimension scores; SD: sample standard deviation; Alpha: "
           "Cronbach's alpha over respondents who answered every item; {} marks a figure that is "
           "withheld or cannot be computed",
           missing));
  std::vector<std::string> low;
  for (const auto& d : group.dimensions) {
    if (d.withheld || !d.alpha || !std::isfinite(*d.alpha) || *d.alpha >= low_alpha) continue;
    low.push_back(fmt::format("{} ({})", dimension_title(d), format_fixed(*d.alpha, 2)));
  }
  if (!low.empty()) {
    items.push_back(
        line("Alpha below {}: {}. The items of such a dimension do not agree with each other, so read its "
             "items rather than its index",
             format_fixed(low_alpha, 1), fmt::join(low, "; ")));
  }
  items.push_back(html_escape(translate(options_.language, "Respondent identities and organisations are never shown")));
  if (options_.comments) {
    items.push_back(
        line("Comments left out because their author's role, or its figures for the dimension, are "
             "withheld: {}",
             group.comments_withheld));
  }
  items.push_back(html_escape(
      translate(options_.language,
                "Share one report per period, made after collection has closed: readers who hold two reports of "
                "the same period made as responses arrived can subtract them and work out the answers of the "
                "respondents added in between (see docs/scoring.md, \"Successive runs\")")));
  items.push_back(html_escape(made_with_text(lang, options_.tool_version)));
  return heading(translate(options_.language, "Method")) + html_list(items);
}

// "Made with partnerpulse VERSION", without the version when empty.
std::string made_with_text(std::string_view language, std::string_view tool_version) {
  const std::string version = single_line(tool_version);
  return version.empty() ? std::string(translate(language, "Made with partnerpulse"))
                         : fmt::format(fmt::runtime(translate(language, "Made with partnerpulse {}")), version);
}

}  // namespace partnerpulse
