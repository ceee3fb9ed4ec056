#include <algorithm>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>
#include <fmt/format.h>

#include "partnerpulse/catalog.hpp"
#include "partnerpulse/diagnostics.hpp"
#include "partnerpulse/questionnaire_loader.hpp"
#include "partnerpulse/response.hpp"
#include "terminal/ask_session.hpp"
#include "terminal/display_width.hpp"
#include "util/text_encoding.hpp"

using namespace partnerpulse;

namespace {

// A small questionnaire: a 0-3 scale without "na", two dimensions, a reverse item, an open question.
const char* const mini_text = R"(
[questionnaire]
id = "mini"
version = "2.0"
title = "Mini check"
language = "en"
source = "unit tests"

[scales.often4]
min = 0
max = 3
labels = ["Never", "Sometimes", "Often", "Always"]

[[dimensions]]
id = "meetings"
title = "Meetings"
[dimensions.advice]
attention = "Meet more often."
developing = "Keep meeting."
strength = "Share your meeting habits."

[[dimensions]]
id = "money"
title = "Money"
[dimensions.advice]
attention = "Talk about the budget together."
developing = "Review the budget twice a year."
strength = "Keep the budget open."

[[items]]
id = "meet"
dimension = "meetings"
text = "We meet our partner."
scale = "often4"

[[items]]
id = "cancel"
dimension = "meetings"
text = "Meetings are cancelled at short notice."
scale = "often4"
reverse = true

[[items]]
id = "budget"
dimension = "money"
text = "We see the whole budget."
scale = "often4"

[[items]]
id = "idea"
kind = "text"
text = "What would help most?"
)";

std::shared_ptr<const Questionnaire> shipped(const std::string& id) {
  static std::vector<std::shared_ptr<const Questionnaire>> cache;
  for (const auto& q : cache) {
    if (q->id == id) return q;
  }
  cache.push_back(std::make_shared<const Questionnaire>(
      load_questionnaire(std::string(PARTNERPULSE_SOURCE_DIR) + "/questionnaires/archive/" + id + "-1.0.toml")));
  return cache.back();
}

std::shared_ptr<const Questionnaire> mini() {
  static const auto q = std::make_shared<const Questionnaire>(parse_questionnaire(mini_text, "mini.toml"));
  return q;
}

Respondent full_respondent() {
  Respondent r;
  r.id = "r-test01";
  r.organisation = "Org A";
  r.partnership = "p-1";
  r.role = "lead";
  r.period = "2025";
  return r;
}

// Runs sessions against in-memory "files": every save is kept and checked to parse as a valid response.
struct Harness {
  std::vector<std::shared_ptr<const Questionnaire>> owned;
  std::vector<const Questionnaire*> questionnaires;
  std::vector<std::string> saves;
  AskSettings settings;
  std::string output;
  int fail_saves = 0;  // this many saves (after the first) fail with IoError

  explicit Harness(std::vector<std::shared_ptr<const Questionnaire>> qs) : owned(std::move(qs)) {
    for (const auto& q : owned) questionnaires.push_back(q.get());
    settings.output_path = "out.toml";
    settings.today = "2025-03-04";
    settings.default_id = "r-dflt42";
    settings.default_period = "2025";
    settings.echo_input = true;
    settings.width = 1000;  // messages on one line, for easy matching (text_is_wrapped_to_the_width narrows it)
  }

  Catalog catalog() const {
    std::vector<Questionnaire> copies;
    for (const auto& q : owned) copies.push_back(*q);
    return Catalog::from_folders({}, std::move(copies));
  }

  Response last() const {
    BOOST_REQUIRE(!saves.empty());
    return parse_response(saves.back(), "out.toml", catalog());
  }

  LineInput* lines = nullptr;  // when set, read instead of `input`

  AskOutcome run(const std::string& input, Respondent given = full_respondent(),
                 const std::optional<Response>& resume = std::nullopt) {
    const Catalog cat = catalog();
    AskSession session(questionnaires, std::move(given), settings, [&](const Response& response) {
      if (!saves.empty() && fail_saves > 0) {
        --fail_saves;
        throw IoError("out.toml", "disk full");
      }
      const std::string text = write_response(response);
      // The file is always a valid response file, whatever happened before.
      BOOST_REQUIRE_NO_THROW(parse_response(text, "out.toml", cat));
      BOOST_TEST(is_valid_utf8(text));
      BOOST_TEST((!text.empty() && text.back() == '\n'));
      saves.push_back(text);
    });
    if (resume) session.resume(*resume);
    std::istringstream stream(input);
    StreamInput from_stream(stream);
    std::ostringstream out;
    const AskOutcome outcome = session.run(lines ? *lines : static_cast<LineInput&>(from_stream), out);
    output = out.str();
    last_error = session.last_save_error();
    return outcome;
  }
  std::string last_error;

