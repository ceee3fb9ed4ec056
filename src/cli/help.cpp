// `partnerpulse help [COMMAND]`: the same text as `partnerpulse --help` or `partnerpulse COMMAND --help`.

#include <memory>
#include <ostream>
#include <string>

#include "cli/commands.hpp"
#include "partnerpulse/diagnostics.hpp"

namespace partnerpulse {

namespace {

// The values given to `partnerpulse help`, and the command line it describes.
struct HelpOptions {
  std::string command;
  const CLI::App* root = nullptr;
};

// Prints the help of the command named, or of partnerpulse; an unknown name is a usage error with a suggestion.
int run_help(const HelpOptions& options, Console& console) {
  // The formatter itself: App::help() would show the help of the command being run, `help`.
  const CLI::App* root = options.root;
  if (options.command.empty()) {
    console.out << root->get_formatter()->make_help(root, root->get_name(), CLI::AppFormatMode::Normal);
    return exit_ok;
  }
  if (const auto unknown = unknown_command_error(options.command)) throw UsageError(*unknown);
  const CLI::App* command = root->get_subcommand(options.command);
  console.out << command->get_formatter()->make_help(command, root->get_name() + " " + command->get_name(),
                                                      CLI::AppFormatMode::Normal);
  return exit_ok;
}

}  // namespace

CommandRun setup_help(CLI::App& command) {
  auto options = std::make_shared<HelpOptions>();
  options->root = command.get_parent();
  command.description("Show the help of partnerpulse, or of COMMAND: the same text as 'partnerpulse COMMAND --help'.");
  command.add_option("COMMAND", options->command, "The command to show the help of");
  return run_with(options, run_help);
}

}  // namespace partnerpulse
