#pragma once
// Translated interface text: the fixed words of reports, `ask`, `compare` and error messages. The English text is
// the gettext msgid; translations come from the catalogues in po/<language>.po, compiled at build time. Questionnaire
// texts are not here: they are LocalizedText in the questionnaire files.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

namespace partnerpulse {

// The translation of `msgid` into `language`; msgid itself for English, an empty language, or a message the
// catalogue lacks. The view stays valid for the life of the process. Extracted by xgettext (keyword translate:2).
std::string_view translate(std::string_view language, std::string_view msgid);

// The singular or plural form for `count` in `language`, by that language's plural rule; `singular` or `plural` by
// the English rule when there is no translation. Extracted by xgettext (keyword translate_plural:2,3).
std::string_view translate_plural(std::string_view language, std::string_view singular, std::string_view plural,
                                  std::uint64_t count);

// The language of text printed outside a renderer (diagnostics, warnings, prompts): set once by the command from
// --language or the environment, before any output. Empty means English.
void set_interface_language(std::string language);
const std::string& interface_language();

// "en" and every language with a compiled catalogue (share/locale/<code>/LC_MESSAGES/partnerpulse.mo, found beside
// the binary or in $PARTNERPULSE_LOCALEDIR), sorted.
std::vector<std::string> interface_languages();

// The language a command works in: `requested` (--language) when interface_languages() or
// `questionnaire_languages` have it (or its primary subtag has a catalogue), else UsageError listing the languages
// available; with no request, the environment's (LANGUAGE's first entry, LC_ALL, LC_MESSAGES, LANG) when
// available, else "en".
std::string resolve_language(std::string_view requested, const std::vector<std::string>& questionnaire_languages);

// translate(interface_language(), msgid), for code that has no language at hand (diagnostics). Keyword tr.
inline std::string_view tr(std::string_view msgid) { return translate(interface_language(), msgid); }
// translate_plural(interface_language(), ...). Keyword tr_plural:1,2.
inline std::string_view tr_plural(std::string_view singular, std::string_view plural, std::uint64_t count) {
  return translate_plural(interface_language(), singular, plural, count);
}

// A translated format string filled in: fill(translate(language, "{} of {} answered"), a, b). The format is read at
// run time, so that translators can reorder its {} or {0} placeholders.
template <typename... Args>
std::string fill(std::string_view format, const Args&... args) {
  return fmt::format(fmt::runtime(format), args...);
}

}  // namespace partnerpulse