  bool said(const std::string& text) const { return output.find(text) != std::string::npos; }
  std::size_t count(const std::string& text) const {
    std::size_t n = 0;
    for (std::size_t at = output.find(text); at != std::string::npos; at = output.find(text, at + 1)) ++n;
    return n;
  }
};

const Answer* answer(const Response& r, const std::string& questionnaire, const std::string& item) {
  const QuestionnaireAnswers* answers = r.find(questionnaire);
  return answers ? answers->find(item) : nullptr;
}

const Comment* find_text(const std::vector<Comment>& texts, const std::string& item) {
  for (const auto& c : texts) {
    if (c.item == item) return &c;
  }
  return nullptr;
}

const Comment* comment(const Response& r, const std::string& questionnaire, const std::string& item) {
  const QuestionnaireAnswers* answers = r.find(questionnaire);
  return answers ? find_text(answers->comments, item) : nullptr;
}

const Comment* open_answer(const Response& r, const std::string& questionnaire, const std::string& item) {
  const QuestionnaireAnswers* answers = r.find(questionnaire);
  return answers ? find_text(answers->open_answers, item) : nullptr;
}

// Input events as a terminal gives them: lines, resizes and stop signals, then the end.
struct ScriptedInput final : LineInput {
  std::vector<std::pair<InputEvent, std::string>> events;
  std::size_t next = 0;
  InputEvent read(InputLine& line) override {
    if (next >= events.size()) return InputEvent::ended;
    const auto& [event, text] = events[next++];
    line = InputLine{text, false};
    return event;
  }
};

// The first screen drawn in `output`: everything up to the end of the first answer prompt.
std::string first_screen(const std::string& output) {
  const std::string prompt = "Your answer (1-5 or na):";
  const std::size_t at = output.find(prompt);
  return at == std::string::npos ? output : output.substr(0, at + prompt.size());
}

std::size_t line_count(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
}

std::string repeat(const std::string& line, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += line;
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ask_session)

BOOST_AUTO_TEST_CASE(every_key) {
  Harness h({shipped("trust")});
  // 1: 4; 2: na; 3: empty, unknown, off scale, comment, then back to 2, help, skip (2 keeps na), 3: 2; 4: quit.
  const AskOutcome outcome = h.run("4\nna\n\nxyz\n9\nc\nA comment, with \"quotes\"\nb\n?\ns\n2\nq\n");
  BOOST_TEST(static_cast<int>(outcome) == static_cast<int>(AskOutcome::quit));
  BOOST_TEST(h.said("Nothing typed"));
  BOOST_TEST(h.said("Not an answer"));
  BOOST_TEST(h.said("9 is off the scale"));
  BOOST_TEST(h.said("Comment saved."));
  BOOST_TEST(h.said("Keys (type one, then Enter):"));
  BOOST_TEST(h.said("Saved 3 of 12 answers to out.toml."));
  BOOST_TEST(h.said("1/12"));
  BOOST_TEST(h.said("Strongly disagree"));
  BOOST_TEST(h.said("Personal relationships"));
  const Response r = h.last();
  BOOST_TEST(!r.complete);
  BOOST_TEST(*answer(r, "trust", "knows-people")->value == 4);
  BOOST_TEST(!answer(r, "trust", "values-discussed")->value.has_value());  // na
  BOOST_TEST(*answer(r, "trust", "expectations-known")->value == 2);
  BOOST_TEST(!answer(r, "trust", "paper-only"));
  BOOST_TEST(comment(r, "trust", "expectations-known")->text == "A comment, with \"quotes\"");
  // Saved after the first details, every answer, the comment, back, skip and quit.
  BOOST_TEST(h.saves.size() >= 7u);
  BOOST_TEST(r.respondent.date == "2025-03-04");
}

BOOST_AUTO_TEST_CASE(the_same_question_is_asked_again_after_a_bad_key) {
  Harness h({shipped("trust")});
  h.run("maybe\nq\n");
  BOOST_TEST(h.count("We know the people we work with") == 2u);
  BOOST_TEST(h.count("2/12") == 0u);
}

BOOST_AUTO_TEST_CASE(back_over_the_first_item) {
  Harness h({shipped("trust")});
  h.run("b\nback\n3\nq\n");
  BOOST_TEST(h.count("nothing to go back to") == 2u);
  BOOST_TEST(*answer(h.last(), "trust", "knows-people")->value == 3);
}

