// The naming rule shared by `form` and `import` (docs/form.md), the languages of a form, and Sheet look-ups.

#include <algorithm>
#include <array>
#include <utility>

#include <fmt/format.h>

#include "partnerpulse/form.hpp"
#include "util/natural_order.hpp"

namespace partnerpulse {

const std::string& Sheet::cell(std::size_t row, std::string_view column) const {
  static const std::string none;
  const auto found = std::find(columns.begin(), columns.end(), column);
  if (found == columns.end() || row >= rows.size()) return none;
  const auto index = static_cast<std::size_t>(found - columns.begin());
  return index < rows[row].size() ? rows[row][index] : none;
}

const std::vector<std::string>& respondent_field_names() {
  static const std::vector<std::string> names = {"partnership", "role", "period"};
  return names;
}

std::string choice_list_name(std::string_view questionnaire_id, std::string_view scale_id) {
  return fmt::format("{}_{}", questionnaire_id, scale_id);
}

std::string comment_field_name(std::string_view item_id) { return fmt::format("{}_comment", item_id); }

std::string template_column_name(std::string_view questionnaire_id, std::string_view field) {
  return fmt::format("{}.{}", questionnaire_id, field);
}

namespace {

// Adds the languages of `text` to `languages`, each once.
void add_languages(const LocalizedText& text, std::vector<std::string>& languages) {
  for (const auto& [language, translation] : text.translations()) {
    if (std::find(languages.begin(), languages.end(), language) == languages.end()) languages.push_back(language);
  }
}

// English names of the languages most used by partnerships, by ISO 639-1 code.
constexpr std::array<std::pair<std::string_view, std::string_view>, 40> language_names = {{
    {"am", "Amharic"},   {"ar", "Arabic"},     {"bn", "Bengali"},   {"ca", "Catalan"},     {"de", "German"},
    {"el", "Greek"},     {"en", "English"},    {"es", "Spanish"},   {"fa", "Persian"},     {"ff", "Fula"},
    {"fr", "French"},    {"ha", "Hausa"},      {"he", "Hebrew"},    {"hi", "Hindi"},       {"id", "Indonesian"},
    {"ig", "Igbo"},      {"it", "Italian"},    {"ja", "Japanese"},  {"km", "Khmer"},       {"ko", "Korean"},
    {"ln", "Lingala"},   {"mg", "Malagasy"},   {"ne", "Nepali"},    {"nl", "Dutch"},       {"pl", "Polish"},
    {"ps", "Pashto"},    {"pt", "Portuguese"}, {"ru", "Russian"},   {"rw", "Kinyarwanda"}, {"so", "Somali"},
    {"sw", "Swahili"},   {"ta", "Tamil"},      {"th", "Thai"},      {"tr", "Turkish"},     {"uk", "Ukrainian"},
    {"ur", "Urdu"},      {"vi", "Vietnamese"}, {"wo", "Wolof"},     {"yo", "Yoruba"},      {"zh", "Chinese"},
}};

}  // namespace

std::vector<std::string> form_languages(const std::vector<const Questionnaire*>& questionnaires) {
  std::vector<std::string> languages;
  for (const Questionnaire* q : questionnaires) {
    if (std::find(languages.begin(), languages.end(), q->language) == languages.end()) {
      languages.push_back(q->language);
    }
    add_languages(q->title, languages);
    for (const Scale& scale : q->scales) {
      for (const LocalizedText& label : scale.labels) add_languages(label, languages);
    }
    for (const Item& item : q->items) add_languages(item.text, languages);
  }
  return languages;
}

std::string xlsform_language(std::string_view code) {
  const std::string_view base = code.substr(0, code.find('-'));
  for (const auto& [known, name] : language_names) {
    if (known == base) return fmt::format("{} ({})", name, code);
  }
  return fmt::format("{} ({})", code, code);
}

RespondentChoices respondent_choices(const PartnershipSet& partnerships) {
  RespondentChoices choices;
  for (const auto& [id, partnership] : partnerships.all()) {
    choices.partnerships.push_back(id);
    choices.partnership_titles.push_back(partnership.title);
    for (const PartnershipRole& role : partnership.roles) {
      if (std::find(choices.roles.begin(), choices.roles.end(), role.id) != choices.roles.end()) continue;
      choices.roles.push_back(role.id);
      choices.role_titles.push_back(role.title);
    }
    for (const PartnershipPeriod& period : partnership.periods) {
      if (std::find(choices.periods.begin(), choices.periods.end(), period.id) == choices.periods.end()) {
        choices.periods.push_back(period.id);
      }
    }
  }
  std::sort(choices.periods.begin(), choices.periods.end(),
            [](const std::string& a, const std::string& b) { return natural_less(b, a); });
  return choices;
}

}  // namespace partnerpulse
