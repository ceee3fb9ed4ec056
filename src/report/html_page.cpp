// The page around an HTML report (html_page.hpp).

#include "report/html_page.hpp"

#include <array>
#include <cstdint>

#include <fmt/format.h>
#include <nettle/base64.h>
#include <nettle/sha2.h>

#include "partnerpulse/render_html.hpp"
#include "report/svg_charts.hpp"

namespace partnerpulse {

namespace {

// The heat table's five classes h0-h4 (svg_charts.hpp, heat_colours), one per 20 points.
std::string heat_rules() {
  std::string out;
  for (int step = 0; step < 5; ++step) {
    const CellColours colours = heat_colours(step * 20.0 + 10.0);
    out += fmt::format(".h{}{{background:{};color:{}}}\n", step, colours.background, colours.text);
  }
  return out;
}

std::string make_style_sheet() {
  std::string css =
      "*{box-sizing:border-box}\n"
      "html{color-scheme:light}\n"
      "body{margin:0 auto;max-width:64rem;padding:1rem;font:16px/1.5 system-ui,\"Segoe UI\",Roboto,\"Noto Sans\","
      "\"Noto Sans Arabic\",sans-serif;color:#1A1A1A;background:#FFFFFF;overflow-wrap:break-word}\n"
      "h1{font-size:1.9rem;line-height:1.2}\n"
      "h2{font-size:1.5rem;line-height:1.25;border-bottom:3px solid #0072B2;margin-top:3rem}\n"
      "h3{font-size:1.25rem;margin-top:2rem}\n"
      "h4{font-size:1.05rem;margin-bottom:.25rem}\n"
      "a{color:#0057A0}\n"
      "nav ul{padding-inline-start:1.25rem}\n"
      ".warning{border-inline-start:6px solid #D55E00;background:#FDF0E6;padding:.5rem 1rem}\n"
      ".headline{font-size:1.35rem}\n"
      ".flag{color:#A04000;font-weight:700}\n"
      "figure{margin:1.25rem 0;break-inside:avoid;page-break-inside:avoid}\n"
      "figcaption{font-weight:700;margin-bottom:.5rem}\n"
      ".chart{display:block;width:100%;height:auto;max-width:48rem;font-size:13px;margin-bottom:.5rem}\n"
      ".chart .value{font-weight:700}\n"
      ".grid{stroke:#BFBFBF;stroke-width:1}\n"
      ".mark{stroke:#1A1A1A;stroke-width:1}\n"
      ".flagged{fill:#FDF0E6}\n"
      ".noise{fill:none;stroke:#D55E00;stroke-width:2.5}\n"
      ".trends{display:grid;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr));gap:0 1.5rem}\n"
      ".trends .chart{font-size:26px}\n"
      "@media (max-width:40rem){.chart{font-size:18px}body{padding:.75rem}}\n"
      ".table-scroll{overflow-x:auto;max-width:100%}\n"
      "table{border-collapse:collapse;margin:.25rem 0 1rem;font-variant-numeric:tabular-nums}\n"
      "caption{text-align:start;font-weight:700;padding:.25rem 0}\n"
      "th,td{border:1px solid #BFBFBF;padding:.3rem .55rem;text-align:start;vertical-align:top}\n"
      "th{background:#F2F2F2}\n"
      ".num{text-align:end;white-space:nowrap}\n"
      "td.heat{text-align:center;vertical-align:middle;font-weight:700}\n"
      "tbody td:first-child{min-width:9rem}\n";
  css += heat_rules();
  css +=
      "@media print{\n"
      "@page{margin:15mm}\n"
      "body{max-width:none;padding:0;font-size:10.5pt}\n"
      "section+section>h2{break-before:page;margin-top:0}\n"
      "h2,h3,h4,figcaption,caption{break-after:avoid}\n"
      "figure,.chart,tr{break-inside:avoid;page-break-inside:avoid}\n"
      ".table-scroll{overflow:visible}\n"
      "a[href]::after{content:\" (\" attr(href) \")\"}\n"
      "a[href^=\"#\"]::after{content:\"\"}\n"
      "nav{display:none}\n"
      "}\n";
  return css;
}

std::string sha256_base64(const std::string& text) {
  sha256_ctx context;
  sha256_init(&context);
  sha256_update(&context, text.size(), reinterpret_cast<const std::uint8_t*>(text.data()));
  std::array<std::uint8_t, SHA256_DIGEST_SIZE> digest{};
  sha256_digest(&context, digest.size(), digest.data());
  std::array<char, BASE64_ENCODE_RAW_LENGTH(SHA256_DIGEST_SIZE)> encoded{};
  base64_encode_raw(encoded.data(), digest.size(), digest.data());
  return std::string(encoded.data(), encoded.size());
}

}  // namespace

const std::string& html_style_sheet() {
  static const std::string css = make_style_sheet();
  return css;
}

std::string html_content_security_policy() {
  return fmt::format(
      "default-src 'none'; style-src 'sha256-{}'; img-src 'none'; form-action 'none'; "
      "base-uri 'none'",
      sha256_base64(html_style_sheet()));
}

std::string html_document(std::string_view language, const std::string& title, const std::string& body) {
  const std::string lang = language.empty() ? std::string("en") : std::string(language);
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\" dir=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"referrer\" content=\"no-referrer\">\n<title>{}</title>\n<style>{}</style>\n"
      "</head>\n<body>\n{}</body>\n</html>\n",
      lang, text_direction(language), html_content_security_policy(), title, html_style_sheet(), body);
}

std::string html_table(const std::string& caption, const std::vector<HtmlColumn>& columns,
                       const std::vector<std::vector<std::string>>& rows,
                       const std::vector<std::vector<std::string>>& cell_classes) {
  std::string out = "<div class=\"table-scroll\">\n<table>\n";
  if (!caption.empty()) out += "<caption>" + caption + "</caption>\n";
  out += "<thead><tr>";
  for (const HtmlColumn& column : columns) {
    out += fmt::format("<th scope=\"col\"{}>{}</th>", column.numeric ? " class=\"num\"" : "", column.header);
  }
  out += "</tr></thead>\n<tbody>\n";
  for (std::size_t r = 0; r < rows.size(); ++r) {
    out += "<tr>";
    for (std::size_t c = 0; c < columns.size(); ++c) {
      std::string cls = columns[c].numeric ? "num" : "";
      if (r < cell_classes.size() && c < cell_classes[r].size() && !cell_classes[r][c].empty())
        cls = cell_classes[r][c];
      const std::string cell = c < rows[r].size() ? rows[r][c] : std::string();
      out += cls.empty() ? "<td>" + cell + "</td>" : fmt::format("<td class=\"{}\">{}</td>", cls, cell);
    }
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n</div>\n";
}

std::string html_list(const std::vector<std::string>& items) {
  std::string out = "<ul>\n";
  for (const std::string& item : items) out += "<li>" + item + "</li>\n";
  return out + "</ul>\n";
}

std::string html_figure(const std::string& caption, const std::string& svg, const std::string& table) {
  return fmt::format("<figure>\n<figcaption>{}</figcaption>\n{}\n{}</figure>\n", caption, svg, table);
}

}  // namespace partnerpulse
