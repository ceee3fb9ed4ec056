// The charts of the HTML report (svg_charts.hpp): inline SVG with real text, mirrored right to left.

#include "report/svg_charts.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "report/html_escape.hpp"
#include "util/decimal_format.hpp"

namespace partnerpulse {

namespace {

constexpr double chart_width = 640;
constexpr double margin = 12;
constexpr std::size_t max_label_characters = 60;

std::string number(double value) { return format_fixed(value, 1); }

double channel(const std::string& colour, std::size_t at) {
  const double c = static_cast<double>(std::strtol(colour.substr(at, 2).c_str(), nullptr, 16)) / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

// Maps the logical horizontal position `offset` (from the start of the line) to x, mirrored right to left.
struct Axis {
  double start;
  double length;
  bool rtl;
  double at(double offset) const { return rtl ? chart_width - start - offset : start + offset; }
  double value(double index) const { return at(std::clamp(index, 0.0, 100.0) / 100.0 * length); }
};

// The <svg> start tag, its <title> (the chart's accessible name) and <desc> (its description). Its text direction
// is the page's (CSS `direction` inherits from <html dir>): text-anchor start is then the right end, right to left.
std::string open_svg(double height, const ChartText& text) {
  return fmt::format(
      "<svg class=\"chart\" viewBox=\"0 0 {} {}\" role=\"img\">\n<title>{}</title>\n"
      "<desc>{}</desc>\n",
      number(chart_width), number(height), html_line(text.title), html_line(text.desc));
}

std::string label_text(double x, double y, const std::string& anchor, const std::string& raw, const char* colour,
                       const char* extra = "") {
  return fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"{}\" fill=\"{}\"{}>{}</text>\n", number(x), number(y),
                     anchor, colour, extra, html_escape(shortened_line(raw, max_label_characters)));
}

// Tick marks and labels of a 0-100 axis at `y`, with its caption below.
std::string axis_ticks(const Axis& axis, double top, double y, const std::string& caption) {
  std::string out;
  for (int tick = 0; tick <= 100; tick += 25) {
    const double x = axis.value(tick);
    out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" class=\"grid\"/>\n", number(x), number(top),
                       number(y));
    out += label_text(x, y + 16, "middle", fmt::format("{}", tick), palette::muted_text);
  }
  out += label_text(axis.at(axis.length / 2), y + 34, "middle", caption, palette::muted_text);
  return out;
}

bool same_bands(const std::vector<BarRow>& rows) {
  for (const BarRow& row : rows) {
    if (row.bands.size() != rows.front().bands.size()) return false;
    for (std::size_t b = 0; b < row.bands.size(); ++b) {
      const BandSpan &x = row.bands[b], &y = rows.front().bands[b];
      if (x.lower != y.lower || x.upper != y.upper || x.label != y.label) return false;
    }
  }
  return true;
}

const char* band_shade(std::size_t b) { return b % 2 == 0 ? "#F2F2F2" : "#E0E0E0"; }

std::string band_shading(const Axis& axis, const std::vector<BandSpan>& bands, double y, double height) {
  std::string out;
  for (std::size_t b = 0; b < bands.size(); ++b) {
    const double x1 = axis.value(bands[b].lower), x2 = axis.value(bands[b].upper);
    out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>\n", number(std::min(x1, x2)),
                       number(y), number(std::abs(x2 - x1)), number(height), band_shade(b));
  }
  return out;
}

}  // namespace

double relative_luminance(const std::string& colour) {
  if (colour.size() != 7 || colour[0] != '#') return 0;
  return 0.2126 * channel(colour, 1) + 0.7152 * channel(colour, 3) + 0.0722 * channel(colour, 5);
}

