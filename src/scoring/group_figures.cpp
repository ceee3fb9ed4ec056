#include "scoring/group_figures.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <stdexcept>

#include "partnerpulse/scoring.hpp"

namespace partnerpulse::scoring {

namespace {

// Adds `from` into `to`, slot by slot (same size).
void add_counts(std::vector<std::uint32_t>& to, const std::vector<std::uint32_t>& from) {
  for (std::size_t i = 0; i < to.size(); ++i) {
    if (__builtin_add_overflow(to[i], from[i], &to[i])) {
      throw std::overflow_error("scoring: an answer count leaves 32 bits");
    }
  }
}

// The figures of scored item `index` of `slots` from answer counts: its scores (each point's exact score times its
// count) into `stats`, its "na" and "dont-know" counts added to `not_applicable` and `dont_know`.
void add_item_counts(const QuestionnaireSlots& slots, std::size_t index, const std::vector<std::uint32_t>& counts,
                     ExactStats& stats, std::size_t& not_applicable, std::size_t& dont_know) {
  const std::vector<PointScore>& points = slots.point_scores[index];
  const std::uint32_t* count = counts.data() + slots.first_answer_slot[index];
  for (std::size_t p = 0; p < points.size(); ++p) stats.add(points[p].exact, count[p]);
  not_applicable += count[points.size() + answer_not_applicable];
  dont_know += count[points.size() + answer_dont_know];
}

}  // namespace

GroupFigures::GroupFigures(const Layout& layout)
    : dimensions(layout.dimension_count),
      alpha_totals(layout.dimension_count),
      complete_case_answers(layout.answer_slot_count),
      questionnaire_respondents(layout.questionnaires.size()) {}

RoleFigures& GroupFigures::role_figures(const Layout& layout, const std::string& role) {
  const auto [found, added] = roles.try_emplace(role);
  if (added) {
    found->second.dimensions.resize(layout.dimension_count);
    found->second.answer_counts.assign(layout.answer_slot_count, 0);
  }
  return found->second;
}

void GroupFigures::add_answers(const Layout& layout, std::size_t q, const QuestionnaireAnswers& answers,
                               const std::string& role, bool collect_comments, ScoringScratch& scratch) {
  const QuestionnaireSlots& slots = layout.questionnaires[q];
  const Questionnaire& questionnaire = *slots.questionnaire;
  ++questionnaire_respondents[q];
  scratch.item_scores.assign(questionnaire.items.size(), std::numeric_limits<double>::quiet_NaN());
  scratch.exact_item_scores.resize(questionnaire.items.size());
  scratch.answer_slots.resize(questionnaire.items.size());
  RoleFigures& figures = role_figures(layout, role);
  std::size_t cursor = 0;
  for (const Answer& answer : answers.answers) {
    const std::size_t index = slots.find_item(answer.item, cursor);
    if (index == questionnaire.items.size() || slots.item_scales[index] == nullptr) continue;
    const std::size_t first = slots.first_answer_slot[index];
    if (!answer.value) {
      const std::size_t word = answer.dont_know ? answer_dont_know : answer_not_applicable;
      ++figures.answer_counts[first + slots.point_scores[index].size() + word];
      continue;
    }
    const std::size_t point = slots.point_of(index, *answer.value);
    ++figures.answer_counts[first + point];
    scratch.item_scores[index] = slots.point_scores[index][point].score;
    scratch.exact_item_scores[index] = slots.point_scores[index][point].exact;
    scratch.answer_slots[index] = first + point;
  }
  if (collect_comments) {
    for (const auto* texts : {&answers.open_answers, &answers.comments}) {
      for (const Comment& comment : *texts) {
        const Item* item = questionnaire.find_item(comment.item);
        if (!item || comment.text.empty()) continue;
        if (comments.empty()) comments.resize(layout.item_count);
        comments[slots.first_item + static_cast<std::size_t>(item - questionnaire.items.data())][role].push_back(
            comment.text);
      }
    }
  }
  add_dimension_scores(slots, scratch, figures.dimensions);
}

void GroupFigures::add_dimension_scores(const QuestionnaireSlots& slots, ScoringScratch& scratch,
                                        std::vector<ExactStats>& role_dimensions) {
  const Questionnaire& questionnaire = *slots.questionnaire;
  const std::vector<double>& item_scores = scratch.item_scores;
  for (std::size_t d = 0; d < questionnaire.dimensions.size(); ++d) {
    const std::vector<std::size_t>& scored = slots.scored_items[d];
    const std::optional<double> score = dimension_score(slots.item_weights, scored, item_scores);
    if (!score) {
      ++missing_dimension_scores;
      continue;
    }
    const ExactStats::Value exact_score = ExactStats::exact(*score);
    dimensions[slots.first_dimension + d].add(exact_score);
    role_dimensions[slots.first_dimension + d].add(exact_score);
    // A complete case (every scored item answered with a number) goes into the dimension's alpha.
    if (std::any_of(scored.begin(), scored.end(), [&](std::size_t i) { return std::isnan(item_scores[i]); })) continue;
    FixedPoint total;
    for (const std::size_t i : scored) {
      total += FixedPoint{scratch.exact_item_scores[i].units};
      ++complete_case_answers[scratch.answer_slots[i]];
    }
    alpha_totals[slots.first_dimension + d].add(ExactStats::exact(total));
  }
}

void GroupFigures::merge(GroupFigures&& other) {
  for (std::size_t i = 0; i < dimensions.size(); ++i) {
    dimensions[i].merge(other.dimensions[i]);
    alpha_totals[i].merge(other.alpha_totals[i]);
  }
  add_counts(complete_case_answers, other.complete_case_answers);
  for (auto& [role, theirs] : other.roles) {
    const auto [mine, added] = roles.try_emplace(role);
    if (added) {
      mine->second = std::move(theirs);
      continue;
    }
    for (std::size_t i = 0; i < theirs.dimensions.size(); ++i) mine->second.dimensions[i].merge(theirs.dimensions[i]);
    add_counts(mine->second.answer_counts, theirs.answer_counts);
  }
  if (comments.empty()) comments.resize(other.comments.size());
  for (std::size_t i = 0; i < other.comments.size(); ++i) {
    for (auto& [role, texts] : other.comments[i]) {
      auto& mine = comments[i][role];
      mine.insert(mine.end(), std::make_move_iterator(texts.begin()), std::make_move_iterator(texts.end()));
    }
  }
  for (std::size_t q = 0; q < questionnaire_respondents.size(); ++q) {
    questionnaire_respondents[q] += other.questionnaire_respondents[q];
  }
  incomplete += other.incomplete;
  missing_dimension_scores += other.missing_dimension_scores;
}

GroupTotals GroupFigures::totals(const Layout& layout) const {
  GroupTotals totals;
  totals.items.resize(layout.item_count);
  totals.items_not_applicable.resize(layout.item_count);
  totals.items_dont_know.resize(layout.item_count);
  totals.dimension_answers.resize(layout.dimension_count);
  for (const auto& [role, figures] : roles) {
    std::vector<AnswerCounts>& role_answers = totals.role_dimension_answers[role];
    role_answers.resize(layout.dimension_count);
    for (const QuestionnaireSlots& slots : layout.questionnaires) {
      for (std::size_t i = 0; i < slots.questionnaire->items.size(); ++i) {
        if (slots.item_scales[i] == nullptr) continue;
        const std::size_t item = slots.first_item + i;
        ExactStats stats;
        std::size_t not_applicable = 0, dont_know = 0;
        add_item_counts(slots, i, figures.answer_counts, stats, not_applicable, dont_know);
        totals.items[item].merge(stats);
        totals.items_not_applicable[item] += not_applicable;
        totals.items_dont_know[item] += dont_know;
        role_answers[slots.first_dimension + slots.dimension_of_item[i]].merge(
            {stats.count() + not_applicable + dont_know, dont_know});
      }
    }
    for (std::size_t d = 0; d < layout.dimension_count; ++d) totals.dimension_answers[d].merge(role_answers[d]);
  }
  totals.alphas.reserve(layout.dimension_count);
  for (const QuestionnaireSlots& slots : layout.questionnaires) {
    for (std::size_t d = 0; d < slots.scored_items.size(); ++d) {
      std::vector<ExactStats> items(slots.scored_items[d].size());
      for (std::size_t k = 0; k < items.size(); ++k) {
        std::size_t not_applicable = 0, dont_know = 0;
        add_item_counts(slots, slots.scored_items[d][k], complete_case_answers, items[k], not_applicable, dont_know);
      }
      totals.alphas.emplace_back(std::move(items), alpha_totals[slots.first_dimension + d]);
    }
  }
  return totals;
}

}  // namespace partnerpulse::scoring
