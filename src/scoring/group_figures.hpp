#pragma once
// Internal to scoring: the streaming figures of one partnership and period, in the slots of a Layout.

#include <cstddef>
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
  std::vector<ExactStats::Value> complete_case;      // one dimension's item scores, when every item is answered
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

struct GroupFigures {
  std::vector<ExactStats> dimensions;                              // respondents' dimension scores, by slot
  std::vector<CronbachAlpha> alphas;                               // complete cases, by dimension slot
  std::map<std::string, std::vector<ExactStats>> role_dimensions;  // role -> dimension scores by slot
  std::vector<ExactStats> items;                                   // item scores, by item slot
  std::vector<std::size_t> items_not_applicable;                   // "na" answers, by item slot
  std::vector<std::size_t> items_dont_know;                        // "dont-know" answers, by item slot
  // "dont-know" answers and all answers to scored items, by dimension slot: overall, and per role.
  std::vector<AnswerCounts> dimension_answers;
  std::map<std::string, std::vector<AnswerCounts>> role_dimension_answers;
  // Comments by item slot, then by the role of their author (only when collected): kept per role so that
  // finish_group can leave out those of withheld roles and cells.
  std::vector<std::map<std::string, std::vector<std::string>>> comments;
  std::vector<std::size_t> questionnaire_respondents;              // by questionnaire slot
  std::size_t incomplete = 0;                                      // responses marked incomplete, left out
  std::size_t missing_dimension_scores = 0;  // respondent-dimension pairs with fewer than half the items answered

  explicit GroupFigures(const Layout& layout);

  // Adds one respondent's answers to questionnaire slot `q`.
  void add_answers(const Layout& layout, std::size_t q, const QuestionnaireAnswers& answers, const std::string& role,
                   bool collect_comments, ScoringScratch& scratch);
  // Adds everything `other` holds (same layout). Every figure is exact, so the order of merges does not matter.
  void merge(GroupFigures&& other);

private:
  void add_dimension_scores(const QuestionnaireSlots& slots, ScoringScratch& scratch,
                            std::vector<ExactStats>& role_figures);
};

}  // namespace partnerpulse::scoring
