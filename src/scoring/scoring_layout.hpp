#pragma once
// Internal to scoring: every questionnaire, dimension and item of a catalog gets a fixed slot, so that a group's
// figures are flat vectors indexed by slot.

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "partnerpulse/catalog.hpp"
#include "partnerpulse/measure.hpp"
#include "partnerpulse/questionnaire.hpp"
#include "partnerpulse/statistics.hpp"

namespace partnerpulse::scoring {

// Per dimension of a questionnaire: the indexes (into questionnaire.items) of its scored items, in item order.
std::vector<std::vector<std::size_t>> scored_items_by_dimension(const Questionnaire& questionnaire);
// Each item's weight, indexed like questionnaire.items.
std::vector<double> weights_by_item(const Questionnaire& questionnaire);

// An item's score for one point of its scale (item_score), and that score made exact (ExactStats::exact).
struct PointScore {
  double score = 0.0;
  ExactStats::Value exact;
};

struct QuestionnaireSlots {
  const Questionnaire* questionnaire = nullptr;
  std::size_t first_dimension = 0;  // slot of its first dimension
  std::size_t first_item = 0;       // slot of its first item (all items, scored or not)
  std::vector<std::vector<std::size_t>> scored_items;  // per dimension, item indexes
  std::vector<const Scale*> item_scales;               // per item, its scale (nullptr for an open question)
  std::vector<std::size_t> dimension_of_item;          // per scored item, the index of its dimension
  std::vector<std::size_t> items_by_id;                // item indexes, ordered by item id
  std::vector<std::string_view> sorted_ids;            // their ids, in the same order
  std::vector<double> item_weights;                    // per item, its weight
  std::vector<std::shared_ptr<const DimensionMeasure>> measures;  // per dimension, what it is measured with
  // Per item: its score for each point of its scale, from the lowest (empty for an open question).
  std::vector<std::vector<PointScore>> point_scores;
  // Per item: its first answer slot. A scored item of a scale with P points has P + 2 answer slots, where answers
  // are counted: one per point, then "na" (answer_not_applicable), then "dont-know" (answer_dont_know).
  std::vector<std::size_t> first_answer_slot;
  std::size_t id_slot = 0;  // the slot of the first version with this id: one respondent answers one version of an id

  // The index of item `id`, or items.size() when there is none. Answers read from a file come ordered by id, so
  // the search resumes at `cursor` (a position in items_by_id) and moves it on; answers in any order still work.
  std::size_t find_item(std::string_view id, std::size_t& cursor) const;
  // The position of `value` on item `index`'s scale (0 for its lowest point). Throws std::invalid_argument when
  // the value is not on the scale (the loaders refuse such answers).
  std::size_t point_of(std::size_t index, int value) const;
};

// Offsets of the two answer slots after an item's points (QuestionnaireSlots::first_answer_slot).
inline constexpr std::size_t answer_not_applicable = 0;
inline constexpr std::size_t answer_dont_know = 1;

// The slots of a catalog, one per questionnaire version it can find (Catalog::versions). Questionnaires are in id
// order, then version in natural order: the order of every per-questionnaire list in Results.
struct Layout {
  std::vector<QuestionnaireSlots> questionnaires;
  std::size_t dimension_count = 0;
  std::size_t item_count = 0;
  std::size_t answer_slot_count = 0;  // answer slots of every scored item (QuestionnaireSlots::first_answer_slot)

  explicit Layout(const Catalog& catalog);
  // The slot of `questionnaire`, or questionnaires.size() when it has none.
  std::size_t find(const Questionnaire* questionnaire) const;
};

}  // namespace partnerpulse::scoring
