#include "partnerpulse/questionnaire_texts.hpp"

#include <utility>

#include <fmt/format.h>

namespace partnerpulse {

std::vector<NamedText> texts_of(const Questionnaire& q) {
  std::vector<NamedText> texts;
  const auto add = [&texts](std::string where, const LocalizedText& text) {
    if (!text.empty()) texts.push_back({std::move(where), &text});
  };
  add("questionnaire title", q.title);
  add("questionnaire description", q.description);
  for (const Scale& scale : q.scales) {
    for (std::size_t i = 0; i < scale.labels.size(); ++i) {
      add(fmt::format("scale '{}' label {}", scale.id, scale.min + static_cast<int>(i)), scale.labels[i]);
    }
  }
  for (const Band& band : q.bands) add(fmt::format("band '{}' label", band.id), band.label);
  for (const Dimension& dimension : q.dimensions) {
    add(fmt::format("dimension '{}' title", dimension.id), dimension.title);
    add(fmt::format("dimension '{}' description", dimension.id), dimension.description);
    for (const auto& [band, advice] : dimension.advice) {
      add(fmt::format("dimension '{}' advice '{}'", dimension.id, band), advice);
    }
  }
  for (const Item& item : q.items) add(fmt::format("item '{}' text", item.id), item.text);
  return texts;
}

}  // namespace partnerpulse
