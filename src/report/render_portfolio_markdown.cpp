// index.md (docs/report-format.md, "The portfolio summary"): one row per partnership, lowest overall index first,
// then the portfolio's quartiles per dimension.

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "partnerpulse/portfolio.hpp"
#include "report/markdown_blocks.hpp"
#include "report/markdown_escape.hpp"
#include "util/decimal_format.hpp"

namespace partnerpulse {

namespace {

class PortfolioMarkdown {
public:
  PortfolioMarkdown(const Portfolio& portfolio, const RenderOptions& options)
      : portfolio_(portfolio), options_(options) {}

  std::string render() {
    doc_.add("# Portfolio summary");
    std::string intro = fmt::format("{} at {} latest period. Each name links to the partnership's own report, with "
                                    "all its periods, newest first.",
                                    plural(portfolio_.rows.size(), "partnership", "partnerships"),
                                    portfolio_.rows.size() == 1 ? "its" : "their");
    if (!single_line(options_.date).empty()) intro += fmt::format(" Report date: {}.", options_.date);
    doc_.add(markdown_inline(intro));
    render_partnerships();
    render_dimensions();
    render_notes();
    doc_.add(made_with(options_.tool_version));
    return doc_.str();
  }

private:
  const std::string& text(const LocalizedText& localized) const {
    return options_.language.empty() ? localized.text() : localized.in(options_.language);
  }

  static std::string figure(const std::optional<double>& value) { return format_fixed(value, 1, missing); }

  std::string response_rate(const PortfolioRow& row) const {
    if (!row.invited) return std::string(missing);
    if (!row.response_rate) return fmt::format("{} of 0", row.respondents);
    return fmt::format("{}% ({} of {})", format_fixed(*row.response_rate * 100.0, 0), row.respondents, *row.invited);
  }

  std::string change(const PortfolioRow& row) const {
    if (!row.change) return std::string(missing);
    // format_change gives only digits, a sign and a point: safe in a cell as it is (a leading + needs no escape).
    return fmt::format("{} since {} ({} beyond noise)", format_change(row.change, 1, missing),
                       markdown_table_cell(plain(row.previous_period.value_or(""))),
                       plural(row.significant_changes, "dimension", "dimensions"));
  }

  std::vector<std::string> row_cells(const PortfolioRow& row) const {
    const std::string name = plain(row.title.empty() ? row.partnership : row.title, row.partnership);
    std::vector<std::string> cells = {fmt::format("[{}]({}.md)", markdown_table_cell(name), row.file),
                                      markdown_table_cell(plain(row.period)), fmt::format("{}", row.respondents)};
    if (row.withheld) {
      cells.resize(10, "withheld");
      return cells;
    }
    cells.push_back(response_rate(row));
    cells.push_back(figure(row.overall));
    cells.push_back(row.band ? markdown_table_cell(plain(text(row.band->label), row.band->id)) : std::string(missing));
    cells.push_back(change(row));
    cells.push_back(row.weakest ? markdown_table_cell(fmt::format("{} ({})", plain(text(row.weakest->title), row.weakest->id),
                                                                  figure(row.weakest->index)))
                                : std::string(missing));
    cells.push_back(fmt::format("{}", row.flagged_gaps));
    cells.push_back(row.missing_roles.empty() ? std::string(missing)
                                              : markdown_table_cell(fmt::format("{}", fmt::join(row.missing_roles, ", "))));
    return cells;
  }

  void render_partnerships() {
    doc_.add("## Partnerships");
    doc_.add("Lowest overall index first, so that attention goes where it is needed.");
    const std::vector<Column> columns = {{"Partnership", false},   {"Period", false},          {"Respondents", true},
                                         {"Response rate", true},  {"Overall", true},          {"Band", false},
                                         {"Change", false},        {"Weakest dimension", false}, {"Flagged gaps", true},
                                         {"Roles missing", false}};
    std::vector<std::vector<std::string>> rows;
    for (const PortfolioRow& row : portfolio_.rows) rows.push_back(row_cells(row));
    doc_.add(table(columns, rows));
  }

  void render_dimensions() {
    doc_.add("## Dimensions across the portfolio");
    if (portfolio_.dimensions.empty()) {
      doc_.add("No partnership shows a dimension index.");
      return;
    }
    doc_.add("The indexes of the partnerships that show the dimension at their latest period: the lower quartile, the "
             "median and the upper quartile.");
    const std::vector<Column> columns = {{"Questionnaire", false}, {"Dimension", false}, {"Partnerships", true},
                                         {"Q1", true},             {"Median", true},     {"Q3", true}};
    std::vector<std::vector<std::string>> rows;
    for (const PortfolioDimensionSummary& d : portfolio_.dimensions) {
      rows.push_back({markdown_table_cell(plain(text(d.questionnaire_title), d.questionnaire)),
                      markdown_table_cell(plain(text(d.title), d.id)), fmt::format("{}", d.partnerships),
                      figure(d.q1), figure(d.median), figure(d.q3)});
    }
    doc_.add(table(columns, rows));
  }

  void render_notes() {
    doc_.add("## How to read this");
    doc_.add(bullet_list({
        fmt::format("A partnership marked withheld has fewer than {} respondents in its latest period: only its "
                    "number of respondents is shown, and none of its figures counts in the portfolio's.",
                    portfolio_.min_group),
        "Response rate: respondents out of the people invited, from the partnership file; " + std::string(missing) +
            " without one.",
        "Change: the overall index minus the one printed for the previous period, with how many dimensions changed "
        "beyond noise (Welch's t-test, 95% level).",
        "Roles missing: roles with no respondent at all in the latest period (declared in the partnership file, or "
        "that answered in another period).",
        "Each partnership's percentile per dimension among the partnerships of the same period is in "
        "[portfolio.json](portfolio.json), from 5 partnerships up.",
    }));
  }

  const Portfolio& portfolio_;
  const RenderOptions& options_;
  Document doc_;
};

}  // namespace

std::string render_portfolio_markdown(const Portfolio& portfolio, const RenderOptions& options) {
  return PortfolioMarkdown(portfolio, options).render();
}

}  // namespace partnerpulse
