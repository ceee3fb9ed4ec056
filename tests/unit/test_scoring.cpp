#include <algorithm>
#include <fstream>
#include <sstream>

#include <boost/test/unit_test.hpp>
#include <fmt/format.h>

#include "partnerpulse/catalog.hpp"
#include "partnerpulse/files.hpp"
#include "partnerpulse/questionnaire_loader.hpp"
#include "partnerpulse/report_job.hpp"
#include "partnerpulse/response.hpp"
#include "partnerpulse/scoring.hpp"

using namespace partnerpulse;
namespace tt = boost::test_tools;

namespace {

const std::string worked = std::string(PARTNERPULSE_TEST_DATA) + "/worked-example";

Catalog worked_catalog() { return Catalog::from_folders({worked}); }

Results score_worked_example(std::size_t threads = 1) {
  const Catalog catalog = worked_catalog();
  ThreadPool pool(threads);
  auto outcome = score_files(collect_toml_files({worked + "/responses"}), catalog, ScoringOptions{}, pool);
  BOOST_REQUIRE(outcome.problems.empty());
  return outcome.results;
}

// A response to the worked example's questionnaire; `answers` like "i1 = 4\ni2 = 2".
std::string response_text(const std::string& id, const std::string& role, const std::string& answers,
                          const std::string& extra = "") {
  return fmt::format(
      "[respondent]\nid = \"{}\"\norganisation = \"Org\"\npartnership = \"p\"\nrole = \"{}\"\nperiod = \"2024\"\n{}\n"
      "[questionnaires]\nexample = \"1.0\"\n\n[answers.example]\n{}\n",
      id, role, extra, answers);
}

Results score_texts(const Catalog& catalog, const std::vector<std::string>& texts, ScoringOptions options = {}) {
  Scorer scorer(catalog, options);
  for (std::size_t i = 0; i < texts.size(); ++i) {
    BOOST_REQUIRE(scorer.add(parse_response(texts[i], fmt::format("r{}.toml", i), catalog)).empty());
  }
  return scorer.finish();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(scoring)

BOOST_AUTO_TEST_CASE(item_score_reverses_and_rescales) {
  const Scale scale{"s", 1, 5, {}, false};
  BOOST_TEST(item_score(scale, false, 1) == 0.0);
  BOOST_TEST(item_score(scale, false, 4) == 75.0);
  BOOST_TEST(item_score(scale, true, 2) == 75.0);
  BOOST_TEST(item_score(scale, true, 5) == 0.0);
  const Scale zero_to_ten{"z", 0, 10, {}, false};
  BOOST_TEST(item_score(zero_to_ten, false, 7) == 70.0, tt::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(worked_example_matches_the_hand_computation) {
  const Results results = score_worked_example();
  BOOST_REQUIRE_EQUAL(results.groups.size(), 1u);
  const GroupResult& group = results.groups[0];
  BOOST_TEST(group.partnership == "worked-example");
  BOOST_TEST(group.respondents == 6u);
  BOOST_REQUIRE_EQUAL(group.dimensions.size(), 1u);
  const DimensionResult& trust = group.dimensions[0];
  BOOST_TEST(trust.n == 6u);
  BOOST_TEST(*trust.index == (87.5 + 62.5 + 81.25 + 25 + 200.0 / 3 + 68.75) / 6, tt::tolerance(1e-12));
  BOOST_TEST(*trust.sd == 21.87665337666991, tt::tolerance(1e-12));
  BOOST_TEST(*trust.scale_mean == 3.6111111111111107, tt::tolerance(1e-12));
  BOOST_TEST(*trust.alpha == 1.5 * (1.0 - 2000.0 / 5187.5), tt::tolerance(1e-12));
  BOOST_TEST(trust.alpha_n == 5u);
  BOOST_TEST(trust.band->id == "progressing");
  BOOST_TEST(trust.advice.text() == "Agree on one concrete step to build trust.");
  BOOST_TEST(*group.overall_index == *trust.index);

  BOOST_REQUIRE_EQUAL(group.roles.size(), 2u);
  BOOST_TEST(group.roles[0].role == "north");
  BOOST_TEST(*group.roles[0].dimensions[0].index == 77.08333333333333, tt::tolerance(1e-12));
  BOOST_TEST(*group.roles[1].dimensions[0].index == 53.47222222222222, tt::tolerance(1e-12));
  BOOST_REQUIRE_EQUAL(group.gaps.size(), 1u);
  BOOST_TEST(*group.gaps[0].gap == 23.6);  // 77.1 - 53.5: the role indexes as printed
  BOOST_TEST(group.gaps[0].flagged);
  BOOST_TEST(group.gaps[0].highest_role == "north");
  BOOST_TEST(group.gaps[0].lowest_role == "south");

  BOOST_REQUIRE_EQUAL(group.attention_items.size(), 3u);
  BOOST_TEST(group.attention_items[0].id == "i1");
  BOOST_TEST(*group.attention_items[0].index == 62.5);
  BOOST_TEST(group.attention_items[1].id == "i2");
  BOOST_TEST(group.attention_items[1].n == 5u);
  BOOST_TEST(group.attention_items[1].not_applicable == 1u);
}

BOOST_AUTO_TEST_CASE(the_documentation_shows_the_numbers_the_test_checks) {
  std::ifstream doc(std::string(PARTNERPULSE_SOURCE_DIR) + "/docs/scoring.md");
  std::stringstream text;
  text << doc.rdbuf();
  const Results results = score_worked_example();
  const GroupResult& group = results.groups[0];
  const auto shown = [&](double value, int decimals) {
    const std::string formatted = fmt::format("**{:.{}f}**", value, decimals);
    BOOST_TEST_INFO("docs/scoring.md shows " << formatted);
    BOOST_TEST(text.str().find(formatted) != std::string::npos);
  };
  shown(*group.dimensions[0].index, 2);
  shown(*group.dimensions[0].sd, 2);
  shown(*group.dimensions[0].scale_mean, 2);
  shown(*group.dimensions[0].alpha, 2);
  shown(*group.roles[0].dimensions[0].index, 2);
  shown(*group.roles[1].dimensions[0].index, 2);
  shown(*group.gaps[0].gap, 1);
}

BOOST_AUTO_TEST_CASE(results_do_not_depend_on_the_number_of_threads) {
  const Results one = score_worked_example(1);
  const Results two = score_worked_example(2);
  BOOST_TEST(*one.groups[0].dimensions[0].index == *two.groups[0].dimensions[0].index);
  BOOST_TEST(*one.groups[0].dimensions[0].alpha == *two.groups[0].dimensions[0].alpha);
}

BOOST_AUTO_TEST_CASE(finishing_on_several_threads_gives_the_same_groups_in_the_same_order) {
  const Catalog catalog = worked_catalog();
  Scorer scorer(catalog, {});
  // 40 groups (enough for finish to use threads), each with 3 respondents whose answers differ by group.
  for (int g = 0; g < 40; ++g) {
    for (int r = 0; r < 3; ++r) {
      std::string text = response_text(fmt::format("r{}", r), "south",
                                        fmt::format("i1 = {}\ni2 = {}\ni3 = {}", 1 + g % 5, 1 + r, 5 - r));
      text.replace(text.find("partnership = \"p\""), 17, fmt::format("partnership = \"p{:02}\"", g));
      scorer.add(parse_response(text, fmt::format("g{}r{}.toml", g, r), catalog));
    }
  }
  ThreadPool pool(4);
  const Results one = scorer.finish(), four = scorer.finish(&pool);
  BOOST_REQUIRE(one.groups.size() == 40u);
  BOOST_REQUIRE(four.groups.size() == 40u);
  for (std::size_t g = 0; g < 40; ++g) {
    BOOST_TEST(one.groups[g].partnership == fmt::format("p{:02}", g));
    BOOST_TEST(four.groups[g].partnership == one.groups[g].partnership);
    BOOST_TEST((four.groups[g].overall_index == one.groups[g].overall_index));
    BOOST_TEST(four.groups[g].attention_items.size() == one.groups[g].attention_items.size());
  }
  BOOST_TEST(one.groups[0].overall_index.value() != one.groups[1].overall_index.value());
}

BOOST_AUTO_TEST_CASE(merging_scorers_equals_scoring_together) {
  const Catalog catalog = worked_catalog();
  const auto files = collect_toml_files({worked + "/responses"});
  Scorer together(catalog, {}), left(catalog, {});
  Scorer right = left.empty_like();  // shares left's slots: merges the same as a scorer of its own
  for (std::size_t i = 0; i < files.size(); ++i) {
    const Response response = load_response(files[i], catalog);
    together.add(response);
    (i < 3 ? left : right).add(response);
  }
  BOOST_TEST(left.merge(std::move(right)).empty());
  const Results a = together.finish(), b = left.finish();
  BOOST_TEST(a.groups[0].respondents == b.groups[0].respondents);
  BOOST_TEST(*a.groups[0].dimensions[0].index == *b.groups[0].dimensions[0].index);  // exact: bit for bit
  BOOST_TEST(*a.groups[0].dimensions[0].sd == *b.groups[0].dimensions[0].sd);
  BOOST_TEST(*a.groups[0].dimensions[0].alpha == *b.groups[0].dimensions[0].alpha);
  BOOST_TEST(*a.groups[0].gaps[0].gap == *b.groups[0].gaps[0].gap);
}

BOOST_AUTO_TEST_CASE(a_dimension_with_fewer_than_half_its_items_answered_is_missing) {
  const Catalog catalog = worked_catalog();
  const Questionnaire& q = *catalog.find("example");
  const Response half = parse_response(response_text("a", "x", "i1 = 5\ni2 = \"na\""), "a.toml", catalog);
  BOOST_TEST(!dimension_scores(q, half.questionnaires[0])[0].has_value());
  const Response enough = parse_response(response_text("b", "x", "i1 = 5\ni3 = 1"), "b.toml", catalog);
  BOOST_TEST(*dimension_scores(q, enough.questionnaires[0])[0] == (100.0 + 0.0) / 3.0, tt::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(a_group_smaller_than_the_minimum_shows_no_figures) {
  const Catalog catalog = worked_catalog();
  const Results results = score_texts(catalog, {response_text("a", "x", "i1 = 5\ni2 = 1\ni3 = 5"),
                                                response_text("b", "x", "i1 = 1\ni2 = 5\ni3 = 1")});
  const GroupResult& group = results.groups[0];
  BOOST_TEST(group.withheld);
  BOOST_TEST(group.respondents == 2u);
  BOOST_TEST(!group.overall_index.has_value());
  BOOST_TEST(group.dimensions.empty());
  BOOST_TEST(group.attention_items.empty());
  BOOST_TEST(group.role_counts.empty());
}

BOOST_AUTO_TEST_CASE(a_small_role_is_withheld_and_the_next_smallest_too_when_it_could_be_worked_out) {
  const Catalog catalog = worked_catalog();
  std::vector<std::string> texts;
  const auto add = [&](const std::string& role, int count, const std::string& answers) {
    for (int i = 0; i < count; ++i) texts.push_back(response_text(fmt::format("{}-{}", role, i), role, answers));
  };
  add("a", 5, "i1 = 5\ni2 = 1\ni3 = 5");
  add("b", 4, "i1 = 3\ni2 = 3\ni3 = 3");
  add("c", 1, "i1 = 1\ni2 = 5\ni3 = 1");  // alone: must never be recoverable
  const GroupResult group = score_texts(catalog, texts).groups[0];
  BOOST_REQUIRE_EQUAL(group.roles.size(), 1u);
  BOOST_TEST(group.roles[0].role == "a");
  BOOST_REQUIRE_EQUAL(group.withheld_roles.size(), 2u);
  BOOST_TEST(group.withheld_roles[0].role == "b");  // withheld to protect c
  BOOST_TEST(group.withheld_roles[1].role == "c");
  BOOST_TEST(!group.gaps[0].gap.has_value());  // a gap needs two roles shown
}

BOOST_AUTO_TEST_CASE(gaps_below_the_threshold_are_not_flagged) {
  const Catalog catalog = worked_catalog();
  std::vector<std::string> texts;
  for (int i = 0; i < 3; ++i) texts.push_back(response_text(fmt::format("a{}", i), "a", "i1 = 4\ni2 = 2\ni3 = 4"));
  for (int i = 0; i < 3; ++i) texts.push_back(response_text(fmt::format("b{}", i), "b", "i1 = 4\ni2 = 3\ni3 = 4"));
  ScoringOptions options;
  const GroupResult group = score_texts(catalog, texts, options).groups[0];
  BOOST_TEST(*group.gaps[0].gap == 6.2);  // 60.4 - 54.2, the role indexes as printed (6.25 unrounded)
  BOOST_TEST(!group.gaps[0].flagged);
  options.gap_threshold = 5.0;
  BOOST_TEST(score_texts(catalog, texts, options).groups[0].gaps[0].flagged);
}

BOOST_AUTO_TEST_CASE(incomplete_responses_are_counted_and_left_out) {
  const Catalog catalog = worked_catalog();
  std::vector<std::string> texts;
  for (int i = 0; i < 3; ++i) texts.push_back(response_text(fmt::format("a{}", i), "a", "i1 = 4\ni2 = 2\ni3 = 4"));
  texts.push_back(response_text("z", "a", "i1 = 1", "status = \"incomplete\"\n"));
  const GroupResult group = score_texts(catalog, texts).groups[0];
  BOOST_TEST(group.respondents == 3u);
  BOOST_TEST(group.incomplete_skipped == 1u);
  BOOST_TEST(*group.dimensions[0].index == 75.0, tt::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(a_respondent_answering_the_same_questionnaire_twice_is_an_error) {
  const Catalog catalog = worked_catalog();
  Scorer scorer(catalog, {});
  BOOST_TEST(scorer.add(parse_response(response_text("a", "x", "i1 = 4"), "one.toml", catalog)).empty());
  const std::vector<Diagnostic> twice = scorer.add(parse_response(response_text("a", "x", "i1 = 5"), "two.toml", catalog));
  BOOST_REQUIRE_EQUAL(twice.size(), 1u);
  BOOST_TEST(twice[0].location.path == "two.toml");
  BOOST_TEST(twice[0].location.line == 9u);  // the questionnaire's line in [questionnaires]
  BOOST_TEST(twice[0].message == "respondent 'a' answers questionnaire 'example' a second time in partnership "
                                 "'p', period '2024'; one.toml:1:1 already holds these answers");
  Scorer roles(catalog, {});
  BOOST_TEST(roles.add(parse_response(response_text("a", "x", "i1 = 4"), "one.toml", catalog)).empty());
  const std::vector<Diagnostic> two_roles = roles.add(parse_response(response_text("a", "y", "i1 = 4"), "two.toml", catalog));
  BOOST_REQUIRE_EQUAL(two_roles.size(), 1u);
  BOOST_TEST(two_roles[0].location.line == 1u);
  BOOST_TEST(two_roles[0].message == "respondent 'a' has role 'y' here but 'x' in one.toml:1:1 (partnership "
                                     "'p', period '2024'); a respondent has one role");
}

BOOST_AUTO_TEST_CASE(respondents_are_told_apart_by_their_exact_id) {
  // Ids that differ in one character, in case, or by a trailing space are different respondents.
  const Catalog catalog = worked_catalog();
  Scorer scorer(catalog, {});
  for (const char* id : {"r1", "R1", "r1 ", "r10", "r01"}) {
    BOOST_TEST(scorer.add(parse_response(response_text(id, "x", "i1 = 4"), "f.toml", catalog)).empty());
  }
  BOOST_TEST(scorer.finish().groups[0].respondents == 5u);
}

BOOST_AUTO_TEST_CASE(merging_reports_every_respondent_scored_in_two_chunks_where_it_was_read) {
  const Catalog catalog = worked_catalog();
  Scorer first(catalog, {}), second(catalog, {});
  first.add(parse_response(response_text("b", "x", "i1 = 3"), "zero.toml", catalog));
  first.add(parse_response(response_text("a", "x", "i1 = 4"), "one.toml", catalog));
  first.add(parse_response(response_text("d", "x", "i1 = 4"), "four.toml", catalog));
  second.add(parse_response(response_text("c", "x", "i1 = 2"), "two.toml", catalog));
  second.add(parse_response(response_text("a", "x", "i1 = 5"), "three.toml", catalog));  // same questionnaire
  second.add(parse_response(response_text("d", "y", "i1 = 5"), "five.toml", catalog));   // another role
  std::vector<Diagnostic> conflicts = first.merge(std::move(second));
  BOOST_REQUIRE_EQUAL(conflicts.size(), 2u);
  std::sort(conflicts.begin(), conflicts.end(),
            [](const Diagnostic& a, const Diagnostic& b) { return a.location.path < b.location.path; });
  BOOST_TEST(conflicts[0].location.path == "five.toml");
  BOOST_TEST(conflicts[0].location.line == 1u);  // its [respondent] table
  BOOST_TEST(conflicts[0].message == "respondent 'd' has role 'y' here but 'x' in four.toml:1:1 (partnership "
                                     "'p', period '2024'); a respondent has one role");
  BOOST_TEST(conflicts[1].location.path == "three.toml");
  BOOST_TEST(conflicts[1].location.line == 9u);  // the questionnaire's line in [questionnaires]
  BOOST_TEST(conflicts[1].message == "respondent 'a' answers questionnaire 'example' a second time in partnership "
                                     "'p', period '2024'; one.toml:1:1 already holds these answers");

  // Distinct respondents from two chunks merge without conflict into one count.
  Scorer left(catalog, {}), right(catalog, {});
  for (const char* id : {"a", "b"}) left.add(parse_response(response_text(id, "x", "i1 = 4"), "l.toml", catalog));
  for (const char* id : {"c", "d"}) right.add(parse_response(response_text(id, "x", "i1 = 4"), "r.toml", catalog));
  BOOST_TEST(left.merge(std::move(right)).empty());
  BOOST_TEST(left.finish().groups[0].respondents == 4u);
}

BOOST_AUTO_TEST_CASE(comments_are_collected_sorted_only_when_asked) {
  const Catalog catalog = worked_catalog();
  std::vector<std::string> texts;
  for (const char* comment : {"zeta", "alpha", "mid"}) {
    texts.push_back(response_text(comment, "a", "i1 = 4\ni2 = 2\ni3 = 5") +
                    fmt::format("\n[comments.example]\ni1 = \"{}\"\n", comment));
  }
  BOOST_TEST(score_texts(catalog, texts).groups[0].comments.empty());
  ScoringOptions options;
  options.collect_comments = true;
  const GroupResult group = score_texts(catalog, texts, options).groups[0];
  BOOST_REQUIRE_EQUAL(group.comments.size(), 1u);
  BOOST_TEST(group.comments[0].comments == (std::vector<std::string>{"alpha", "mid", "zeta"}),
             tt::per_element());
}

// Issue 15: a comment must not stand beside "funder: 1 (withheld)". Comments of a withheld role, of the role withheld
// to protect it, and of a role whose cell of the item's dimension is withheld are left out and counted; the rest
// are kept, the same for any order of the responses.
BOOST_AUTO_TEST_CASE(comments_of_withheld_roles_and_cells_are_left_out_and_counted) {
  const Catalog catalog = worked_catalog();
  std::vector<std::string> texts;
  const auto add = [&](const std::string& id, const std::string& role, const std::string& answers) {
    texts.push_back(response_text(id, role, answers) +
                    fmt::format("\n[comments.example]\ni1 = \"{} of {}\"\n", role, id));
  };
  for (const char* id : {"s1", "s2", "s3", "s4"}) add(id, "south", "i1 = 4\ni2 = 2\ni3 = 5");
  for (const char* id : {"n1", "n2", "n3"}) add(id, "north", "i1 = 3\ni2 = 3\ni3 = 3");
  for (const char* id : {"x1", "x2", "x3"}) add(id, "east", "i1 = 3\ni2 = 3\ni3 = 3");
  add("f1", "funder", "i1 = 1\ni2 = 5\ni3 = 1");
  ScoringOptions options;
  options.collect_comments = true;
  GroupResult group = score_texts(catalog, texts, options).groups[0];
  // funder (1) is withheld, and so is one role of 3 (east, the first smallest in name order) to protect it.
  BOOST_REQUIRE_EQUAL(group.comments.size(), 1u);
  BOOST_TEST(group.comments[0].comments ==
                 (std::vector<std::string>{"north of n1", "north of n2", "north of n3", "south of s1", "south of s2",
                                           "south of s3", "south of s4"}),
             tt::per_element());
  BOOST_TEST(group.comments_withheld == 4u);
  std::reverse(texts.begin(), texts.end());
  const GroupResult reversed = score_texts(catalog, texts, options).groups[0];
  BOOST_TEST(reversed.comments[0].comments == group.comments[0].comments, tt::per_element());
  BOOST_TEST(reversed.comments_withheld == 4u);

  // A role shown overall but whose cell of the dimension is withheld: two of north answer too few items to score.
  texts.clear();
  for (const char* id : {"s1", "s2", "s3"}) add(id, "south", "i1 = 4\ni2 = 2\ni3 = 5");
  for (const char* id : {"t1", "t2", "t3"}) add(id, "west", "i1 = 4\ni2 = 2\ni3 = 5");
  add("n1", "north", "i1 = 3\ni2 = 3\ni3 = 3");
  add("n2", "north", "i1 = 3");
  add("n3", "north", "i1 = 3");
  group = score_texts(catalog, texts, options).groups[0];
  for (const auto& comment : group.comments[0].comments) BOOST_TEST(comment.find("north") == std::string::npos);
  BOOST_TEST(group.comments_withheld >= 3u);
}

// "dont-know" answers stay out of every index; their share is shown per dimension and per role shown when it
// reaches 20% (as printed); the balanced index counts each role shown once.
BOOST_AUTO_TEST_CASE(dont_know_shares_and_the_balanced_index) {
  std::string text = read_text_file(worked + "/example.toml");
  text.replace(text.find("allow_na = true\n"), 16, "allow_na = true\nallow_dont_know = true\n");
  Catalog catalog;
  catalog.add(parse_questionnaire(text, "example.toml"));
  std::vector<std::string> texts;
  for (int i = 0; i < 4; ++i) texts.push_back(response_text(fmt::format("a-{}", i), "a", "i1 = 5\ni2 = 1\ni3 = 5"));
  for (int i = 0; i < 3; ++i) {
    texts.push_back(response_text(fmt::format("b-{}", i), "b", "i1 = \"dont-know\"\ni2 = 3\ni3 = 3"));
  }
  const GroupResult group = score_texts(catalog, texts).groups[0];
  BOOST_REQUIRE_EQUAL(group.roles.size(), 2u);
  BOOST_TEST(*group.roles[1].dimensions[0].index == 50.0);  // "dont-know" is not a score
  BOOST_TEST(*group.roles[1].dimensions[0].dont_know_share == 3.0 / 9.0, tt::tolerance(1e-12));
  BOOST_TEST(!group.roles[0].dimensions[0].dont_know_share.has_value());  // none: not notable
  BOOST_TEST(!group.dimensions[0].dont_know_share.has_value());           // 3 of 21 answers: 14%, not notable
  BOOST_TEST(*group.overall_index == (4 * 100.0 + 3 * 50.0) / 7, tt::tolerance(1e-12));
  BOOST_TEST(*group.balanced_index == 75.0, tt::tolerance(1e-12));
  const auto i1 = std::find_if(group.attention_items.begin(), group.attention_items.end(),
                               [](const ItemResult& item) { return item.id == "i1"; });
  BOOST_REQUIRE(i1 != group.attention_items.end());
  BOOST_TEST(i1->dont_know == 3u);
  BOOST_TEST(i1->not_applicable == 0u);
  BOOST_TEST(i1->n == 4u);
}

// Each response is scored with the version it answered (the archived 1.0 or the current 2.0), and one respondent
// may still answer a questionnaire only once per period, whatever the versions.
BOOST_AUTO_TEST_CASE(versions_are_scored_apart_and_a_respondent_answers_one_version) {
  const Catalog catalog = Catalog::from_folders({std::string(PARTNERPULSE_SOURCE_DIR) + "/questionnaires"});
  const auto response = [](const std::string& id, const std::string& version, const std::string& answers) {
    return fmt::format("[respondent]\nid = \"{}\"\norganisation = \"O\"\npartnership = \"p\"\nrole = \"r\"\n"
                       "period = \"2024\"\n\n[questionnaires]\ntrust = \"{}\"\n\n[answers.trust]\n{}\n",
                       id, version, answers);
  };
  const Response old = parse_response(response("a", "1.0", "double-check = 2"), "a.toml", catalog);
  const Response current = parse_response(response("b", "2.0", "extra-checks = 2"), "b.toml", catalog);
  Scorer scorer(catalog, ScoringOptions{});
  BOOST_TEST(scorer.add(old).empty());
  BOOST_TEST(scorer.add(current).empty());
  const Response again = parse_response(response("a", "2.0", "extra-checks = 2"), "c.toml", catalog);
  const std::vector<Diagnostic> conflicts = scorer.add(again);
  BOOST_REQUIRE_EQUAL(conflicts.size(), 1u);
  BOOST_TEST(conflicts[0].message.find("'trust'") != std::string::npos);
  const Results results = scorer.finish();
  BOOST_REQUIRE_EQUAL(results.groups[0].questionnaires.size(), 2u);
  BOOST_TEST(results.groups[0].questionnaires[0].version == "1.0");
  BOOST_TEST(results.groups[0].questionnaires[1].version == "2.0");
}

BOOST_AUTO_TEST_CASE(one_role_shown_gives_no_balanced_index) {
  const Catalog catalog = worked_catalog();
  std::vector<std::string> texts;
  for (int i = 0; i < 3; ++i) texts.push_back(response_text(fmt::format("a-{}", i), "a", "i1 = 5\ni2 = 1\ni3 = 5"));
  const GroupResult group = score_texts(catalog, texts).groups[0];
  BOOST_TEST(group.overall_index.has_value());
  BOOST_TEST(!group.balanced_index.has_value());
}

BOOST_AUTO_TEST_SUITE_END()
