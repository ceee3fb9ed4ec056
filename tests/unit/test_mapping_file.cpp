#include <boost/test/unit_test.hpp>

#include "import/mapping_file.hpp"
#include "import_fixture.hpp"

using namespace partnerpulse;

namespace {

// The messages of the InputError that parsing `text` throws, as "LINE:COLUMN: MESSAGE".
std::vector<std::string> problems_of(const std::string& text) {
  try {
    parse_mapping(text, "map.toml", test::import_catalog());
  } catch (const InputError& error) {
    std::vector<std::string> out;
    for (const Diagnostic& d : error.diagnostics()) {
      out.push_back(std::to_string(d.location.line) + ":" + std::to_string(d.location.column) + ": " + d.message);
    }
    return out;
  }
  return {};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(mapping_file)

BOOST_AUTO_TEST_CASE(a_full_mapping_is_read) {
  const ImportMapping mapping = parse_mapping(R"(
[import]
questionnaires = ["trust", "power-balance"]
[respondent]
partnership = "Which partnership?"
role = { column = "group_intro/role" }
period = { value = "2024" }
id = { column = "_uuid" }
[columns]
"TRUST[SQ001]" = "trust.knows-people"
"Comment" = "trust.knows-people_comment"
[answers]
"Tout à fait d'accord" = 5
"Sans avis" = "na"
)", "map.toml", test::import_catalog());
  BOOST_TEST((mapping.questionnaires == std::vector<std::string>{"trust", "power-balance"}));
  BOOST_REQUIRE(mapping.respondent.size() == 4u);
  BOOST_TEST(mapping.respondent[0].text == "Which partnership?");
  BOOST_TEST(!mapping.respondent[0].fixed);
  BOOST_TEST(mapping.respondent[1].text == "group_intro/role");
  BOOST_TEST(mapping.respondent[2].fixed);
  BOOST_TEST(mapping.respondent[2].text == "2024");
  BOOST_TEST((mapping.respondent[3].field == RespondentField::id));
  BOOST_REQUIRE(mapping.columns.size() == 2u);
  const auto& comment = mapping.columns[0].header == "Comment" ? mapping.columns[0] : mapping.columns[1];
  BOOST_TEST(comment.comment);
  BOOST_TEST(comment.item == "knows-people");
  BOOST_REQUIRE(mapping.answers.size() == 2u);
  BOOST_TEST(mapping.answers[0].where.line > 0u);
}

BOOST_AUTO_TEST_CASE(every_problem_is_reported_at_its_position) {
  const auto problems = problems_of("[import]\nquestionnaires = [\"trust\", 3]\n[respondent]\nrole = 4\n"
                                    "id = { value = \"x\" }\n[columns]\nA = \"trust.nope\"\nB = \"nope.x\"\n"
                                    "[answers]\nC = 2.5\n");
  BOOST_REQUIRE(problems.size() == 7u);
  BOOST_TEST(problems[0].starts_with("2:28: [import]: 'questionnaires' holds questionnaire ids"));
  BOOST_TEST(problems[1].starts_with("4:8: [respondent]: 'role' must be a column header or an inline table"));
  BOOST_TEST(problems[2].starts_with("5:8: [respondent] 'id': unknown key 'value'"));
  BOOST_TEST(problems[3].starts_with("5:6: [respondent] 'id' must be { column"));
  BOOST_TEST(problems[4].starts_with("7:5: [columns]: questionnaire 'trust' has no item 'nope'"));
  BOOST_TEST(problems[5].starts_with("8:5: [columns]: 'nope.x' must name an item"));
  BOOST_TEST(problems[6].starts_with("10:5: [answers]: 'C' must be a scale point"));
}

BOOST_AUTO_TEST_CASE(unknown_tables_and_empty_values_are_refused) {
  const auto problems = problems_of("[colums]\n[respondent]\nrole = \"\"\nperiod = { value = \"a\\nb\" }\n");
  BOOST_REQUIRE(problems.size() == 3u);
  BOOST_TEST(problems[0] == "3:8: [respondent] 'role' must not be empty");
  BOOST_TEST(problems[1].starts_with("4:10: [respondent] 'period': the value must be a non-empty single line"));
  BOOST_TEST(problems[2].find("unknown key 'colums'; did you mean 'columns'?") != std::string::npos);
  BOOST_TEST(problems_of("not toml = = 1").size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
