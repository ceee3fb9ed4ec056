// The HTML report (docs/html.md): the sections of the Markdown report, with charts. Every text from an input file
// goes through html_escape.hpp; every fixed text through translate().

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "partnerpulse/interface_text.hpp"
#include "partnerpulse/render_html.hpp"
#include "report/html_escape.hpp"
#include "report/html_page.hpp"
#include "report/html_report_parts.hpp"
#include "report/markdown_blocks.hpp"
#include "report/markdown_escape.hpp"
#include "report/svg_charts.hpp"
#include "util/bidi_isolation.hpp"
#include "util/decimal_format.hpp"
#include "util/natural_order.hpp"

namespace partnerpulse {

std::string_view text_direction(std::string_view language) {
  return is_right_to_left_language(language) ? "rtl" : "ltr";
}

namespace {

class HtmlReport {
public:
  HtmlReport(const Results& results, const RenderOptions& options)
      : results_(results), parts_(options, results.options), lang_(options.language) {}

  std::string render() {
    std::string body = "<header>\n<h1>" + esc(translate(lang_, "Partnership health report")) + "</h1>\n";
    if (!single_line(parts_.options().date).empty()) {
      body += "<p>" +
              html_line(fmt::format(fmt::runtime(translate(lang_, "Report date: {}.")), parts_.options().date)) +
              "</p>\n";
    }
    if (shows_small_groups(results_.options)) {
      body += "<p class=\"warning\"><strong>" + esc(translate(lang_, "Warning:")) + "</strong> " +
              html_line(small_groups_warning(results_.options.min_group)) + "</p>\n";
    }
    if (results_.groups.empty()) {
      body += "<p>" + esc(translate(lang_, "No responses were found, so there is nothing to report.")) + "</p>\n";
    }
    body += contents() + "</header>\n<main>\n";
    for (std::size_t g = 0; g < results_.groups.size(); ++g) body += group_section(g);
    body += "</main>\n";
    return html_document(lang_, esc(translate(lang_, "Partnership health report")), body);
  }

private:
  static std::string esc(std::string_view text) { return html_escape(text); }

  static std::string group_name(const GroupResult& group) {
    return fmt::format("{} — {}", plain(group.partnership), plain(group.period));
  }

  // With several groups, a list of links to them.
  std::string contents() const {
    if (results_.groups.size() < 2) return {};
    std::vector<std::string> items;
    for (std::size_t g = 0; g < results_.groups.size(); ++g) {
      items.push_back(fmt::format("<a href=\"#group-{}\">{}</a>", g + 1, html_escape(group_name(results_.groups[g]))));
    }
    return "<nav aria-label=\"" + esc(translate(lang_, "Contents")) + "\">\n" + html_list(items) + "</nav>\n";
  }

  std::string group_section(std::size_t g) {
    const GroupResult& group = results_.groups[g];
    std::string out = fmt::format("<section id=\"group-{}\">\n<h2>{}</h2>\n", g + 1, html_escape(group_name(group)));
    if (group.withheld) {
      out += "<p>" +
             html_line(fmt::format(
                 fmt::runtime(translate_plural(
                     lang_,
                     "This partnership and period has {} respondent, fewer than {}, so no figures are shown: with so "
                     "few, answers could be traced back to the people who gave them. The threshold is set with "
                     "--min-group.",
                     "This partnership and period has {} respondents, fewer than {}, so no figures are shown: with so "
                     "few, answers could be traced back to the people who gave them. The threshold is set with "
                     "--min-group.",
                     group.respondents)),
                 group.respondents, results_.options.min_group)) +
             "</p>\n";
      return out + "</section>\n";
    }
    out += parts_.summary(group);
    out += parts_.dimensions(group);
    out += parts_.gaps(group);
    out += parts_.trends(history(g));
    out += parts_.dont_know(group);
    out += parts_.items(group);
    out += parts_.advice(group);
    if (parts_.options().comments) out += parts_.comments(group);
    out += parts_.method(group);
    return out + "</section>\n";
  }

  // The periods of group `g`'s partnership up to and including its own, oldest first (natural order), whatever
  // the order of the groups.
  std::vector<const GroupResult*> history(std::size_t g) const {
    const GroupResult& current = results_.groups[g];
    std::vector<const GroupResult*> out;
    for (const GroupResult& group : results_.groups) {
      if (group.partnership == current.partnership && !natural_less(current.period, group.period)) {
        out.push_back(&group);
      }
    }
    std::sort(out.begin(), out.end(),
              [](const GroupResult* a, const GroupResult* b) { return natural_less(a->period, b->period); });
    return out;
  }

  const Results& results_;
  HtmlReportParts parts_;
  const std::string& lang_;
};

}  // namespace

std::string render_html(const Results& results, const RenderOptions& options) {
  return HtmlReport(results, options).render();
}

}  // namespace partnerpulse
