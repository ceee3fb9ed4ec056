#pragma once
// Internal: GNU gettext's compiled catalogues (.mo files) read by our own reader, and the plural rules of the
// interface languages built in, so that translations depend neither on the process locale nor on installed locales.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace partnerpulse {

// One language's messages: msgid (the singular for plural messages) -> its forms (one, or one per plural form).
struct MessageCatalog {
  std::unordered_map<std::string, std::vector<std::string>> messages;
  std::string header;  // the msgid "" entry: "Content-Type: ...\nPlural-Forms: ...\n"
};

// Reads the bytes of a .mo file (either byte order); nothing for bytes that are not one. Entries with an empty
// translation and messages with a context are skipped.
std::optional<MessageCatalog> parse_mo(std::string_view bytes);

// The plural form index for `count` in `language` (its primary subtag: "pt-BR" is "pt"): English, Spanish and
// Portuguese n != 1, French n > 1, Arabic the six CLDR forms (zero, one, two, few, many, other).
std::size_t plural_form(std::string_view language, std::uint64_t count);
// How many plural forms `language` has (2, or 6 for Arabic).
std::size_t plural_form_count(std::string_view language);
// The Plural-Forms header value that matches plural_form for `language`, as the .po files must declare it.
std::string_view plural_forms_header(std::string_view language);

// "fr" for "fr_FR.UTF-8", "fr-CA" or "FR"; "en" for "C", "POSIX" and "C.UTF-8"; empty for an empty name.
std::string language_of_locale(std::string_view locale_name);

// The language asked for by the environment: the first entry of LANGUAGE, else LC_ALL, LC_MESSAGES, LANG (the
// first that is set and not empty), as language_of_locale gives it; "en" when none is set.
std::string environment_language();

}  // namespace partnerpulse