BOOST_AUTO_TEST_CASE(keys_are_case_and_width_insensitive) {
  Harness h({shipped("trust")});
  h.run(" NA \n\xEF\xBC\x94\n+5\nQ\n");  // "NA", full-width 4, +5
  const Response r = h.last();
  BOOST_TEST(!answer(r, "trust", "knows-people")->value.has_value());
  BOOST_TEST(*answer(r, "trust", "values-discussed")->value == 4);
  BOOST_TEST(*answer(r, "trust", "expectations-known")->value == 5);
}

BOOST_AUTO_TEST_CASE(off_scale_and_odd_numbers) {
  Harness h({mini()});
  h.run("4\n-1\n1.5\n99999999999999999999\n0\nq\n");
  BOOST_TEST(h.said("4 is off the scale: answer with a whole number from 0 to 3."));
  BOOST_TEST(h.said("-1 is off the scale"));
  BOOST_TEST(h.said("Answer with a whole number from 0 to 3."));
  BOOST_TEST(h.said("That number is off the scale"));
  BOOST_TEST(*answer(h.last(), "mini", "meet")->value == 0);
}

BOOST_AUTO_TEST_CASE(na_where_the_scale_does_not_allow_it) {
  Harness h({mini()});
  h.run("na\n2\nq\n");
  BOOST_TEST(h.said("This question has no 'not applicable' answer"));
  BOOST_TEST(!h.said("na not applicable"));  // not offered on the scale shown
  BOOST_TEST(*answer(h.last(), "mini", "meet")->value == 2);
}

BOOST_AUTO_TEST_CASE(dont_know_is_its_own_key_where_the_scale_allows_it) {
  Harness h({std::make_shared<const Questionnaire>(
      load_questionnaire(std::string(PARTNERPULSE_SOURCE_DIR) + "/questionnaires/trust.toml"))});
  h.run("dk\nna\nq\n");
  BOOST_TEST(h.said("na not applicable"));
  BOOST_TEST(h.said("dk don't know"));
  BOOST_TEST(h.said("Your answer (1-5 or na or dk): "));
  const Response saved = h.last();  // the answers below point into it
  const Answer* dont_know = answer(saved, "trust", "knows-people");
  BOOST_TEST((dont_know->dont_know && !dont_know->value));
  const Answer* not_applicable = answer(saved, "trust", "values-discussed");
  BOOST_TEST((!not_applicable->dont_know && !not_applicable->value));
  BOOST_TEST(h.saves.back().find("knows-people = \"dont-know\"") != std::string::npos);

  Harness m({mini()});
  m.run("dk\n2\nq\n");
  BOOST_TEST(m.said("This question has no 'don't know' answer"));
  BOOST_TEST(*answer(m.last(), "mini", "meet")->value == 2);
}

BOOST_AUTO_TEST_CASE(a_very_long_line_is_refused_without_harm) {
  Harness h({shipped("trust")});
  const std::string huge(200 * 1024, '4');
  h.run(huge + "\n4\nq\n");
  BOOST_TEST(h.said("too long to be an answer"));
  BOOST_TEST(*answer(h.last(), "trust", "knows-people")->value == 4);
  BOOST_TEST(h.output.size() < 100u * 1024u);  // the line is not echoed in full
}

BOOST_AUTO_TEST_CASE(a_very_long_comment_is_cut) {
  Harness h({shipped("trust")});
  h.run("c\n" + repeat("\xC3\xA9", 100 * 1024) + "\nq\n");
  const Response r = h.last();
  const Comment* c = comment(r, "trust", "knows-people");
  BOOST_REQUIRE(c);
  BOOST_TEST(c->text.size() <= max_comment_bytes);
  BOOST_TEST(c->text.size() > max_comment_bytes - 4);
  BOOST_TEST(is_valid_utf8(c->text));
  BOOST_TEST(h.said("cut to its first 8 KiB"));
}

BOOST_AUTO_TEST_CASE(binary_junk_never_reaches_the_file) {
  Harness h({shipped("trust")});
  const std::string junk("\xFF\xFE\x00\x1b[31m\x07\xC3\x28\x80", 12);
  h.run(junk + "\nc\n" + junk + "ok" + junk + "\n" + std::string("\x00\x00\x00", 3) + "\n5\nq\n");
  BOOST_TEST(h.said("Not an answer"));
  const Response r = h.last();
  BOOST_TEST(*answer(r, "trust", "knows-people")->value == 5);
  const Comment* c = comment(r, "trust", "knows-people");
  BOOST_REQUIRE(c);
  BOOST_TEST(is_valid_utf8(c->text));
  BOOST_TEST(c->text.find('\x1b') == std::string::npos);
  BOOST_TEST(c->text.find('\x07') == std::string::npos);
  BOOST_TEST(c->text.find('\0') == std::string::npos);
  BOOST_TEST(c->text.find("ok") != std::string::npos);
  BOOST_TEST(c->text.find("\xEF\xBF\xBD") != std::string::npos);  // U+FFFD for the invalid bytes
  BOOST_TEST(h.output.find('\x1b') == std::string::npos);
}

