#include "partnerpulse/questionnaire.hpp"

#include <algorithm>

namespace partnerpulse {

namespace {
// A band label in the five interface languages (the glossary in docs/translating.md), English first.
LocalizedText band_label(const char* en, const char* fr, const char* es, const char* pt, const char* ar) {
  LocalizedText label("en", en);
  label.set("fr", fr);
  label.set("es", es);
  label.set("pt", pt);
  label.set("ar", ar);
  return label;
}
}  // namespace

std::vector<Band> default_bands() {
  return {
      {"attention", band_label("needs attention", "à renforcer", "requiere atención", "requer atenção",
                               "يحتاج إلى اهتمام"),
       50.0},
      {"progressing", band_label("making progress", "en progression", "en progreso", "em progresso", "في تقدّم"),
       75.0},
      {"strength", band_label("strength", "point fort", "fortaleza", "ponto forte", "نقطة قوة"), 100.0},
  };
}

const Band& band_for(const std::vector<Band>& bands, double index) {
  for (std::size_t i = 0; i + 1 < bands.size(); ++i) {
    if (index < bands[i].upper) return bands[i];
  }
  return bands.back();
}

const LocalizedText& Dimension::advice_for(std::string_view band_id) const {
  static const LocalizedText none;
  for (const auto& [band, text] : advice) {
    if (band == band_id) return text;
  }
  return none;
}

namespace {
template <typename T>
const T* find_by_id(const std::vector<T>& values, std::string_view id) {
  const auto found = std::find_if(values.begin(), values.end(), [&](const T& value) { return value.id == id; });
  return found == values.end() ? nullptr : &*found;
}
}  // namespace

const Scale* Questionnaire::find_scale(std::string_view scale_id) const { return find_by_id(scales, scale_id); }
const Dimension* Questionnaire::find_dimension(std::string_view dimension_id) const {
  return find_by_id(dimensions, dimension_id);
}
const Item* Questionnaire::find_item(std::string_view item_id) const { return find_by_id(items, item_id); }

std::size_t Questionnaire::scored_item_count() const {
  return static_cast<std::size_t>(std::count_if(items.begin(), items.end(), [](const Item& i) { return i.scored(); }));
}

}  // namespace partnerpulse
