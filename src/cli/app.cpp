#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <string_view>

#include <unistd.h>

#include <fmt/ranges.h>

#include "cli/commands.hpp"
#include "partnerpulse/diagnostics.hpp"
#include "partnerpulse/version.hpp"
#include "util/name_suggestions.hpp"

namespace partnerpulse {

void add_questionnaire_folders_option(CLI::App& app, std::vector<std::string>& folders) {
  app.add_option("-q,--questionnaires", folders,
                 "Folder to look questionnaires up in, before ./questionnaires and the installed ones (repeatable)")
      ->type_name("DIR")
      ->allow_extra_args(false);  // one folder per -q, so `-q DIR FILE...` leaves FILE to the positionals
}

CLI::Validator finite_range(double min, double max) {
  return CLI::Validator(
      [min, max](std::string& text) -> std::string {
        double value = 0;
        const char* end = text.data() + text.size();
        const auto [stop, error] = std::from_chars(text.data(), end, value);
        if (error != std::errc() || stop != end || !std::isfinite(value)) return fmt::format("must be a finite number, not {}", text);
        if (value < min || value > max) return fmt::format("value {} not in range {} to {}", text, min, max);
        return {};
      },
      fmt::format("NUMBER in [{} - {}]", min, max));
}

CLI::Validator non_empty_file() {
  return CLI::Validator([](std::string& text) -> std::string { return text.empty() ? "the file name is empty" : ""; },
                        "");  // nothing to add to the help: the option's type name already says FILE
}

namespace {

// Every subcommand, once, in the order `partnerpulse --help` lists them. A new command is a file with its setup
// (see commands.hpp) and a line here.
const Command commands[] = {
    {"validate", "Check questionnaire and response files; report every problem", setup_validate},
    {"list", "List the questionnaires found on the search path", setup_list},
    {"report", "Score responses and write one report per partnership and period", setup_report},
    {"compare", "Compare periods of each partnership: changes, and whether they are more than noise", setup_compare},
    {"diff-questionnaires", "Show what changed between two questionnaire versions and if results stay comparable",
     setup_diff_questionnaires},
    {"ask", "Fill in questionnaires at the terminal, saving after every answer", setup_ask},
    {"completion", "Print a shell completion script (bash, zsh or fish)", setup_completion},
};

const char* const exit_code_help =
    "Exit codes: 0 ok; 1 invalid input, an unreadable or unwritable file, or a failed check; 2 usage error; "
    "70 internal error (a bug: please report it); 75 another session is writing the same file (try again later).";

// The names of all commands, for messages: "validate, list, report, ask".
std::vector<std::string> command_names() {
  std::vector<std::string> names;
  for (const Command& command : commands) names.emplace_back(command.name);
  return names;
}

}  // namespace

std::string command_summary(std::string_view name) {
  for (const Command& command : commands) {
    if (name == command.name) return command.summary;
  }
  return {};
}

namespace {

// Lists each command with its one-line summary in `partnerpulse --help`; a command's own --help still shows its
// full description.
class SummaryFormatter : public CLI::Formatter {
public:
  std::string make_subcommand(const CLI::App* sub) const override {
    return fmt::format("{:<{}}{}\n", "  " + sub->get_name(), get_column_width(), command_summary(sub->get_name()));
  }
};

// A command added to the command line, and how to run it once parsed.
struct Registered {
  CLI::App* app;
  CommandRun run;
};

// Adds every command of the table to `app`, each with --version and the exit-code footer.
std::vector<Registered> register_commands(CLI::App& app) {
  std::vector<Registered> registered;
  for (const Command& command : commands) {
    CLI::App* sub = app.add_subcommand(command.name, command.summary);
    CommandRun run = command.setup(*sub);
    sub->set_version_flag("--version", fmt::format("partnerpulse {}", version()));
    sub->footer(exit_code_help);
    registered.push_back({sub, std::move(run)});
  }
  return registered;
}

// The usage error for a first argument that is neither an option nor a command, or nothing.
std::optional<std::string> unknown_command_error(int argc, const char* const* argv) {
  if (argc < 2 || argv[1][0] == '-') return std::nullopt;
  const std::string_view name = argv[1];
  const std::vector<std::string> names = command_names();
  if (std::find(names.begin(), names.end(), name) != names.end()) return std::nullopt;
  const auto suggestion = closest_name(name, names);
  return fmt::format("unknown command '{}'{} (commands: {})", name,
                     suggestion ? fmt::format("; did you mean '{}'?", *suggestion) : "", fmt::join(names, ", "));
}

// Every diagnostic, one "FILE:LINE:COLUMN: error: MESSAGE" line each.
void print_diagnostics(const std::vector<Diagnostic>& diagnostics, std::ostream& err) {
  for (const auto& diagnostic : diagnostics) err << format_diagnostic(diagnostic) << '\n';
}

// "partnerpulse: error: MESSAGE" and where to read the usage of the command that was given.
void print_usage_error(std::string_view message, const std::vector<Registered>& registered, std::ostream& err) {
  std::string command = "partnerpulse";
  for (const Registered& r : registered) {
    if (r.app->parsed()) command += " " + r.app->get_name();
  }
  err << fmt::format("partnerpulse: error: {}\nRun '{} --help' for usage.\n", message, command);
}

// Runs the command that was parsed.
int run_parsed(const std::vector<Registered>& registered, Console& console) {
  for (const Registered& r : registered) {
    if (r.app->parsed()) return r.run(console);
  }
  return exit_usage;  // require_subcommand(1) lets no command line through without one
}

// "partnerpulse: internal error: WHAT" and a request to report the bug.
void print_internal_error(std::string_view what, std::ostream& err) {
  err << fmt::format("partnerpulse: internal error: {}\n"
                     "This is a bug in partnerpulse. Please report it, with the command line and the files that "
                     "caused it.\n",
                     what);
}

}  // namespace

int run_cli(int argc, const char* const* argv, Console& console) {
  CLI::App app("partnerpulse: assess the health of partnerships between organisations from questionnaire responses.",
               "partnerpulse");
  app.formatter(std::make_shared<SummaryFormatter>());  // before the commands are added: they share it
  app.footer(exit_code_help);
  app.set_version_flag("--version", fmt::format("partnerpulse {}", version()));
  app.require_subcommand(1);
  app.fallthrough(false);
  const std::vector<Registered> registered = register_commands(app);
  if (const auto unknown = unknown_command_error(argc, argv)) {
    console.err << fmt::format("partnerpulse: error: {}\nRun 'partnerpulse --help' for usage.\n", *unknown);
    return exit_usage;
  }

  try {
    app.parse(argc, argv);
    return run_parsed(registered, console);
  } catch (const CLI::ParseError& error) {
    if (error.get_exit_code() == 0) return app.exit(error, console.out, console.err);  // --help, --version
    print_usage_error(error.what(), registered, console.err);
    return exit_usage;
  } catch (const InputError& error) {
    print_diagnostics(error.diagnostics(), console.err);
    return exit_invalid;
  } catch (const IoError& error) {
    console.err << "partnerpulse: error: " << error.what() << '\n';
    return exit_invalid;
  } catch (const BusyError& error) {
    console.err << "partnerpulse: error: " << error.what() << '\n';
    return exit_busy;
  } catch (const UsageError& error) {
    print_usage_error(error.what(), registered, console.err);
    return exit_usage;
  } catch (const std::bad_alloc&) {
    console.err << "partnerpulse: error: out of memory\n";
    return exit_invalid;
  } catch (const std::exception& error) {  // last resort: a bug, not the user's doing
    print_internal_error(error.what(), console.err);
    return exit_internal;
  }
}

int run_main(int argc, const char* const* argv) {
  std::ios::sync_with_stdio(false);
  Console console{std::cin, std::cout, std::cerr, ::isatty(STDIN_FILENO) == 1, ::isatty(STDOUT_FILENO) == 1,
                  ::isatty(STDERR_FILENO) == 1};
  const int code = run_cli(argc, argv, console);
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "partnerpulse: error: cannot write to standard output\n";
    return exit_invalid;
  }
  return code;
}

}  // namespace partnerpulse
