// The HTML report's summary, dimensions, perception gaps and trends (html_report_parts.hpp).

#include "report/html_report_parts.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "partnerpulse/interface_text.hpp"
#include "partnerpulse/render_html.hpp"
#include "report/html_escape.hpp"
#include "report/html_page.hpp"
#include "report/markdown_blocks.hpp"
#include "report/markdown_escape.hpp"
#include "util/decimal_format.hpp"

namespace partnerpulse {

namespace {

std::string figure(const std::optional<double>& value, int decimals = 1) {
  return format_fixed(value, decimals, missing);
}

}  // namespace

std::optional<double> role_index(const RoleResult& role, const DimensionResult& d) {
  for (const auto& cell : role.dimensions) {
    if (cell.questionnaire == d.questionnaire && cell.dimension == d.id) return cell.index;
  }
  return std::nullopt;
}

const GapResult* gap_of(const GroupResult& group, const DimensionResult& d) {
  for (const auto& gap : group.gaps) {
    if (gap.questionnaire == d.questionnaire && gap.dimension == d.id) return &gap;
  }
  return nullptr;
}

HtmlReportParts::HtmlReportParts(const RenderOptions& options, const ScoringOptions& scoring)
    : options_(options),
      min_group_(scoring.min_group),
      gap_threshold_(scoring.gap_threshold),
      rtl_(text_direction(options.language) == "rtl") {}

const std::string& HtmlReportParts::text(const LocalizedText& localized) const {
  return options_.language.empty() ? localized.text() : localized.in(options_.language);
}

std::string HtmlReportParts::questionnaire_title(const GroupResult& group, const std::string& id) const {
  for (const auto& use : group.questionnaires) {
    if (use.id == id) return plain(text(use.title), id);
  }
  return plain(id);
}

std::string HtmlReportParts::dimension_title(const DimensionResult& d) const { return plain(text(d.title), d.id); }

std::string HtmlReportParts::band_label(const BandRef& band) const { return plain(text(band.label), band.id); }

std::string HtmlReportParts::heading(std::string_view translated) const {
  return "<h3>" + html_escape(translated) + "</h3>\n";
}

std::string HtmlReportParts::paragraph(const std::string& plain_text) const {
  return "<p>" + html_escape(plain_text) + "</p>\n";
}

std::string HtmlReportParts::summary(const GroupResult& group) const {
  const std::string& lang = options_.language;
  std::string out = heading(translate(options_.language, "Summary")) + "<p class=\"headline\">";
  if (group.overall_index && std::isfinite(*group.overall_index)) {
    out += fmt::format(fmt::runtime(html_escape(translate(options_.language, "Overall health index: {} / 100"))),
                       "<strong>" + format_fixed(*group.overall_index, 1) + "</strong>");
    if (group.overall_band) out += " (" + html_escape(band_label(*group.overall_band)) + ")";
  } else {
    out += fmt::format(
        fmt::runtime(html_escape(translate(options_.language, "Overall health index: {} (not computable)"))), missing);
  }
  out += "</p>\n";
  std::vector<std::string> lines;
  if (group.balanced_index && group.overall_index) {
    lines.push_back(html_escape(fmt::format(
        fmt::runtime(translate(lang,
                               "Balanced index: {} / 100: the mean of the indexes of the roles shown, each role "
                               "counting once; the overall index counts each respondent once.")),
        format_fixed(*group.balanced_index, 1))));
  }
  lines.push_back(html_escape(fmt::format(fmt::runtime(translate(lang, "Respondents: {}")), group.respondents)));
  for (const auto& [role, n] : group.role_counts) {
    std::string line = fmt::format("{}: {}", plain(role, translate(lang, "(no role)")), n);
    for (const RoleResponse& declared : group.role_responses) {
      if (declared.role != role) continue;
      line = fmt::format("{} ({}): {}", plain(declared.title, role), plain(role), n);
      if (declared.invited && *declared.invited > 0) {
        line += fmt::format(fmt::runtime(translate(lang, " of {} invited ({}%)")), *declared.invited,
                            format_fixed(100.0 * static_cast<double>(n) / static_cast<double>(*declared.invited), 0));
      }
    }
    for (const WithheldRole& withheld : group.withheld_roles) {
      if (withheld.role != role) continue;
      line += withheld.n < min_group_
                  ? fmt::format(fmt::runtime(translate(lang, " (withheld: fewer than {})")), min_group_)
                  : std::string(translate(lang, " (withheld: protects a smaller withheld role)"));
    }
    lines.push_back(html_escape(line));
  }
  if (!group.missing_roles.empty()) {
    lines.push_back(html_escape(
        fmt::format(fmt::runtime(translate(lang, "No response from: {}")), fmt::join(group.missing_roles, ", "))));
  }
  return out + html_list(lines);
}

std::vector<BandSpan> HtmlReportParts::band_spans(const DimensionResult& d) const {
  std::vector<BandSpan> spans;
  double lower = 0;
  for (const BandLimit& band : d.bands) {
    spans.push_back(BandSpan{lower, band.upper, plain(text(band.label), band.id)});
    lower = band.upper;
  }
  return spans;
}

std::string HtmlReportParts::dimensions(const GroupResult& group) const {
  std::string out = heading(translate(options_.language, "Dimensions"));
  if (group.dimensions.empty())
    return out + "<p>" + html_escape(translate(options_.language, "No dimension was scored.")) + "</p>\n";
  std::vector<BarRow> rows;
  for (const auto& d : group.dimensions) {
    BarRow row{fmt::format("{}: {}", questionnaire_title(group, d.questionnaire), dimension_title(d)),
               d.withheld ? std::nullopt : d.index, "", band_spans(d)};
    row.value_text = d.withheld ? std::string(translate(options_.language, "withheld")) : figure(row.value);
    rows.push_back(std::move(row));
  }
  const std::string& lang = options_.language;
  const ChartText chart{
      fmt::format(fmt::runtime(translate(lang, "Dimension indexes, {}")), plain(group.partnership)),
      std::string(translate(lang,
                            "One bar per dimension on a 0 to 100 axis, over the shaded bands; the table below "
                            "gives the same figures.")),
      std::string(translate(lang, "Index (0–100)"))};
  const std::string svg = bar_chart_svg(rows, chart, rtl_);
  out += html_figure(html_escape(translate(options_.language, "Dimension indexes (0–100), with the bands shaded")), svg,
                     dimension_table(group));
  if (std::any_of(group.dimensions.begin(), group.dimensions.end(), [](const auto& d) { return d.withheld; })) {
    out += paragraph(fmt::format(fmt::runtime(translate(lang,
                                                        "A dimension marked withheld has fewer than {} "
                                                        "respondents with a score, so its figures are not "
                                                        "shown.")),
                                 min_group_));
  }
  return out;
}

std::string HtmlReportParts::dimension_table(const GroupResult& group) const {
  std::vector<HtmlColumn> columns = {{html_escape(translate(options_.language, "Questionnaire"))},
                                     {html_escape(translate(options_.language, "Dimension"))},
                                     {html_escape(translate(options_.language, "Index")), true},
                                     {html_escape(translate(options_.language, "Band"))},
                                     {html_escape(translate(options_.language, "n")), true},
                                     {html_escape(translate(options_.language, "SD")), true},
                                     {html_escape(translate(options_.language, "Alpha")), true}};
  const bool with_change = group.previous_period.has_value();
  if (with_change)
    columns.insert(columns.end(), {{html_escape(translate(options_.language, "Change")), true},
                                   {html_escape(translate(options_.language, "Beyond noise"))}});
  std::vector<std::vector<std::string>> rows;
  for (const auto& d : group.dimensions) {
    const auto shown = [&](const std::optional<double>& value) { return d.withheld ? std::nullopt : value; };
    std::vector<std::string> row = {html_escape(questionnaire_title(group, d.questionnaire)),
                                    html_escape(dimension_title(d)), figure(shown(d.index))};
    row.push_back(d.withheld ? html_escape(translate(options_.language, "withheld"))
                  : d.band   ? html_escape(band_label(*d.band))
                             : std::string(missing));
    row.insert(row.end(), {fmt::format("{}", d.n), figure(shown(d.sd)), figure(shown(d.alpha), 2)});
    if (with_change) {
      std::string change = html_escape(format_change(shown(d.change), 1, missing));
      if (!d.change_note.empty()) change += " (" + html_escape(plain(d.change_note)) + ")";
      row.push_back(change);
      row.push_back(d.withheld || !d.significant ? std::string(missing)
                    : *d.significant             ? html_escape(translate(options_.language, "yes"))
                                                 : html_escape(translate(options_.language, "no")));
    }
    rows.push_back(std::move(row));
  }
  std::string caption = html_escape(translate(options_.language, "The dimensions' figures"));
  if (with_change) {
    caption += ". " + html_escape(fmt::format(fmt::runtime(translate(options_.language,
                                                                     "Change: the index minus the one printed for {}; "
                                                                     "beyond noise: at least the noise margin of "
                                                                     "Welch's t-test (95% level).")),
                                              plain(*group.previous_period)));
  }
  return html_table(caption, columns, rows);
}

}  // namespace partnerpulse
