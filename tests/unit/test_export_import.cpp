#include <sstream>

#include <boost/test/unit_test.hpp>

#include "import_fixture.hpp"
#include "partnerpulse/import.hpp"
#include "partnerpulse/scoring.hpp"

using namespace partnerpulse;

namespace {

using test::TempFolder;

const std::string key_text = std::string(64, 'a') + "\n";

ImportOptions options_for(const TempFolder& folder) {
  ImportOptions options;
  options.reading.key_path = folder.write("import.key", key_text);
  options.out_dir = (folder.root / "out").string();
  return options;
}

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(export_import)

BOOST_AUTO_TEST_CASE(is_export_path_looks_at_the_extension) {
  BOOST_TEST(is_export_path("a/export.csv"));
  BOOST_TEST(is_export_path("EXPORT.CSV"));
  BOOST_TEST(!is_export_path("responses/a.toml"));
  BOOST_TEST(!is_export_path("csv"));
}

BOOST_AUTO_TEST_CASE(one_response_file_per_row_and_nothing_unmapped) {
  TempFolder folder;
  const std::string path = folder.write("e.csv", "partnership,role,period,_uuid,trust.knows-people,Email,IP\n"
                                                 "p,north,2024,u1,4,someone@example.org,192.0.2.1\n"
                                                 "p,south,2024,u2,Agree,other@example.org,192.0.2.2\n");
  const ImportOutcome outcome = import_export(path, test::import_catalog(), options_for(folder));
  BOOST_TEST(outcome.problems.empty());
  BOOST_TEST(outcome.rows == 2u);
  BOOST_TEST(outcome.written == 2u);
  BOOST_TEST(folder.files_in("out") == 2u);
  for (const auto& entry : std::filesystem::directory_iterator(folder.root / "out")) {
    const std::string text = slurp(entry.path());
    BOOST_TEST(text.find("example.org") == std::string::npos);
    BOOST_TEST(text.find("192.0.2") == std::string::npos);
    BOOST_TEST(text.find("u1") == std::string::npos);
    BOOST_TEST(text.find("aaaa") == std::string::npos);  // the key
    BOOST_TEST(text.find("knows-people = 4") != std::string::npos);
    BOOST_TEST(entry.path().filename().string().starts_with("p-"));
  }
  BOOST_TEST(outcome.column_plan.find("  Email\n  IP\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_bad_row_writes_nothing_unless_skip_invalid) {
  TempFolder folder;
  const std::string path = folder.write("e.csv", "partnership,role,period,trust.knows-people\np,north,2024,4\n"
                                                 "p,south,2024,8\np,south,2024,2\n");
  ImportOptions options = options_for(folder);
  ImportOutcome outcome = import_export(path, test::import_catalog(), options);
  BOOST_TEST(outcome.problems.size() == 1u);
  BOOST_TEST(outcome.written == 0u);
  BOOST_TEST(folder.files_in("out") == 0u);
  options.skip_invalid = true;
  outcome = import_export(path, test::import_catalog(), options);
  BOOST_TEST(outcome.written == 2u);
  BOOST_TEST(outcome.skipped == 1u);
  BOOST_TEST(std::filesystem::exists(folder.root / "out" / "row-2.toml"));
  BOOST_TEST(!std::filesystem::exists(folder.root / "out" / "row-3.toml"));
  BOOST_TEST(std::filesystem::exists(folder.root / "out" / "row-4.toml"));
}

BOOST_AUTO_TEST_CASE(a_dry_run_writes_nothing_not_even_a_key) {
  TempFolder folder;
  const std::string path = folder.write("e.csv", "partnership,role,period,id,trust.knows-people\np,north,2024,x,4\n");
  ImportOptions options = options_for(folder);
  options.reading.key_path = (folder.root / "new.key").string();
  options.dry_run = true;
  const ImportOutcome outcome = import_export(path, test::import_catalog(), options);
  BOOST_TEST(outcome.problems.empty());
  BOOST_TEST(outcome.rows == 1u);
  BOOST_TEST(!std::filesystem::exists(folder.root / "out"));
  BOOST_TEST(!std::filesystem::exists(folder.root / "new.key"));
}

BOOST_AUTO_TEST_CASE(existing_files_are_replaced_only_with_force) {
  TempFolder folder;
  const std::string path = folder.write("e.csv", "partnership,role,period,trust.knows-people\np,north,2024,4\n");
  ImportOptions options = options_for(folder);
  BOOST_TEST(import_export(path, test::import_catalog(), options).written == 1u);
  const ImportOutcome again = import_export(path, test::import_catalog(), options);
  BOOST_TEST(again.written == 0u);
  BOOST_REQUIRE(again.problems.size() == 1u);
  BOOST_TEST(again.problems[0].message.find("already exists") != std::string::npos);
  options.force = true;
  BOOST_TEST(import_export(path, test::import_catalog(), options).written == 1u);
}

BOOST_AUTO_TEST_CASE(export_scoring_yields_tasks_that_score_every_row) {
  TempFolder folder;
  std::string text = "partnership,role,period,trust.knows-people\n";
  for (int row = 0; row < 10; ++row) text += "p,north,2024," + std::to_string(1 + row % 5) + "\n";
  const std::string path = folder.write("e.csv", text);
  ExportReading reading;
  reading.key_path = (folder.root / "unused.key").string();
  ExportScoring scoring({path}, test::import_catalog(), reading);
  BOOST_TEST(!std::filesystem::exists(reading.key_path));  // no id column: no key needed
  Scorer scorer(test::import_catalog(), ScoringOptions{});
  const PartnershipSet no_partnership_files;
  RoleSpellings spellings;
  ResponseSink sink(scorer, no_partnership_files, spellings);
  std::size_t rows = 0;
  const NextScoreTask next = scoring.tasks();
  for (ScoreTask task; next(task);) {
    const ScoreTaskOutcome done = task(sink);
    BOOST_TEST(done.problems.empty());
    rows += done.rows;
  }
  BOOST_TEST(rows == 10u);
  const Results results = scorer.finish();
  BOOST_REQUIRE(results.groups.size() == 1u);
  BOOST_TEST(spellings.size() == 1u);  // the rows' roles are resolved like those of response files
}

BOOST_AUTO_TEST_SUITE_END()
