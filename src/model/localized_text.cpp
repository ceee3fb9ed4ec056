#include "partnerpulse/localized_text.hpp"

namespace partnerpulse {

LocalizedText::LocalizedText(std::string language, std::string text) {
  translations_.emplace_back(std::move(language), std::move(text));
}

void LocalizedText::set(const std::string& language, std::string text) {
  for (auto& [code, value] : translations_) {
    if (code == language) {
      value = std::move(text);
      return;
    }
  }
  translations_.emplace_back(language, std::move(text));
}

const std::string& LocalizedText::in(std::string_view language) const {
  for (const auto& [code, value] : translations_) {
    if (code == language) return value;
  }
  return text();
}

const std::string& LocalizedText::text() const {
  static const std::string none;
  return translations_.empty() ? none : translations_.front().second;
}

}  // namespace partnerpulse
