// index.html of `report --out-dir --format html` (docs/html.md, "The portfolio summary"): the portfolio summary of
// index.md, with a heat table of partnerships by dimension.

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "partnerpulse/interface_text.hpp"
#include "partnerpulse/render_html.hpp"
#include "report/html_escape.hpp"
#include "report/html_page.hpp"
#include "report/html_report_parts.hpp"
#include "report/markdown_blocks.hpp"
#include "report/markdown_escape.hpp"
#include "report/svg_charts.hpp"
#include "util/decimal_format.hpp"

namespace partnerpulse {

namespace {

class PortfolioHtml {
public:
  PortfolioHtml(const Portfolio& portfolio, const RenderOptions& options)
      : portfolio_(portfolio), options_(options), lang_(options.language) {}

  std::string render() const {
    std::string body = "<header>\n<h1>" + html_escape(translate(lang_, "Portfolio summary")) + "</h1>\n";
    std::string intro = fmt::format(
        fmt::runtime(translate_plural(lang_,
                                      "{} partnership at its latest period. Each name links to the partnership's own "
                                      "report, with all its periods, newest first.",
                                      "{} partnerships at their latest period. Each name links to the partnership's "
                                      "own report, with all its periods, newest first.",
                                      portfolio_.rows.size())),
        portfolio_.rows.size());
    if (!single_line(options_.date).empty()) {
      intro += " " + fmt::format(fmt::runtime(translate(lang_, "Report date: {}.")), options_.date);
    }
    body += "<p>" + html_escape(intro) + "</p>\n</header>\n<main>\n";
    body += partnerships() + heat_table() + quartiles() + notes();
    body += "<p>" + html_escape(made_with_text(lang_, options_.tool_version)) + "</p>\n</main>\n";
    return html_document(lang_, html_escape(translate(lang_, "Portfolio summary")), body);
  }

private:
  const std::string& text(const LocalizedText& localized) const {
    return lang_.empty() ? localized.text() : localized.in(lang_);
  }
  static std::string figure(const std::optional<double>& value) { return format_fixed(value, 1, missing); }

  std::string link(const PortfolioRow& row) const {
    const std::string name = plain(row.title.empty() ? row.partnership : row.title, row.partnership);
    // safe_file_stem gives lowercase letters, digits, '-', '_' and '~' only: safe in an href as it is.
    return fmt::format("<a href=\"{}.html\">{}</a>", row.file, html_escape(name));
  }

  std::vector<std::string> row_cells(const PortfolioRow& row) const {
    std::vector<std::string> cells = {link(row), html_line(row.period), fmt::format("{}", row.respondents)};
    if (row.withheld) {
      cells.resize(10, html_escape(translate(lang_, "withheld")));
      return cells;
    }
    cells.push_back(!row.invited         ? std::string(missing)
                    : !row.response_rate ? fmt::format("{} / 0", row.respondents)
                                         : fmt::format("{}% ({} / {})", format_fixed(*row.response_rate * 100.0, 0),
                                                       row.respondents, *row.invited));
    cells.push_back(figure(row.overall));
    cells.push_back(row.band ? html_line(text(row.band->label), row.band->id) : std::string(missing));
    cells.push_back(!row.change
                        ? std::string(missing)
                        : html_escape(fmt::format(fmt::runtime(translate(lang_, "{} since {} ({} beyond noise)")),
                                                  format_change(row.change, 1, missing),
                                                  plain(row.previous_period.value_or("")), row.significant_changes)));
    cells.push_back(row.weakest ? html_escape(fmt::format("{} ({})", plain(text(row.weakest->title), row.weakest->id),
                                                          figure(row.weakest->index)))
                                : std::string(missing));
    cells.push_back(fmt::format("{}", row.flagged_gaps));
    cells.push_back(row.missing_roles.empty() ? std::string(missing)
                                              : html_escape(fmt::format("{}", fmt::join(row.missing_roles, ", "))));
    return cells;
  }

  std::string partnerships() const {
    const std::vector<HtmlColumn> columns = {{html_escape(translate(lang_, "Partnership"))},
                                             {html_escape(translate(lang_, "Period"))},
                                             {html_escape(translate(lang_, "Respondents")), true},
                                             {html_escape(translate(lang_, "Response rate")), true},
                                             {html_escape(translate(lang_, "Overall")), true},
                                             {html_escape(translate(lang_, "Band"))},
                                             {html_escape(translate(lang_, "Change"))},
                                             {html_escape(translate(lang_, "Weakest dimension"))},
                                             {html_escape(translate(lang_, "Flagged gaps")), true},
                                             {html_escape(translate(lang_, "Roles missing"))}};
    std::vector<std::vector<std::string>> rows;
    for (const PortfolioRow& row : portfolio_.rows) rows.push_back(row_cells(row));
    return "<h2>" + html_escape(translate(lang_, "Partnerships")) + "</h2>\n" +
           html_table(
               html_escape(translate(lang_, "Lowest overall index first, so that attention goes where it is needed.")),
               columns, rows);
  }

