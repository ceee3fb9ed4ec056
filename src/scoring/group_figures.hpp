#pragma once
// Internal to scoring: the streaming figures of one partnership and period, in the slots of a Layout.

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "partnerpulse/response.hpp"
#include "partnerpulse/statistics.hpp"
#include "scoring/scoring_layout.hpp"

namespace partnerpulse::scoring {

// Buffers add_answers() reuses from one respondent to the next, so that adding allocates nothing.
struct ScoringScratch {
  std::vector<double> item_scores;                   // one respondent's item scores, by item (NaN: not answered)
  std::vector<ExactStats::Value> exact_item_scores;  // the same, made exact (where answered)
  std::vector<std::size_t> answer_slots;             // the answer slot of each answered item
};

// Answers to a dimension's scored items: how many in all (numbers, "na" and "dont-know"), how many "dont-know".
struct AnswerCounts {
  std::size_t answers = 0;
  std::size_t dont_know = 0;
  void merge(const AnswerCounts& other) {
    answers += other.answers;
    dont_know += other.dont_know;
  }
};

// What finishing a group reads beside GroupFigures, worked out from its answer counts once (GroupFigures::totals):
// every figure is the same as adding each answer to it would give.
struct GroupTotals {
  std::vector<ExactStats> items;                  // item scores, by item slot
  std::vector<std::size_t> items_not_applicable;  // "na" answers, by item slot
  std::vector<std::size_t> items_dont_know;       // "dont-know" answers, by item slot
  // Answers to scored items ("dont-know" among them), by dimension slot: overall, and per role.
  std::vector<AnswerCounts> dimension_answers;
  std::map<std::string, std::vector<AnswerCounts>> role_dimension_answers;
  std::vector<CronbachAlpha> alphas;  // complete cases, by dimension slot
};

// The figures of one role: its respondents' dimension scores, and its answers counted per answer slot.
struct RoleFigures {
  std::vector<ExactStats> dimensions;          // by dimension slot
  std::vector<std::uint32_t> answer_counts;    // by answer slot (QuestionnaireSlots::first_answer_slot)
};

// Answers are counted per answer slot (a point of an item's scale, "na" or "dont-know"), not summed: an item's
// figures are the counts times its points' exact scores, worked out when the group is finished.
struct GroupFigures {
  std::vector<ExactStats> dimensions;                 // respondents' dimension scores, by slot
  std::map<std::string, RoleFigures> roles;           // by role
  std::vector<ExactStats> alpha_totals;               // complete cases' total scores, by dimension slot
  std::vector<std::uint32_t> complete_case_answers;   // complete cases' answers, by answer slot
  // Comments by item slot, then by the role of their author (only when collected; empty until the first comment):
  // kept per role so that finish_group can leave out those of withheld roles and cells.
  std::vector<std::map<std::string, std::vector<std::string>>> comments;
  std::vector<std::size_t> questionnaire_respondents;              // by questionnaire slot
  std::size_t incomplete = 0;                                      // responses marked incomplete, left out
  std::size_t missing_dimension_scores = 0;  // respondent-dimension pairs with fewer than half the items answered

  explicit GroupFigures(const Layout& layout);

  // Adds one respondent's answers to questionnaire slot `q`. Throws std::invalid_argument for a number that is
  // not a point of its item's scale.
  void add_answers(const Layout& layout, std::size_t q, const QuestionnaireAnswers& answers, const std::string& role,
                   bool collect_comments, ScoringScratch& scratch);
  // Adds everything `other` holds (same layout). Every figure is exact, so the order of merges does not matter.
  // Throws std::overflow_error when a count leaves 32 bits.
  void merge(GroupFigures&& other);
  // The item, answer and alpha figures of the answers counted so far.
  GroupTotals totals(const Layout& layout) const;

private:
  RoleFigures& role_figures(const Layout& layout, const std::string& role);
  void add_dimension_scores(const QuestionnaireSlots& slots, ScoringScratch& scratch,
                            std::vector<ExactStats>& role_dimensions);
};

}  // namespace partnerpulse::scoring
