#pragma once
// Internal to the HTML renderers: the page around a report (head, style sheet, Content-Security-Policy) and the
// blocks inside it. Text passed to these functions must already be escaped (html_escape.hpp).

#include <string>
#include <string_view>
#include <vector>

namespace partnerpulse {

// The page's one style sheet: screen, 390-pixel phones (tables scroll in their own box) and print (A4 or Letter,
// no chart or table row split across pages, links followed by their address).
const std::string& html_style_sheet();

// The Content-Security-Policy of every page: nothing may load or run (default-src 'none'), no form may submit, and
// the one inline style sheet is allowed by its SHA-256 hash ('sha256-…' of html_style_sheet()).
std::string html_content_security_policy();

// A whole HTML5 document: `lang` and `dir` from `language` (text_direction, render_html.hpp), the CSP meta, the
// escaped `title`, then `body`.
std::string html_document(std::string_view language, const std::string& title, const std::string& body);

struct HtmlColumn {
  std::string header;  // escaped
  bool numeric = false;
};

// A table in its own horizontally scrolling box, with an escaped `caption`; cells already escaped (and may hold
// markup). A row with fewer cells is padded with empty ones. `cell_classes`, when given, holds one class attribute
// value per cell (empty: none), row by row.
std::string html_table(const std::string& caption, const std::vector<HtmlColumn>& columns,
                       const std::vector<std::vector<std::string>>& rows,
                       const std::vector<std::vector<std::string>>& cell_classes = {});

// "<ul><li>…</li>…</ul>" of escaped items.
std::string html_list(const std::vector<std::string>& items);

// A chart and its table in one <figure> that print never splits, with an escaped caption.
std::string html_figure(const std::string& caption, const std::string& svg, const std::string& table);

}  // namespace partnerpulse
