// The scores of one respondent: per answer and per dimension. The report's figures and `ask`'s feedback both
// come from here.

#include <cmath>
#include <limits>

#include "partnerpulse/scoring.hpp"
#include "scoring/scoring_layout.hpp"

namespace partnerpulse {

double item_score(const Scale& scale, bool reverse, int value) {
  const int keyed = reverse ? scale.min + scale.max - value : value;
  return static_cast<double>(keyed - scale.min) / static_cast<double>(scale.max - scale.min) * 100.0;
}

std::optional<double> dimension_score(const std::vector<double>& item_weights,
                                      const std::vector<std::size_t>& scored_items,
                                      const std::vector<double>& item_scores) {
  double weighted_sum = 0.0, weight_sum = 0.0;
  std::size_t answered = 0;
  for (const std::size_t i : scored_items) {
    if (std::isnan(item_scores[i])) continue;
    weighted_sum += item_weights[i] * item_scores[i];
    weight_sum += item_weights[i];
    ++answered;
  }
  if (answered == 0 || answered * 2 < scored_items.size()) return std::nullopt;
  return weighted_sum / weight_sum;
}

std::vector<std::optional<double>> dimension_scores(const Questionnaire& questionnaire,
                                                    const QuestionnaireAnswers& answers) {
  std::vector<double> item_scores(questionnaire.items.size(), std::numeric_limits<double>::quiet_NaN());
  const std::vector<double> item_weights = scoring::weights_by_item(questionnaire);
  for (std::size_t i = 0; i < questionnaire.items.size(); ++i) {
    const Item& item = questionnaire.items[i];
    const Answer* answer = item.scored() ? answers.find(item.id) : nullptr;
    if (answer && answer->value) {
      item_scores[i] = item_score(*questionnaire.find_scale(item.scale), item.reverse, *answer->value);
    }
  }
  std::vector<std::optional<double>> scores;
  for (const auto& scored_items : scoring::scored_items_by_dimension(questionnaire)) {
    scores.push_back(dimension_score(item_weights, scored_items, item_scores));
  }
  return scores;
}

}  // namespace partnerpulse
