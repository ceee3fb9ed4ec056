#pragma once
// The HTML report and portfolio summary (docs/html.md): one self-contained HTML5 file each, inline CSS and inline
// SVG, no script and nothing that loads from anywhere. Pure functions: same results and options, same bytes.

#include <string>
#include <string_view>

#include "partnerpulse/portfolio.hpp"
#include "partnerpulse/render.hpp"

namespace partnerpulse {

// "rtl" for a language written right to left (Arabic, Hebrew, Persian, Urdu, Pashto, Sindhi, Yiddish, Dhivehi,
// Sorani Kurdish: the primary subtag of `language`, any case), else "ltr". The one direction rule of the reports.
std::string_view text_direction(std::string_view language);

// The report as HTML: the sections and figures of render_markdown, with a bar chart of the dimension indexes, a
// dot plot of the perception gaps and, for a partnership with several periods, a line chart per dimension, each
// chart followed by its figures as a table.
std::string render_html(const Results& results, const RenderOptions& options);

// index.html of `report --out-dir --format html`: the portfolio summary of render_portfolio_markdown, with a heat
// table of partnerships by dimension (a colour and the number in every cell).
std::string render_portfolio_html(const Portfolio& portfolio, const RenderOptions& options);

}  // namespace partnerpulse
