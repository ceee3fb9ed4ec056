// The HTML report's perception gaps and trends (html_report_parts.hpp).

#include <fmt/format.h>

#include "partnerpulse/interface_text.hpp"
#include "report/html_escape.hpp"
#include "report/html_page.hpp"
#include "report/html_report_parts.hpp"
#include "report/markdown_blocks.hpp"
#include "report/markdown_escape.hpp"
#include "util/decimal_format.hpp"

namespace partnerpulse {

namespace {

std::string figure(const std::optional<double>& value) { return format_fixed(value, 1, missing); }

const DimensionResult* same_dimension(const GroupResult& group, const DimensionResult& d) {
  for (const auto& other : group.dimensions) {
    if (other.questionnaire == d.questionnaire && other.id == d.id) return &other;
  }
  return nullptr;
}

}  // namespace

std::string HtmlReportParts::gaps(const GroupResult& group) const {
  const std::string& lang = options_.language;
  std::string out = heading(translate(options_.language, "Perception gaps"));
  if (group.role_counts.size() <= 1 && group.withheld_roles.empty()) {
    return out + "<p>" +
           html_escape(translate(options_.language,
                                 "All respondents share one role, so there are no perception gaps to show.")) +
           "</p>\n";
  }
  if (group.roles.empty()) {
    out += paragraph(fmt::format(fmt::runtime(translate(lang,
                                                        "No role can be shown on its own (each needs at least {} "
                                                        "respondents, and no withheld role may be worked out "
                                                        "from the others), so there are no perception gaps to "
                                                        "show.")),
                                 min_group_));
    return out + withheld_roles(group);
  }
  const std::string threshold = format_fixed(gap_threshold_, 1);
  out += paragraph(fmt::format(fmt::runtime(translate(lang,
                                                      "Each role's index per dimension (0–100), for roles with "
                                                      "at least {} respondents. The gap is the highest role's "
                                                      "index minus the lowest; a gap of at least {} points is "
                                                      "flagged for discussion.")),
                               min_group_, threshold));
  std::vector<std::string> roles;
  for (const auto& role : group.roles) {
    roles.push_back(fmt::format("{} (n={})", plain(role.role, translate(lang, "(no role)")), role.n));
  }
  std::vector<DotRow> rows;
  for (const auto& d : group.dimensions) {
    DotRow row{dimension_title(d), {}, false, std::string(translate(lang, "⚑ discuss"))};
    for (const auto& role : group.roles) row.values.push_back(role_index(role, d));
    const GapResult* gap = gap_of(group, d);
    row.flagged = gap != nullptr && gap->flagged;
    if (row.flagged) row.flag_text = fmt::format("⚑ {}", figure(gap->gap));
    rows.push_back(std::move(row));
  }
  const ChartText chart{
      fmt::format(fmt::runtime(translate(lang, "Perception gaps, {}")), plain(group.partnership)),
      std::string(translate(lang,
                            "One mark per role and dimension on a 0 to 100 axis, each role with its own shape "
                            "and colour; a line joins the highest and lowest role, thick and marked with a flag "
                            "when the gap is flagged; the table below gives the same figures.")),
      std::string(translate(lang, "Role index (0–100)"))};
  out += html_figure(
      html_escape(translate(options_.language, "Each role's index per dimension, and the gap between the extremes")),
      dot_plot_svg(roles, rows, chart, rtl_), gap_table(group));
  if (group.roles.size() == 1) {
    out += paragraph(fmt::format(fmt::runtime(translate(lang,
                                                        "A gap needs at least two roles shown on their own, "
                                                        "each with at least {} respondents.")),
                                 min_group_));
  }
  return out + withheld_roles(group);
}

std::string HtmlReportParts::gap_table(const GroupResult& group) const {
  std::vector<HtmlColumn> columns = {{html_escape(translate(options_.language, "Questionnaire"))},
                                     {html_escape(translate(options_.language, "Dimension"))}};
  for (const auto& role : group.roles) {
    columns.push_back(
        {html_escape(fmt::format("{} (n={})", plain(role.role, translate(options_.language, "(no role)")), role.n)),
         true});
  }
  columns.push_back({html_escape(translate(options_.language, "Gap")), true});
  if (group.previous_period) columns.push_back({html_escape(translate(options_.language, "Change")), true});
  columns.push_back({html_escape(translate(options_.language, "Flag"))});
  std::vector<std::vector<std::string>> rows;
  for (const auto& d : group.dimensions) {
    std::vector<std::string> row = {html_escape(questionnaire_title(group, d.questionnaire)),
                                    html_escape(dimension_title(d))};
    for (const auto& role : group.roles) row.push_back(figure(role_index(role, d)));
    const GapResult* gap = gap_of(group, d);
    row.push_back(figure(gap ? gap->gap : std::nullopt));
    if (group.previous_period) row.push_back(format_change(gap ? gap->change : std::nullopt, 1, missing));
    row.push_back(gap && gap->flagged
                      ? "<span class=\"flag\">" + html_escape(translate(options_.language, "⚑ discuss")) + "</span>"
                      : "");
    rows.push_back(std::move(row));
  }
  return html_table(html_escape(translate(options_.language, "Role indexes and gaps")), columns, rows);
}

std::string HtmlReportParts::withheld_roles(const GroupResult& group) const {
  if (group.withheld_roles.empty()) return {};
  const std::string& lang = options_.language;
  std::vector<std::string> items;
  for (const auto& withheld : group.withheld_roles) {
    std::string item =
        fmt::format(fmt::runtime(translate_plural(lang, "{} ({} respondent)", "{} ({} respondents)", withheld.n)),
                    plain(withheld.role, translate(lang, "(no role)")), withheld.n);
    const std::string reason = single_line(withheld.reason);
    if (!reason.empty()) item += ": " + reason;
    items.push_back(html_escape(item));
  }
  return "<p>" + html_escape(translate(options_.language, "Not shown on their own, to protect their respondents:")) +
         "</p>\n" + html_list(items) + "<p>" +
         html_escape(translate(
             options_.language,
             "Their figures are never shown, and they take no part in any gap. To show smaller roles, lower the "
             "threshold with --min-group (for example --min-group 2); this makes it easier to tell who answered what, "
             "so agree on it with the respondents first.")) +
         "</p>\n";
}

std::string HtmlReportParts::trends(const std::vector<const GroupResult*>& history) const {
  if (history.size() < 2) return {};
  const std::string& lang = options_.language;
  const GroupResult& group = *history.back();
  std::string charts = "<div class=\"trends\">\n";
  std::vector<HtmlColumn> columns = {{html_escape(translate(options_.language, "Questionnaire"))},
                                     {html_escape(translate(options_.language, "Dimension"))}};
  for (const GroupResult* period : history) columns.push_back({html_line(period->period), true});
  columns.push_back({html_escape(translate(options_.language, "Beyond noise"))});
  std::vector<std::vector<std::string>> rows;
  for (const auto& d : group.dimensions) {
    std::vector<TrendPoint> points;
    std::vector<std::string> row = {html_escape(questionnaire_title(group, d.questionnaire)),
                                    html_escape(dimension_title(d))};
    std::vector<std::string> noisy;
    for (const GroupResult* period : history) {
      const DimensionResult* same = period->withheld ? nullptr : same_dimension(*period, d);
      TrendPoint point{plain(period->period), same && !same->withheld ? same->index : std::nullopt, false};
      point.beyond_noise = same && !same->withheld && same->significant.value_or(false);
      if (point.beyond_noise) noisy.push_back(plain(period->period));
      row.push_back(figure(point.value));
      points.push_back(std::move(point));
    }
    row.push_back(noisy.empty() ? std::string(missing) : html_escape(fmt::format("{}", fmt::join(noisy, ", "))));
    rows.push_back(std::move(row));
    const ChartText chart{dimension_title(d),
                          fmt::format(fmt::runtime(translate(lang,
                                                             "The index of {} in each period, from {} to {}, on "
                                                             "a 0 to 100 axis; a ringed point changed beyond "
                                                             "noise since the period before.")),
                                      dimension_title(d), plain(history.front()->period), plain(group.period)),
                          {}};
    charts += "<div>\n<p><strong>" + html_escape(shortened_line(dimension_title(d), 60)) + "</strong></p>\n" +
              trend_svg(points, chart, rtl_) + "\n</div>\n";
  }
  charts += "</div>\n";
  const std::string table =
      html_table(html_escape(translate(
                     options_.language,
                     "The index per period; beyond noise: the periods whose change from the period before is beyond "
                     "noise (Welch's t-test, 95% level)")),
                 columns, rows);
  return heading(translate(options_.language, "Trends")) +
         html_figure(html_escape(translate(options_.language,
                                           "Each dimension's index across the periods (0–100); a ring marks a "
                                           "change beyond noise")),
                     charts, table);
}

}  // namespace partnerpulse
