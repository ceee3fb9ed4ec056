#pragma once
// Making text from input files (titles, labels, roles, comments) safe to print.
//
// Every function here accepts any bytes: it first passes them through strip_control_characters
// (util/text_filters.hpp), so invalid UTF-8 becomes U+FFFD and what a terminal or a bidi-aware viewer would
// interpret is removed. The Markdown functions then escape what CommonMark / GFM would interpret, so input text is
// always shown literally: it never starts a list, heading, code span, link, table column, emphasis or HTML.

#include <string>
#include <string_view>

namespace partnerpulse {

// strip_control_characters, then every run of whitespace (tabs, line breaks, and Unicode spaces such as
// U+00A0 or U+2028) becomes one ASCII space, with none at either end.
std::string single_line(std::string_view text);

// Inline Markdown text on one line: single_line, then `\` `` ` `` `*` `_` `[` `]` `#` `|` `~` `@` are
// backslash-escaped, `<` `>` `&` become &lt; &gt; &amp;, a leading list marker (`-`, `+`, and `1.` or `1)` when
// a space or the end follows) is escaped, and URL-like text (`://`, `www.`) is escaped so that it does not become
// a link. The result is safe anywhere in a line, including at its start.
std::string markdown_inline(std::string_view text);

// A GFM table cell: like markdown_inline (the `|` that would start a new column is escaped as `\|`).
// May be empty; the table writer prints an empty cell as `| |`.
std::string markdown_table_cell(std::string_view text);

// Heading text: single_line without trailing `. , ; : !` (markdownlint MD026), then markdown_inline.
// When nothing is left, `fallback` is used the same way, and "(untitled)" when that is empty too.
std::string markdown_heading(std::string_view text, std::string_view fallback = {});

}  // namespace partnerpulse
