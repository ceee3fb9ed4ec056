// index.md (docs/report-format.md, "The portfolio summary"): one row per partnership, lowest overall index first,
// then the portfolio's quartiles per dimension.

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "partnerpulse/interface_text.hpp"
#include "partnerpulse/portfolio.hpp"
#include "report/markdown_blocks.hpp"
#include "report/markdown_escape.hpp"
#include "util/decimal_format.hpp"

namespace partnerpulse {

namespace {

class PortfolioMarkdown {
public:
  PortfolioMarkdown(const Portfolio& portfolio, const RenderOptions& options)
      : portfolio_(portfolio), options_(options), language_(options.language) {}

  std::string render() {
    doc_.add("# " + std::string(translate(language_, "Portfolio summary")));
    std::string intro = fill(translate_plural(language_,
                                              "{} partnership at its latest period. Each name links to the "
                                              "partnership's own report, with all its periods, newest first.",
                                              "{} partnerships at their latest period. Each name links to the "
                                              "partnership's own report, with all its periods, newest first.",
                                              portfolio_.rows.size()),
                             portfolio_.rows.size());
    if (!single_line(options_.date).empty()) {
      intro += " " + fill(translate(language_, "Report date: {}."), options_.date);
    }
    doc_.add(markdown_inline(intro));
    render_partnerships();
    render_dimensions();
    render_notes();
    doc_.add(made_with(options_.tool_version, language_));
    return doc_.str();
  }

private:
  const std::string& text(const LocalizedText& localized) const {
    return options_.language.empty() ? localized.text() : localized.in(options_.language);
  }

  static std::string figure(const std::optional<double>& value) { return format_fixed(value, 1, missing); }

  std::string response_rate(const PortfolioRow& row) const {
    if (!row.invited) return std::string(missing);
    if (!row.response_rate) return fill(translate(language_, "{} of 0"), row.respondents);
    return fill(translate(language_, "{0}% ({1} of {2})"), format_fixed(*row.response_rate * 100.0, 0),
                row.respondents, *row.invited);
  }

  std::string change(const PortfolioRow& row) const {
    if (!row.change) return std::string(missing);
    // format_change gives only digits, a sign and a point: safe in a cell as it is (a leading + needs no escape).
    return fill(translate_plural(language_, "{0} since {1} ({2} dimension beyond noise)",
                                 "{0} since {1} ({2} dimensions beyond noise)", row.significant_changes),
                format_change(row.change, 1, missing), markdown_table_cell(plain(row.previous_period.value_or(""))),
                row.significant_changes);
  }

  std::vector<std::string> row_cells(const PortfolioRow& row) const {
    const std::string name = plain(row.title.empty() ? row.partnership : row.title, row.partnership);
    std::vector<std::string> cells = {fmt::format("[{}]({}.md)", markdown_table_cell(name), row.file),
                                      markdown_table_cell(plain(row.period)), fmt::format("{}", row.respondents)};
    if (row.withheld) {
      cells.resize(10, std::string(translate(language_, "withheld")));
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
    doc_.add("## " + std::string(translate(language_, "Partnerships")));
    doc_.add(std::string(translate(language_, "Lowest overall index first, so that attention goes where it is needed.")));
    const std::vector<Column> columns = {column(translate(language_, "Partnership"), false),
                                         column(translate(language_, "Period"), false),
                                         column(translate(language_, "Respondents"), true),
                                         column(translate(language_, "Response rate"), true),
                                         column(translate(language_, "Overall"), true),
                                         column(translate(language_, "Band"), false),
                                         column(translate(language_, "Change"), false),
                                         column(translate(language_, "Weakest dimension"), false),
                                         column(translate(language_, "Flagged gaps"), true),
                                         column(translate(language_, "Roles missing"), false)};
    std::vector<std::vector<std::string>> rows;
    for (const PortfolioRow& row : portfolio_.rows) rows.push_back(row_cells(row));
    doc_.add(table(columns, rows));
  }

  void render_dimensions() {
    doc_.add("## " + std::string(translate(language_, "Dimensions across the portfolio")));
    if (portfolio_.dimensions.empty()) {
      doc_.add(std::string(translate(language_, "No partnership shows a dimension index.")));
      return;
    }
    doc_.add(std::string(translate(language_, "The indexes of the partnerships that show the dimension at their "
                                              "latest period: the lower quartile, the median and the upper "
                                              "quartile.")));
    const std::vector<Column> columns = {column(translate(language_, "Questionnaire"), false),
                                         column(translate(language_, "Dimension"), false),
                                         column(translate(language_, "Partnerships"), true),
                                         column(translate(language_, "Q1"), true),
                                         column(translate(language_, "Median"), true),
                                         column(translate(language_, "Q3"), true)};
    std::vector<std::vector<std::string>> rows;
    for (const PortfolioDimensionSummary& d : portfolio_.dimensions) {
      rows.push_back({markdown_table_cell(plain(text(d.questionnaire_title), d.questionnaire)),
                      markdown_table_cell(plain(text(d.title), d.id)), fmt::format("{}", d.partnerships),
                      figure(d.q1), figure(d.median), figure(d.q3)});
    }
    doc_.add(table(columns, rows));
  }

  void render_notes() {
    doc_.add("## " + std::string(translate(language_, "How to read this")));
    doc_.add(bullet_list({
        fill(translate(language_, "A partnership marked withheld has fewer than {} respondents in its latest period: "
                                  "only its number of respondents is shown, and none of its figures counts in the "
                                  "portfolio's."),
             portfolio_.min_group),
        fill(translate(language_, "Response rate: respondents out of the people invited, from the partnership file; {} "
                                  "without one."),
             missing),
        std::string(translate(language_, "Change: the overall index minus the one printed for the previous period, "
                                         "with how many dimensions changed beyond noise (Welch's t-test, 95% "
                                         "level).")),
        std::string(translate(language_, "Roles missing: roles with no respondent at all in the latest period "
                                         "(declared in the partnership file, or that answered in another period).")),
        std::string(translate(language_, "Each partnership's percentile per dimension among the partnerships of the "
                                         "same period is in [portfolio.json](portfolio.json), from 5 partnerships "
                                         "up.")),
    }));
  }

  const Portfolio& portfolio_;
  const RenderOptions& options_;
  std::string_view language_;
  Document doc_;
};

}  // namespace

std::string render_portfolio_markdown(const Portfolio& portfolio, const RenderOptions& options) {
  return PortfolioMarkdown(portfolio, options).render();
}

}  // namespace partnerpulse
