#pragma once
// Internal to the HTML renderers: making text from input files safe in HTML text, attribute values and inline SVG.
// Every function accepts any bytes and first applies the one rule for control characters (strip_control_characters,
// util/text_filters.hpp): invalid UTF-8 becomes U+FFFD; C0/C1 controls, terminal escape sequences and bidi
// controls are removed. Then `&` `<` `>` `"` `'` become character references, so no input text can open or close
// an element, an attribute or a comment, in HTML or in SVG.

#include <cstddef>
#include <string>
#include <string_view>

namespace partnerpulse {

// Text for HTML or SVG content or a quoted attribute value, line breaks kept.
std::string html_escape(std::string_view text);

// Input text as one escaped line, never empty: plain() (markdown_blocks.hpp: single line, `fallback`, then
// "(untitled)"), then html_escape.
std::string html_line(std::string_view raw, std::string_view fallback = {});

// At most `max_characters` code points of one plain line (plain()), with "…" in place of the rest; not escaped.
std::string shortened_line(std::string_view raw, std::size_t max_characters, std::string_view fallback = {});

}  // namespace partnerpulse
