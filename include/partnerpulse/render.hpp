#pragma once
// Renderers: pure functions from Results to text. Same results and options, same bytes.

#include <cstddef>
#include <string>
#include <vector>

#include "partnerpulse/questionnaire.hpp"
#include "partnerpulse/results.hpp"

namespace partnerpulse {

// The `format_version` of the JSON report and of the JSON comparison (docs/json.md). It grows when a change would
// mislead a reader of the previous format; `compare` reads results files of this version and refuses newer ones.
inline constexpr int json_format_version = 1;

struct RenderOptions {
  std::string language;       // preferred language for questionnaire texts; empty: each text's default
  std::string date;           // printed in the report when non-empty (YYYY-MM-DD); no clock is read
  std::string tool_version;   // printed in the method note / JSON
  bool comments = false;      // print free-text comments (never attributed)
  std::size_t bar_width = 10; // width of the text bar in Markdown tables
};

// Every item of `questionnaires` with its basis, as Markdown: a section per questionnaire, a table per dimension
// (id, statement, reverse-keyed, basis), then the open questions (`list --items`, docs/questionnaires.md).
std::string render_item_list(const std::vector<const Questionnaire*>& questionnaires);

// The Markdown report: one section per group. Passes markdownlint-cli2's default rules (except line length).
std::string render_markdown(const Results& results, const RenderOptions& options);
// The JSON report (docs/json.md): full-precision numbers, null where not computable.
std::string render_json(const Results& results, const RenderOptions& options);
// The JSON report in parts, for a caller that renders groups in parallel: render_json equals assemble_json of
// render_json_group for every group, in order. A group's text is indented as it stands in the document.
std::string render_json_group(const Results& results, std::size_t group, const RenderOptions& options);
std::string assemble_json(const Results& results, const RenderOptions& options, const std::vector<std::string>& groups);
// CSV, RFC 4180: one row per partnership, period and dimension.
std::string render_csv(const Results& results, const RenderOptions& options);

}  // namespace partnerpulse
