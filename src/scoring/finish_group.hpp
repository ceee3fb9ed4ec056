#pragma once
// Internal to scoring: a group's accumulated state, and the rules that turn it into a GroupResult.

#include "partnerpulse/results.hpp"
#include "scoring/group_figures.hpp"
#include "scoring/respondent_registry.hpp"
#include "scoring/scoring_layout.hpp"

namespace partnerpulse::scoring {

struct GroupAccumulator {
  RespondentRegistry respondents;
  GroupFigures figures;
  explicit GroupAccumulator(const Layout& layout)
      : respondents(layout.questionnaires.size()), figures(layout) {}
};

// The figures of one group with every anonymity rule applied: a group below the minimum shows counts only;
// dimensions, role cells and items below it are withheld (anonymity.hpp); thresholds are decided on figures as
// printed (band_of, and gaps from rounded role indexes).
GroupResult finish_group(const Layout& layout, const ScoringOptions& options, const GroupKey& key,
                         const GroupAccumulator& group);

// One dimension's figures (slot `first_dimension + d` of `slots`; `totals` is figures.totals()); a dimension
// with fewer than `min_group` respondents is marked withheld and gets no figures.
DimensionResult finish_dimension(const QuestionnaireSlots& slots, std::size_t d, const GroupFigures& figures,
                                 const GroupTotals& totals, std::size_t min_group);

// The perception gap of the dimension whose cells are the last of each role in `roles`: the highest rounded role
// index minus the lowest (the first role in name order wins a tie), flagged at `threshold` or more.
GapResult finish_gap(const std::string& questionnaire, const std::string& dimension,
                     const std::vector<RoleResult>& roles, double threshold);

// The share of "dont-know" among `counts`' answers when notable: at least dont_know_notable_share as printed (a
// whole percentage); else empty.
std::optional<double> notable_share(const AnswerCounts& counts);

// The lowest-scoring items with at least `min_group` numeric answers, at most `limit` of them: lowest index
// first, ties in questionnaire order (by id), then item order. Sets result.items_withheld too.
void finish_attention_items(const Layout& layout, const GroupFigures& figures, const GroupTotals& totals,
                            std::size_t min_group, std::size_t limit, GroupResult& result);

}  // namespace partnerpulse::scoring
