// The CSV template for data entry in a spreadsheet (docs/form.md): a header row named by the shared rule and a
// row of allowed answers that `import` recognises by its leading '#'.

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "partnerpulse/form.hpp"
#include "report/csv_fields.hpp"

namespace partnerpulse {

namespace {

// What a respondent field takes: "text (required)", or "one of: a | b (required)" for a list of values.
std::string respondent_allowed(const std::vector<std::string>& values) {
  if (values.empty()) return "text (required)";
  return fmt::format("one of: {} (required)", fmt::join(values, " | "));
}

// What a scored item takes: "1-5", then " or na" and " or dk" where the scale allows them.
std::string scale_allowed(const Scale& scale) {
  return fmt::format("{}-{}{}{}", scale.min, scale.max, scale.allow_na ? " or na" : "", scale.allow_dont_know ? " or dk" : "");
}

}  // namespace

Sheet build_csv_template(const std::vector<const Questionnaire*>& questionnaires,
                         const RespondentChoices& respondent) {
  Sheet sheet;
  sheet.name = "template";
  std::vector<std::string> allowed;
  const std::vector<std::string>* values[] = {&respondent.partnerships, &respondent.roles, &respondent.periods};
  for (std::size_t i = 0; i < respondent_field_names().size(); ++i) {
    sheet.columns.push_back(respondent_field_names()[i]);
    allowed.push_back(respondent_allowed(*values[i]));
  }
  for (const Questionnaire* q : questionnaires) {
    for (const Item& item : q->items) {
      sheet.columns.push_back(template_column_name(q->id, item.id));
      if (!item.scored()) {
        allowed.emplace_back("text");
        continue;
      }
      allowed.push_back(scale_allowed(*q->find_scale(item.scale)));
      sheet.columns.push_back(template_column_name(q->id, comment_field_name(item.id)));
      allowed.emplace_back("text");
    }
  }
  allowed.front().insert(0, "#allowed: ");
  sheet.rows.push_back(std::move(allowed));
  return sheet;
}

std::string render_sheet_csv(const Sheet& sheet) {
  std::string out;
  const auto add_row = [&out](const std::vector<std::string>& cells) {
    std::vector<std::string> fields;
    fields.reserve(cells.size());
    for (const std::string& cell : cells) fields.push_back(text_field(cell));
    fmt::format_to(std::back_inserter(out), "{}\n", fmt::join(fields, ","));
  };
  add_row(sheet.columns);
  for (const auto& row : sheet.rows) add_row(row);
  return out;
}

}  // namespace partnerpulse
