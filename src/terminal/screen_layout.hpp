#pragma once
// Laying text out on a screen of a given width and height: lists of short items packed into lines, terms with
// wrapped definitions, screens whose parts give way in a fixed order until they fit, and pages. Widths are display
// widths (display_width.hpp). Pure functions: the same input gives the same lines.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace partnerpulse {

// Packs `items` into lines of at most `width` columns, joined by `separator` within a line, each line starting
// with `indent`. An item is never split over two lines unless it is wider than a line on its own (then it is
// wrapped with wrap_text).
std::vector<std::string> wrap_items(const std::vector<std::string>& items, std::string_view separator,
                                    std::size_t width, std::string_view indent = "");

// A term and its definition as lines of at most `width` columns: `indent`, the term padded to `term_width`, two
// spaces, then the definition wrapped at word boundaries, its further lines indented to where it starts (hanging
// indent). When that leaves fewer than 12 columns, the definition starts on the next line under the term.
std::vector<std::string> wrap_definition(std::string_view term, std::size_t term_width, std::string_view definition,
                                         std::size_t width, std::size_t indent = 2);

// One form a part of a screen can take: its lines, and the order in which forms are taken when the screen is too
// high (forms with lower `step` first, over all parts).
struct ScreenForm {
  std::vector<std::string> lines;
  int step = 0;  // ignored for a part's first form
};

// A part of a screen: its fullest form first, then ever more compact ones (an empty form drops the part).
struct ScreenPart {
  std::vector<ScreenForm> forms;
};

// The screen's lines, in the order of `parts`: each part in its fullest form, then, while the lines are more
// than `height`, the next more compact form of the part whose next form has the lowest step. Parts with a single
// form are always shown whole, even when the screen cannot hold them. A height of 0 means no limit.
std::vector<std::string> fit_to_height(const std::vector<ScreenPart>& parts, std::size_t height);

// `lines` split into pages of at most `height` lines (one page when height is 0 or all lines fit; none for none).
// A page after the first never starts with an empty line: such a line is left out.
std::vector<std::vector<std::string>> split_pages(const std::vector<std::string>& lines, std::size_t height);

}  // namespace partnerpulse
