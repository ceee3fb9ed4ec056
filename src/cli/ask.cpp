#include <cstdlib>
#include <iostream>
#include <ctime>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <random>

#include <unistd.h>

#include <fmt/ranges.h>

#include "cli/commands.hpp"
#include "partnerpulse/interface_text.hpp"
#include "partnerpulse/catalog.hpp"
#include "partnerpulse/files.hpp"
#include "partnerpulse/interface_text.hpp"
#include "partnerpulse/partnership.hpp"
#include "partnerpulse/questionnaire_loader.hpp"
#include "partnerpulse/response.hpp"
#include "terminal/ask_session.hpp"
#include "terminal/line_input.hpp"
#include "terminal/terminal.hpp"

namespace partnerpulse {

namespace {

// The values given to `partnerpulse ask`.
struct AskOptions {
  std::vector<std::string> questionnaires;
  std::vector<std::string> questionnaire_folders;
  std::string output;
  std::string respondent;
  std::string organisation;
  std::string partnership;
  std::string role;
  std::string period;
  std::vector<std::string> partnership_folders;
  std::string language;
  std::string review;  // --review FILE
  bool plain = false;
};

// The full description shown by `partnerpulse ask --help`.
const char* const ask_description =
    "Fill in one or more questionnaires at the terminal, one question at a time. QUESTIONNAIRE is an id found on the "
    "search path (see `partnerpulse list`) or the path of a questionnaire file. Respondent details not given as "
    "options are asked first (at a terminal only: with piped input every detail must be given as an option or come "
    "from the file resumed).\n"
    "\n"
    "Keys (type one, then Enter):\n"
    "  1-5    answer with that point of the scale (the question shows its own range)\n"
    "  na     not applicable, where the scale allows it\n"
    "  dk     don't know, where the scale allows it\n"
    "  b      back to the previous question\n"
    "  s      skip: go to the next question, leaving this one as it is\n"
    "  c      add a comment to the current question (typed on the next line; Enter alone cancels)\n"
    "  ?      show the keys\n"
    "  q      save and quit (the command that resumes is shown)\n"
    "Open questions take the line itself as the answer; Enter alone skips them.\n"
    "\n"
    "Autosave and resume: after every answer, skip, step back and comment, FILE is rewritten atomically as a valid "
    "response file marked \"incomplete\" (\"complete\" once every scored question is answered). Running the same "
    "command again resumes after the furthest question reached; skipped questions are offered again at the end. At "
    "the end of input (Ctrl-D, a closed pipe) the answers are saved and the command exits with 0, as it does after q; "
    "Ctrl-C, SIGTERM and SIGHUP save too and exit with 130. Each prints the command that resumes. At the end you see "
    "your own dimension scores and advice for the weakest dimension.\n"
    "\n"
    "Review: `partnerpulse ask --review FILE` lists the answers in FILE with their numbers; type a number to change "
    "that answer (saved at once as usual), q to finish.\n"
    "\n"
    "Scripting: when standard input is not a terminal, answers are read one per line, and every respondent detail "
    "must be given as an option (or come from FILE when it is resumed): when one is missing, the command exits with 2 "
    "before reading anything. Colours and screen clearing are "
    "used only when standard output is a terminal, NO_COLOR is unset and --plain is not given.";

// A fresh respondent id to offer, such as "r-k7xq2m".
std::string random_pseudonym() {
  static constexpr char alphabet[] = "abcdefghjkmnpqrstuvwxyz23456789";  // no look-alikes (0/o, 1/l/i)
  std::random_device entropy;
  std::uniform_int_distribution<std::size_t> pick(0, sizeof alphabet - 2);
  std::string id = "r-";
  for (int i = 0; i < 6; ++i) id += alphabet[pick(entropy)];
  return id;
}

// Today's date, local time.
struct Today {
  std::string date;  // YYYY-MM-DD
  std::string year;
};

// Today's date, or empty texts when the clock cannot be read.
Today today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  if (now == static_cast<std::time_t>(-1) || !::localtime_r(&now, &local)) return {};
  return {fmt::format("{:04}-{:02}-{:02}", local.tm_year + 1900, local.tm_mon + 1, local.tm_mday),
          fmt::format("{:04}", local.tm_year + 1900)};
}

// The respondent details given as options. Throws UsageError for one that respondent_field_problem refuses.
Respondent respondent_from(const AskOptions& options) {
  Respondent given;
  given.id = options.respondent;
  given.organisation = options.organisation;
  given.partnership = options.partnership;
  given.role = options.role;
  given.period = options.period;
  const std::pair<const char*, const std::string*> fields[] = {
      {"--respondent", &given.id},   {"--organisation", &given.organisation}, {"--partnership", &given.partnership},
      {"--role", &given.role},       {"--period", &given.period}};
  for (const auto& [option, value] : fields) {
    if (value->empty()) continue;
    if (const auto problem = respondent_field_problem(*value)) {
      throw UsageError(fmt::format("{}: {}", option, *problem));
    }
  }
  return given;
}

// Throws IoError when `output` can never be a response file: a folder, a device, a link to nothing, a missing folder.
void check_ask_output(const std::string& output) {
  namespace fs = std::filesystem;
  std::error_code ec;
  check_output_target(output, Overwrite::allow);
  const fs::path folder = fs::path(output).parent_path();
  if (!folder.empty() && !fs::is_directory(folder, ec)) {
    throw IoError(output, fmt::format("cannot be written: the folder {} does not exist", folder.string()));
  }
}

// The response in `output` to resume, or nothing when there is no file (or an empty one) there. Anything else
// there is never overwritten: a folder, a device, a missing parent folder or a file that is not a response is an
// IoError, a file of other questionnaires or versions than `questionnaires` a UsageError (checked before the file is
// loaded, as loading would refuse another version), an invalid response an InputError.
std::optional<Response> response_to_resume(const std::string& output, const Catalog& catalog,
                                           const std::vector<const Questionnaire*>& questionnaires, Console& console) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const bool empty_file = fs::is_regular_file(output, ec) && fs::file_size(output, ec) == 0;
  if (!fs::exists(output, ec) || empty_file) return std::nullopt;
  const std::string text = read_text_file(output);
  if (detect_input_kind(text) != InputKind::response) {
    throw IoError(output, "exists and is not a response file; choose another -o FILE (nothing was changed)");
  }
  try {
    Response named;
    named.questionnaires = answered_questionnaires(text, output);
    check_resumable(named, questionnaires, Respondent{}, output);
    return parse_response(text, output, catalog);
  } catch (const InputError&) {
    console.err << fmt::format("partnerpulse: error: cannot resume {}: it is not a valid response file (problems "
                               "below); fix or move it, or choose another -o FILE\n",
                               output);
    throw;
  }
}

