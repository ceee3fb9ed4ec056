#pragma once
// Turns responses into Results (docs/scoring.md). Every rule has one home: the scores of one respondent
// (respondent_scores.cpp), bands (bands.cpp), who answered what (respondent_registry.cpp), the streaming figures
// of a group (group_figures.cpp), what is withheld (anonymity.cpp), and the figures of a finished group
// (finish_group.cpp).

#include <memory>
#include <optional>
#include <vector>

#include "partnerpulse/catalog.hpp"
#include "partnerpulse/diagnostics.hpp"
#include "partnerpulse/response.hpp"
#include "partnerpulse/results.hpp"
#include "partnerpulse/thread_pool.hpp"

namespace partnerpulse {

// The 0-100 score of one answer: reverse keying v' = min + max - v, then (v' - min) / (max - min) * 100.
double item_score(const Scale& scale, bool reverse, int value);

// A respondent's 0-100 score on one dimension: the weighted mean of the scores of its answered items, or nothing
// when fewer than half of `scored_items` (indexes into questionnaire.items) are answered. `item_weights` (each
// item's weight) and `item_scores` are indexed like questionnaire.items, a score NaN where an item is not answered
// (or answered "na").
std::optional<double> dimension_score(const std::vector<double>& item_weights,
                                      const std::vector<std::size_t>& scored_items,
                                      const std::vector<double>& item_scores);

// A respondent's score per dimension of one questionnaire (dimension_score of each), indexed like
// questionnaire.dimensions.
std::vector<std::optional<double>> dimension_scores(const Questionnaire& questionnaire,
                                                    const QuestionnaireAnswers& answers);

// The band an index falls in, decided on the index as reports print it (one decimal, rounded half away from
// zero), with `top` set for the highest of `bands` and `bottom` for the lowest. `bands` must not be empty.
BandRef band_of(const std::vector<Band>& bands, double index);

// Accumulates responses group by group (a group: one partnership and period). Not thread-safe: give each thread
// its own Scorer and merge them; every figure is exact, so the results do not depend on the order of adds and
// merges.
//
// Memory grows with the number of groups, dimensions and items, and, per respondent, only with what refusing
// duplicates needs: the respondent's id itself, its role, where it was first read (its file's name and position),
// a slot of a hash table, and one bit per questionnaire of the catalog (about 30 bytes beyond the id and the name).
// A Scorer that add()s also keeps where each questionnaire entry of its respondents was read, for the messages of a
// later merge; the report job adds at most a chunk of files (or a block of an export) to one Scorer.
class Scorer {
public:
  Scorer(const Catalog& catalog, ScoringOptions options);
  // A Scorer with nothing added, for the same catalog and options, sharing this one's slots of the catalog
  // (read-only): cheaper than a new Scorer, and safe to call from several threads at once.
  Scorer empty_like() const;
  ~Scorer();
  Scorer(Scorer&&) noexcept;
  Scorer& operator=(Scorer&&) noexcept;

  // Adds one response and returns its conflicts: a respondent (the same id) answering a questionnaire a second
  // time in its partnership and period, or with another role there. Responses marked incomplete are counted and
  // left out. After a conflict the figures are unusable, but further adds and merges still find conflicts.
  std::vector<Diagnostic> add(const Response& response);
  // Adds everything `other` accumulated and returns the conflicts found (the same as add() finds), each
  // positioned where `other` read the respondent when `other` add()ed it.
  std::vector<Diagnostic> merge(Scorer&& other);
  // The results, with anonymity rules applied. Groups are finished on `pool` when one is given; the results are
  // the same either way.
  Results finish(ThreadPool* pool = nullptr) const;

private:
  Scorer() = default;
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace partnerpulse
