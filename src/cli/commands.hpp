#pragma once
// Internal: how a subcommand is declared. Each command file (validate.cpp, list.cpp, report.cpp, ask.cpp) holds its
// options and a setup function; app.cpp lists every command once, in one table, and runs the one given.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "partnerpulse/cli.hpp"

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

CommandRun setup_validate(CLI::App& command);
CommandRun setup_list(CLI::App& command);
CommandRun setup_report(CLI::App& command);
CommandRun setup_ask(CLI::App& command);

// The CommandRun that calls run(*options, console): the options, bound to the command's CLI11 options by its
// setup, live as long as the returned function.
template <typename Options>
CommandRun run_with(std::shared_ptr<Options> options, int (*run)(const Options&, Console&)) {
  return [options = std::move(options), run](Console& console) { return run(*options, console); };
}

// Checks a number option: refuses NaN and infinities (which CLI::Range lets through or cannot name) and values
// outside [min, max].
CLI::Validator finite_range(double min, double max);

// Checks a FILE option: an empty name is a usage error (it would otherwise mean "no file", standard output).
CLI::Validator non_empty_file();

// Adds the repeatable --questionnaires DIR option shared by every command that looks questionnaires up.
void add_questionnaire_folders_option(CLI::App& app, std::vector<std::string>& folders);

}  // namespace partnerpulse
