#pragma once
// A questionnaire for the form tests: the small questionnaire of questionnaire_fixture.hpp with labelled scales
// (s5 allows "na"), a title in English and French, and a French text for item t1.

#include "questionnaire_fixture.hpp"

namespace partnerpulse::test {

inline Questionnaire form_questionnaire() {
  Questionnaire q = small_questionnaire();
  q.language = "en";
  q.title = LocalizedText("en", "Pulse");
  q.title.set("fr", "Pouls");
  for (Scale& scale : q.scales) {
    for (int point = scale.min; point <= scale.max; ++point) {
      scale.labels.emplace_back("en", "point " + std::to_string(point));
    }
  }
  q.scales[0].allow_na = true;
  q.scales[0].labels[0].set("fr", "point un");
  item_of(q, "t1")->text.set("fr", "Nous leur faisons confiance.");
  item_of(q, "p1")->scale = "s7";
  return q;
}

}  // namespace partnerpulse::test
