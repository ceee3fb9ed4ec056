#include "scoring/scoring_layout.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>

#include "partnerpulse/scoring.hpp"
#include "util/natural_order.hpp"

namespace partnerpulse::scoring {

namespace {

std::vector<std::size_t> item_indexes_by_id(const Questionnaire& questionnaire) {
  std::vector<std::size_t> order(questionnaire.items.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return questionnaire.items[a].id < questionnaire.items[b].id; });
  return order;
}

std::vector<std::size_t> dimensions_by_item(const Questionnaire& questionnaire,
                                           const std::vector<std::vector<std::size_t>>& scored_items) {
  std::vector<std::size_t> dimensions(questionnaire.items.size(), 0);
  for (std::size_t d = 0; d < scored_items.size(); ++d) {
    for (const std::size_t i : scored_items[d]) dimensions[i] = d;
  }
  return dimensions;
}

std::vector<const Scale*> scales_by_item(const Questionnaire& questionnaire) {
  std::vector<const Scale*> scales;
  scales.reserve(questionnaire.items.size());
  for (const Item& item : questionnaire.items) {
    scales.push_back(item.scored() ? questionnaire.find_scale(item.scale) : nullptr);
  }
  return scales;
}

std::vector<std::vector<PointScore>> point_scores_by_item(const Questionnaire& questionnaire,
                                                         const std::vector<const Scale*>& scales) {
  std::vector<std::vector<PointScore>> tables(questionnaire.items.size());
  for (std::size_t i = 0; i < questionnaire.items.size(); ++i) {
    const Scale* scale = scales[i];
    if (scale == nullptr) continue;
    for (int value = scale->min; value <= scale->max; ++value) {
      const double score = item_score(*scale, questionnaire.items[i].reverse, value);
      tables[i].push_back({score, ExactStats::exact(score)});
    }
  }
  return tables;
}

}  // namespace

std::size_t QuestionnaireSlots::point_of(std::size_t index, int value) const {
  const Scale* scale = item_scales[index];
  if (scale == nullptr || value < scale->min || value > scale->max) {
    throw std::invalid_argument("scoring: an answer is not a point of its item's scale");
  }
  return static_cast<std::size_t>(value - scale->min);
}

std::vector<double> weights_by_item(const Questionnaire& questionnaire) {
  std::vector<double> weights;
  weights.reserve(questionnaire.items.size());
  for (const Item& item : questionnaire.items) weights.push_back(item.weight);
  return weights;
}

std::vector<std::vector<std::size_t>> scored_items_by_dimension(const Questionnaire& questionnaire) {
  std::vector<std::vector<std::size_t>> result(questionnaire.dimensions.size());
  for (std::size_t i = 0; i < questionnaire.items.size(); ++i) {
    const Item& item = questionnaire.items[i];
    if (!item.scored()) continue;
    for (std::size_t d = 0; d < questionnaire.dimensions.size(); ++d) {
      if (questionnaire.dimensions[d].id == item.dimension) result[d].push_back(i);
    }
  }
  return result;
}

std::size_t QuestionnaireSlots::find_item(std::string_view id, std::size_t& cursor) const {
  const std::vector<Item>& items = questionnaire->items;
  while (cursor < sorted_ids.size()) {
    const int order = sorted_ids[cursor].compare(id);
    if (order == 0) return items_by_id[cursor++];
    if (order > 0) break;
    ++cursor;
  }
  const Item* item = questionnaire->find_item(id);
  return item ? static_cast<std::size_t>(item - items.data()) : items.size();
}

namespace {

std::vector<std::shared_ptr<const DimensionMeasure>> measures_by_dimension(const Questionnaire& questionnaire) {
  std::vector<std::shared_ptr<const DimensionMeasure>> measures;
  for (const Dimension& dimension : questionnaire.dimensions) {
    measures.push_back(std::make_shared<const DimensionMeasure>(measure_of(questionnaire, dimension.id)));
  }
  return measures;
}

}  // namespace

Layout::Layout(const Catalog& catalog) {
  std::vector<const Questionnaire*> sorted = catalog.versions();
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) {
    return a->id != b->id ? a->id < b->id : natural_less(a->version, b->version);
  });
  for (const Questionnaire* q : sorted) {
    auto scored = scored_items_by_dimension(*q);
    auto dimensions = dimensions_by_item(*q, scored);
    auto scales = scales_by_item(*q);
    auto point_scores = point_scores_by_item(*q, scales);
    std::vector<std::size_t> first_answer_slot(q->items.size());
    for (std::size_t i = 0; i < q->items.size(); ++i) {
      first_answer_slot[i] = answer_slot_count;
      if (scales[i] != nullptr) answer_slot_count += point_scores[i].size() + 2;
    }
    std::vector<std::size_t> by_id = item_indexes_by_id(*q);
    std::vector<std::string_view> sorted_ids;
    for (const std::size_t i : by_id) sorted_ids.emplace_back(q->items[i].id);
    questionnaires.push_back({q, dimension_count, item_count, std::move(scored), std::move(scales),
                              std::move(dimensions), std::move(by_id), std::move(sorted_ids), weights_by_item(*q),
                              measures_by_dimension(*q), std::move(point_scores), std::move(first_answer_slot)});
    const std::size_t slot = questionnaires.size() - 1;
    const bool same_id = slot > 0 && questionnaires[slot - 1].questionnaire->id == q->id;
    questionnaires.back().id_slot = same_id ? questionnaires[slot - 1].id_slot : slot;
    dimension_count += q->dimensions.size();
    item_count += q->items.size();
  }
}

std::size_t Layout::find(const Questionnaire* questionnaire) const {
  for (std::size_t i = 0; i < questionnaires.size(); ++i) {
    if (questionnaires[i].questionnaire == questionnaire) return i;
  }
  return questionnaires.size();
}

}  // namespace partnerpulse::scoring