BOOST_AUTO_TEST_CASE(comment_cancel_replace_and_remove) {
  Harness h({shipped("trust")});
  h.run("c\n\nc\nfirst\nc\nsecond\nq\n");
  BOOST_TEST(h.said("No comment added."));
  BOOST_TEST(comment(h.last(), "trust", "knows-people")->text == "second");
  Harness g({shipped("trust")});
  g.run("c\nfirst\nc\n-\nq\n");
  BOOST_TEST(g.said("Comment removed."));
  BOOST_TEST(!comment(g.last(), "trust", "knows-people"));
}

BOOST_AUTO_TEST_CASE(end_of_input_mid_comment_saves_and_says_so) {
  Harness h({shipped("trust")});
  const AskOutcome outcome = h.run("4\nc");
  BOOST_TEST(static_cast<int>(outcome) == static_cast<int>(AskOutcome::input_ended));
  BOOST_TEST(h.said("Input ended; 1 answer saved to out.toml. Run the same command again to resume."));
  BOOST_TEST(*answer(h.last(), "trust", "knows-people")->value == 4);
  BOOST_TEST(!comment(h.last(), "trust", "values-discussed"));
}

BOOST_AUTO_TEST_CASE(a_last_line_without_newline_counts) {
  Harness h({shipped("trust")});
  const AskOutcome outcome = h.run("4\n5");
  BOOST_TEST(static_cast<int>(outcome) == static_cast<int>(AskOutcome::input_ended));
  BOOST_TEST(*answer(h.last(), "trust", "values-discussed")->value == 5);
}

BOOST_AUTO_TEST_CASE(empty_input_saves_an_empty_incomplete_response) {
  Harness h({shipped("trust")});
  const AskOutcome outcome = h.run("");
  BOOST_TEST(static_cast<int>(outcome) == static_cast<int>(AskOutcome::input_ended));
  BOOST_TEST(h.saves.size() >= 1u);
  BOOST_TEST(!h.last().complete);
  BOOST_TEST(h.last().find("trust")->answers.empty());
}

BOOST_AUTO_TEST_CASE(missing_respondent_details_are_asked_with_defaults) {
  Harness h({mini()});
  Respondent given;
  given.role = "funder";
  h.run("\n  My Org  \n\nP-9\n\n1\nq\n", given);
  BOOST_TEST(h.said("Your respondent id (a pseudonym; never printed in reports) [r-dflt42]: "));
  BOOST_TEST(h.said("Please type partnership again: it must not be empty."));
  BOOST_TEST(!h.said("Your organisation's role"));  // given as an option
  const Response r = h.last();
  BOOST_TEST(r.respondent.id == "r-dflt42");
  BOOST_TEST(r.respondent.organisation == "My Org");
  BOOST_TEST(r.respondent.partnership == "P-9");
  BOOST_TEST(r.respondent.role == "funder");
  BOOST_TEST(r.respondent.period == "2025");
  BOOST_TEST(*answer(r, "mini", "meet")->value == 1);
}

BOOST_AUTO_TEST_CASE(declared_roles_and_periods_are_offered_as_choices) {
  Harness h({mini()});
  h.settings.role_choices = {"funder", "implementer"};
  h.settings.period_choices = {"2025-q1", "2024"};
  h.settings.default_period = "2025-q1";
  Respondent given = full_respondent();
  given.role.clear();
  given.period.clear();
  h.run("south\n2\n\n1\nq\n", given);
  BOOST_TEST(h.said("The partnership file declares: 1 funder, 2 implementer."));
  BOOST_TEST(h.said("Please choose the role by its number or name: 1 funder, 2 implementer."));
  BOOST_TEST(h.said("The partnership file declares: 1 2025-q1, 2 2024."));
  const Response r = h.last();
  BOOST_TEST(r.respondent.role == "implementer");  // by its number
  BOOST_TEST(r.respondent.period == "2025-q1");    // the default, the newest declared period
}

BOOST_AUTO_TEST_CASE(input_ending_during_the_details_saves_nothing) {
  Harness h({mini()});
  const AskOutcome outcome = h.run("r-1\nOrg\n", Respondent{});
  BOOST_TEST(static_cast<int>(outcome) == static_cast<int>(AskOutcome::nothing_saved));
  BOOST_TEST(h.saves.empty());
  Harness q({mini()});
  BOOST_TEST(static_cast<int>(q.run("q\n", Respondent{})) == static_cast<int>(AskOutcome::quit));
  BOOST_TEST(q.saves.empty());
}

