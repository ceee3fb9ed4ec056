// What changed between two questionnaire versions, and whether results stay comparable
// (src/compare/questionnaire_diff.cpp).

#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "partnerpulse/compare.hpp"
#include "questionnaire_fixture.hpp"

using namespace partnerpulse;
using namespace partnerpulse::test;

namespace {

using Strings = std::vector<std::string>;
using Status = DimensionDiff::Status;

const DimensionDiff& dimension(const QuestionnaireDiff& diff, const std::string& id) {
  for (const DimensionDiff& d : diff.dimensions) {
    if (d.id == id) return d;
  }
  BOOST_FAIL("no dimension " << id);
  return diff.dimensions.front();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(questionnaire_diff)

BOOST_AUTO_TEST_CASE(a_new_version_with_the_same_items_is_unchanged_and_comparable) {
  const QuestionnaireDiff diff = diff_questionnaires(small_questionnaire("1.0"), small_questionnaire("1.1"));
  BOOST_TEST(diff.old_label == "pulse 1.0 (pulse-1.0.toml)");
  BOOST_TEST(diff.new_label == "pulse 1.1 (pulse-1.1.toml)");
  BOOST_TEST(diff.changes.empty());
  BOOST_TEST_REQUIRE(diff.dimensions.size() == 2u);
  BOOST_TEST((dimension(diff, "trust").status == Status::unchanged));
  BOOST_TEST(dimension(diff, "trust").changes.empty());
  BOOST_TEST(diff.comparable());
}

BOOST_AUTO_TEST_CASE(the_same_version_number_is_pointed_out) {
  const QuestionnaireDiff diff = diff_questionnaires(small_questionnaire("1.0"), small_questionnaire("1.0"));
  BOOST_TEST((diff.changes == Strings{"the version is still 1.0"}));
  BOOST_TEST(diff.comparable());
}

BOOST_AUTO_TEST_CASE(changes_to_the_measure_make_a_dimension_not_comparable) {
  Questionnaire now = small_questionnaire("2.0");
  now.items.erase(now.items.begin());                        // t1 removed
  item_of(now, "t2")->scale = "s7";                          // rescaled
  item_of(now, "p1")->reverse = true;                        // reversed
  now.items.push_back(scale_item("t3", "trust", "New."));    // added
  const QuestionnaireDiff diff = diff_questionnaires(small_questionnaire("1.0"), now);
  const DimensionDiff& trust = dimension(diff, "trust");
  BOOST_TEST((trust.status == Status::changed));
  BOOST_TEST(!trust.comparable);
  BOOST_TEST((trust.changes == Strings{"item 't1' removed", "item 't2' rescaled (1-5 -> 1-7)", "item 't3' added"}));
  const DimensionDiff& power = dimension(diff, "power");
  BOOST_TEST(!power.comparable);
  BOOST_TEST((power.changes == Strings{"item 'p1' reversed"}));
  BOOST_TEST(!diff.comparable());
}

BOOST_AUTO_TEST_CASE(a_reweighted_item_is_not_comparable) {
  Questionnaire now = small_questionnaire("2.0");
  item_of(now, "p1")->weight = 2.0;
  const QuestionnaireDiff diff = diff_questionnaires(small_questionnaire("1.0"), now);
  const DimensionDiff& power = dimension(diff, "power");
  BOOST_TEST(!power.comparable);
  BOOST_TEST((power.changes == Strings{"item 'p1' reweighted (1 -> 2)"}));
}

BOOST_AUTO_TEST_CASE(a_moved_item_names_the_other_dimension) {
  Questionnaire now = small_questionnaire("2.0");
  item_of(now, "t2")->dimension = "power";
  const QuestionnaireDiff diff = diff_questionnaires(small_questionnaire("1.0"), now);
  BOOST_TEST((dimension(diff, "trust").changes == Strings{"item 't2' moved to dimension 'power'"}));
  BOOST_TEST((dimension(diff, "power").changes == Strings{"item 't2' moved from dimension 'trust'"}));
  BOOST_TEST(!dimension(diff, "trust").comparable);
  BOOST_TEST(!dimension(diff, "power").comparable);
}

BOOST_AUTO_TEST_CASE(wording_title_advice_and_replaces_keep_results_comparable) {
  Questionnaire now = small_questionnaire("2.0");
  item_of(now, "t1")->text = LocalizedText("en", "We trust them a lot.");
  item_of(now, "t2")->id = "t2b";
  item_of(now, "t2b")->replaces = "t2";
  now.dimensions[0].title = LocalizedText("en", "Trust and respect");
  now.dimensions[0].advice = {{"developing", LocalizedText("en", "Keep going.")}};
  const QuestionnaireDiff diff = diff_questionnaires(small_questionnaire("1.0"), now);
  const DimensionDiff& trust = dimension(diff, "trust");
  BOOST_TEST((trust.status == Status::changed));
  BOOST_TEST(trust.comparable);
  BOOST_TEST((trust.changes == Strings{"item 't1' reworded", "item 't2b' replaces 't2' (counted as the same item)",
                                       "title changed", "advice for band 'developing' changed",
                                       "advice for band 'attention' changed"}));
  BOOST_TEST(diff.comparable());
}

BOOST_AUTO_TEST_CASE(added_translations_are_not_a_rewording) {
  Questionnaire now = small_questionnaire("2.0");
  item_of(now, "t1")->text.set("fr", "Nous leur faisons confiance.");
  now.dimensions[0].title.set("ar", "الثقة");
  const QuestionnaireDiff diff = diff_questionnaires(small_questionnaire("1.0"), now);
  BOOST_TEST((dimension(diff, "trust").status == Status::unchanged));
  BOOST_TEST(dimension(diff, "trust").changes.empty());
}

BOOST_AUTO_TEST_CASE(a_changed_translation_is_a_rewording) {
  Questionnaire before = small_questionnaire("1.0");
  item_of(before, "t1")->text.set("fr", "Nous leur faisons confiance.");
  Questionnaire now = small_questionnaire("2.0");
  item_of(now, "t1")->text.set("fr", "Nous avons confiance en eux.");
  const QuestionnaireDiff diff = diff_questionnaires(before, now);
  BOOST_TEST((dimension(diff, "trust").changes == Strings{"item 't1' reworded"}));
}

BOOST_AUTO_TEST_CASE(dimensions_removed_and_added) {
  Questionnaire now = small_questionnaire("2.0");
  now.dimensions[1].id = "voice";
  item_of(now, "p1")->dimension = "voice";
  const QuestionnaireDiff diff = diff_questionnaires(small_questionnaire("1.0"), now);
  BOOST_TEST_REQUIRE(diff.dimensions.size() == 3u);
  BOOST_TEST(diff.dimensions[1].id == "power");  // the old dimensions in order, then the added ones
  BOOST_TEST((diff.dimensions[1].status == Status::removed));
  BOOST_TEST(!diff.dimensions[1].comparable);
  BOOST_TEST((diff.dimensions[1].changes == Strings{"dimension removed"}));
  BOOST_TEST(diff.dimensions[2].id == "voice");
  BOOST_TEST((diff.dimensions[2].status == Status::added));
  BOOST_TEST(diff.dimensions[2].comparable);
  BOOST_TEST(!diff.comparable());
}

BOOST_AUTO_TEST_CASE(bands_changed_are_said_but_keep_indexes_comparable) {
  Questionnaire now = small_questionnaire("2.0");
  now.bands[0].upper = 40.0;
  const QuestionnaireDiff diff = diff_questionnaires(small_questionnaire("1.0"), now);
  BOOST_TEST((diff.changes == Strings{"bands changed: attention below 50.0, progressing below 75.0, strength -> "
                                      "attention below 40.0, progressing below 75.0, strength (indexes stay "
                                      "comparable; their bands and advice may differ)"}));
  BOOST_TEST(diff.comparable());
}

BOOST_AUTO_TEST_CASE(another_questionnaire_id_is_never_comparable) {
  Questionnaire now = small_questionnaire("2.0");
  now.id = "pulse-2";
  const QuestionnaireDiff diff = diff_questionnaires(small_questionnaire("1.0"), now);
  BOOST_TEST(diff.changes.at(0) == "questionnaire id changed from 'pulse' to 'pulse-2': results are matched by id, so "
                                   "none can be compared");
  BOOST_TEST(!dimension(diff, "trust").comparable);
  BOOST_TEST(!diff.comparable());
}

BOOST_AUTO_TEST_SUITE_END()