double contrast_ratio(const std::string& a, const std::string& b) {
  const double la = relative_luminance(a), lb = relative_luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

int heat_step(double index) {
  return std::clamp(static_cast<int>(std::floor(std::clamp(index, 0.0, 100.0) / 20.0)), 0, 4);
}

CellColours heat_colours(double index) {
  // Okabe–Ito blue (0, 114, 178) mixed with white: 15% to 95% of the blue, one step per 20 points.
  const double share = 0.15 + 0.2 * heat_step(index);
  const auto mix = [&](int channel_value) {
    return static_cast<int>(std::lround(255.0 - share * (255.0 - channel_value)));
  };
  CellColours colours;
  colours.background = fmt::format("#{:02X}{:02X}{:02X}", mix(0), mix(114), mix(178));
  colours.text = contrast_ratio(colours.background, "#000000") >= contrast_ratio(colours.background, "#FFFFFF")
                     ? "#000000"
                     : "#FFFFFF";
  return colours;
}

std::string bar_chart_svg(const std::vector<BarRow>& rows, const ChartText& text, bool rtl) {
  const bool labelled_bands = !rows.empty() && !rows.front().bands.empty() && same_bands(rows);
  const double top = labelled_bands ? 30 : 8, row_height = 44;
  const double axis_y = top + row_height * static_cast<double>(rows.size()) + 4;
  const Axis axis{margin, chart_width - 2 * margin - 64, rtl};
  std::string out = open_svg(axis_y + 44, text) + axis_ticks(axis, top, axis_y, text.axis);
  if (labelled_bands) {
    for (const BandSpan& band : rows.front().bands) {
      out += label_text(axis.value((band.lower + band.upper) / 2), 20, "middle", band.label, palette::muted_text);
    }
  }
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const BarRow& row = rows[r];
    const double y = top + row_height * static_cast<double>(r);
    out += label_text(axis.at(0), y + 14, "start", row.label, palette::text);
    out += band_shading(axis, row.bands, y + 20, 18);
    double end = axis.at(0);
    if (row.value) {
      end = axis.value(*row.value);
      out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"10\" fill=\"{}\"/>\n",
                         number(std::min(axis.at(0), end)), number(y + 24), number(std::abs(end - axis.at(0))),
                         palette::blue);
    }
    out += label_text(axis.at(axis.length + 8), y + 34, "start", row.value_text, palette::text, " class=\"value\"");
  }
  return out + "</svg>";
}

std::string role_marker(std::size_t i, double x, double y) {
  static const char* const colours[] = {palette::orange,         palette::blue,     palette::bluish_green,
                                        palette::reddish_purple, palette::sky_blue, palette::vermillion};
  const char* colour = colours[i % 6];
  const std::string cx = number(x), cy = number(y);
  switch (i % 4) {
    case 0:
      return fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"6\" fill=\"{}\" class=\"mark\"/>", cx, cy, colour);
    case 1:
      return fmt::format("<rect x=\"{}\" y=\"{}\" width=\"11\" height=\"11\" fill=\"{}\" class=\"mark\"/>",
                         number(x - 5.5), number(y - 5.5), colour);
    case 2:
      return fmt::format("<path d=\"M{} {}L{} {}L{} {}Z\" fill=\"{}\" class=\"mark\"/>", cx, number(y - 7),
                         number(x + 7), number(y + 5), number(x - 7), number(y + 5), colour);
    default:
      return fmt::format("<path d=\"M{} {}L{} {}L{} {}L{} {}Z\" fill=\"{}\" class=\"mark\"/>", cx, number(y - 7),
                         number(x + 7), cy, cx, number(y + 7), number(x - 7), cy, colour);
  }
}

namespace {

// The roles' markers and names, three to a line, above the dot plot; returns the height used.
double dot_legend(const std::vector<std::string>& roles, const Axis& axis, std::string& out) {
  for (std::size_t i = 0; i < roles.size(); ++i) {
    const double offset = 200.0 * static_cast<double>(i % 3), y = 18 + 22 * static_cast<double>(i / 3);
    out += role_marker(i, axis.at(offset + 8), y - 5) + "\n";
    out += label_text(axis.at(offset + 20), y, "start", roles[i], palette::text);
  }
  return 8 + 22 * static_cast<double>((roles.size() + 2) / 3);
}

std::string gap_line(const Axis& axis, const DotRow& row, double y) {
  std::optional<double> low, high;
  for (const auto& value : row.values) {
    if (!value) continue;
    low = low ? std::min(*low, *value) : *value;
    high = high ? std::max(*high, *value) : *value;
  }
  if (!low || *low == *high) return {};
  return fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"{}\"/>\n",
                     number(axis.value(*low)), number(y), number(axis.value(*high)), number(y),
                     row.flagged ? palette::vermillion : palette::muted_text, row.flagged ? 4 : 2);
}

}  // namespace

