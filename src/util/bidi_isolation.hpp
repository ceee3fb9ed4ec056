#pragma once
// Directional isolation of left-to-right runs (Latin ids, numbers, key names, file paths, commands) inside
// right-to-left lines, for terminal output: the terminal does the bidirectional reordering itself; these isolates
// only stop a run's neutral characters (slashes, dots, dashes, quotes) from being reordered with the Arabic around
// it. Pure functions over UTF-8 text.

#include <string>
#include <string_view>

namespace partnerpulse {

// U+2068 FIRST STRONG ISOLATE, in UTF-8.
inline constexpr std::string_view first_strong_isolate = "\xE2\x81\xA8";
// U+2069 POP DIRECTIONAL ISOLATE, in UTF-8.
inline constexpr std::string_view pop_directional_isolate = "\xE2\x81\xA9";

// True when `language` (a code such as "ar", "ar-EG", "ar_EG.UTF-8") is written right to left: Arabic, Persian,
// Hebrew, Urdu, Pashto, Sindhi, Kurdish (Sorani), Uyghur, Yiddish, Dhivehi; case is ignored. The one rule of text
// direction: terminal isolation and the HTML report's `dir` both use it.
bool is_right_to_left_language(std::string_view language);

// `text` (UTF-8; invalid bytes are kept as they are and count as neutral) with U+2068 ... U+2069 around every
// left-to-right run of each line that holds a right-to-left character (bidi class R or AL); lines without one are
// returned unchanged, byte for byte. A run starts at a letter of class L or a digit of class EN, with the neutral
// characters written against it ("--", "'", "("), and goes on over spaces and neutral characters up to the last
// such letter or digit before the next right-to-left character, and the neutral characters written against that.
// It ends early at a space after sentence punctuation (. , : ; ! ? and the Arabic ، ؛ ؟ ۔), and at a space before
// an opening bracket whose partner does not follow within the run's reach. Then it drops opening brackets at its
// start, and sentence punctuation and brackets without a partner inside the run at its end. ANSI escape sequences
// (ESC [ ... final byte, or ESC and one character) are never split, and never begin or end a run.
std::string isolate_left_to_right_runs(std::string_view text);

}  // namespace partnerpulse