BOOST_AUTO_TEST_CASE(resume_starts_at_the_first_unanswered_item) {
  Harness h({shipped("trust"), shipped("roles")});
  h.run("4\n4\nc\nkept\n2\nq\n");
  const Response first = h.last();
  Respondent same;
  same.role = "lead";  // matches; other details come from the file
  h.run("5\nq\n", same, first);
  BOOST_TEST(h.said("Resuming: 3 of 25 answered in out.toml."));
  BOOST_TEST(h.said("Continuing at question 4/25."));
  const Response second = h.last();
  BOOST_TEST(*answer(second, "trust", "knows-people")->value == 4);
  BOOST_TEST(*answer(second, "trust", "expectations-known")->value == 2);
  BOOST_TEST(comment(second, "trust", "expectations-known")->text == "kept");
  BOOST_TEST(*answer(second, "trust", "paper-only")->value == 5);
  BOOST_TEST(second.respondent.organisation == "Org A");
}

BOOST_AUTO_TEST_CASE(resuming_and_saving_changes_nothing) {
  Harness h({mini(), shipped("trust")});
  h.run("1\n2\n3\nAn idea\n4\nc\nA note\nq\n");
  // A comment on the open question, as a person might add by hand: kept although `ask` never writes one itself.
  const std::string edited = h.saves.back() + "\n[comments.mini]\nidea = \"About the idea\"\n";
  const Response before = parse_response(edited, "out.toml", h.catalog());
  h.run("q\n", Respondent{}, before);
  const std::string once = h.saves.back();
  BOOST_TEST(once.find("idea = \"About the idea\"") != std::string::npos);
  BOOST_TEST(once.find("idea = \"An idea\"") != std::string::npos);
  h.run("q\n", Respondent{}, parse_response(once, "out.toml", h.catalog()));
  BOOST_TEST(h.saves.back() == once);
}

BOOST_AUTO_TEST_CASE(resume_carries_on_after_the_furthest_item_and_offers_skipped_ones_at_the_end) {
  Harness h({mini()});
  h.run("s\n2\n3\nq\n");  // meet skipped, cancel and budget answered, quit at the open question
  h.run("An idea\n1\n", Respondent{}, h.last());
  BOOST_TEST(h.said("Continuing at question 4/4."));
  BOOST_TEST(h.said("1 question is still unanswered; here it is again"));
  BOOST_TEST(h.count("Meetings are cancelled") == 0u);
  BOOST_TEST(*answer(h.last(), "mini", "meet")->value == 1);
  BOOST_TEST(h.last().complete);
}

BOOST_AUTO_TEST_CASE(resume_after_the_last_item_goes_to_the_skipped_ones) {
  Harness h({mini()});
  h.run("s\n2\n3\nAn idea\ns\n");  // meet skipped twice
  h.run("0\n", Respondent{}, h.last());
  BOOST_TEST(h.said("Resuming: 3 of 4 answered in out.toml."));
  BOOST_TEST(h.said("1 question is still unanswered; here it is again"));
  BOOST_TEST(*answer(h.last(), "mini", "meet")->value == 0);
  BOOST_TEST(h.last().complete);
}

BOOST_AUTO_TEST_CASE(resume_refuses_other_details_or_questionnaires) {
  Harness h({shipped("trust")});
  h.run("4\nq\n");
  const Response first = h.last();
  Respondent other = full_respondent();
  other.role = "funder";
  BOOST_CHECK_EXCEPTION(h.run("", other, first), UsageError, [](const UsageError& e) {
    return std::string(e.what()).find("role is 'lead' in the file, not 'funder'") != std::string::npos;
  });
  Harness g({shipped("trust"), shipped("roles")});
  BOOST_CHECK_EXCEPTION(g.run("", full_respondent(), first), UsageError, [](const UsageError& e) {
    return std::string(e.what()).find("holds answers to 'trust', not to 'trust', 'roles'") != std::string::npos;
  });
}

BOOST_AUTO_TEST_CASE(a_finished_session_is_complete_with_feedback) {
  Harness h({mini()});
  // meet 3 (100), cancel 3 reversed (0): meetings 50, making progress; budget 0: money 0, needs attention.
  const AskOutcome outcome = h.run("3\n3\n0\nMore openness.\n");
  BOOST_TEST(static_cast<int>(outcome) == static_cast<int>(AskOutcome::finished));
  const Response r = h.last();
  BOOST_TEST(r.complete);
  BOOST_TEST(open_answer(r, "mini", "idea")->text == "More openness.");
  BOOST_TEST(!comment(r, "mini", "idea"));
  BOOST_TEST(h.said("Your results"));
  BOOST_TEST(h.said(" 50.0  making progress"));
  BOOST_TEST(h.said("  0.0  needs attention"));
  BOOST_TEST(h.said("Weakest: Money (Mini check), 0.0, needs attention"));
  BOOST_TEST(h.said("Talk about the budget together."));
  BOOST_TEST(h.said("Saved to out.toml: all 3 scored questions answered; the file is marked complete."));
}

