#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string_view>
#include <type_traits>

#include <unistd.h>

#include <fmt/ranges.h>

#include "cli/commands.hpp"
#include "partnerpulse/catalog.hpp"
#include "partnerpulse/diagnostics.hpp"
#include "partnerpulse/form.hpp"
#include "partnerpulse/interface_text.hpp"
#include "partnerpulse/version.hpp"
#include "util/name_suggestions.hpp"
#include "partnerpulse/interface_text.hpp"

namespace partnerpulse {

void add_questionnaire_folders_option(CLI::App& app, std::vector<std::string>& folders) {
  // No one-letter name: -q is --quiet on every command.
  app.add_option("--questionnaires", folders,
                 "Folder to look questionnaires up in, before ./questionnaires and the installed ones (repeatable)")
      ->type_name("DIR")
      ->allow_extra_args(false)  // one folder per use, so `--questionnaires DIR FILE...` leaves FILE to the positionals
      ->check(CLI::Validator(
          [](std::string& folder) -> std::string {
            std::error_code error;
            if (std::filesystem::is_directory(folder, error)) return {};
            return fmt::format(fmt::runtime(tr("no such folder: '{}'")), folder);
          },
          ""));
}

void add_language_option(CLI::App& app, std::string& language) {
  app.add_option("--language", language,
                 "Output language: en, fr, es, pt, ar, or one the questionnaires have (default: from the environment)")
      ->type_name("CODE");
}

namespace {

// Checks that an option's text is a number (a whole number for an integral Number) from min to max, read with
// from_chars.
template <typename Number>
CLI::Validator number_range(Number min, Number max, const char* type) {
  return CLI::Validator(
      [min, max](std::string& text) -> std::string {
        Number value{};
        const char* end = text.data() + text.size();
        const auto [stop, error] = std::from_chars(text.data(), end, value);
        bool finite = true;
        if constexpr (std::is_floating_point_v<Number>) finite = std::isfinite(value);
        if (error != std::errc() || stop != end || !finite || value < min || value > max) {
          return fmt::format(
              fmt::runtime(std::is_floating_point_v<Number> ? tr("must be a number from {} to {}, not '{}'")
                                                            : tr("must be a whole number from {} to {}, "
                                                                 "not '{}'")),
              min, max, text);
        }
        return {};
      },
      fmt::format("{} in [{} - {}]", type, min, max));
}

}  // namespace

CLI::Validator finite_range(double min, double max) { return number_range(min, max, "NUMBER"); }

CLI::Validator whole_number_range(int min, int max) { return number_range(min, max, "INT"); }

CLI::Validator one_of(std::vector<std::string> names) {
  const std::string listed = fmt::format("{}", fmt::join(names, ", "));
  const std::string described = fmt::format("{{{}}}", fmt::join(names, ","));  // "{markdown,json,csv}"
  return CLI::Validator(
      [names = std::move(names), listed](std::string& text) -> std::string {
        if (std::find(names.begin(), names.end(), text) != names.end()) return {};
        const auto suggestion = closest_name(text, names);
        if (suggestion) {
          return fmt::format(fmt::runtime(tr("'{}' is not one of {}; did you mean '{}'?")), name_for_message(text),
                             listed, *suggestion);
        }
        return fmt::format(fmt::runtime(tr("'{}' is not one of {}")), name_for_message(text), listed);
      },
      described);
}

CLI::Validator non_empty_file() {
  return CLI::Validator(
      [](std::string& text) -> std::string { return text.empty() ? std::string(tr("the file name is empty")) : ""; },
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
    {"form", "Write questionnaires as an XLSForm survey or a CSV template for data entry", setup_form},
    {"import", "Read a survey export (CSV) and write one response file per row, with pseudonyms", setup_import},
    {"ask", "Fill in questionnaires at the terminal, saving after every answer", setup_ask},
    {"completion", "Print a shell completion script (bash, zsh or fish)", setup_completion},
    {"help", "Show the help of partnerpulse, or of one command: partnerpulse help COMMAND", setup_help},
};

const char* const exit_code_help =
    "Exit codes: 0 ok; 1 invalid input, an unreadable or unwritable file, or a failed check; 2 usage error; "
    "3 report --fail-under found a partnership below the threshold; 70 internal error (a bug: please report it); "
    "75 another session is writing the same file (try again later); 130 ask stopped by Ctrl-C, SIGTERM or SIGHUP "
    "(answers saved).";

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

// Adds every command of the table to `app`, each with -q/--quiet (setting `quiet`), --language (unless the
// command declares its own, setting `language`), --version and the exit-code footer.
std::vector<Registered> register_commands(CLI::App& app, bool& quiet, std::string& language) {
  std::vector<Registered> registered;
  for (const Command& command : commands) {
    CLI::App* sub = app.add_subcommand(command.name, command.summary);
    CommandRun run = command.setup(*sub);
    if (sub->get_option_no_throw("--language") == nullptr) add_language_option(*sub, language);
    sub->add_flag("-q,--quiet", quiet, "Print no notes on standard error (errors and warnings are still printed)");
    sub->set_version_flag("--version", fmt::format("partnerpulse {}", version()));
    sub->footer(exit_code_help);
    registered.push_back({sub, std::move(run)});
  }
  return registered;
}

}  // namespace

std::optional<std::string> unknown_command_error(std::string_view name) {
  const std::vector<std::string> names = command_names();
  if (std::find(names.begin(), names.end(), name) != names.end()) return std::nullopt;
  const auto suggestion = closest_name(name, names);
  if (suggestion) {
    return fmt::format(fmt::runtime(tr("unknown command '{}'; did you mean '{}'? (commands: {})")),
                       name_for_message(name), *suggestion, fmt::join(names, ", "));
  }
  return fmt::format(fmt::runtime(tr("unknown command '{}' (commands: {})")), name_for_message(name),
                     fmt::join(names, ", "));
}

namespace {

// The usage error for a first argument that is neither an option nor a command, or nothing.
std::optional<std::string> first_argument_error(int argc, const char* const* argv) {
  if (argc < 2 || argv[1][0] == '-') return std::nullopt;
  return partnerpulse::unknown_command_error(std::string_view(argv[1]));
}

// The command that was given, or the top level.
const CLI::App& parsed_command(const CLI::App& app) {
  for (const CLI::App* sub : app.get_subcommands()) return *sub;
  return app;
}

// "unknown option '--formt'; did you mean '--format'?" or "unexpected argument 'x'", for each argument CLI11 left
// over, with a suggestion among the long options of the command given.
std::string extras_message(const CLI::App& app) {
  const CLI::App& command = parsed_command(app);
  std::vector<std::string> known;
  for (const CLI::Option* option : command.get_options()) {
    for (const auto& name : option->get_lnames()) known.push_back("--" + name);
  }
  std::vector<std::string> extras = app.remaining();
  if (&command != &app) {
    const std::vector<std::string> more = command.remaining();
    extras.insert(extras.end(), more.begin(), more.end());
  }
  std::vector<std::string> parts;
  for (const std::string& extra : extras) {
    if (extra.size() < 2 || extra[0] != '-') {
      parts.push_back(fmt::format(fmt::runtime(tr("unexpected argument '{}'")), name_for_message(extra)));
      continue;
    }
    const std::string name = extra.substr(0, extra.find('='));
    // Long options only: any one-letter option is one edit from any other, so suggesting one would be a guess.
    const auto suggestion = name.rfind("--", 0) == 0 ? closest_name(name, known) : std::nullopt;
    parts.push_back(suggestion ? fmt::format(fmt::runtime(tr("unknown option '{}'; did you mean '{}'?")),
                                             name_for_message(name), *suggestion)
                               : fmt::format(fmt::runtime(tr("unknown option '{}'")), name_for_message(name)));
  }
  if (parts.empty()) return std::string(tr("unexpected arguments"));
  return fmt::format("{}", fmt::join(parts, "; "));
}

// The words of `text`, split at single spaces.
std::vector<std::string_view> words_of(std::string_view text) {
  std::vector<std::string_view> words;
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t end = std::min(text.find(' ', start), text.size());
    words.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

bool is_upper_word(std::string_view word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// The name before the colon of CLI11's "NAME: ..." messages ("INPUTS:" gives "INPUTS"), or nothing.
std::string_view option_name(std::string_view word) {
  return word.size() > 1 && word.back() == ':' ? word.substr(0, word.size() - 1) : std::string_view{};
}

// The project's wording for a command line CLI11 refused: unknown options get a suggestion, a missing command
// lists the commands, too few values say how many are needed. Validators (ours) already word their messages.
// CLI11 2.1's texts: "INPUTS is required", "NAME: At least 2 required but received 1", "NAME: 1 required TEXT
// missing"; anything else is passed on as it is.
std::string usage_message(const CLI::ParseError& error, const CLI::App& app) {
  if (dynamic_cast<const CLI::ExtrasError*>(&error)) return extras_message(app);
  const std::string what = error.what();
  const std::vector<std::string_view> words = words_of(what);
  if (dynamic_cast<const CLI::RequiredError*>(&error)) {
    if (what.rfind("A subcommand", 0) == 0) {
      // "partnerpulse -x": the unknown option is the problem, not the missing command.
      if (!app.remaining().empty()) return extras_message(app);
      return fmt::format(fmt::runtime(tr("no command given (commands: {})")), fmt::join(command_names(), ", "));
    }
    if (words.size() == 3 && is_upper_word(words[0]) && words[1] == "is" && words[2] == "required") {
      return fmt::format(fmt::runtime(tr("no {} given")), words[0]);
    }
  }
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&error) && !words.empty() && !option_name(words[0]).empty()) {
    const std::string_view name = option_name(words[0]);
    if (words.size() == 8 && words[1] == "At" && words[2] == "least" && words[4] == "required" &&
        words[5] == "but" && words[6] == "received") {
      return fmt::format(fmt::runtime(words[7] == "1" ? tr("{} needs at least {} values, but {} was given")
                                                      : tr("{} needs at least {} values, but {} were given")),
                         name, words[3], words[7]);
    }
    if (words.size() == 5 && words[2] == "required" && words[4] == "missing") {
      return fmt::format(fmt::runtime(tr("{} needs a value")), name);
    }
  }
  return what;
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
  // "partnerpulse: error:" stays English: tools parse it.
  err << "partnerpulse: error: " << message << '\n'
      << fmt::format(fmt::runtime(tr("Run '{} --help' for usage.")), command) << '\n';
}

// The languages of the questionnaires `command` would find (its --questionnaires folders, then the search
// path); none when they cannot be loaded, since the command itself reports that.
std::vector<std::string> questionnaire_languages(const CLI::App& command) {
  std::vector<std::string> folders;
  if (const CLI::Option* option = command.get_option_no_throw("--questionnaires"); option && option->count() > 0) {
    folders = option->as<std::vector<std::string>>();
  }
  try {
    const Catalog catalog = Catalog::from_folders(questionnaire_search_path(folders));
    std::vector<const Questionnaire*> questionnaires;
    for (const auto& questionnaire : catalog.all()) questionnaires.push_back(questionnaire.get());
    return form_languages(questionnaires);
  } catch (const std::exception&) {
    return {};
  }
}

// Sets the interface language of the command given, from its --language or the environment, before any output.
void set_language_of(const CLI::App& command) {
  std::string requested;
  if (const CLI::Option* option = command.get_option_no_throw("--language"); option && option->count() > 0) {
    requested = option->as<std::string>();
  }
  const std::vector<std::string> known = interface_languages();
  const bool in_catalogues = std::find(known.begin(), known.end(), requested) != known.end();
  set_interface_language(
      resolve_language(requested, requested.empty() || in_catalogues ? std::vector<std::string>{}
                                                                     : questionnaire_languages(command)));
}

// The interface language while the command line is parsed, so that usage errors read in it: --language when it names
// an interface catalogue, else the environment's. set_language_of settles it once the command is known.
void set_language_for_parsing(int argc, const char* const* argv) {
  std::string_view requested;
  for (int i = 1; i < argc; ++i) {
    const std::string_view word = argv[i];
    if (word == "--") break;
    if (word == "--language" && i + 1 < argc) requested = argv[i + 1];
    if (word.starts_with("--language=")) requested = word.substr(std::string_view("--language=").size());
  }
  const std::vector<std::string> known = interface_languages();
  const bool in_catalogues = std::find(known.begin(), known.end(), requested) != known.end();
  set_interface_language(resolve_language(in_catalogues ? requested : std::string_view(), {}));
}

// Runs the command that was parsed, quiet when -q was given, in the language asked for.
int run_parsed(const std::vector<Registered>& registered, Console& console, bool quiet) {
  Console command_console = console;
  command_console.quiet = console.quiet || quiet;
  for (const Registered& r : registered) {
    if (!r.app->parsed()) continue;
    set_language_of(*r.app);
    return r.run(command_console);
  }
  return exit_usage;  // require_subcommand(1) lets no command line through without one
}

// "partnerpulse: internal error: WHAT" and a request to report the bug.
void print_internal_error(std::string_view what, std::ostream& err) {
  err << "partnerpulse: internal error: " << what << '\n'
      << tr("This is a bug in partnerpulse. Please report it, with the command line and the files that caused it.")
      << '\n';
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
  bool quiet = false;
  std::string language;
  const std::vector<Registered> registered = register_commands(app, quiet, language);
  set_language_for_parsing(argc, argv);
  if (const auto unknown = first_argument_error(argc, argv)) {
    console.err << "partnerpulse: error: " << *unknown << '\n'
                << fmt::format(fmt::runtime(tr("Run '{} --help' for usage.")), "partnerpulse") << '\n';
    return exit_usage;
  }

  try {
    app.parse(argc, argv);
    return run_parsed(registered, console, quiet);
  } catch (const CLI::ParseError& error) {
    if (error.get_exit_code() == 0) return app.exit(error, console.out, console.err);  // --help, --version
    print_usage_error(usage_message(error, app), registered, console.err);
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
    console.err << "partnerpulse: error: " << tr("out of memory") << '\n';
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
    std::cerr << "partnerpulse: error: " << tr("cannot write to standard output") << '\n';
    return exit_invalid;
  }
  return code;
}

}  // namespace partnerpulse
