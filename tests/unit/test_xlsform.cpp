// The XLSForm as data, before it is written (src/form/xlsform.cpp).

#include <boost/test/unit_test.hpp>

#include "form_fixture.hpp"
#include "partnerpulse/diagnostics.hpp"
#include "partnerpulse/form.hpp"

using namespace partnerpulse;
using Row = std::vector<std::string>;

namespace {

// The column `column` of every row of `sheet`.
std::vector<std::string> column_of(const Sheet& sheet, const std::string& column) {
  std::vector<std::string> cells;
  for (std::size_t row = 0; row < sheet.rows.size(); ++row) cells.push_back(sheet.cell(row, column));
  return cells;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(xlsform)

BOOST_AUTO_TEST_CASE(survey_columns_have_a_label_and_hint_per_language) {
  const Questionnaire q = test::form_questionnaire();
  const XlsForm form = build_xlsform({&q});
  const Row expected = {"type",  "name", "label", "label::English (en)", "label::French (fr)", "hint",
                        "hint::English (en)", "hint::French (fr)", "required"};
  BOOST_TEST(form.survey.name == "survey");
  BOOST_TEST(form.survey.columns == expected, boost::test_tools::per_element());
  for (const Row& row : form.survey.rows) BOOST_TEST(row.size() == expected.size());
}

BOOST_AUTO_TEST_CASE(survey_rows_are_respondent_fields_then_one_group_per_questionnaire) {
  const Questionnaire q = test::form_questionnaire();
  const XlsForm form = build_xlsform({&q});
  const Row types = {"text", "text", "text", "begin_group", "select_one pulse_s5", "text", "select_one pulse_s5",
                     "text", "select_one pulse_s7", "text", "text", "end_group"};
  const Row names = {"partnership", "role",       "period", "pulse", "t1", "t1_comment", "t2", "t2_comment", "p1",
                     "p1_comment",  "story", ""};
  const Row required = {"yes", "yes", "yes", "", "", "", "", "", "", "", "", ""};
  BOOST_TEST(column_of(form.survey, "type") == types, boost::test_tools::per_element());
  BOOST_TEST(column_of(form.survey, "name") == names, boost::test_tools::per_element());
  BOOST_TEST(column_of(form.survey, "required") == required, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(translations_fall_back_to_the_default_language) {
  const Questionnaire q = test::form_questionnaire();
  const XlsForm form = build_xlsform({&q});
  BOOST_TEST(form.survey.cell(3, "label") == "Pulse");
  BOOST_TEST(form.survey.cell(3, "label::French (fr)") == "Pouls");
  BOOST_TEST(form.survey.cell(4, "label::English (en)") == "We trust them.");
  BOOST_TEST(form.survey.cell(4, "label::French (fr)") == "Nous leur faisons confiance.");
  BOOST_TEST(form.survey.cell(6, "label::French (fr)") == "They trust us.");  // no translation: English
  BOOST_TEST(form.survey.cell(5, "label::French (fr)") == "Commentaire (facultatif)");
  BOOST_TEST(form.survey.cell(0, "hint::English (en)") == "The partnership's name, as your working group agreed it");
}

BOOST_AUTO_TEST_CASE(choices_are_one_list_per_scale_with_na_where_allowed) {
  const Questionnaire q = test::form_questionnaire();
  const XlsForm form = build_xlsform({&q});
  const Row columns = {"list_name", "name", "label", "label::English (en)", "label::French (fr)"};
  BOOST_TEST(form.choices.columns == columns, boost::test_tools::per_element());
  Row lists(6, "pulse_s5");
  lists.insert(lists.end(), 7, "pulse_s7");
  const Row names = {"1", "2", "3", "4", "5", "na", "1", "2", "3", "4", "5", "6", "7"};
  BOOST_TEST(column_of(form.choices, "list_name") == lists, boost::test_tools::per_element());
  BOOST_TEST(column_of(form.choices, "name") == names, boost::test_tools::per_element());
  BOOST_TEST(form.choices.cell(0, "label::French (fr)") == "point un");
  BOOST_TEST(form.choices.cell(1, "label::French (fr)") == "point 2");
  BOOST_TEST(form.choices.cell(5, "label") == "Not applicable");
  BOOST_TEST(form.choices.cell(5, "label::French (fr)") == "Sans objet");
}

BOOST_AUTO_TEST_CASE(settings_name_the_form_its_versions_and_default_language) {
  Questionnaire first = test::form_questionnaire();
  Questionnaire second = test::form_questionnaire();
  second.version = "2.1";
  second.id = "other";
  second.title = LocalizedText("en", "Other");
  const XlsForm form = build_xlsform({&first, &second});
  const Row columns = {"form_title", "form_id", "version", "default_language"};
  BOOST_TEST(form.settings.columns == columns, boost::test_tools::per_element());
  BOOST_REQUIRE(form.settings.rows.size() == 1u);
  const Row row = {"Pulse; Other", "partnerpulse_pulse_other", "pulse 1.0; other 2.1", "English (en)"};
  BOOST_TEST(form.settings.rows[0] == row, boost::test_tools::per_element());
  BOOST_TEST(form.survey.cell(12, "type") == "begin_group");
  BOOST_TEST(form.survey.cell(12, "name") == "other");
  BOOST_TEST(form.choices.cell(13, "list_name") == "other_s5");
}

BOOST_AUTO_TEST_CASE(respondent_choices_make_select_one_fields) {
  const Questionnaire q = test::form_questionnaire();
  RespondentChoices respondent;
  respondent.roles = {"north", "south"};
  const XlsForm form = build_xlsform({&q}, respondent);
  BOOST_TEST(form.survey.cell(0, "type") == "text");
  BOOST_TEST(form.survey.cell(1, "type") == "select_one role");
  BOOST_TEST(form.choices.cell(0, "list_name") == "role");
  BOOST_TEST(form.choices.cell(1, "name") == "south");
  BOOST_TEST(form.choices.cell(1, "label::French (fr)") == "south");
  BOOST_TEST(form.choices.cell(2, "list_name") == "pulse_s5");
}

BOOST_AUTO_TEST_CASE(an_id_starting_with_a_digit_is_refused_at_its_position) {
  Questionnaire q = test::form_questionnaire();
  test::item_of(q, "t2")->id = "2nd";
  test::item_of(q, "2nd")->location = SourceLocation{"pulse.toml", 12, 6};
  try {
    (void)build_xlsform({&q});
    BOOST_FAIL("no error");
  } catch (const InputError& error) {
    BOOST_REQUIRE(error.diagnostics().size() == 1u);
    BOOST_TEST(error.diagnostics()[0].location.line == 12u);
    BOOST_TEST(error.diagnostics()[0].message.find("item id '2nd' starts with a digit") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(a_questionnaire_named_like_a_respondent_field_is_refused) {
  Questionnaire q = test::form_questionnaire();
  q.id = "role";
  BOOST_CHECK_THROW((void)build_xlsform({&q}), InputError);
  BOOST_TEST(build_csv_template({&q}).columns.at(3) == "role.t1");  // the template's names never clash
}

BOOST_AUTO_TEST_SUITE_END()
