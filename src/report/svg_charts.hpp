#pragma once
// Internal to the HTML renderers: the charts of the HTML report as inline SVG, and the colours they use.
// Every chart has real <text> (never letters drawn as paths), a <title> and a <desc>, and is followed in the page
// by a table of the same figures. Labels passed in are plain text (unescaped): the charts escape them.
// Right to left (`rtl`), the horizontal axes are mirrored, so that 0 to 100, and earlier to later periods, still
// read from the start of the line (the right). Coordinates are printed with one decimal: same input, same bytes.

#include <optional>
#include <string>
#include <vector>

namespace partnerpulse {

// Okabe–Ito colours (distinguishable with the common colour-vision deficiencies), plus text and greys.
namespace palette {
inline constexpr const char* orange = "#E69F00";
inline constexpr const char* sky_blue = "#56B4E9";
inline constexpr const char* bluish_green = "#009E73";
inline constexpr const char* blue = "#0072B2";
inline constexpr const char* vermillion = "#D55E00";
inline constexpr const char* reddish_purple = "#CC79A7";
inline constexpr const char* text = "#1A1A1A";          // body text on white: 17.4:1
inline constexpr const char* muted_text = "#595959";    // secondary text on white and on band shades: >= 4.5:1
inline constexpr const char* flagged_text = "#A04000";  // a flagged gap's label, darkened vermillion: >= 4.5:1
}  // namespace palette

// WCAG 2.1 relative luminance of a "#RRGGBB" colour, and the contrast ratio of two colours (1 to 21).
double relative_luminance(const std::string& colour);
double contrast_ratio(const std::string& a, const std::string& b);

// The heat table's cell colours for an index 0-100: five tints of Okabe–Ito blue, darker for higher indexes (so
// the order survives greyscale print), and black or white text, whichever contrasts more (always >= 4.5:1).
struct CellColours {
  std::string background;
  std::string text;
};
CellColours heat_colours(double index);
// The step (0-4) of heat_colours for `index`: one per 20 points, 100 in the top step.
int heat_step(double index);

// The fixed texts of a chart: plain, unescaped.
struct ChartText {
  std::string title;
  std::string desc;
  std::string axis;  // the axis caption, such as "Index (0–100)"
};

struct BandSpan {
  double lower = 0;
  double upper = 100;
  std::string label;
};

// One horizontal bar: a dimension's index on the 0-100 axis over its bands' shading.
struct BarRow {
  std::string label;
  std::optional<double> value;  // empty: withheld or not computable, no bar (the value text says `missing`)
  std::string value_text;       // the figure as the table prints it
  std::vector<BandSpan> bands;  // lowest first; shaded and, when every row shares them, labelled at the top
};
std::string bar_chart_svg(const std::vector<BarRow>& rows, const ChartText& text, bool rtl);

// One dimension of the perception-gap dot plot: one value per role (in the order of the roles given).
struct DotRow {
  std::string label;
  std::vector<std::optional<double>> values;
  bool flagged = false;
  std::string flag_text;  // printed beside a flagged row
};
// The shape of role `i` (circle, square, triangle, diamond, then again) and its colour.
std::string role_marker(std::size_t i, double x, double y);
std::string dot_plot_svg(const std::vector<std::string>& roles, const std::vector<DotRow>& rows, const ChartText& text,
                         bool rtl);

// One period of a dimension's trend.
struct TrendPoint {
  std::string period;
  std::optional<double> value;
  bool beyond_noise = false;  // the change from the previous point is beyond noise: ringed
};
std::string trend_svg(const std::vector<TrendPoint>& points, const ChartText& text, bool rtl);

}  // namespace partnerpulse
