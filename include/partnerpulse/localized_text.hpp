#pragma once
// Text that may come in several languages: a plain string, or translations keyed by language code.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace partnerpulse {

class LocalizedText {
public:
  LocalizedText() = default;
  // A text in one language.
  LocalizedText(std::string language, std::string text);

  // Adds or replaces the translation for a language; the first one added is the default.
  void set(const std::string& language, std::string text);
  // The text in `language`, else in the default language; empty when there is no text at all.
  const std::string& in(std::string_view language) const;
  // The text in the default language.
  const std::string& text() const;
  bool empty() const noexcept { return translations_.empty(); }
  const std::vector<std::pair<std::string, std::string>>& translations() const noexcept { return translations_; }

private:
  std::vector<std::pair<std::string, std::string>> translations_;
};

}  // namespace partnerpulse
