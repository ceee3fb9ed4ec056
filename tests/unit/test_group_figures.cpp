#include <boost/test/unit_test.hpp>

#include <optional>
#include <string>
#include <vector>

#include "partnerpulse/catalog.hpp"
#include "partnerpulse/scoring.hpp"
#include "scoring/group_figures.hpp"

using namespace partnerpulse;
using namespace partnerpulse::scoring;

namespace {

// One respondent's answers to the worked example's items i1, i2 (reversed) and i3; nothing: "na".
QuestionnaireAnswers answers_of(std::optional<int> i1, std::optional<int> i2, std::optional<int> i3,
                                bool i3_dont_know = false) {
  QuestionnaireAnswers answers;
  answers.questionnaire = "example";
  answers.version = "1.0";
  answers.answers = {{"i1", i1}, {"i2", i2}, {"i3", i3, 0, 0, i3_dont_know}};
  return answers;
}

bool same(const ExactStats& a, const ExactStats& b) {
  return a.count() == b.count() && a.mean() == b.mean() && a.sample_variance() == b.sample_variance();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(group_figures)

BOOST_AUTO_TEST_CASE(counted_answers_give_the_figures_of_adding_each_score) {
  const Catalog catalog = Catalog::from_folders({std::string(PARTNERPULSE_TEST_DATA) + "/worked-example"});
  const Layout layout(catalog);
  GroupFigures figures(layout), other(layout);
  ScoringScratch scratch;
  figures.add_answers(layout, 0, answers_of(5, 1, 4), "north", false, scratch);
  figures.add_answers(layout, 0, answers_of(3, 2, std::nullopt), "south", false, scratch);
  other.add_answers(layout, 0, answers_of(4, std::nullopt, std::nullopt, true), "north", false, scratch);
  other.add_answers(layout, 0, answers_of(2, 4, 1), "south", false, scratch);
  figures.merge(std::move(other));
  const GroupTotals totals = figures.totals(layout);

  // Item scores (0-100): i1 5,3,4,2 -> 100, 50, 75, 25; i2 reversed 1,2,4 -> 100, 75, 25; i3 4,1 -> 75, 0.
  ExactStats i1, i2, i3;
  for (const double score : {100.0, 50.0, 75.0, 25.0}) i1.add(score);
  for (const double score : {100.0, 75.0, 25.0}) i2.add(score);
  for (const double score : {75.0, 0.0}) i3.add(score);
  BOOST_TEST(same(totals.items[0], i1));
  BOOST_TEST(same(totals.items[1], i2));
  BOOST_TEST(same(totals.items[2], i3));
  BOOST_TEST(totals.items_not_applicable[1] == 1u);  // i2 of the third respondent
  BOOST_TEST(totals.items_not_applicable[2] == 1u);  // i3 of the second
  BOOST_TEST(totals.items_dont_know[2] == 1u);       // i3 of the third
  BOOST_TEST(totals.dimension_answers[0].answers == 12u);
  BOOST_TEST(totals.dimension_answers[0].dont_know == 1u);
  BOOST_TEST(totals.role_dimension_answers.at("north")[0].answers == 6u);
  BOOST_TEST(totals.role_dimension_answers.at("south")[0].dont_know == 0u);

  // Complete cases (every item a number): the first and the fourth respondents.
  CronbachAlpha alpha(3);
  alpha.add({100.0, 100.0, 75.0});
  alpha.add({25.0, 25.0, 0.0});
  BOOST_TEST(totals.alphas[0].respondents() == 2u);
  BOOST_REQUIRE(alpha.value(2).has_value());
  BOOST_TEST(totals.alphas[0].value(2).value_or(-1.0) == *alpha.value(2));
  // The third respondent answered one item of three (fewer than half): no dimension score.
  BOOST_TEST(figures.dimensions[0].count() == 3u);
  BOOST_TEST(figures.missing_dimension_scores == 1u);
  BOOST_TEST(figures.roles.at("north").dimensions[0].count() == 1u);
}

BOOST_AUTO_TEST_CASE(an_answer_off_its_scale_is_refused) {
  const Catalog catalog = Catalog::from_folders({std::string(PARTNERPULSE_TEST_DATA) + "/worked-example"});
  const Layout layout(catalog);
  GroupFigures figures(layout);
  ScoringScratch scratch;
  BOOST_CHECK_THROW(figures.add_answers(layout, 0, answers_of(6, 1, 1), "north", false, scratch),
                    std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
