#pragma once
// UTF-8 decoding, and the checks run on raw input text before it reaches the TOML parser.

#include <cstddef>
#include <string>
#include <string_view>

#include "partnerpulse/diagnostics.hpp"

namespace partnerpulse {

// How deep keys and tables may nest (64), every level counted together: the parts of a [header] (and one more for
// a [[header]]), the parts of dotted keys, inline tables and arrays, wherever they nest in one another.
inline constexpr std::size_t max_nesting_depth = 64;

// Checks that `text` is non-empty valid UTF-8, has no byte-order mark except at the very start, and nests
// no deeper than max_nesting_depth. Reports problems into `diagnostics` with positions in `path`.
// Returns the text to hand to the parser (a leading byte-order mark removed), or nothing usable when
// `diagnostics` has errors.
std::string_view prepare_toml_text(std::string_view text, const std::string& path, DiagnosticList& diagnostics);

// The 1-based line and column (in code points) of byte `offset` in `text`.
SourceLocation location_of_offset(std::string_view text, std::size_t offset, const std::string& path);

// U+FFFD REPLACEMENT CHARACTER, in UTF-8: what invalid bytes become.
inline constexpr std::string_view replacement_character = "\xEF\xBF\xBD";

// What decode_utf8 returns for bytes that are not valid UTF-8.
inline constexpr char32_t invalid_code_point = 0xFFFFFFFF;

// Decodes the code point that starts at text[pos] (pos < text.size()) and moves `pos` past it. Valid UTF-8 is the
// shortest encoding of a code point up to U+10FFFF that is not a surrogate. Anything else (a stray continuation
// byte, an overlong, cut-off or surrogate sequence, a byte C0, C1 or F5-FF) gives invalid_code_point and moves
// `pos` on by one byte, so that every bad byte can be replaced on its own. The one UTF-8 decoder of partnerpulse.
char32_t decode_utf8(std::string_view text, std::size_t& pos);

// True when `text` is valid UTF-8.
bool is_valid_utf8(std::string_view text);

// `text` with every byte that is not part of valid UTF-8 replaced by U+FFFD (the replacement character).
std::string replace_invalid_utf8(std::string_view text);

}  // namespace partnerpulse
