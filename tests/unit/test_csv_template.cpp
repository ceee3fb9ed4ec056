// The CSV template as data and as text (src/form/csv_template.cpp).

#include <boost/test/unit_test.hpp>

#include "form_fixture.hpp"
#include "partnerpulse/form.hpp"

using namespace partnerpulse;
using Row = std::vector<std::string>;

BOOST_AUTO_TEST_SUITE(csv_template)

BOOST_AUTO_TEST_CASE(columns_follow_the_naming_rule_and_the_second_row_says_what_is_allowed) {
  const Questionnaire q = test::form_questionnaire();
  const Sheet sheet = build_csv_template({&q});
  const Row columns = {"partnership", "role",     "period",   "pulse.t1", "pulse.t1_comment", "pulse.t2",
                       "pulse.t2_comment", "pulse.p1", "pulse.p1_comment", "pulse.story"};
  const Row allowed = {"#allowed: text (required)", "text (required)", "text (required)", "1-5 or na", "text",
                       "1-5 or na", "text", "1-7", "text", "text"};
  BOOST_TEST(sheet.columns == columns, boost::test_tools::per_element());
  BOOST_REQUIRE(sheet.rows.size() == 1u);
  BOOST_TEST(sheet.rows[0] == allowed, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(respondent_choices_are_listed) {
  const Questionnaire q = test::form_questionnaire();
  RespondentChoices respondent;
  respondent.partnerships = {"bridging-voices", "=evil"};
  const Sheet sheet = build_csv_template({&q}, respondent);
  BOOST_TEST(sheet.rows[0][0] == "#allowed: one of: bridging-voices | =evil (required)");
}

BOOST_AUTO_TEST_CASE(rendered_as_rfc_4180_with_formulas_neutralised) {
  Sheet sheet;
  sheet.columns = {"a", "b,c", "d"};
  sheet.rows = {{"#x", "say \"hi\"", "=1+1"}, {"-2", "@sum", "+3"}};
  BOOST_TEST(render_sheet_csv(sheet) == "a,\"b,c\",d\n#x,\"say \"\"hi\"\"\",'=1+1\n'-2,'@sum,'+3\n");
}

BOOST_AUTO_TEST_SUITE_END()