BOOST_AUTO_TEST_CASE(dimensions_with_too_few_answers_have_no_score) {
  Harness h({mini()});
  h.run("s\ns\ns\n\ns\ns\ns\n");  // nothing answered; the second pass is skipped too
  BOOST_TEST(h.said("too few answers for a score"));
  BOOST_TEST(h.said("No dimension has a score yet"));
  BOOST_TEST(!h.last().complete);
}

BOOST_AUTO_TEST_CASE(skipped_items_are_offered_again_once) {
  Harness h({mini()});
  const AskOutcome outcome = h.run("1\ns\n2\n\n3\n");
  BOOST_TEST(static_cast<int>(outcome) == static_cast<int>(AskOutcome::finished));
  BOOST_TEST(h.said("1 question is still unanswered; here it is again"));
  BOOST_TEST(h.last().complete);
  BOOST_TEST(*answer(h.last(), "mini", "cancel")->value == 3);
}

BOOST_AUTO_TEST_CASE(open_questions) {
  Harness h({mini()});
  h.run("1\n1\n1\nc\n?\n\n");
  BOOST_TEST(h.said("This is an open question"));
  BOOST_TEST(h.said("Enter alone skips the question"));
  BOOST_TEST(!open_answer(h.last(), "mini", "idea"));
  BOOST_TEST(h.last().complete);  // open questions are not needed for a complete response
}

