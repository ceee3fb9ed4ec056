#include "partnerpulse/questionnaire.hpp"

#include <algorithm>
#include <initializer_list>

namespace partnerpulse {

namespace {
// A text with one translation per (language, text) pair, the first pair being the default language.
LocalizedText translated(std::initializer_list<std::pair<const char*, const char*>> translations) {
  LocalizedText text;
  for (const auto& [language, value] : translations) text.set(language, value);
  return text;
}
}  // namespace

std::vector<Band> default_bands() {
  // The band words of the glossary in docs/translating.md.
  return {
      {"attention",
       translated({{"en", "needs attention"}, {"fr", "à renforcer"}, {"es", "requiere atención"},
                   {"pt", "requer atenção"}, {"ar", "يحتاج إلى اهتمام"}}),
       50.0},
      {"progressing",
       translated({{"en", "making progress"}, {"fr", "en progression"}, {"es", "en progreso"},
                   {"pt", "em progresso"}, {"ar", "في تقدّم"}}),
       75.0},
      {"strength",
       translated({{"en", "strength"}, {"fr", "point fort"}, {"es", "fortaleza"}, {"pt", "ponto forte"},
                   {"ar", "نقطة قوة"}}),
       100.0},
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
