#include <algorithm>
#include <cstdio>
#include <string_view>
#include <iostream>

#include <unistd.h>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "partnerpulse/diagnostics.hpp"
#include "partnerpulse/version.hpp"

namespace partnerpulse {

void add_questionnaire_folders_option(CLI::App& app, std::vector<std::string>& folders) {
  app.add_option("-q,--questionnaires", folders,
                 "Folder to look questionnaires up in, before ./questionnaires and the installed ones (repeatable)")
      ->type_name("DIR")
      ->allow_extra_args(false);  // one folder per -q, so `-q DIR FILE...` leaves FILE to the positionals
}

namespace {

const char* const exit_code_help =
    "Exit codes: 0 ok; 1 invalid input, an unreadable or unwritable file, or a failed check; 2 usage error.";

void print_diagnostics(const std::vector<Diagnostic>& diagnostics, std::ostream& err) {
  for (const auto& diagnostic : diagnostics) err << format_diagnostic(diagnostic) << '\n';
}

// "partnerpulse: error: MESSAGE" and where to read the usage of the command that was given.
void print_usage_error(const std::string& message, const std::vector<CLI::App*>& commands, std::ostream& err) {
  std::string command = "partnerpulse";
  for (CLI::App* c : commands) {
    if (c->parsed()) command += " " + c->get_name();
  }
  err << fmt::format("partnerpulse: error: {}\nRun '{} --help' for usage.\n", message, command);
}

}  // namespace

int run_cli(int argc, const char* const* argv, Console& console) {
  CLI::App app("partnerpulse: assess the health of partnerships between organisations from questionnaire responses.",
               "partnerpulse");
  app.footer(exit_code_help);
  app.set_version_flag("--version", fmt::format("partnerpulse {}", version()));
  app.require_subcommand(1);
  app.fallthrough(false);

  ValidateOptions validate_options;
  ListOptions list_options;
  ReportOptions report_options;
  AskOptions ask_options;

  CLI::App* validate = app.add_subcommand("validate", "Check questionnaire and response files; report every problem");
  CLI::App* list = app.add_subcommand("list", "List the questionnaires found on the search path");
  CLI::App* report = app.add_subcommand("report", "Score responses and write one report per partnership and period");
  CLI::App* ask = app.add_subcommand("ask", "Fill in questionnaires at the terminal, saving after every answer");
  setup_validate(*validate, validate_options);
  setup_list(*list, list_options);
  setup_report(*report, report_options);
  setup_ask(*ask, ask_options);
  for (CLI::App* sub : {validate, list, report, ask}) {
    sub->set_version_flag("--version", fmt::format("partnerpulse {}", version()));
    sub->footer(exit_code_help);
  }

  const std::vector<CLI::App*> commands{validate, list, report, ask};
  if (argc > 1 && argv[1][0] != '-') {
    const std::string_view name = argv[1];
    if (std::none_of(commands.begin(), commands.end(), [&](CLI::App* c) { return c->get_name() == name; })) {
      console.err << fmt::format("partnerpulse: error: unknown command '{}' (commands: validate, list, report, ask)\n"
                                 "Run 'partnerpulse --help' for usage.\n", name);
      return exit_usage;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    if (error.get_exit_code() == 0) return app.exit(error, console.out, console.err);  // --help, --version
    print_usage_error(error.what(), commands, console.err);
    return exit_usage;
  }

  try {
    if (validate->parsed()) return run_validate(validate_options, console);
    if (list->parsed()) return run_list(list_options, console);
    if (report->parsed()) return run_report(report_options, console);
    if (ask->parsed()) return run_ask(ask_options, console);
    return exit_usage;
  } catch (const InputError& error) {
    print_diagnostics(error.diagnostics(), console.err);
    return exit_invalid;
  } catch (const IoError& error) {
    console.err << "partnerpulse: error: " << error.what() << '\n';
    return exit_invalid;
  } catch (const UsageError& error) {
    print_usage_error(error.what(), commands, console.err);
    return exit_usage;
  } catch (const std::bad_alloc&) {
    console.err << "partnerpulse: error: out of memory\n";
    return exit_invalid;
  }
}

int run_main(int argc, const char* const* argv) {
  std::ios::sync_with_stdio(false);
  Console console{std::cin, std::cout, std::cerr, ::isatty(STDIN_FILENO) == 1, ::isatty(STDOUT_FILENO) == 1};
  const int code = run_cli(argc, argv, console);
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "partnerpulse: error: cannot write to standard output\n";
    return exit_invalid;
  }
  return code;
}

}  // namespace partnerpulse