// The options after the questionnaires that a resumed session needs again: folders, language, --plain.
std::vector<std::string> repeated_options(const AskOptions& options) {
  std::vector<std::string> words;
  for (const auto& folder : options.questionnaire_folders) {
    words.push_back("--questionnaires");
    words.push_back(folder);
  }
  if (!options.language.empty()) words.insert(words.end(), {"--language", options.language});
  if (options.plain) words.push_back("--plain");
  return words;
}

// The commands printed after a save: the one that resumes this session, and the one that reviews the file.
void add_commands(AskSettings& settings, const AskOptions& options) {
  std::vector<std::string> review = {"partnerpulse", "ask", "--review", settings.output_path};
  std::vector<std::string> resume = {"partnerpulse", "ask"};
  resume.insert(resume.end(), options.questionnaires.begin(), options.questionnaires.end());
  resume.insert(resume.end(), {"-o", settings.output_path});
  const std::vector<std::string> repeated = repeated_options(options);
  review.insert(review.end(), repeated.begin(), repeated.end());
  resume.insert(resume.end(), repeated.begin(), repeated.end());
  settings.review_command = shell_command(review);
  settings.resume_command = options.review.empty() ? shell_command(resume) : settings.review_command;
}

// Layout and defaults of the session: from the options, the terminal and today's date.
AskSettings settings_for(const AskOptions& options, const Console& console) {
  const Today now = today();
  AskSettings settings;
  settings.output_path = options.review.empty() ? options.output : options.review;
  settings.language = interface_language();  // resolved from --language or the environment
  if (console.out_is_terminal) {
    const TerminalSize size = terminal_size(STDOUT_FILENO);
    settings.width = size.columns;
    settings.height = size.rows;
    settings.measure_size = [] { return terminal_size(STDOUT_FILENO); };
  } else {
    settings.width = choose_width(0, std::getenv("COLUMNS"));
  }
  settings.colour = use_colour_from_environment(console.out_is_terminal, options.plain);
  settings.redraw = settings.colour && console.in_is_terminal;
  settings.pages = console.in_is_terminal && console.out_is_terminal;
  settings.echo_input = !console.in_is_terminal;
  settings.today = now.date;
  settings.default_id = random_pseudonym();
  settings.default_period = now.year;
  settings.review = !options.review.empty();
  add_commands(settings, options);
  return settings;
}

