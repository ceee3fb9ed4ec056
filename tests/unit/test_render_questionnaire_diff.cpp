// `partnerpulse diff-questionnaires` as text (src/report/render_questionnaire_diff.cpp).

#include <string>

#include <boost/test/unit_test.hpp>

#include "partnerpulse/render_compare.hpp"

using namespace partnerpulse;

BOOST_AUTO_TEST_SUITE(render_questionnaire_diff)

BOOST_AUTO_TEST_CASE(every_dimension_and_the_verdict) {
  QuestionnaireDiff diff;
  diff.old_label = "pulse 1.0 (old.toml)";
  diff.new_label = "pulse 1.1 (new.toml)";
  diff.changes = {"bands changed: a -> b"};
  diff.dimensions = {{"trust", DimensionDiff::Status::changed, false, {"item 't1' removed", "title changed"}},
                     {"power", DimensionDiff::Status::unchanged, true, {}},
                     {"voice", DimensionDiff::Status::added, true, {"dimension added"}},
                     {"old", DimensionDiff::Status::removed, false, {"dimension removed"}}};
  const std::string text = partnerpulse::render_questionnaire_diff(diff);
  BOOST_TEST(text == "pulse 1.0 (old.toml) -> pulse 1.1 (new.toml)\n"
                     "  bands changed: a -> b\n"
                     "dimension trust: changed, not comparable\n"
                     "  - item 't1' removed\n"
                     "  - title changed\n"
                     "dimension power: unchanged, comparable\n"
                     "dimension voice: added, comparable\n"
                     "  - dimension added\n"
                     "dimension old: removed, not comparable\n"
                     "  - dimension removed\n"
                     "Results are not comparable for 2 of 4 dimension(s): trust, old.\n");
  BOOST_TEST(text == partnerpulse::render_questionnaire_diff(diff));
}

BOOST_AUTO_TEST_CASE(comparable_results_say_so) {
  QuestionnaireDiff diff;
  diff.old_label = "a";
  diff.new_label = "b";
  diff.dimensions = {{"trust", DimensionDiff::Status::unchanged, true, {}}};
  BOOST_TEST(partnerpulse::render_questionnaire_diff(diff) ==
             "a -> b\ndimension trust: unchanged, comparable\n"
             "Results stay comparable: every dimension is measured the same way.\n");
}

BOOST_AUTO_TEST_CASE(terminal_escapes_and_bidi_controls_are_removed) {
  QuestionnaireDiff diff;
  diff.old_label = "pulse \x1b[2J1.0 (\xE2\x80\xAEold.toml)";
  diff.new_label = "pulse 1.1\x07";
  const std::string text = partnerpulse::render_questionnaire_diff(diff);
  BOOST_TEST(text.rfind("pulse 1.0 (old.toml) -> pulse 1.1\n", 0) == 0u, text);
}

BOOST_AUTO_TEST_SUITE_END()
