#pragma once
// Internal to the HTML report: the sections of one partnership-period group, each as HTML (charts, tables, text).
// Input text is escaped here; fixed text is translated into options.language.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "partnerpulse/render.hpp"
#include "partnerpulse/results.hpp"
#include "report/svg_charts.hpp"

namespace partnerpulse {

class HtmlReportParts {
public:
  HtmlReportParts(const RenderOptions& options, const ScoringOptions& scoring);

  const RenderOptions& options() const { return options_; }
  bool rtl() const { return rtl_; }

  std::string summary(const GroupResult& group) const;
  // The bar chart of dimension indexes and their table (with changes when there is a previous period).
  std::string dimensions(const GroupResult& group) const;
  // The dot plot of role indexes per dimension and its table, and the roles withheld.
  std::string gaps(const GroupResult& group) const;
  // A line chart per dimension across `history` (oldest first, the group itself last) and their table; nothing
  // with fewer than two periods.
  std::string trends(const std::vector<const GroupResult*>& history) const;
  std::string dont_know(const GroupResult& group) const;
  std::string items(const GroupResult& group) const;
  std::string advice(const GroupResult& group) const;
  std::string comments(const GroupResult& group) const;
  std::string method(const GroupResult& group) const;

  // Plain (unescaped) names.
  const std::string& text(const LocalizedText& localized) const;
  std::string questionnaire_title(const GroupResult& group, const std::string& id) const;
  std::string dimension_title(const DimensionResult& d) const;
  std::string band_label(const BandRef& band) const;

private:
  std::string heading(std::string_view translated) const;  // an <h3> of already translated text
  std::string paragraph(const std::string& plain_text) const;
  std::vector<BandSpan> band_spans(const DimensionResult& d) const;
  std::string dimension_table(const GroupResult& group) const;
  std::string gap_table(const GroupResult& group) const;
  std::string withheld_roles(const GroupResult& group) const;
  std::string advice_entry(const GroupResult& group, const DimensionResult& d, const std::string& title) const;
  std::string role_figure(const GroupResult& group, const std::string& role, const DimensionResult& d) const;

  const RenderOptions& options_;
  std::size_t min_group_;
  double gap_threshold_;
  bool rtl_;
};

// "Made with partnerpulse VERSION" in `language` (unescaped), without the version when empty.
std::string made_with_text(std::string_view language, std::string_view tool_version);

// The index of `role` for dimension `d`, when shown.
std::optional<double> role_index(const RoleResult& role, const DimensionResult& d);
// The gap result of dimension `d` of `group`, or nullptr.
const GapResult* gap_of(const GroupResult& group, const DimensionResult& d);

}  // namespace partnerpulse
