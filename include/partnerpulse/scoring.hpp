#pragma once
// Turns responses into Results (docs/scoring.md): streaming, so memory grows with the number of groups,
// dimensions and items, not with the number of respondents.

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "partnerpulse/catalog.hpp"
#include "partnerpulse/response.hpp"
#include "partnerpulse/results.hpp"

namespace partnerpulse {

// A respondent's 0-100 score per dimension of one questionnaire; empty where fewer than half of the dimension's
// scored items are answered. Indexed like questionnaire.dimensions.
std::vector<std::optional<double>> dimension_scores(const Questionnaire& questionnaire,
                                                    const QuestionnaireAnswers& answers);

// The 0-100 score of one answer: reverse keying v' = min + max - v, then (v' - min) / (max - min) * 100.
double item_score(const Scale& scale, bool reverse, int value);

// Accumulates responses group by group. Not thread-safe: give each thread its own Scorer and merge them
// in a fixed order for results that do not depend on scheduling.
class Scorer {
public:
  Scorer(const Catalog& catalog, ScoringOptions options);
  ~Scorer();
  Scorer(Scorer&&) noexcept;
  Scorer& operator=(Scorer&&) noexcept;

  // Adds one response. Responses marked incomplete are counted and left out. Throws InputError when the same
  // respondent answers the same questionnaire twice in one partnership and period. Keeps, per respondent, its
  // id and where it was read, for the messages of a later merge into another Scorer.
  void add(const Response& response);
  // Adds everything `other` accumulated, as if its responses had been added after this one's, and returns the
  // conflicts found: a respondent answering a questionnaire both here and in `other`, or with another role there.
  // Each is positioned where `other` read the respondent (when add() read it there). After a conflict the
  // figures are unusable; merging further scorers still finds their conflicts.
  std::vector<Diagnostic> merge(Scorer&& other);
  // The results, with anonymity rules applied. Groups are finished on up to `threads` threads (they are
  // independent); the results are the same whatever the number.
  Results finish(unsigned threads = 1) const;

private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace partnerpulse