std::string dot_plot_svg(const std::vector<std::string>& roles, const std::vector<DotRow>& rows, const ChartText& text,
                         bool rtl) {
  const Axis axis{margin, chart_width - 2 * margin - 90, rtl};
  std::string legend;
  const double top = dot_legend(roles, axis, legend) + 6, row_height = 44;
  const double axis_y = top + row_height * static_cast<double>(rows.size()) + 4;
  std::string body = legend + axis_ticks(axis, top, axis_y, text.axis);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const DotRow& row = rows[r];
    const double y = top + row_height * static_cast<double>(r);
    if (row.flagged) {
      body += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" class=\"flagged\"/>\n",
                          number(margin / 2), number(y), number(chart_width - margin), number(row_height - 2));
    }
    body += label_text(axis.at(0), y + 14, "start", row.label, palette::text);
    body += band_shading(axis, {BandSpan{0, 100, {}}}, y + 22, 14);
    body += gap_line(axis, row, y + 29);
    for (std::size_t i = 0; i < row.values.size(); ++i) {
      if (row.values[i]) body += role_marker(i, axis.value(*row.values[i]), y + 29) + "\n";
    }
    if (row.flagged)
      body += label_text(axis.at(axis.length + 10), y + 34, "start", row.flag_text, palette::flagged_text);
  }
  return open_svg(axis_y + 44, text) + body + "</svg>";
}

std::string trend_svg(const std::vector<TrendPoint>& points, const ChartText& text, bool rtl) {
  const double left = 72, right = 48, top = 40, plot_height = 200;
  const Axis axis{left, chart_width - left - right, rtl};
  std::string out = open_svg(top + plot_height + 48, text);
  const auto y_of = [&](double v) { return top + plot_height * (1 - std::clamp(v, 0.0, 100.0) / 100.0); };
  for (int tick = 0; tick <= 100; tick += 25) {
    out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" class=\"grid\"/>\n", number(axis.at(0)),
                       number(y_of(tick)), number(axis.at(axis.length)), number(y_of(tick)));
    out += label_text(axis.at(-8), y_of(tick) + 5, "end", fmt::format("{}", tick), palette::muted_text);
  }
  const double step = points.size() > 1 ? axis.length / static_cast<double>(points.size() - 1) : 0;
  const auto x_of = [&](std::size_t i) {
    return axis.at(points.size() > 1 ? step * static_cast<double>(i) : axis.length / 2);
  };
  std::string line;
  for (std::size_t i = 0; i < points.size(); ++i) {
    out += label_text(x_of(i), top + plot_height + 36, "middle", points[i].period, palette::text);
    if (!points[i].value) continue;
    line += fmt::format("{}{} {}", line.empty() ? "M" : "L", number(x_of(i)), number(y_of(*points[i].value)));
  }
  if (!line.empty())
    out += fmt::format("<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"3\"/>\n", line, palette::blue);
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (!points[i].value) continue;
    const double x = x_of(i), y = y_of(*points[i].value);
    out += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"5\" fill=\"{}\"/>\n", number(x), number(y), palette::blue);
    if (points[i].beyond_noise) {
      out += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"10\" class=\"noise\"/>\n", number(x), number(y));
    }
    out += label_text(x, y - 12, "middle", format_fixed(*points[i].value, 1), palette::text, " class=\"value\"");
  }
  return out + "</svg>";
}

}  // namespace partnerpulse
