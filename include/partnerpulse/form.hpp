#pragma once
// The survey form of questionnaires (`partnerpulse form`): an XLSForm and a CSV template for data entry, built as
// plain sheets of text cells, with every field named by the rule that `import` reads back (docs/form.md).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "partnerpulse/files.hpp"
#include "partnerpulse/partnership.hpp"
#include "partnerpulse/questionnaire.hpp"

namespace partnerpulse {

// One sheet of a form: a header row of column names, then rows of text cells, each as long as `columns`.
struct Sheet {
  std::string name;
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
  // The cell of row `row` in the column named `column`; "" when there is no such column.
  const std::string& cell(std::size_t row, std::string_view column) const;
};

// An XLSForm: the `survey`, `choices` and `settings` sheets, in that order.
struct XlsForm {
  Sheet survey;
  Sheet choices;
  Sheet settings;
};

// The values the respondent fields may take, such as those a partnership file lists. A non-empty list makes the
// field a choice among its values (`select_one` in the XLSForm, "one of: ..." in the CSV template); an empty one
// leaves it free text.
struct RespondentChoices {
  std::vector<std::string> partnerships;
  std::vector<std::string> roles;
  std::vector<std::string> periods;
  std::vector<std::string> partnership_titles;  // by index in `partnerships`: its choice's label (the id when "")
  std::vector<std::string> role_titles;         // by index in `roles`: its choice's label (the id when "")
};

// The choices that partnership files give: every partnership id (in id order, titled by its title), every declared role id (partnership
// by partnership, in each file's order (by id), once, titled as the first file that declares it titles it) and every
// declared period (once, newest first in natural order). None at all for an empty set.
RespondentChoices respondent_choices(const PartnershipSet& partnerships);

// The names of the respondent fields, in the order forms ask them: partnership, role, period.
const std::vector<std::string>& respondent_field_names();

// The choice list of a scale in an XLSForm: "<questionnaire id>_<scale id>", such as "trust_agree5".
std::string choice_list_name(std::string_view questionnaire_id, std::string_view scale_id);
// The field of the optional comment on an item: "<item id>_comment".
std::string comment_field_name(std::string_view item_id);
// The CSV template's column for an item (or, with `field` from comment_field_name, its comment):
// "<questionnaire id>.<field>", such as "trust.knows-people".
std::string template_column_name(std::string_view questionnaire_id, std::string_view field);

// The languages of the questionnaires' texts: the first questionnaire's language, then every other language a
// title, label or item text has, in order of first appearance.
std::vector<std::string> form_languages(const std::vector<const Questionnaire*>& questionnaires);
// A language as XLSForm names it: "English (en)", "Portuguese (pt-BR)"; "xx (xx)" for a code it does not know.
std::string xlsform_language(std::string_view code);

// The XLSForm of `questionnaires`, in the order given: respondent fields first, then a group per questionnaire
// with a select_one per scored item and its optional comment, and a text field per open question. Every text has
// a label::<Language> (<code>) column for each of form_languages(), falling back to the text's own default
// language. Throws InputError (at the id) for an id that starts with a digit, which an XLSForm name cannot, and
// for a questionnaire id that is a respondent field's name (partnership, role, period).
XlsForm build_xlsform(const std::vector<const Questionnaire*>& questionnaires,
                      const RespondentChoices& respondent = {});

// The CSV template as a sheet: its columns are the header row (respondent fields, then "<questionnaire>.<item>" and
// "<questionnaire>.<item>_comment" per item) and its one row describes the allowed answers, its first cell
// starting with "#allowed: ".
Sheet build_csv_template(const std::vector<const Questionnaire*>& questionnaires,
                         const RespondentChoices& respondent = {});

// A sheet as CSV: the columns, then the rows, one line each ending in "\n", every cell an RFC 4180 field
// neutralised against spreadsheet formulas (text_field in src/report/csv_fields.hpp).
std::string render_sheet_csv(const Sheet& sheet);

// Writes `form` as an .xlsx workbook with libxlsxwriter (one worksheet per sheet, the same bytes for the same form)
// to `path`, through write_file_atomically. Throws IoError naming `path` when the workbook cannot be made or
// written.
void write_xlsform(const XlsForm& form, const std::string& path, Overwrite overwrite, const RunInputs& inputs = {});

}  // namespace partnerpulse