// The exit code for how the session ended; says why on standard error when it is not 0.
int exit_code_of(AskOutcome outcome, const AskSession& session, const std::string& output, Console& console) {
  switch (outcome) {
    case AskOutcome::finished:
    case AskOutcome::quit:
    case AskOutcome::input_ended:
      return exit_ok;
    case AskOutcome::stopped:
      return exit_stopped;
    case AskOutcome::nothing_saved:
      console.err << "partnerpulse: error: input ended before the respondent details were complete; nothing was "
                     "saved\n";
      return exit_invalid;
    case AskOutcome::save_failed:
      console.err << fmt::format("partnerpulse: error: could not save {}: {}\n", output, session.last_save_error());
      return exit_invalid;
  }
  return exit_invalid;
}

// The roles and periods of the partnership file found (--partnerships DIR, or partnership.toml beside -o FILE),
// offered as choices; the newest declared period becomes the period offered by default.
void add_partnership_choices(AskSettings& settings, const AskOptions& options, const std::string& output) {
  std::vector<std::string> beside;
  const std::string folder = std::filesystem::path(output).parent_path().string();
  const std::string file = (folder.empty() ? std::string("partnership.toml") : folder + "/partnership.toml");
  std::error_code error;
  if (std::filesystem::is_regular_file(file, error)) beside.push_back(file);
  const PartnershipSet partnerships = load_partnerships(beside, options.partnership_folders);
  const Partnership* partnership = partnership_for_ask(partnerships, options.partnership);
  if (!partnership) return;
  const PartnershipChoices choices = partnership_choices(*partnership);
  settings.role_choices = choices.roles;
  settings.period_choices = choices.periods;
  if (!choices.periods.empty()) settings.default_period = choices.periods.front();
}

// With piped input nothing can be asked: throws UsageError naming the respondent options missing from `given`
// and from the file resumed (`existing`), before any answer is read or anything written.
void require_respondent_details(const Respondent& given, const std::optional<Response>& existing) {
  const std::vector<std::string> missing = missing_respondent_options(existing ? existing->respondent : given);
  if (missing.empty()) return;
  throw UsageError(fmt::format("standard input is not a terminal, so respondent details cannot be asked; missing: {}. "
                               "Give them as options, or resume a file that has them. Nothing was read or written",
                               fmt::join(missing, ", ")));
}

// The questionnaire arguments of `ask --review FILE` when none are given: the ids the file answers, in its order.
std::vector<std::string> reviewed_questionnaires(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(path, ec)) throw UsageError(fmt::format("--review {}: there is no such file to review", path));
  const std::string text = read_text_file(path);
  if (detect_input_kind(text) != InputKind::response) throw IoError(path, "is not a response file; nothing to review");
  std::vector<std::string> ids;
  for (const auto& answers : answered_questionnaires(text, path)) ids.push_back(answers.questionnaire);
  return ids;
}

