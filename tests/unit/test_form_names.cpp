// The naming rule shared by `form` and `import`, and the languages of a form (src/form/form_names.cpp).

#include <boost/test/unit_test.hpp>

#include "form_fixture.hpp"
#include "partnerpulse/form.hpp"

using namespace partnerpulse;

BOOST_AUTO_TEST_SUITE(form_names)

BOOST_AUTO_TEST_CASE(names_join_ids_by_the_shared_rule) {
  BOOST_TEST(choice_list_name("power-balance", "agree5") == "power-balance_agree5");
  BOOST_TEST(comment_field_name("budget-say") == "budget-say_comment");
  BOOST_TEST(template_column_name("trust", "knows-people") == "trust.knows-people");
  BOOST_TEST(template_column_name("trust", comment_field_name("knows-people")) == "trust.knows-people_comment");
  const std::vector<std::string> respondent = {"partnership", "role", "period"};
  BOOST_TEST(respondent_field_names() == respondent, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(languages_start_with_the_first_questionnaires_own) {
  Questionnaire french = test::form_questionnaire();
  french.language = "fr";
  french.title = LocalizedText("fr", "Pouls");
  french.title.set("pt-BR", "Pulso");
  const Questionnaire english = test::form_questionnaire();
  const std::vector<std::string> both = {"fr", "pt-BR", "en"};
  BOOST_TEST(form_languages({&french, &english}) == both, boost::test_tools::per_element());
  const std::vector<std::string> english_first = {"en", "fr"};
  BOOST_TEST(form_languages({&english}) == english_first, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(languages_are_named_as_xlsform_expects) {
  BOOST_TEST(xlsform_language("en") == "English (en)");
  BOOST_TEST(xlsform_language("fr") == "French (fr)");
  BOOST_TEST(xlsform_language("pt-BR") == "Portuguese (pt-BR)");
  BOOST_TEST(xlsform_language("xx") == "xx (xx)");
}

BOOST_AUTO_TEST_CASE(a_missing_column_or_row_is_an_empty_cell) {
  Sheet sheet;
  sheet.columns = {"a", "b"};
  sheet.rows = {{"1", "2"}};
  BOOST_TEST(sheet.cell(0, "b") == "2");
  BOOST_TEST(sheet.cell(0, "c") == "");
  BOOST_TEST(sheet.cell(1, "a") == "");
}

BOOST_AUTO_TEST_CASE(partnership_files_give_each_partnership_role_and_period_once) {
  PartnershipSet set;
  set.add(parse_partnership("[partnership]\nid = \"b\"\ntitle = \"Bee\"\n[roles.south]\ntitle = \"South\"\n"
                            "[roles.north]\ntitle = \"North\"\n[[periods]]\nid = \"2023\"\n[[periods]]\nid = \"2024\"\n",
                            "b.toml"));
  set.add(parse_partnership("[partnership]\nid = \"a\"\ntitle = \"Ay\"\n[roles.north]\ntitle = \"Northern\"\n"
                            "[[periods]]\nid = \"2025\"\n",
                            "a.toml"));
  const RespondentChoices choices = respondent_choices(set);
  BOOST_TEST(choices.partnerships == (std::vector<std::string>{"a", "b"}), boost::test_tools::per_element());
  BOOST_TEST(choices.partnership_titles == (std::vector<std::string>{"Ay", "Bee"}), boost::test_tools::per_element());
  BOOST_TEST(choices.roles == (std::vector<std::string>{"north", "south"}), boost::test_tools::per_element());
  BOOST_TEST(choices.role_titles == (std::vector<std::string>{"Northern", "South"}), boost::test_tools::per_element());
  BOOST_TEST(choices.periods == (std::vector<std::string>{"2025", "2024", "2023"}), boost::test_tools::per_element());
  BOOST_TEST(respondent_choices(PartnershipSet{}).partnerships.empty());
}

BOOST_AUTO_TEST_SUITE_END()
