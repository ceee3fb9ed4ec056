#include "scoring/group_figures.hpp"

#include <cmath>
#include <iterator>
#include <limits>

#include "partnerpulse/scoring.hpp"

namespace partnerpulse::scoring {

GroupFigures::GroupFigures(const Layout& layout)
    : dimensions(layout.dimension_count),
      items(layout.item_count),
      items_not_applicable(layout.item_count),
      items_dont_know(layout.item_count),
      dimension_answers(layout.dimension_count),
      comments(layout.item_count),
      questionnaire_respondents(layout.questionnaires.size()) {
  alphas.reserve(layout.dimension_count);
  for (const auto& q : layout.questionnaires) {
    for (const auto& items_of_dimension : q.scored_items) alphas.emplace_back(items_of_dimension.size());
  }
}

void GroupFigures::add_answers(const Layout& layout, std::size_t q, const QuestionnaireAnswers& answers,
                               const std::string& role, bool collect_comments, ScoringScratch& scratch) {
  const QuestionnaireSlots& slots = layout.questionnaires[q];
  const Questionnaire& questionnaire = *slots.questionnaire;
  ++questionnaire_respondents[q];
  std::vector<double>& item_scores = scratch.item_scores;
  item_scores.assign(questionnaire.items.size(), std::numeric_limits<double>::quiet_NaN());
  scratch.exact_item_scores.resize(questionnaire.items.size());
  auto& role_answers = role_dimension_answers[role];
  if (role_answers.empty()) role_answers.resize(dimensions.size());
  std::size_t cursor = 0;
  for (const Answer& answer : answers.answers) {
    const std::size_t index = slots.find_item(answer.item, cursor);
    if (index == questionnaire.items.size() || !questionnaire.items[index].scored()) continue;
    const Item& item = questionnaire.items[index];
    const std::size_t dimension_slot = slots.first_dimension + slots.dimension_of_item[index];
    for (AnswerCounts* counts : {&dimension_answers[dimension_slot], &role_answers[dimension_slot]}) {
      counts->merge({1, answer.dont_know ? 1u : 0u});
    }
    if (!answer.value) {
      ++(answer.dont_know ? items_dont_know : items_not_applicable)[slots.first_item + index];
      continue;
    }
    item_scores[index] = item_score(*slots.item_scales[index], item.reverse, *answer.value);
    scratch.exact_item_scores[index] = ExactStats::exact(item_scores[index]);
    items[slots.first_item + index].add(scratch.exact_item_scores[index]);
  }
  if (collect_comments) {
    for (const auto* texts : {&answers.open_answers, &answers.comments}) {
      for (const Comment& comment : *texts) {
        const Item* item = questionnaire.find_item(comment.item);
        if (!item || comment.text.empty()) continue;
        comments[slots.first_item + static_cast<std::size_t>(item - questionnaire.items.data())][role].push_back(
            comment.text);
      }
    }
  }
  auto& role_figures = role_dimensions[role];
  if (role_figures.empty()) role_figures.resize(dimensions.size());
  add_dimension_scores(slots, scratch, role_figures);
}

void GroupFigures::add_dimension_scores(const QuestionnaireSlots& slots, ScoringScratch& scratch,
                                        std::vector<ExactStats>& role_figures) {
  const Questionnaire& questionnaire = *slots.questionnaire;
  const std::vector<double>& item_scores = scratch.item_scores;
  std::vector<ExactStats::Value>& complete_case = scratch.complete_case;
  for (std::size_t d = 0; d < questionnaire.dimensions.size(); ++d) {
    const std::vector<std::size_t>& scored = slots.scored_items[d];
    const std::optional<double> score = dimension_score(questionnaire, scored, item_scores);
    if (!score) {
      ++missing_dimension_scores;
      continue;
    }
    const ExactStats::Value exact_score = ExactStats::exact(*score);
    dimensions[slots.first_dimension + d].add(exact_score);
    role_figures[slots.first_dimension + d].add(exact_score);
    complete_case.clear();
    for (const std::size_t i : scored) {
      if (!std::isnan(item_scores[i])) complete_case.push_back(scratch.exact_item_scores[i]);
    }
    if (complete_case.size() == scored.size()) alphas[slots.first_dimension + d].add_exact(complete_case);
  }
}

void GroupFigures::merge(GroupFigures&& other) {
  for (std::size_t i = 0; i < dimensions.size(); ++i) {
    dimensions[i].merge(other.dimensions[i]);
    alphas[i].merge(other.alphas[i]);
  }
  for (std::size_t i = 0; i < dimension_answers.size(); ++i) dimension_answers[i].merge(other.dimension_answers[i]);
  for (auto& [role, counts] : other.role_dimension_answers) {
    auto& mine = role_dimension_answers[role];
    if (mine.empty()) mine.resize(dimension_answers.size());
    for (std::size_t i = 0; i < counts.size(); ++i) mine[i].merge(counts[i]);
  }
  for (auto& [role, figures] : other.role_dimensions) {
    auto& mine = role_dimensions[role];
    if (mine.empty()) {
      mine = std::move(figures);
      continue;
    }
    for (std::size_t i = 0; i < figures.size(); ++i) mine[i].merge(figures[i]);
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    items[i].merge(other.items[i]);
    items_not_applicable[i] += other.items_not_applicable[i];
    items_dont_know[i] += other.items_dont_know[i];
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

}  // namespace partnerpulse::scoring
