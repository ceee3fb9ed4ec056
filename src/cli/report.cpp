#include <chrono>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include <fmt/ranges.h>

#include "cli/commands.hpp"
#include "partnerpulse/catalog.hpp"
#include "partnerpulse/files.hpp"
#include "partnerpulse/render.hpp"
#include "partnerpulse/report_job.hpp"
#include "partnerpulse/thread_pool.hpp"
#include "partnerpulse/version.hpp"

namespace partnerpulse {

namespace {

// The values given to `partnerpulse report`.
struct ReportOptions {
  std::vector<std::string> paths;
  std::vector<std::string> questionnaire_folders;
  std::string format = "markdown";
  std::string output;
  bool force = false;
  bool comments = false;
  double gap_threshold = 15.0;
  int min_group = 3;
  int attention_items = 5;
  int jobs = 0;
  std::string date;
  std::string language;
};

// True for YYYY-MM-DD naming a day of the calendar (no 2024-02-30).
bool looks_like_date(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (const std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  const int year = std::stoi(text.substr(0, 4));
  const auto month = static_cast<unsigned>((text[5] - '0') * 10 + (text[6] - '0'));
  const auto day = static_cast<unsigned>((text[8] - '0') * 10 + (text[9] - '0'));
  return std::chrono::year_month_day(std::chrono::year(year), std::chrono::month(month), std::chrono::day(day)).ok();
}

// Scores the responses given and writes the report in the format asked for, to standard output or -o FILE.
int run_report(const ReportOptions& options, Console& console) {
  if (!options.date.empty() && !looks_like_date(options.date)) {
    throw UsageError(
        fmt::format("--date must be a day of the calendar as YYYY-MM-DD, such as 2024-10-12, not \"{}\"", options.date));
  }
  if (options.force && options.output.empty()) throw UsageError("--force only applies with -o FILE");
  const RunInputs inputs{options.paths};
  const Overwrite overwrite = options.force ? Overwrite::allow : Overwrite::refuse;
  if (!options.output.empty()) check_output_target(options.output, overwrite, inputs);  // before any work
  TomlFileStream files(options.paths);
  const Catalog catalog = Catalog::from_folders(questionnaire_search_path(options.questionnaire_folders));

  ScoringOptions scoring;
  scoring.gap_threshold = options.gap_threshold;
  scoring.min_group = static_cast<std::size_t>(options.min_group);
  scoring.collect_comments = options.comments;
  scoring.attention_items = static_cast<std::size_t>(options.attention_items);
  ThreadPool pool(static_cast<std::size_t>(options.jobs));
  ScoreFilesOutcome outcome = score_files(files, catalog, scoring, pool);
  if (!outcome.problems.empty()) throw InputError(std::move(outcome.problems));
  if (outcome.results.groups.empty()) {
    throw InputError(SourceLocation{}, fmt::format("no response files found in {} (a response file has a [respondent] "
                                                   "table)", fmt::join(options.paths, ", ")));
  }
  if (outcome.questionnaire_files_skipped > 0) {
    console.err << fmt::format("partnerpulse: note: {} questionnaire file(s) among the responses were skipped\n",
                               outcome.questionnaire_files_skipped);
  }

  RenderOptions render;
  render.language = options.language;
  render.date = options.date;
  render.tool_version = version();
  render.comments = options.comments;
  std::string text;
  if (options.format == "json") {
    // Groups are independent: rendered on the command's pool, then assembled in order (same bytes as render_json).
    std::vector<std::string> groups(outcome.results.groups.size());
    parallel_for(pool, groups.size(), 8,
                 [&](std::size_t i) { groups[i] = render_json_group(outcome.results, i, render); });
    text = assemble_json(outcome.results, render, groups);
  } else if (options.format == "csv") {
    text = render_csv(outcome.results, render);
  } else {
    text = render_markdown(outcome.results, render);
  }

  if (options.output.empty()) {
    console.out << text;
  } else {
    write_file_atomically(options.output, text, overwrite, inputs);
    console.err << fmt::format("partnerpulse: wrote {} ({} partnership-period group(s), {} files)\n", options.output,
                               outcome.results.groups.size(), outcome.files_read);
  }
  return exit_ok;
}

}  // namespace

CommandRun setup_report(CLI::App& command) {
  auto options = std::make_shared<ReportOptions>();
  command.description(
      "Score response files and write one report per partnership and period found. RESPONSES are files or folders "
      "(searched recursively for *.toml). The report never names respondents or organisations; roles with fewer than "
      "--min-group respondents are withheld.");
  command.add_option("RESPONSES", options->paths, "Response files or folders")->required()->type_name("PATH");
  add_questionnaire_folders_option(command, options->questionnaire_folders);
  command.add_option("-f,--format", options->format, "Output format")
      ->check(CLI::IsMember({"markdown", "json", "csv"}))
      ->capture_default_str();
  command.add_option("-o,--output", options->output,
                     "Write the report to FILE (atomically) instead of standard output; refuses to replace a file")
      ->type_name("FILE")
      ->check(non_empty_file());
  command.add_flag("--force", options->force, "With -o: replace FILE if it exists");
  command.add_flag("--comments", options->comments, "Include free-text comments (never attributed to anyone)");
  command.add_option("--gap-threshold", options->gap_threshold,
                     "Flag perception gaps between roles of at least this many index points")
      ->check(finite_range(0.0, 100.0))
      ->capture_default_str();
  command.add_option("--min-group", options->min_group,
                     "Withhold figures for groups (roles, items, dimensions) with fewer respondents than this")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  command.add_option("--attention-items", options->attention_items, "How many lowest-scoring items to list")
      ->check(CLI::Range(0, 1000))
      ->capture_default_str();
  command
      .add_option("--date", options->date, "Print this date (YYYY-MM-DD) in the report; no date is printed otherwise")
      ->type_name("DATE");
  command.add_option("--language", options->language,
                     "Language code for questionnaire texts, where the questionnaire has a translation");
  command.add_option("-j,--jobs", options->jobs, "Threads to read files with (0: one per core); output is the same")
      ->check(CLI::Range(0, 256))
      ->capture_default_str();
  return run_with(options, run_report);
}

}  // namespace partnerpulse