  std::string heat_table() const;
  std::string quartiles() const;
  std::string notes() const;

  const Portfolio& portfolio_;
  const RenderOptions& options_;
  const std::string& lang_;
};

std::string PortfolioHtml::heat_table() const {
  if (portfolio_.dimensions.empty()) return {};
  std::vector<HtmlColumn> columns = {{html_escape(translate(lang_, "Partnership"))}};
  for (const PortfolioDimensionSummary& d : portfolio_.dimensions)
    columns.push_back({html_line(text(d.title), d.id), true});
  std::vector<std::vector<std::string>> rows, classes;
  for (const PortfolioRow& row : portfolio_.rows) {
    std::vector<std::string> cells = {link(row)}, cell_classes = {""};
    for (const PortfolioDimensionSummary& d : portfolio_.dimensions) {
      std::optional<double> index;
      for (const PortfolioDimension& own : row.dimensions) {
        if (own.questionnaire == d.questionnaire && own.id == d.id && !row.withheld) index = own.index;
      }
      cells.push_back(figure(index));
      const bool shown = index && std::isfinite(*index);
      cell_classes.push_back(shown ? fmt::format("heat h{}", heat_step(*index)) : "");
    }
    rows.push_back(std::move(cells));
    classes.push_back(std::move(cell_classes));
  }
  std::string legend;
  for (int step = 0; step < 5; ++step) {
    legend += fmt::format("<td class=\"heat h{}\">{}–{}</td>", step, step * 20, step == 4 ? 100 : step * 20 + 20);
  }
  return "<h2>" + html_escape(translate(lang_, "Partnerships by dimension")) + "</h2>\n<p>" +
         html_escape(translate(
             lang_,
             "Each partnership's index per dimension at its latest period: the darker the cell, the higher the index; "
             "the number is in every cell.")) +
         "</p>\n" +
         html_table(html_escape(translate(lang_, "Dimension indexes (0–100) by partnership")), columns, rows, classes) +
         "<div class=\"table-scroll\"><table><caption>" + html_escape(translate(lang_, "Colour key (index)")) +
         "</caption><tbody><tr>" + legend + "</tr></tbody></table></div>\n";
}

std::string PortfolioHtml::quartiles() const {
  std::string out = "<h2>" + html_escape(translate(lang_, "Dimensions across the portfolio")) + "</h2>\n";
  if (portfolio_.dimensions.empty())
    return out + "<p>" + html_escape(translate(lang_, "No partnership shows a dimension index.")) + "</p>\n";
  const std::vector<HtmlColumn> columns = {
      {html_escape(translate(lang_, "Questionnaire"))},      {html_escape(translate(lang_, "Dimension"))},
      {html_escape(translate(lang_, "Partnerships")), true}, {html_escape(translate(lang_, "Q1")), true},
      {html_escape(translate(lang_, "Median")), true},       {html_escape(translate(lang_, "Q3")), true}};
  std::vector<std::vector<std::string>> rows;
  for (const PortfolioDimensionSummary& d : portfolio_.dimensions) {
    rows.push_back({html_line(text(d.questionnaire_title), d.questionnaire), html_line(text(d.title), d.id),
                    fmt::format("{}", d.partnerships), figure(d.q1), figure(d.median), figure(d.q3)});
  }
  return out + html_table(html_escape(translate(
                              lang_,
                              "The indexes of the partnerships that show the dimension at their latest period: the "
                              "lower quartile, the median and the upper quartile.")),
                          columns, rows);
}

std::string PortfolioHtml::notes() const {
  const auto line = [&](std::string_view msgid, const auto&... args) {
    return html_escape(fmt::format(fmt::runtime(translate(lang_, msgid)), args...));
  };
  return "<h2>" + html_escape(translate(lang_, "How to read this")) + "</h2>\n" +
         html_list({line("A partnership marked withheld has fewer than {} respondents in its latest period: only its "
                         "number of respondents is shown, and none of its figures counts in the portfolio's.",
                         portfolio_.min_group),
                    line("Response rate: respondents out of the people invited, from the partnership file; {} without "
                         "one.",
                         missing),
                    html_escape(translate(
                        lang_,
                        "Change: the overall index minus the one printed for the previous period, with how many "
                        "dimensions changed beyond noise (Welch's t-test, 95% level).")),
                    html_escape(translate(
                        lang_,
                        "Roles missing: roles with no respondent at all in the latest period (declared in the "
                        "partnership file, or that answered in another period).")),
                    html_escape(translate(
                        lang_,
                        "Each partnership's percentile per dimension among the partnerships of the same period is in "
                        "portfolio.json, from 5 partnerships up."))});
}

}  // namespace

std::string render_portfolio_html(const Portfolio& portfolio, const RenderOptions& options) {
  return PortfolioHtml(portfolio, options).render();
}

}  // namespace partnerpulse
