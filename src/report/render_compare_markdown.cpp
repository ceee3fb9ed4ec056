// The Markdown comparison (docs/compare.md). Every text from an input goes through markdown_escape.hpp; the
// output passes markdownlint-cli2's default rules except MD013 (line length).

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "partnerpulse/interface_text.hpp"
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

std::string noise_word(const std::optional<bool>& significant, std::string_view language) {
  if (!significant) return std::string(missing);
  return std::string(*significant ? translate(language, "yes") : translate(language, "no"));
}

// How a change of a perception gap reads: a gap that narrows is good news.
std::string gap_reading(const std::optional<double>& change, std::string_view language) {
  if (!change) return std::string(missing);
  if (rounded_as_printed(*change, 1) < 0.0) {
    return std::string(translate(language, "narrower: partners see it more alike"));
  }
  if (rounded_as_printed(*change, 1) > 0.0) {
    return std::string(translate(language, "wider: partners see it more differently"));
  }
  return std::string(translate(language, "unchanged"));
}

class ComparisonMarkdown {
public:
  ComparisonMarkdown(const Comparison& comparison, const RenderOptions& options)
      : comparison_(comparison), options_(options), language_(options.language) {}

  std::string render() {
    doc_.add("# " + headings_.unique(markdown_heading(translate(language_, "Partnership comparison"))));
    std::vector<std::string> periods;
    for (const std::string& period : comparison_.periods) periods.push_back(plain(period));
    doc_.add(markdown_inline(fill(translate(language_, "Periods compared, oldest first: {}."),
                                  fmt::format("{}", fmt::join(periods, ", ")))));
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
    heading(2, fill(translate(language_, "{0}: {1} to {2}"), plain(p.partnership), plain(p.from), plain(p.to)));
    partnership_ = &p;
    std::vector<std::string> facts;
    if (!p.absent_from.empty()) {
      facts.push_back(markdown_inline(fill(translate(language_, "Absent from {}: no group of this partnership in those "
                                                                "inputs."),
                                           fmt::format("{}", fmt::join(p.absent_from, ", ")))));
    }
    if (!p.withheld_periods.empty()) {
      facts.push_back(markdown_inline(fill(translate(language_, "Withheld in {}: fewer respondents than the minimum "
                                                                "group size, so none of those figures is shown."),
                                           fmt::format("{}", fmt::join(p.withheld_periods, ", ")))));
    }
    if (p.periods.size() < 2) {
      facts.emplace_back(translate(language_, "Only one period: there is nothing to compare it with."));
    }
    for (std::string& fact : facts) doc_.add(std::move(fact));
    if (p.periods.size() < 2) return;
    render_overall(p);
    render_dimensions(p);
    render_roles(p);
    render_gaps(p);
    render_items(p);
  }

  void render_overall(const PartnershipComparison& p) {
    heading(3, translate(language_, "Overall"));
    const std::string from = figure(p.overall_from);
    const std::string to = figure(p.overall_to);
    if (p.overall_change) {
      // The change is bold: escaped with the sentence around a placeholder word, then put in its place.
      constexpr std::string_view placeholder = "PARTNERPULSECHANGE";
      std::string line = markdown_inline(fill(translate(language_, "Overall health index: {0} in {1}, {2} in {3}: "
                                                                   "change {4}."),
                                              from, plain(p.from), to, plain(p.to), placeholder));
      if (const auto at = line.find(placeholder); at != std::string::npos) {
        line.replace(at, placeholder.size(), "**" + change(p.overall_change) + "**");
      }
      doc_.add(std::move(line));
    } else if (!p.overall_note.empty()) {
      doc_.add(markdown_inline(fill(translate(language_, "Overall health index: {0} in {1}, {2} in {3}: no change "
                                                         "shown, as {4}."),
                                    from, plain(p.from), to, plain(p.to), p.overall_note)));
    } else {
      doc_.add(markdown_inline(fill(translate(language_, "Overall health index: {0} in {1}, {2} in {3}."), from,
                                    plain(p.from), to, plain(p.to))));
    }
  }

  void render_dimensions(const PartnershipComparison& p) {
    heading(3, translate(language_, "Dimensions"));
    doc_.add(markdown_inline(fill(
        translate(language_, "Each dimension's index (0–100) in {0} and {1}. Change is the later index minus the "
                             "earlier, as printed. Beyond noise is yes when the change is at least the noise margin "
                             "(Welch's t-test, 95% level), no when a change that size could be chance, and {2} when it "
                             "cannot be tested."),
        plain(p.from), plain(p.to), missing)));
    std::vector<Column> columns = {column(translate(language_, "Questionnaire")),
                                   column(translate(language_, "Dimension")),
                                   {from_column(), true},
                                   {to_column(), true},
                                   column(translate(language_, "Change"), true),
                                   column(translate(language_, "Margin"), true),
                                   column(translate(language_, "Beyond noise"))};
    const bool trend = p.periods.size() >= 3;
    if (trend) columns.push_back(column(translate(language_, "Trend")));
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> notes;
    for (const DimensionComparison& d : p.dimensions) {
      std::vector<std::string> row = {markdown_table_cell(plain(text(d.questionnaire_title), d.questionnaire)),
                                      markdown_table_cell(dimension_name(d)), figure(d.from), figure(d.to),
                                      change(d.change), figure(d.margin), noise_word(d.significant, language_)};
      if (trend) row.push_back(sparkline(d.series));
      rows.push_back(std::move(row));
      if (!d.note.empty()) notes.push_back(markdown_inline(fmt::format("{}: {}", dimension_name(d), d.note)));
    }
    doc_.add(table(columns, rows));
    if (trend) {
      doc_.add(markdown_inline(fill(translate(language_, "Trend: the index in each period ({}), from ▁ (0) to █ (100); "
                                                         "· where it is not shown."),
                                    fmt::format("{}", fmt::join(p.periods, ", ")))));
    }
    if (!notes.empty()) {
      doc_.add(std::string(translate(language_, "Notes:")));
      doc_.add(bullet_list(notes));
    }
  }

