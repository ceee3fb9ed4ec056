#include <boost/test/unit_test.hpp>

#include "import/column_matching.hpp"
#include "import_fixture.hpp"
#include "questionnaire_fixture.hpp"

using namespace partnerpulse;

namespace {

// The plan for `header` against `catalog`, and the problems found, as messages.
struct Matched {
  ColumnPlan plan;
  std::vector<std::string> problems;
};

Matched match(const std::vector<std::string>& header, const Catalog& catalog = test::import_catalog(),
              const ImportMapping* mapping = nullptr) {
  std::vector<SourceLocation> at;
  for (std::size_t i = 0; i < header.size(); ++i) at.push_back({"e.csv", 1, static_cast<std::uint32_t>(i + 1)});
  DiagnosticList problems;
  Matched matched{match_columns(header, at, catalog, mapping, problems), {}};
  for (const Diagnostic& d : problems.items()) matched.problems.push_back(d.message);
  return matched;
}

// "questionnaire.item" (with "#comment" for a comment), "respondent.FIELD", or "" for column `i`.
std::string target(const ColumnPlan& plan, std::size_t i) {
  const ColumnUse& use = plan.columns[i];
  switch (use.role) {
    case ColumnRole::left_out: return "";
    case ColumnRole::respondent: return std::string("respondent.") + respondent_field_name(use.field);
    case ColumnRole::answer: return use.questionnaire->id + "." + use.item->id;
    case ColumnRole::comment: return use.questionnaire->id + "." + use.item->id + "#comment";
  }
  return "?";
}

// A catalog whose ids make "a-b-c" readable two ways: questionnaire "a" item "b-c", questionnaire "a-b" item "c".
Catalog hyphen_catalog() {
  Catalog catalog;
  Questionnaire a = test::small_questionnaire();
  a.id = "a";
  a.items[0].id = "b-c";
  Questionnaire ab = test::small_questionnaire();
  ab.id = "a-b";
  ab.items[0].id = "c";
  ab.items[1].id = "d";
  catalog.add(a);
  catalog.add(ab);
  return catalog;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(column_matching)

BOOST_AUTO_TEST_CASE(normalizing_folds_case_spaces_and_punctuation) {
  BOOST_TEST(normalize_for_matching("  Our partner  listens, to us!") == "our partner listens to us");
  BOOST_TEST(normalize_for_matching("Plutôt D'ACCORD") == "plutôt d accord");
  BOOST_TEST(normalize_for_matching("STRASSE") == normalize_for_matching("straße"));
  BOOST_TEST(normalize_for_matching("?!").empty());
}

BOOST_AUTO_TEST_CASE(the_three_spellings_of_the_naming_rule_match_with_no_mapping) {
  const Matched m = match({"partnership", "group_intro/role", "period", "trust.knows-people",
                           "trust/listened-to_comment", "group/trust/good-faith", "power-balance-budget-say",
                           "trust-trust-moment", "_uuid", "email"});
  BOOST_TEST(m.problems.empty());
  BOOST_TEST(target(m.plan, 0) == "respondent.partnership");
  BOOST_TEST(target(m.plan, 1) == "respondent.role");
  BOOST_TEST(target(m.plan, 3) == "trust.knows-people");
  BOOST_TEST(target(m.plan, 4) == "trust.listened-to#comment");
  BOOST_TEST(target(m.plan, 5) == "trust.good-faith");
  BOOST_TEST(target(m.plan, 6) == "power-balance.budget-say");
  BOOST_TEST(target(m.plan, 7) == "trust.trust-moment");
  BOOST_TEST(target(m.plan, 8) == "respondent.id");
  BOOST_TEST(target(m.plan, 9) == "");
  BOOST_TEST(m.plan.questionnaires.size() == 2u);
  BOOST_TEST(m.plan.columns[3].rule == "exact name");
}

BOOST_AUTO_TEST_CASE(hyphens_are_split_by_known_ids_and_an_ambiguous_split_is_refused) {
  const Catalog catalog = hyphen_catalog();
  const Matched m = match({"partnership", "role", "period", "a-b-d", "a-b-c"}, catalog);
  BOOST_TEST(target(m.plan, 3) == "a-b.d");
  BOOST_TEST(target(m.plan, 4) == "");
  BOOST_REQUIRE(m.problems.size() == 1u);
  BOOST_TEST(m.problems[0] == "column 'a-b-c' matches several items by its name (a.b-c, a-b.c): map it in the mapping "
                              "file's [columns]");
}

BOOST_AUTO_TEST_CASE(item_texts_match_in_any_language_grid_rows_and_group_labels_included) {
  const Matched m = match({"Partnership", "ROLE", "Period:", "Notre partenaire nous écoute",
                           "Agree? [Our partner asks for our view before deciding.]",
                           "Trust/Our partner listens to us when we raise a concern.", "Your name"});
  BOOST_TEST(m.problems.empty());
  BOOST_TEST(target(m.plan, 0) == "respondent.partnership");
  BOOST_TEST(target(m.plan, 2) == "respondent.period");
  BOOST_TEST(target(m.plan, 3) == "exchange.heard");
  BOOST_TEST(m.plan.columns[3].rule == "item text (fr)");
  BOOST_TEST(target(m.plan, 4) == "exchange.asked");
  BOOST_TEST(target(m.plan, 5) == "trust.listened-to");
  BOOST_TEST(target(m.plan, 6) == "");
}

BOOST_AUTO_TEST_CASE(two_columns_for_one_item_or_detail_are_refused) {
  const Matched m = match({"partnership", "role", "period", "x/role", "trust.knows-people", "trust/knows-people"});
  BOOST_REQUIRE(m.problems.size() == 2u);
  BOOST_TEST(m.problems[0].starts_with("column 'x/role' gives the respondent's role, which column 'role' already gives"));
  BOOST_TEST(m.problems[1].starts_with("columns 'trust.knows-people' and 'trust/knows-people' both give"));
}

BOOST_AUTO_TEST_CASE(missing_respondent_details_are_reported_and_the_id_is_optional) {
  const Matched m = match({"role", "trust.knows-people"});
  BOOST_REQUIRE(m.problems.size() == 2u);
  BOOST_TEST(m.problems[0].starts_with("no column gives the respondent's partnership"));
  BOOST_TEST(m.problems[1].starts_with("no column gives the respondent's period"));
  BOOST_TEST(!m.plan.field(RespondentField::id).given());
  BOOST_TEST(describe_plan(m.plan).find("respondent id = the row number") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_mapping_comes_first_and_must_name_columns_that_exist) {
  ImportMapping mapping;
  mapping.questionnaires = {"trust"};
  mapping.respondent = {{RespondentField::partnership, false, "Which?", {}}, {RespondentField::period, true, "2024", {}},
                        {RespondentField::role, false, "Missing", {"map.toml", 4, 8}}};
  mapping.columns = {{"Q1", "trust", "knows-people", false, {}}};
  const Matched m = match({"Which?", "Q1", "period", "exchange.heard", "role"}, test::import_catalog(), &mapping);
  BOOST_TEST(target(m.plan, 0) == "respondent.partnership");
  BOOST_TEST(target(m.plan, 1) == "trust.knows-people");
  BOOST_TEST(m.plan.columns[1].rule == "mapping file");
  BOOST_TEST(target(m.plan, 3) == "");  // exchange is not among [import] questionnaires
  BOOST_TEST(*m.plan.field(RespondentField::period).value == "2024");
  BOOST_REQUIRE(m.problems.size() == 2u);
  BOOST_TEST(m.problems[0] == "the export has no column 'Missing'");
  BOOST_TEST(m.problems[1].starts_with("column 'period' gives the respondent's period, which the mapping file"));
}

BOOST_AUTO_TEST_CASE(answers_match_by_mapping_number_na_and_label) {
  const Questionnaire& exchange = *test::import_catalog().find("exchange");
  const std::vector<MappedAnswer> mapped = {{"Tout à fait d'accord", 4, {}}, {"Sans avis", std::nullopt, {}},
                                            {"Beaucoup", 9, {}}};
  const ScaleAnswers answers(exchange.scales[0], mapped);
  using Outcome = ScaleAnswers::Outcome;
  const auto value_of = [&](std::string_view text) {
    const auto found = answers.match(text);
    return found.outcome == Outcome::value ? found.value : -1;
  };
  BOOST_TEST(value_of("3") == 3);
  BOOST_TEST(value_of(" 4 ") == 4);
  BOOST_TEST(value_of("Rather agree") == 3);
  BOOST_TEST(value_of("plutôt PAS d'accord") == 2);
  BOOST_TEST(value_of("Tout à fait d'accord") == 4);
  BOOST_TEST(value_of("tout a fait d'accord") == -1);  // accents are not folded
  BOOST_TEST((answers.match("na").outcome == Outcome::not_applicable));
  BOOST_TEST((answers.match("Sans avis").outcome == Outcome::not_applicable));
  BOOST_TEST((answers.match("Not applicable").outcome == Outcome::not_applicable));
  BOOST_TEST((answers.match("don't know").outcome == Outcome::not_applicable));
  BOOST_TEST((answers.match("5").outcome == Outcome::off_scale));
  BOOST_TEST((answers.match("Beaucoup").outcome == Outcome::off_scale));
  BOOST_TEST((answers.match("Maybe").outcome == Outcome::no_match));
  BOOST_TEST(answers.accepted() == "1-4, na, or a label of scale 'agree4'");
}

BOOST_AUTO_TEST_CASE(a_label_shared_by_two_points_matches_neither) {
  Scale scale{"s", 1, 3, {LocalizedText("en", "Low"), LocalizedText("en", "Same"), LocalizedText("en", "same")}, false};
  const ScaleAnswers answers(scale, {});
  BOOST_TEST((answers.match("Low").outcome == ScaleAnswers::Outcome::value));
  BOOST_TEST((answers.match("Same").outcome == ScaleAnswers::Outcome::value));  // exact text: one point
  BOOST_TEST((answers.match("SAME").outcome == ScaleAnswers::Outcome::no_match));  // normalized: two points
  BOOST_TEST((answers.match("na").outcome == ScaleAnswers::Outcome::no_match));     // no na on this scale
}

BOOST_AUTO_TEST_SUITE_END()
