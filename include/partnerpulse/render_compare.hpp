#pragma once
// Renderers of comparisons and questionnaire diffs: pure functions to text. Same input and options, same bytes.

#include <string>

#include "partnerpulse/compare.hpp"
#include "partnerpulse/render.hpp"

namespace partnerpulse {

// The Markdown comparison (docs/compare.md): one section per partnership. Passes markdownlint-cli2's default rules
// (except line length). Uses options.language and options.tool_version; options.comments does not apply.
std::string render_comparison_markdown(const Comparison& comparison, const RenderOptions& options);
// The JSON comparison (docs/json.md, "The comparison"): full-precision numbers, null where withheld or not
// computable.
std::string render_comparison_json(const Comparison& comparison, const RenderOptions& options);
// CSV, RFC 4180 (lines end in LF): one row per partnership and dimension.
std::string render_comparison_csv(const Comparison& comparison, const RenderOptions& options);

// What changed between two questionnaire versions, as plain text for the terminal (control characters removed).
std::string render_questionnaire_diff(const QuestionnaireDiff& diff);

}  // namespace partnerpulse
