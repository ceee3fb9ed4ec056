#pragma once
// Checks run on raw input text before it reaches the TOML parser.

#include <cstddef>
#include <string>
#include <string_view>

#include "partnerpulse/diagnostics.hpp"

namespace partnerpulse {

// How deep keys and tables may nest: dotted-key parts, and [ / { nesting, each (64).
inline constexpr std::size_t max_nesting_depth = 64;

// Checks that `text` is non-empty valid UTF-8, has no byte-order mark except at the very start, and nests
// no deeper than max_nesting_depth. Reports problems into `diagnostics` with positions in `path`.
// Returns the text to hand to the parser (a leading byte-order mark removed), or nothing usable when
// `diagnostics` has errors.
std::string_view prepare_toml_text(std::string_view text, const std::string& path, DiagnosticList& diagnostics);

// The 1-based line and column (in code points) of byte `offset` in `text`.
SourceLocation location_of_offset(std::string_view text, std::size_t offset, const std::string& path);

// True when `text` is valid UTF-8.
bool is_valid_utf8(std::string_view text);

}  // namespace partnerpulse
