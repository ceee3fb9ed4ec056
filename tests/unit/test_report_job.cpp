// Scoring many files (src/scoring/report_job.cpp): the same problem in many files listed once, and questionnaires
// found beside the responses.

#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "partnerpulse/report_job.hpp"

using namespace partnerpulse;

namespace {

Diagnostic problem(const std::string& path, std::uint32_t line, const std::string& message) {
  Diagnostic diagnostic;
  diagnostic.location = {path, line, 1};
  diagnostic.message = message;
  return diagnostic;
}

const std::string worked = std::string(PARTNERPULSE_TEST_DATA) + "/worked-example";

}  // namespace

BOOST_AUTO_TEST_SUITE(report_job)

BOOST_AUTO_TEST_CASE(a_message_repeated_in_several_files_is_listed_once_with_a_count) {
  std::vector<Diagnostic> problems = {
      problem("a.toml", 10, "unknown questionnaire 'x'"), problem("a.toml", 12, "other"),
      problem("b.toml", 10, "unknown questionnaire 'x'"), problem("c.toml", 10, "unknown questionnaire 'x'"),
      problem("c.toml", 0, "and 3 more problems in this file"), problem("d.toml", 0, "and 3 more problems in this file"),
      problem("d.toml", 4, "other")};
  collapse_repeated_problems(problems);
  BOOST_REQUIRE_EQUAL(problems.size(), 4u);
  BOOST_TEST(problems[0].message == "unknown questionnaire 'x' (the same in 2 more files)");
  BOOST_TEST(problems[0].location.path == "a.toml");
  BOOST_TEST(problems[1].message == "other (the same in 1 more file)");
  // Lines without a position speak of their own file: never merged.
  BOOST_TEST(problems[2].message == "and 3 more problems in this file");
  BOOST_TEST(problems[3].location.path == "d.toml");
}

BOOST_AUTO_TEST_CASE(questionnaires_beside_the_responses_are_used_when_the_search_path_lacks_them) {
  ThreadPool pool(1);
  const ScoreFilesOutcome outcome = score_paths({worked}, {"/nonexistent/folder"}, ScoringOptions{}, pool);
  BOOST_TEST(outcome.problems.empty());
  BOOST_TEST(outcome.results.groups.size() == 1u);
  const ScoreFilesOutcome nowhere = score_paths({worked + "/responses"}, {}, ScoringOptions{}, pool);
  BOOST_REQUIRE(!nowhere.problems.empty());
  BOOST_TEST(nowhere.problems.front().message.find("unknown questionnaire 'example'") != std::string::npos,
             nowhere.problems.front().message);
}

BOOST_AUTO_TEST_SUITE_END()
