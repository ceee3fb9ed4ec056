// The item list of `partnerpulse list --items` (and docs/questionnaires.md): every item with its basis.

#include <fmt/format.h>

#include "partnerpulse/render.hpp"
#include "report/markdown_blocks.hpp"
#include "report/markdown_escape.hpp"

namespace partnerpulse {

namespace {

// The rows of one dimension's scored items: id, statement, reverse-keyed, basis.
std::vector<std::vector<std::string>> dimension_rows(const Questionnaire& questionnaire, const Dimension& dimension) {
  std::vector<std::vector<std::string>> rows;
  for (const Item& item : questionnaire.items) {
    if (!item.scored() || item.dimension != dimension.id) continue;
    rows.push_back({markdown_table_cell(item.id), markdown_table_cell(item.text.text()), item.reverse ? "yes" : "",
                    markdown_table_cell(item.basis.empty() ? std::string("(none given)") : item.basis)});
  }
  return rows;
}

std::string questionnaire_section(const Questionnaire& q) {
  std::string out = fmt::format("## {}\n\n", markdown_heading(q.title.text(), q.id));
  out += markdown_inline(fmt::format("Id {}, version {}, {} scored items.", q.id, q.version, q.scored_item_count()));
  if (!q.description.text().empty()) out += ' ' + markdown_inline(q.description.text());
  out += "\n\n";
  const std::vector<Column> columns = {{"Id", false}, {"Statement", false}, {"Reverse", false}, {"Basis", false}};
  for (const Dimension& dimension : q.dimensions) {
    out += fmt::format("### {}\n\n", markdown_heading(fmt::format("{}: {}", q.id, dimension.title.text()), dimension.id));
    out += table(columns, dimension_rows(q, dimension)) + "\n\n";
  }
  std::vector<std::string> open;
  for (const Item& item : q.items) {
    if (item.scored()) continue;
    std::string line = fmt::format("{} ({})", item.text.text(), item.id);
    if (!item.basis.empty()) line += ". Basis: " + item.basis;
    open.push_back(markdown_inline(line));
  }
  if (!open.empty()) {
    out += fmt::format("### {}\n\n", markdown_heading(fmt::format("{}: open questions", q.id)));
    out += bullet_list(open) + "\n\n";
  }
  return out;
}

}  // namespace

std::string render_item_list(const std::vector<const Questionnaire*>& questionnaires) {
  std::string out;
  for (const Questionnaire* q : questionnaires) out += questionnaire_section(*q);  // each ends with a blank line
  while (out.size() >= 2 && out.ends_with("\n\n")) out.pop_back();
  return out;
}

}  // namespace partnerpulse