// Runs the session on the process's own standard input (watching for Ctrl-C, SIGTERM, SIGHUP and resizes), or on
// the console's stream in tests.
AskOutcome run_session(AskSession& session, Console& console) {
  if (&console.in != &std::cin) return session.run(console.in, console.out);
  TerminalInput input(STDIN_FILENO);  // restores the signals' handling and the terminal's mode on every way out
  return session.run(input, console.out);
}

// Runs the interactive session, resuming -o FILE when it holds a response to the same questionnaires.
int run_ask(const AskOptions& given_options, Console& console) {
  AskOptions options = given_options;
  const Respondent given = respondent_from(options);
  if (!options.review.empty() && options.questionnaires.empty()) {
    options.questionnaires = reviewed_questionnaires(options.review);
  }
  const std::string output = options.review.empty() ? options.output : options.review;
  if (options.questionnaires.empty()) throw UsageError("give at least one QUESTIONNAIRE to ask");
  if (output.empty()) throw UsageError("-o FILE must name the response file to write");
  const NamedQuestionnaires named = find_named_questionnaires(options.questionnaires, options.questionnaire_folders,
                                                                folders_of({output}));  // beside FILE, last
  const Catalog& catalog = named.catalog;
  const std::vector<const Questionnaire*>& questionnaires = named.questionnaires;
  check_ask_output(output);
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!console.in_is_terminal && !fs::exists(output, ec)) require_respondent_details(given, std::nullopt);
  const FileLock lock(output);  // one session per response file, held until the session ends
  const std::optional<Response> existing = response_to_resume(output, catalog, questionnaires, console);
  if (!console.in_is_terminal) require_respondent_details(given, existing);

  AskSettings settings = settings_for(options, console);
  add_partnership_choices(settings, options, output);
  AskSession session(questionnaires, given, settings, save_to_file(output));
  if (existing) session.resume(*existing);
  const AskOutcome outcome = run_session(session, console);
  console.out.flush();
  return exit_code_of(outcome, session, output, console);
}

}  // namespace

CommandRun setup_ask(CLI::App& command) {
  auto options = std::make_shared<AskOptions>();
  command.description(ask_description);
  command.add_option("QUESTIONNAIRE", options->questionnaires,
                     "Questionnaire ids or .toml files, asked in this order (with --review: those of the file)")
      ->type_name("ID|PATH");
  CLI::Option* output =
      command.add_option("-o,--output", options->output,
                         "The response file to write after every answer; when it exists, the session resumes it")
          ->type_name("FILE")
          ->check(non_empty_file());
  command.add_option("--review", options->review,
                     "List the answers in FILE by number and change any of them (saved after every change)")
      ->type_name("FILE")
      ->check(non_empty_file())
      ->excludes(output);
  command.add_option("--respondent", options->respondent, "Your respondent id, a pseudonym (asked at a terminal when not given)")
      ->type_name("ID");
  command.add_option("--organisation", options->organisation, "Your organisation (asked at a terminal when not given)")
      ->type_name("NAME");
  command.add_option("--partnership", options->partnership, "The partnership assessed (asked at a terminal when not given)")
      ->type_name("ID");
  command.add_option("--role", options->role, "Your organisation's role in the partnership (asked at a terminal when not given)")
      ->type_name("ROLE");
  command.add_option("--period", options->period, "The period assessed, such as 2025 (asked at a terminal when not given)")
      ->type_name("PERIOD");
  add_language_option(command, options->language);
  add_partnerships_option(command, options->partnership_folders,
                          "Their declared roles and periods are offered; a partnership.toml beside -o FILE is read too");
  command.add_flag("--plain", options->plain, "No colours and no screen clearing, even on a terminal");
  add_questionnaire_folders_option(command, options->questionnaire_folders);
  return run_with(options, run_ask);
}

}  // namespace partnerpulse
