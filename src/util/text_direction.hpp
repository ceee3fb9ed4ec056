#pragma once
// Internal: text direction for terminal output. Markdown files get no direction marks (docs/report-format.md).

#include <string>
#include <string_view>

namespace partnerpulse {

// `text` between FIRST STRONG ISOLATE (U+2068) and POP DIRECTIONAL ISOLATE (U+2069) when `language` is written
// right to left (is_right_to_left_language, util/bidi_isolation.hpp), so that a Latin id or file name inside an Arabic sentence keeps its own order in a terminal; `text`
// unchanged otherwise. For terminal output only.
std::string isolate_for_terminal(std::string_view language, std::string_view text);

}  // namespace partnerpulse
