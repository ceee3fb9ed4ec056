#pragma once
// Text that may come in several languages: a plain string, or translations keyed by language code.

#include <memory>
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
  // True when both are empty, or they share a language and every language they share reads the same: adding a
  // translation is not a rewording.
  bool same_wording(const LocalizedText& other) const;
  bool empty() const noexcept { return !translations_ || translations_->empty(); }
  // (language, text) pairs, the default language first.
  const std::vector<std::pair<std::string, std::string>>& translations() const noexcept;

private:
  using Translations = std::vector<std::pair<std::string, std::string>>;
  // Shared by copies, and never changed once shared (set() copies first): a questionnaire's texts, in every
  // language, are copied into the results of every group, so a copy costs a reference, not the texts.
  std::shared_ptr<const Translations> translations_;
};

}  // namespace partnerpulse
