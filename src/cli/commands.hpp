#pragma once
// Internal: how a subcommand is declared. Each command file (validate.cpp, list.cpp, report.cpp, ask.cpp) holds its
// options and a setup function; app.cpp lists every command once, in one table, and runs the one given.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "partnerpulse/cli.hpp"
#include "partnerpulse/files.hpp"
#include "partnerpulse/results.hpp"

namespace partnerpulse {

// Runs a parsed command with the values its options received. Returns the exit code; throws InputError, IoError
// or UsageError, which run_cli turns into messages and exit codes.
using CommandRun = std::function<int(Console&)>;

// One subcommand: its name, the one-line summary `partnerpulse --help` lists, and its setup, which adds the
// command's options and full description to its CLI11 subcommand and returns how to run it.
struct Command {
  const char* name;
  const char* summary;
  CommandRun (*setup)(CLI::App& command);
};

// The one-line summary of command `name` from the command table ("" for none).
std::string command_summary(std::string_view name);
// "unknown command 'NAME'; did you mean '...'? (commands: ...)" when `name` is no command of the table, else nothing.
std::optional<std::string> unknown_command_error(std::string_view name);

CommandRun setup_validate(CLI::App& command);
CommandRun setup_list(CLI::App& command);
CommandRun setup_report(CLI::App& command);
CommandRun setup_ask(CLI::App& command);
CommandRun setup_form(CLI::App& command);
CommandRun setup_compare(CLI::App& command);
CommandRun setup_diff_questionnaires(CLI::App& command);
CommandRun setup_completion(CLI::App& command);
CommandRun setup_import(CLI::App& command);
CommandRun setup_help(CLI::App& command);

// The CommandRun that calls run(*options, console): the options, bound to the command's CLI11 options by its
// setup, live as long as the returned function.
template <typename Options>
CommandRun run_with(std::shared_ptr<Options> options, int (*run)(const Options&, Console&)) {
  return [options = std::move(options), run](Console& console) { return run(*options, console); };
}

// Checks a number option: refuses NaN and infinities (which CLI::Range lets through or cannot name) and values
// outside [min, max].
CLI::Validator finite_range(double min, double max);

// Checks a whole-number option: "must be a whole number from MIN to MAX, not 'TEXT'" (CLI::Range prints CLI11's
// own wording).
CLI::Validator whole_number_range(int min, int max);

// Checks an option that takes one of `names`, suggesting the closest for a typo (CLI::IsMember prints CLI11's own
// wording).
CLI::Validator one_of(std::vector<std::string> names);

// Checks a FILE option: an empty name is a usage error (it would otherwise mean "no file", standard output).
CLI::Validator non_empty_file();

struct ExportReading;
// Adds --mapping FILE and --key FILE, the options that say how survey exports are read (`import`, `report`).
void add_export_reading_options(CLI::App& app, ExportReading& reading);

// Adds --language CODE (the interface and questionnaire language; app.cpp resolves it before the command runs and
// sets interface_language()).
void add_language_option(CLI::App& app, std::string& language);

// Adds the repeatable --questionnaires DIR option shared by every command that looks questionnaires up; a folder
// that does not exist is a usage error.
void add_questionnaire_folders_option(CLI::App& app, std::vector<std::string>& folders);

// Adds the repeatable --partnerships DIR option (partnership files, docs/partnership-format.md) of `report`,
// `compare` and `ask`; `also` says where else partnership files are found.
void add_partnerships_option(CLI::App& app, std::vector<std::string>& folders, const std::string& also);

// The options that decide how responses are scored, shared by `report` and `compare` (options.cpp).
struct ScoringArguments {
  double gap_threshold = 15.0;
  int min_group = 3;
  int attention_items = 5;
  int jobs = 0;
  std::string language;
  ScoringOptions scoring_options(bool collect_comments) const;
};
// Adds --gap-threshold, --min-group, --attention-items, --language and --jobs.
void add_scoring_options(CLI::App& app, ScoringArguments& arguments);
// Prints "partnerpulse: warning: ..." (small_groups_warning) when --min-group is below recommended_min_group.
void warn_if_small_groups_shown(const ScoringArguments& arguments, Console& console);

// Where and how a command writes its output, shared by `report` and `compare`.
struct OutputArguments {
  std::string format = "markdown";
  std::string output;
  bool force = false;
};
// Adds --format (markdown, json, csv, and html with `with_html`), -o FILE and --force; `what` names the output in
// the help ("the report").
void add_output_options(CLI::App& app, OutputArguments& arguments, const std::string& what, bool with_html = false);
// Throws UsageError for --force without -o, and, before any work is done, the IoError write_output would throw
// for the -o target (not a regular file, one of the run's `inputs`, or existing without --force).
void check_output_arguments(const OutputArguments& arguments, const RunInputs& inputs);
// Writes `text` to standard output, or atomically to -o FILE (refusing to replace it without --force) and says so
// on standard error with `summary` ("1 partnership-period group(s), 13 files").
void write_output(const OutputArguments& arguments, const std::string& text, const std::string& summary,
                  Console& console, const RunInputs& inputs);

}  // namespace partnerpulse