BOOST_AUTO_TEST_CASE(save_failures_are_reported_and_retried) {
  Harness h({mini()});
  h.fail_saves = 1;
  const AskOutcome outcome = h.run("1\n2\nq\n");
  BOOST_TEST(static_cast<int>(outcome) == static_cast<int>(AskOutcome::quit));
  BOOST_TEST(h.said("Could not save to out.toml"));
  BOOST_TEST(*answer(h.last(), "mini", "meet")->value == 1);  // kept in memory, saved with the next answer
  BOOST_TEST(*answer(h.last(), "mini", "cancel")->value == 2);

  Harness g({mini()});
  g.fail_saves = 100;
  BOOST_TEST(static_cast<int>(g.run("1\nq\n")) == static_cast<int>(AskOutcome::save_failed));
  BOOST_TEST(g.last_error.find("disk full") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_first_save_failing_stops_before_asking) {
  Harness h({mini()});
  AskSession session(h.questionnaires, full_respondent(), h.settings,
                     [](const Response&) { throw IoError("out.toml", "permission denied"); });
  std::istringstream in("1\n");
  std::ostringstream out;
  BOOST_CHECK_THROW(session.run(in, out), IoError);
}

BOOST_AUTO_TEST_CASE(text_is_wrapped_to_the_width) {
  Harness h({shipped("trust")});
  h.settings.width = 30;
  h.run("q\n");
  BOOST_TEST(h.said("We know the people we work\nwith in the partner\norganisation personally.\n"));
  BOOST_TEST(h.said("   1  Strongly disagree\n"));
}

BOOST_AUTO_TEST_CASE(a_scale_that_fits_is_shown_on_one_line) {
  Harness h({mini()});
  h.settings.width = 100;
  h.run("q\n");
  BOOST_TEST(h.said("  0 Never   1 Sometimes   2 Often   3 Always\n"));
}

BOOST_AUTO_TEST_CASE(colour_and_redraw_only_when_asked) {
  Harness h({mini()});
  h.run("q\n");
  BOOST_TEST(h.output.find('\x1b') == std::string::npos);
  Harness c({mini()});
  c.settings.colour = true;
  c.settings.redraw = true;
  c.run("x\nq\n");
  BOOST_TEST(c.said("\x1b[H\x1b[2J"));
  BOOST_TEST(c.said("Not an answer"));
}

BOOST_AUTO_TEST_CASE(translations_are_used_when_asked) {
  Harness h({shipped("trust")});
  h.settings.language = "fr";
  h.run("q\n");
  BOOST_TEST(h.said("Confiance et relations"));
}

BOOST_AUTO_TEST_CASE(all_answered_already) {
  Harness h({mini()});
  h.run("1\n1\n1\nidea\n");
  h.run("", Respondent{}, h.last());
  BOOST_TEST(h.said("All 4 questions are answered already."));
  BOOST_TEST(h.said("Your results"));
}

BOOST_AUTO_TEST_CASE(a_question_fits_a_small_screen_whole) {
  Harness h({shipped("trust"), shipped("power-balance"), shipped("roles"), shipped("communication")});
  h.settings.width = 40;
  h.settings.height = 15;
  h.settings.redraw = true;  // without colour: no escape codes, screens simply follow each other
  h.settings.echo_input = false;
  h.run("x\nq\n");
  const std::string first = first_screen(h.output);
  BOOST_TEST(line_count(first) <= 15u);
  BOOST_TEST(first.rfind("1/51  Trust and relationships\n", 0) == 0u);
  BOOST_TEST(first.find("We know the people we work with in the\npartner organisation personally.") != std::string::npos);
  BOOST_TEST(first.find("1 Strongly disagree") != std::string::npos);
  BOOST_TEST(first.find("5 Strongly agree") != std::string::npos);
  // After the wrong key: the same question, whole, with the explanation.
  const std::string again = first_screen(h.output.substr(first.size() + 1));  // after the prompt's space
  BOOST_TEST(line_count(again) <= 15u);
  BOOST_TEST(again.find("1/51  Trust and relationships") != std::string::npos);
  BOOST_TEST(again.find("partner organisation personally.") != std::string::npos);
  BOOST_TEST(again.find("Not an answer") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_stop_signal_saves_and_prints_the_command_that_resumes) {
  Harness h({shipped("trust")});
  h.settings.resume_command = "partnerpulse ask trust -o 'my file.toml'";
  ScriptedInput input;
  input.events = {{InputEvent::line, "4"}, {InputEvent::resized, ""}, {InputEvent::line, "2"},
                  {InputEvent::stopped, ""}};
  h.lines = &input;
  BOOST_TEST(static_cast<int>(h.run("")) == static_cast<int>(AskOutcome::stopped));
  BOOST_TEST(h.said("Stopped; 2 of 12 answers are saved in out.toml. To resume: partnerpulse ask trust -o "
                    "'my file.toml'\n"));
  BOOST_TEST(*answer(h.last(), "trust", "values-discussed")->value == 2);
  BOOST_TEST(h.count("2/12") == 2u);  // drawn again at once after the resize
}

BOOST_AUTO_TEST_CASE(a_stop_signal_between_result_pages_says_the_answers_are_saved) {
  Harness h({mini()});
  h.settings.height = 6;
  h.settings.pages = true;
  h.settings.review_command = "partnerpulse ask --review out.toml";
  ScriptedInput input;
  input.events = {{InputEvent::line, "1"}, {InputEvent::line, "2"}, {InputEvent::line, "3"},
                  {InputEvent::line, "An idea"}, {InputEvent::stopped, ""}};
  h.lines = &input;
  BOOST_TEST(static_cast<int>(h.run("")) == static_cast<int>(AskOutcome::stopped));
  BOOST_TEST(h.said("Press Enter for more (page 1 of "));
  BOOST_TEST(h.said("Stopped; 4 of 4 answers are saved in out.toml. To change an answer: partnerpulse ask --review "
                    "out.toml"));
  BOOST_TEST(h.last().complete);
}

BOOST_AUTO_TEST_CASE(a_stop_signal_during_the_details_saves_nothing) {
  Harness h({mini()});
  ScriptedInput input;
  input.events = {{InputEvent::line, "r-1"}, {InputEvent::stopped, ""}};
  h.lines = &input;
  BOOST_TEST(static_cast<int>(h.run("", Respondent{})) == static_cast<int>(AskOutcome::stopped));
  BOOST_TEST(h.said("Stopped; nothing was saved."));
  BOOST_TEST(h.saves.empty());
}

BOOST_AUTO_TEST_CASE(quitting_prints_the_command_that_resumes) {
  Harness h({mini()});
  h.settings.width = 40;
  h.settings.resume_command = "partnerpulse ask mini -o 'a long file name for the answers.toml'";
  h.run("1\nq\n");
  // Too long for one line: the sentence is wrapped, the command has a line of its own, never broken.
  BOOST_TEST(h.said("Saved 1 of 4 answers to out.toml. To\nresume:\n  partnerpulse ask mini -o 'a long file name for "
                    "the answers.toml'\n"));
}

BOOST_AUTO_TEST_CASE(missing_respondent_details_are_named_as_options) {
  Respondent partial;
  partial.id = "r-1";
  partial.role = "lead";
  BOOST_TEST(missing_respondent_options(partial) ==
                 (std::vector<std::string>{"--organisation", "--partnership", "--period"}),
             boost::test_tools::per_element());
  BOOST_TEST(missing_respondent_options(full_respondent()).empty());
}

BOOST_AUTO_TEST_CASE(review_lists_answers_and_changes_the_one_chosen) {
  Harness h({mini()});
  h.run("1\n2\n3\nAn idea\n");
  h.settings.review = true;
  h.settings.resume_command = "partnerpulse ask --review out.toml";
  const AskOutcome outcome = h.run("2\n0\n9\n4\n\nq\n", Respondent{}, h.last());
  BOOST_TEST(static_cast<int>(outcome) == static_cast<int>(AskOutcome::quit));
  BOOST_TEST(h.said("Your answers in out.toml: 4 of 4 answered."));
  BOOST_TEST(h.said("  1  1     We meet our partner."));
  BOOST_TEST(h.said("  2  2     Meetings are cancelled at short notice."));
  BOOST_TEST(h.said("  4  text  What would help most?"));
  BOOST_TEST(h.said("Current answer: 2 Often"));
  BOOST_TEST(h.said("  2  0     Meetings are cancelled"));  // the list again, with the new answer
  BOOST_TEST(h.said("Type a question's number from 1 to 4"));
  BOOST_TEST(h.said("Saved 4 of 4 answers to out.toml. To resume: partnerpulse ask --review out.toml"));
  BOOST_TEST(*answer(h.last(), "mini", "cancel")->value == 0);
  BOOST_TEST(*answer(h.last(), "mini", "meet")->value == 1);  // Enter alone on question 4 kept it as it was
  BOOST_TEST(open_answer(h.last(), "mini", "idea")->text == "An idea");
  BOOST_TEST(h.last().complete);
}

BOOST_AUTO_TEST_CASE(results_are_paged_on_a_small_screen) {
  Harness h({shipped("trust"), shipped("power-balance"), shipped("roles"), shipped("communication")});
  h.settings.width = 80;
  h.settings.height = 24;
  h.settings.pages = true;
  h.run(repeat("4\n", 51) + "\n\n\n");
  const std::size_t results = h.output.find("Your results");
  BOOST_REQUIRE(results != std::string::npos);
  const std::size_t more = h.output.find("Press Enter for more (page 1 of ", results);
  BOOST_REQUIRE(more != std::string::npos);
  BOOST_TEST(line_count(h.output.substr(results, more - results)) <= 24u);
  BOOST_TEST(h.said("all 47 scored questions answered"));
}

BOOST_AUTO_TEST_SUITE_END()

// ---- right-to-left sessions ---------------------------------------------------------------------------------------

namespace {

// The mini questionnaire's first item and title with Arabic translations.
std::shared_ptr<const Questionnaire> mini_arabic() {
  std::string text = mini_text;
  const auto swap = [&text](const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    BOOST_REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
  };
  swap("title = \"Mini check\"", "title = { en = \"Mini check\", ar = \"فحص صغير\" }");
  swap("text = \"We meet our partner.\"", "text = { en = \"We meet our partner.\", ar = \"نلتقي بشريكنا.\" }");
  static const auto q = std::make_shared<const Questionnaire>(parse_questionnaire(text, "mini.toml"));
  return q;
}

const std::string first_strong_isolate_utf8 = "\xE2\x81\xA8";
const std::string pop_directional_isolate_utf8 = "\xE2\x81\xA9";

}  // namespace

BOOST_AUTO_TEST_CASE(an_arabic_session_isolates_latin_runs_in_arabic_lines_only) {
  Harness h({mini_arabic()});
  h.settings.language = "ar";
  h.settings.resume_command = "partnerpulse ask mini -o out.toml --language ar";
  h.run("q\n");
  // The progress figure sits beside the Arabic title: isolated. The prompt has no Arabic letter: left as it is.
  BOOST_TEST(h.said(first_strong_isolate_utf8 + "1/4" + pop_directional_isolate_utf8 + "  فحص صغير"));
  BOOST_TEST(h.said("نلتقي بشريكنا."));
  BOOST_TEST(h.said("\nYour answer (0-3): "));
  // The command to resume: on a line of its own, never isolated, so that it is copied as it is.
  BOOST_TEST(h.said("\n  partnerpulse ask mini -o out.toml --language ar\n"));
  BOOST_TEST(!h.said(first_strong_isolate_utf8 + "partnerpulse"));
  BOOST_TEST(display_width(h.output.substr(0, h.output.find('\n'))) <= h.settings.width);
}

BOOST_AUTO_TEST_CASE(a_left_to_right_session_writes_no_isolates) {
  Harness h({mini_arabic()});
  h.settings.resume_command = "partnerpulse ask mini -o out.toml";
  h.run("q\n");
  BOOST_TEST(!h.said(first_strong_isolate_utf8));
  BOOST_TEST(!h.said(pop_directional_isolate_utf8));
  BOOST_TEST(h.said("Saved 0 of 4 answers to out.toml. To resume: partnerpulse ask mini -o out.toml"));
}
