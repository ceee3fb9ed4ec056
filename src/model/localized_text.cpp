#include "partnerpulse/localized_text.hpp"

#include <algorithm>

namespace partnerpulse {

LocalizedText::LocalizedText(std::string language, std::string text)
    : translations_(std::make_shared<const Translations>(Translations{{std::move(language), std::move(text)}})) {}

void LocalizedText::set(const std::string& language, std::string text) {
  auto changed = translations_ ? std::make_shared<Translations>(*translations_) : std::make_shared<Translations>();
  const auto same = std::find_if(changed->begin(), changed->end(), [&](const auto& t) { return t.first == language; });
  if (same != changed->end()) {
    same->second = std::move(text);
  } else {
    changed->emplace_back(language, std::move(text));
  }
  translations_ = std::move(changed);
}

const std::vector<std::pair<std::string, std::string>>& LocalizedText::translations() const noexcept {
  static const Translations none;
  return translations_ ? *translations_ : none;
}

const std::string& LocalizedText::in(std::string_view language) const {
  for (const auto& [code, value] : translations()) {
    if (code == language) return value;
  }
  return text();
}

const std::string& LocalizedText::text() const {
  static const std::string none;
  return empty() ? none : translations_->front().second;
}

bool LocalizedText::same_wording(const LocalizedText& other) const {
  if (empty() || other.empty()) return empty() == other.empty();
  bool shared = false;
  for (const auto& [code, value] : translations()) {
    for (const auto& [other_code, other_value] : other.translations()) {
      if (code != other_code) continue;
      if (value != other_value) return false;
      shared = true;
    }
  }
  return shared;
}

}  // namespace partnerpulse
