#include "partnerpulse/measure.hpp"

#include "partnerpulse/questionnaire.hpp"

namespace partnerpulse {

DimensionMeasure measure_of(const Questionnaire& questionnaire, std::string_view dimension_id) {
  DimensionMeasure measure;
  measure.questionnaire_version = questionnaire.version;
  for (const Item& item : questionnaire.items) {
    if (!item.scored() || item.dimension != dimension_id) continue;
    const Scale* scale = questionnaire.find_scale(item.scale);
    MeasuredItem measured;
    measured.id = item.id;
    if (scale) {
      measured.min = scale->min;
      measured.max = scale->max;
    }
    measured.reverse = item.reverse;
    measured.weight = item.weight;
    measured.replaces = item.replaces;
    measure.items.push_back(std::move(measured));
  }
  return measure;
}

}  // namespace partnerpulse
