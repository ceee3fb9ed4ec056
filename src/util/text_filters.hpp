#pragma once
// The one rule for control characters in text from input files or from a person, and the filters built on it.
//
// Control characters are the C0 controls U+0000-U+001F, DEL U+007F and the C1 controls U+0080-U+009F: a terminal
// acts on them instead of showing them. Bidi controls are the embeddings, overrides and isolates U+202A-U+202E and
// U+2066-U+2069: a bidi-aware viewer reorders the text around them, unseen.
// - Every output (Markdown, JSON, CSV, the terminal) removes both kinds: strip_control_characters. The one
//   exception comes after that: terminal output in a right-to-left language gets U+2068/U+2069 around its Latin
//   runs from isolate_left_to_right_runs (util/bidi_isolation.hpp), written by partnerpulse, never from input.
// - Input values that must be single lines (respondent details) are refused when they hold an ASCII control
//   (C0 or DEL: line breaks, tabs, escape): has_ascii_control_characters. C1 and bidi controls are accepted there,
//   as they always were, and removed on output like everywhere else.

#include <string>
#include <string_view>

namespace partnerpulse {

// True for the control characters: C0 (U+0000-U+001F), DEL (U+007F) and C1 (U+0080-U+009F).
constexpr bool is_control_character(char32_t c) { return c < 0x20 || (c >= 0x7F && c <= 0x9F); }

// True for the bidi embedding, override and isolate controls U+202A-U+202E and U+2066-U+2069.
constexpr bool is_bidi_control(char32_t c) { return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069); }

// Removes control characters and bidi controls, keeping tab and line feed, and everything else:
// - terminal escape sequences go whole: ESC [ ... final (CSI), ESC ] ... BEL/ST (OSC), ESC P/X/^/_ ... ST, other
//   ESC sequences, and their one-character C1 forms (U+009B, U+009D, ...);
// - CR LF and a lone CR become LF; invalid UTF-8 bytes become U+FFFD.
// The result is valid UTF-8. Used by every output: JSON, CSV, Markdown (markdown_escape.hpp), the terminal.
std::string strip_control_characters(std::string_view text);

// True when `text` holds a C0 control (U+0000-U+001F: tab and line breaks included) or DEL.
bool has_ascii_control_characters(std::string_view text);

// `text` with `transform` (string_view -> std::string) applied to each line, the text between line feeds; the line
// feeds are kept as they are.
template <typename Transform>
std::string transform_lines(std::string_view text, Transform transform) {
  std::string out;
  std::size_t start = 0;
  while (true) {
    const std::size_t newline = text.find('\n', start);
    out += transform(text.substr(start, newline == std::string_view::npos ? newline : newline - start));
    if (newline == std::string_view::npos) return out;
    out += '\n';
    start = newline + 1;
  }
}

}  // namespace partnerpulse
