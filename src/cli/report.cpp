#include <chrono>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <fmt/ranges.h>

#include "cli/commands.hpp"
#include "partnerpulse/catalog.hpp"
#include "partnerpulse/compare.hpp"
#include "partnerpulse/files.hpp"
#include "partnerpulse/interface_text.hpp"
#include "partnerpulse/import.hpp"
#include "partnerpulse/partnership.hpp"
#include "partnerpulse/portfolio.hpp"
#include "partnerpulse/render.hpp"
#include "partnerpulse/render_html.hpp"
#include "partnerpulse/report_job.hpp"
#include "partnerpulse/thread_pool.hpp"
#include "partnerpulse/version.hpp"
#include "util/decimal_format.hpp"
#include "util/progress_line.hpp"
#include "partnerpulse/interface_text.hpp"

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
  std::string out_dir;
  std::vector<std::string> partnership_folders;
  std::optional<double> fail_under;
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

// The report in the format asked for, for standard output or -o FILE.
std::string render_report(const ReportOptions& options, const Results& results, const RenderOptions& render,
                          ThreadPool& pool) {
  if (options.output.format == "json") {
    // Groups are independent: rendered on the command's pool, then assembled in order (same bytes as render_json).
    std::vector<std::string> groups(results.groups.size());
    parallel_for(pool, groups.size(), 8, [&](std::size_t i) { groups[i] = render_json_group(results, i, render); });
    return assemble_json(results, render, groups);
  }
  if (options.output.format == "csv") return render_csv(results, render);
  if (options.output.format == "html") return render_html(results, render);
  return render_markdown(results, render);
}

// Exit code 3 and one line per partnership whose latest overall index is below --fail-under, lowest first.
int check_fail_under(const ReportOptions& options, const Portfolio& portfolio, Console& console) {
  if (!options.fail_under) return exit_ok;
  std::size_t below = 0;
  for (const PortfolioRow& row : portfolio.rows) {
    if (!row.overall || *row.overall >= *options.fail_under) continue;
    console.err << "partnerpulse: "
                << fmt::format(fmt::runtime(tr("{} ({}): overall index {} is below --fail-under {}")), row.partnership,
                               row.period, format_fixed(*row.overall, 1), format_fixed(*options.fail_under, 1))
                << '\n';
    ++below;
  }
  return below > 0 ? exit_below_threshold : exit_ok;
}

// Scores the responses given and writes the report in the format asked for, to standard output, -o FILE, or one
// file per partnership and a portfolio summary in --out-dir DIR.
int run_report(const ReportOptions& options, Console& console) {
  if (!options.date.empty() && !looks_like_date(options.date)) {
    throw UsageError(fmt::format(
        fmt::runtime(tr("--date must be a day of the calendar as YYYY-MM-DD, such as 2024-10-12, not \"{}\"")),
        options.date));
  }
  const RunInputs inputs{options.paths};
  if (!options.out_dir.empty() && !options.output.output.empty()) {
    throw UsageError(
        std::string(tr("--out-dir and -o cannot be used together: --out-dir writes one file per partnership")));
  }
  std::optional<OutputFolder> folder;
  if (options.out_dir.empty()) {
    check_output_arguments(options.output, inputs);  // before any work
  } else {
    folder.emplace(options.out_dir, options.output.force, inputs);
  }
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
  const PartnershipSet partnerships = load_partnerships(response_paths, options.partnership_folders);

  ThreadPool pool(static_cast<std::size_t>(options.scoring.jobs));
  ProgressLine progress(console.err, console.err_is_terminal);
  ScoreFilesOutcome outcome =
      score_paths(response_paths, questionnaire_search_path(options.questionnaire_folders),
                  options.scoring.scoring_options(options.comments), pool,
                  export_paths.empty() ? ScoreTasksFor{} : export_tasks, partnerships,
                  [&](std::size_t scored, std::size_t found) {
                    progress.show("partnerpulse: " + fill(tr("{0} of {1} files found read"), scored, found));
                  });
  progress.clear();
  if (!outcome.problems.empty()) throw InputError(std::move(outcome.problems));
  if (outcome.results.groups.empty()) {
    throw InputError(SourceLocation{},
                     fmt::format(fmt::runtime(tr("no response files found in {} (a response file has a [respondent] "
                                                 "table)")),
                                 fmt::join(options.paths, ", ")));
  }
  console.err << role_folding_warnings(outcome.role_spellings);
  add_changes_since_previous_period(outcome.results);
  add_partnership_details(outcome.results, partnerships);
  if (outcome.questionnaire_files_skipped > 0 && !console.quiet) {
    // "partnerpulse: note:" stays English: tools parse it.
    console.err << "partnerpulse: note: "
                << fmt::format(fmt::runtime(tr("{} questionnaire file(s) among the responses were skipped")),
                               outcome.questionnaire_files_skipped)
                << '\n';
  }

  RenderOptions render;
  render.language = interface_language();  // resolved from --language or the environment
  render.date = options.date;
  render.tool_version = version();
  render.comments = options.comments;
  if (folder) {
    const Portfolio portfolio =
        write_portfolio_folder(outcome.results, *folder, options.output.format, render, pool,
                               [&](std::size_t written, std::size_t total) {
                                 progress.show("partnerpulse: " +
                                               fill(tr("{0} files read, {1} of {2} partnerships written"),
                                                    outcome.files_read, written, total));
                               });
    progress.clear();
    console.err << "partnerpulse: "
                << fmt::format(fmt::runtime(tr("wrote {} ({} partnership(s), {} files read)")), options.out_dir,
                               portfolio.rows.size(), outcome.files_read)
                << '\n';
    return check_fail_under(options, portfolio, console);
  }
  write_output(options.output, render_report(options, outcome.results, render, pool),
               export_paths.empty()
                   ? fmt::format(fmt::runtime(tr("{} partnership-period group(s), {} files")),
                                 outcome.results.groups.size(), outcome.files_read)
                   : fmt::format(fmt::runtime(tr("{} partnership-period group(s), {} files, {} export rows")),
                                 outcome.results.groups.size(), outcome.files_read, outcome.rows_read),
               console, inputs);
  return check_fail_under(options, build_portfolio(outcome.results), console);
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
  add_output_options(command, options->output, "the report", true);
  command.add_flag("--comments", options->comments, "Include free-text comments (never attributed to anyone)");
  add_scoring_options(command, options->scoring);
  command
      .add_option("--date", options->date, "Print this date (YYYY-MM-DD) in the report; no date is printed otherwise")
      ->type_name("DATE");
  command
      .add_option("--out-dir", options->out_dir,
                  "Write one report per partnership (DIR/NAME.md and .json, and .csv with --format csv or .html with "
                  "--format html), index.md (the portfolio summary; and index.html with --format html) and "
                  "portfolio.json into DIR; with --force, into a folder it did not write")
      ->type_name("DIR")
      ->check(non_empty_file());
  add_partnerships_option(command, options->partnership_folders,
                          "Files named partnership.toml or *.partnership.toml among RESPONSES are read too");
  command
      .add_option("--fail-under", options->fail_under,
                  "Exit with code 3, after writing everything, when a partnership's latest overall index is below INDEX")
      ->type_name("INDEX")
      ->check(finite_range(0.0, 100.0));
  return run_with(options, run_report);
}

}  // namespace partnerpulse
