#include <chrono>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include <fmt/ranges.h>

#include "cli/commands.hpp"
#include "partnerpulse/catalog.hpp"
#include "partnerpulse/compare.hpp"
#include "partnerpulse/files.hpp"
#include "partnerpulse/import.hpp"
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
  OutputArguments output;
  ScoringArguments scoring;
  bool comments = false;
  std::string date;
  ExportReading reading;
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
  const RunInputs inputs{options.paths};
  check_output_arguments(options.output, inputs);  // before any work
  warn_if_small_groups_shown(options.scoring, console);
  std::vector<std::string> response_paths;
  std::vector<std::string> export_paths;
  for (const std::string& path : options.paths) (is_export_path(path) ? export_paths : response_paths).push_back(path);
  std::unique_ptr<ExportScoring> exports;  // the exports' rows, read with the catalog of the current pass
  const ScoreTasksFor export_tasks = [&](const Catalog& catalog) {
    exports.reset();
    exports = std::make_unique<ExportScoring>(export_paths, catalog, options.reading);
    return exports->tasks();
  };
  ThreadPool pool(static_cast<std::size_t>(options.scoring.jobs));
  ScoreFilesOutcome outcome =
      score_paths(response_paths, questionnaire_search_path(options.questionnaire_folders),
                  options.scoring.scoring_options(options.comments), pool,
                  export_paths.empty() ? ScoreTasksFor{} : export_tasks);
  if (!outcome.problems.empty()) throw InputError(std::move(outcome.problems));
  if (outcome.results.groups.empty()) {
    throw InputError(SourceLocation{}, fmt::format("no response files found in {} (a response file has a [respondent] "
                                                   "table)", fmt::join(options.paths, ", ")));
  }
  add_changes_since_previous_period(outcome.results);
  if (outcome.questionnaire_files_skipped > 0 && !console.quiet) {
    console.err << fmt::format("partnerpulse: note: {} questionnaire file(s) among the responses were skipped\n",
                               outcome.questionnaire_files_skipped);
  }

  RenderOptions render;
  render.language = options.scoring.language;
  render.date = options.date;
  render.tool_version = version();
  render.comments = options.comments;
  std::string text;
  if (options.output.format == "json") {
    // Groups are independent: rendered on the command's pool, then assembled in order (same bytes as render_json).
    std::vector<std::string> groups(outcome.results.groups.size());
    parallel_for(pool, groups.size(), 8,
                 [&](std::size_t i) { groups[i] = render_json_group(outcome.results, i, render); });
    text = assemble_json(outcome.results, render, groups);
  } else if (options.output.format == "csv") {
    text = render_csv(outcome.results, render);
  } else {
    text = render_markdown(outcome.results, render);
  }

  write_output(options.output, text,
               fmt::format("{} partnership-period group(s), {} files{}", outcome.results.groups.size(), outcome.files_read,
                           export_paths.empty() ? "" : fmt::format(", {} export rows", outcome.rows_read)),
               console, inputs);
  return exit_ok;
}

}  // namespace

CommandRun setup_report(CLI::App& command) {
  auto options = std::make_shared<ReportOptions>();
  command.description(
      "Score response files and write one report per partnership and period found. RESPONSES are files or folders "
      "(searched recursively for *.toml), or survey exports (*.csv, read as `partnerpulse import` reads them, "
      "without writing response files). The report never names respondents or organisations; roles with fewer than "
      "--min-group respondents are withheld. When the responses hold several periods of a partnership, each period's "
      "report shows the change since the previous one (periods in natural order: 2023 < 2024 < 2024-q2).");
  command.add_option("RESPONSES", options->paths, "Response files or folders, or survey exports (*.csv)")->required()->type_name("PATH");
  add_questionnaire_folders_option(command, options->questionnaire_folders);
  add_export_reading_options(command, options->reading);
  add_output_options(command, options->output, "the report");
  command.add_flag("--comments", options->comments, "Include free-text comments (never attributed to anyone)");
  add_scoring_options(command, options->scoring);
  command
      .add_option("--date", options->date, "Print this date (YYYY-MM-DD) in the report; no date is printed otherwise")
      ->type_name("DATE");
  return run_with(options, run_report);
}

}  // namespace partnerpulse
