// The Markdown comparison (docs/compare.md). Every text from an input goes through markdown_escape.hpp; the
// output passes markdownlint-cli2's default rules except MD013 (line length).

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "partnerpulse/render_compare.hpp"
#include "report/markdown_blocks.hpp"
#include "report/markdown_escape.hpp"
#include "util/decimal_format.hpp"

namespace partnerpulse {

namespace {

// One character per period, from ▁ (0) to █ (100), decided on the index as printed; `·` where there is none.
std::string sparkline(const std::vector<std::optional<double>>& series) {
  static const char* const levels[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
  std::string out;
  for (const std::optional<double>& value : series) {
    if (!value || !std::isfinite(*value)) {
      out += "·";
      continue;
    }
    const double printed = std::clamp(rounded_as_printed(*value, 1), 0.0, 100.0);
    out += levels[std::min<std::size_t>(7, static_cast<std::size_t>(printed / 12.5))];
  }
  return out;
}

std::string noise_word(const std::optional<bool>& significant) {
  if (!significant) return std::string(missing);
  return *significant ? "yes" : "no";
}

// How a change of a perception gap reads: a gap that narrows is good news.
std::string gap_reading(const std::optional<double>& change) {
  if (!change) return std::string(missing);
  if (rounded_as_printed(*change, 1) < 0.0) return "narrower: partners see it more alike";
  if (rounded_as_printed(*change, 1) > 0.0) return "wider: partners see it more differently";
  return "unchanged";
}

class ComparisonMarkdown {
public:
  ComparisonMarkdown(const Comparison& comparison, const RenderOptions& options)
      : comparison_(comparison), options_(options) {}

  std::string render() {
    doc_.add("# " + headings_.unique(markdown_heading("Partnership comparison")));
    std::vector<std::string> periods;
    for (const std::string& period : comparison_.periods) periods.push_back(plain(period));
    doc_.add(markdown_inline(fmt::format("Periods compared, oldest first: {}.", fmt::join(periods, ", "))));
    with_suffix_ = comparison_.partnerships.size() > 1;
    for (const PartnershipComparison& p : comparison_.partnerships) render_partnership(p);
    render_method();
    return doc_.str();
  }

private:
  const std::string& text(const LocalizedText& localized) const {
    return options_.language.empty() ? localized.text() : localized.in(options_.language);
  }

  void heading(int level, std::string_view raw) {
    std::string escaped = markdown_heading(raw);
    if (with_suffix_ && partnership_ != nullptr) escaped += " (" + markdown_inline(plain(partnership_->partnership)) + ")";
    doc_.add(std::string(static_cast<std::size_t>(level), '#') + " " + headings_.unique(escaped));
  }

  std::string figure(const std::optional<double>& value) const { return format_fixed(value, 1, missing); }
  std::string change(const std::optional<double>& value) const { return format_change(value, 1, missing); }

  std::string dimension_name(const DimensionComparison& d) const { return plain(text(d.title), d.id); }

  const DimensionComparison* dimension(const std::string& questionnaire, const std::string& id) const {
    for (const DimensionComparison& d : partnership_->dimensions) {
      if (d.questionnaire == questionnaire && d.id == id) return &d;
    }
    return nullptr;
  }

  std::string from_column() const { return markdown_table_cell(plain(partnership_->from)); }
  std::string to_column() const { return markdown_table_cell(plain(partnership_->to)); }

  void render_partnership(const PartnershipComparison& p) {
    partnership_ = nullptr;
    heading(2, fmt::format("{}: {} to {}", plain(p.partnership), plain(p.from), plain(p.to)));
    partnership_ = &p;
    std::vector<std::string> facts;
    if (!p.absent_from.empty()) {
      facts.push_back(markdown_inline(fmt::format("Absent from {}: no group of this partnership in those inputs.", fmt::join(p.absent_from, ", "))));
    }
    if (!p.withheld_periods.empty()) {
      facts.push_back(markdown_inline(fmt::format("Withheld in {}: fewer respondents than the minimum group size, so "
                                                  "none of those figures is shown.",
                                                  fmt::join(p.withheld_periods, ", "))));
    }
    if (p.periods.size() < 2) facts.push_back("Only one period: there is nothing to compare it with.");
    for (std::string& fact : facts) doc_.add(std::move(fact));
    if (p.periods.size() < 2) return;
    render_overall(p);
    render_dimensions(p);
    render_roles(p);
    render_gaps(p);
    render_items(p);
  }

  void render_overall(const PartnershipComparison& p) {
    heading(3, "Overall");
    std::string line = markdown_inline(fmt::format("Overall health index: {} in {}, {} in {}", figure(p.overall_from),
                                                   plain(p.from), figure(p.overall_to), plain(p.to)));
    if (p.overall_change) {
      line += fmt::format(": change **{}**", change(p.overall_change));
    } else if (!p.overall_note.empty()) {
      line += markdown_inline(fmt::format(": no change shown, as {}", p.overall_note));
    }
    doc_.add(line + ".");
  }

  void render_dimensions(const PartnershipComparison& p) {
    heading(3, "Dimensions");
    doc_.add(markdown_inline(fmt::format(
        "Each dimension's index (0–100) in {} and {}. Change is the later index minus the earlier, as printed. Beyond "
        "noise is yes when the change is at least the noise margin (Welch's t-test, 95% level), no when a change that "
        "size could be chance, and {} when it cannot be tested.",
        plain(p.from), plain(p.to), missing)));
    std::vector<Column> columns = {{"Questionnaire", false}, {"Dimension", false}, {from_column(), true},
                                   {to_column(), true},     {"Change", true},     {"Margin", true},
                                   {"Beyond noise", false}};
    const bool trend = p.periods.size() >= 3;
    if (trend) columns.push_back({"Trend", false});
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> notes;
    for (const DimensionComparison& d : p.dimensions) {
      std::vector<std::string> row = {markdown_table_cell(plain(text(d.questionnaire_title), d.questionnaire)),
                                      markdown_table_cell(dimension_name(d)), figure(d.from), figure(d.to),
                                      change(d.change), figure(d.margin), noise_word(d.significant)};
      if (trend) row.push_back(sparkline(d.series));
      rows.push_back(std::move(row));
      if (!d.note.empty()) notes.push_back(markdown_inline(fmt::format("{}: {}", dimension_name(d), d.note)));
    }
    doc_.add(table(columns, rows));
    if (trend) {
      doc_.add(markdown_inline(fmt::format("Trend: the index in each period ({}), from ▁ (0) to █ (100); · where it "
                                           "is not shown.",
                                           fmt::join(p.periods, ", "))));
    }
    if (!notes.empty()) {
      doc_.add("Notes:");
      doc_.add(bullet_list(notes));
    }
  }

  void render_roles(const PartnershipComparison& p) {
    heading(3, "Roles");
    if (p.roles.empty()) {
      doc_.add(markdown_inline(fmt::format("No role is shown on its own in both {} and {}.", plain(p.from),
                                           plain(p.to))));
      return;
    }
    const std::vector<Column> columns = {{"Role", false}, {"Questionnaire", false}, {"Dimension", false},
                                         {from_column(), true}, {to_column(), true}, {"Change", true}};
    std::vector<std::vector<std::string>> rows;
    for (const RoleComparison& role : p.roles) {
      for (const RoleDimensionChange& cell : role.dimensions) {
        const DimensionComparison* d = dimension(cell.questionnaire, cell.id);
        rows.push_back({markdown_table_cell(plain(role.role, "(no role)")),
                        markdown_table_cell(d ? plain(text(d->questionnaire_title), d->questionnaire) : plain(cell.questionnaire)),
                        markdown_table_cell(d ? dimension_name(*d) : plain(cell.id)), figure(cell.from),
                        figure(cell.to), change(cell.change)});
      }
    }
    doc_.add(markdown_inline(fmt::format("Each role shown on its own in both {} and {}.", plain(p.from), plain(p.to))));
    doc_.add(table(columns, rows));
  }

  void render_gaps(const PartnershipComparison& p) {
    heading(3, "Perception gaps");
    doc_.add("The gap between the highest and the lowest role's index in each period. A gap that narrows means the "
             "partners now see the dimension more alike.");
    const std::vector<Column> columns = {{"Questionnaire", false}, {"Dimension", false}, {from_column(), true},
                                         {to_column(), true},     {"Change", true},     {"Reading", false}};
    std::vector<std::vector<std::string>> rows;
    for (const GapComparison& gap : p.gaps) {
      const DimensionComparison* d = dimension(gap.questionnaire, gap.dimension);
      rows.push_back({markdown_table_cell(d ? plain(text(d->questionnaire_title), d->questionnaire) : plain(gap.questionnaire)),
                      markdown_table_cell(d ? dimension_name(*d) : plain(gap.dimension)), figure(gap.from),
                      figure(gap.to), change(gap.change), gap_reading(gap.change)});
    }
    doc_.add(table(columns, rows));
  }

  void render_items(const PartnershipComparison& p) {
    heading(3, "Items needing attention");
    if (p.items.empty()) {
      doc_.add(markdown_inline(fmt::format("No item is listed as needing attention in both {} and {} unchanged, so "
                                           "no item is compared.",
                                           plain(p.from), plain(p.to))));
      return;
    }
    doc_.add(markdown_inline(fmt::format("Items listed as needing attention in both {} and {}, unchanged between them.",
                                         plain(p.from), plain(p.to))));
    const std::vector<Column> columns = {{"Item", false}, {from_column(), true}, {to_column(), true}, {"Change", true}};
    std::vector<std::vector<std::string>> rows;
    for (const ItemComparison& item : p.items) {
      const std::string item_text = plain(text(item.text), item.id) + (item.reverse ? " (reverse-keyed)" : "");
      rows.push_back({markdown_table_cell(item_text), figure(item.from), figure(item.to), change(item.change)});
    }
    doc_.add(table(columns, rows));
  }

  void render_method() {
    partnership_ = nullptr;
    with_suffix_ = false;
    heading(2, "Method");
    std::vector<std::string> items = {
        "Groups are matched by partnership; each change runs from a partnership's first period to its last",
        fmt::format("Every figure is one that each period's report shows: a figure withheld in either period is "
                    "withheld here ({}), and none is worked out from counts or totals",
                    missing),
        "Changes are the later figure minus the earlier, as printed with one decimal",
        "A change is compared only when both periods measured the dimension with the same items (same ids, or items "
        "that declare `replaces`, with the same scales, reverse keying and weights)",
        "Noise margin: Welch's two-sample t-test at the 95% level, two-sided, from each period's index, SD and n; a "
        "change is beyond noise when it is at least the margin as printed",
        "Respondent identities and organisations are never shown"};
    items.push_back(made_with(options_.tool_version));
    doc_.add(bullet_list(items));
  }

  const Comparison& comparison_;
  const RenderOptions& options_;
  Document doc_;
  HeadingSet headings_;
  bool with_suffix_ = false;
  const PartnershipComparison* partnership_ = nullptr;
};

}  // namespace

std::string render_comparison_markdown(const Comparison& comparison, const RenderOptions& options) {
  return ComparisonMarkdown(comparison, options).render();
}

}  // namespace partnerpulse