  void render_roles(const PartnershipComparison& p) {
    heading(3, translate(language_, "Roles"));
    if (p.roles.empty()) {
      doc_.add(markdown_inline(fill(translate(language_, "No role is shown on its own in both {0} and {1}."),
                                    plain(p.from), plain(p.to))));
      return;
    }
    const std::vector<Column> columns = {column(translate(language_, "Role")),
                                         column(translate(language_, "Questionnaire")),
                                         column(translate(language_, "Dimension")),
                                         {from_column(), true},
                                         {to_column(), true},
                                         column(translate(language_, "Change"), true)};
    std::vector<std::vector<std::string>> rows;
    for (const RoleComparison& role : p.roles) {
      for (const RoleDimensionChange& cell : role.dimensions) {
        const DimensionComparison* d = dimension(cell.questionnaire, cell.id);
        rows.push_back({markdown_table_cell(plain(role.role, translate(language_, "(no role)"))),
                        markdown_table_cell(d ? plain(text(d->questionnaire_title), d->questionnaire) : plain(cell.questionnaire)),
                        markdown_table_cell(d ? dimension_name(*d) : plain(cell.id)), figure(cell.from),
                        figure(cell.to), change(cell.change)});
      }
    }
    doc_.add(markdown_inline(
        fill(translate(language_, "Each role shown on its own in both {0} and {1}."), plain(p.from), plain(p.to))));
    doc_.add(table(columns, rows));
  }

  void render_gaps(const PartnershipComparison& p) {
    heading(3, translate(language_, "Perception gaps"));
    doc_.add(std::string(translate(language_, "The gap between the highest and the lowest role's index in each "
                                              "period. A gap that narrows means the partners now see the dimension "
                                              "more alike.")));
    const std::vector<Column> columns = {column(translate(language_, "Questionnaire")),
                                         column(translate(language_, "Dimension")),
                                         {from_column(), true},
                                         {to_column(), true},
                                         column(translate(language_, "Change"), true),
                                         column(translate(language_, "Reading"))};
    std::vector<std::vector<std::string>> rows;
    for (const GapComparison& gap : p.gaps) {
      const DimensionComparison* d = dimension(gap.questionnaire, gap.dimension);
      rows.push_back({markdown_table_cell(d ? plain(text(d->questionnaire_title), d->questionnaire) : plain(gap.questionnaire)),
                      markdown_table_cell(d ? dimension_name(*d) : plain(gap.dimension)), figure(gap.from),
                      figure(gap.to), change(gap.change), gap_reading(gap.change, language_)});
    }
    doc_.add(table(columns, rows));
  }

  void render_items(const PartnershipComparison& p) {
    heading(3, translate(language_, "Items needing attention"));
    if (p.items.empty()) {
      doc_.add(markdown_inline(fill(translate(language_, "No item is listed as needing attention in both {0} and {1} "
                                                         "unchanged, so no item is compared."),
                                    plain(p.from), plain(p.to))));
      return;
    }
    doc_.add(markdown_inline(fill(translate(language_, "Items listed as needing attention in both {0} and {1}, "
                                                       "unchanged between them."),
                                  plain(p.from), plain(p.to))));
    const std::vector<Column> columns = {column(translate(language_, "Item")), {from_column(), true},
                                         {to_column(), true}, column(translate(language_, "Change"), true)};
    std::vector<std::vector<std::string>> rows;
    for (const ItemComparison& item : p.items) {
      const std::string item_text =
          item.reverse ? fill(translate(language_, "{} (reverse-keyed)"), plain(text(item.text), item.id))
                       : plain(text(item.text), item.id);
      rows.push_back({markdown_table_cell(item_text), figure(item.from), figure(item.to), change(item.change)});
    }
    doc_.add(table(columns, rows));
  }

  void render_method() {
    partnership_ = nullptr;
    with_suffix_ = false;
    heading(2, translate(language_, "Method"));
    std::vector<std::string> items = {
        std::string(translate(language_, "Groups are matched by partnership; each change runs from a partnership's "
                                         "first period to its last")),
        fill(translate(language_, "Every figure is one that each period's report shows: a figure withheld in either "
                                  "period is withheld here ({}), and none is worked out from counts or totals"),
             missing),
        std::string(translate(language_, "Changes are the later figure minus the earlier, as printed with one "
                                         "decimal")),
        std::string(translate(language_, "A change is compared only when both periods measured the dimension with "
                                         "the same items (same ids, or items that declare `replaces`, with the same "
                                         "scales, reverse keying and weights)")),
        std::string(translate(language_, "Noise margin: Welch's two-sample t-test at the 95% level, two-sided, from "
                                         "each period's index, SD and n; a change is beyond noise when it is at "
                                         "least the margin as printed")),
        std::string(translate(language_, "Respondent identities and organisations are never shown"))};
    items.push_back(made_with(options_.tool_version, language_));
    doc_.add(bullet_list(items));
  }

  const Comparison& comparison_;
  const RenderOptions& options_;
  std::string_view language_;
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
