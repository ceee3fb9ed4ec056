#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <random>

#include <unistd.h>

#include <fmt/ranges.h>

#include "cli/commands.hpp"
#include "partnerpulse/catalog.hpp"
#include "partnerpulse/files.hpp"
#include "partnerpulse/questionnaire_loader.hpp"
#include "partnerpulse/response.hpp"
#include "terminal/ask_session.hpp"
#include "terminal/terminal.hpp"
#include "util/name_suggestions.hpp"

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
  std::string language;
  bool plain = false;
};

// The full description shown by `partnerpulse ask --help`.
const char* const ask_description =
    "Fill in one or more questionnaires at the terminal, one question at a time. QUESTIONNAIRE is an id found on the "
    "search path (see `partnerpulse list`) or the path of a questionnaire file. Respondent details not given as "
    "options are asked first.\n"
    "\n"
    "Keys (type one, then Enter):\n"
    "  1-5    answer with that point of the scale (the question shows its own range)\n"
    "  na     not applicable, where the scale allows it\n"
    "  dk     don't know, where the scale allows it\n"
    "  b      back to the previous question\n"
    "  s      skip: go to the next question, leaving this one as it is\n"
    "  c      add a comment to the current question (typed on the next line; Enter alone cancels)\n"
    "  ?      show the keys\n"
    "  q      save and quit\n"
    "Open questions take the line itself as the answer; Enter alone skips them.\n"
    "\n"
    "Autosave and resume: after every answer, skip, step back and comment, FILE is rewritten atomically as a valid "
    "response file marked \"incomplete\" (\"complete\" once every scored question is answered). Running the same "
    "command again resumes at the first unanswered question. At the end of input (Ctrl-D, a closed pipe) the answers "
    "are saved and the command exits with 0, as it does after q. At the end you see your own dimension scores and "
    "advice for the weakest dimension.\n"
    "\n"
    "Scripting: when standard input is not a terminal, answers are read one per line. Colours and screen clearing are "
    "used only when standard output is a terminal, NO_COLOR is unset and --plain is not given.";

// True when a QUESTIONNAIRE argument names a file (it holds a '/' or ends in .toml) rather than an id.
bool is_path_argument(const std::string& argument) {
  return argument.find('/') != std::string::npos ||
         (argument.size() > 5 && argument.compare(argument.size() - 5, 5, ".toml") == 0);
}

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

// The catalog to look the questionnaires up in: the files given by path first, then the search path. Stores in
// `ids` the id of every questionnaire argument, in order.
Catalog catalog_for(const AskOptions& options, std::vector<std::string>& ids) {
  std::vector<Questionnaire> from_paths;
  for (const auto& argument : options.questionnaires) {
    if (is_path_argument(argument)) {
      Questionnaire questionnaire = load_questionnaire(argument);
      ids.push_back(questionnaire.id);
      from_paths.push_back(std::move(questionnaire));
    } else {
      ids.push_back(argument);
    }
  }
  return Catalog::from_folders(questionnaire_search_path(options.questionnaire_folders), std::move(from_paths));
}

// The questionnaires with these ids, in order. Throws UsageError for an unknown id or one given twice.
std::vector<const Questionnaire*> find_questionnaires(const Catalog& catalog, const std::vector<std::string>& ids) {
  std::vector<const Questionnaire*> questionnaires;
  for (const auto& id : ids) {
    const Questionnaire* questionnaire = catalog.find(id);
    if (!questionnaire) {
      const std::vector<std::string> known = catalog.ids();
      const auto suggestion = closest_name(id, known);
      throw UsageError(fmt::format("unknown questionnaire '{}'{}; found: {}; searched: {}", id,
                                   suggestion ? fmt::format(" (did you mean '{}'?)", *suggestion) : "",
                                   known.empty() ? "none" : fmt::format("{}", fmt::join(known, ", ")),
                                   catalog.searched_folders()));
    }
    for (const auto* seen : questionnaires) {
      if (seen->id == id) throw UsageError(fmt::format("questionnaire '{}' is given twice", id));
    }
    questionnaires.push_back(questionnaire);
  }
  return questionnaires;
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

// Layout and defaults of the session: from the options, the terminal and today's date.
AskSettings settings_for(const AskOptions& options, const Console& console) {
  const Today now = today();
  AskSettings settings;
  settings.output_path = options.output;
  settings.language = options.language;
  settings.width = console.out_is_terminal ? terminal_width(STDOUT_FILENO) : choose_width(0, std::getenv("COLUMNS"));
  if (console.out_is_terminal) settings.measure_width = [] { return terminal_width(STDOUT_FILENO); };
  settings.colour = use_colour_from_environment(console.out_is_terminal, options.plain);
  settings.redraw = settings.colour && console.in_is_terminal;
  settings.echo_input = !console.in_is_terminal;
  settings.today = now.date;
  settings.default_id = random_pseudonym();
  settings.default_period = now.year;
  return settings;
}

// The exit code for how the session ended; says why on standard error when it is not 0.
int exit_code_of(AskOutcome outcome, const AskSession& session, const std::string& output, Console& console) {
  switch (outcome) {
    case AskOutcome::finished:
    case AskOutcome::quit:
    case AskOutcome::input_ended:
      return exit_ok;
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

// Runs the interactive session, resuming -o FILE when it holds a response to the same questionnaires.
int run_ask(const AskOptions& options, Console& console) {
  const Respondent given = respondent_from(options);
  if (options.output.empty()) throw UsageError("-o FILE must name the response file to write");
  std::vector<std::string> ids;
  const Catalog catalog = catalog_for(options, ids);
  const std::vector<const Questionnaire*> questionnaires = find_questionnaires(catalog, ids);
  check_ask_output(options.output);
  const FileLock lock(options.output);  // one session per response file, held until the session ends
  const std::optional<Response> existing = response_to_resume(options.output, catalog, questionnaires, console);

  AskSession session(questionnaires, given, settings_for(options, console), save_to_file(options.output));
  if (existing) session.resume(*existing);
  const AskOutcome outcome = session.run(console.in, console.out);
  console.out.flush();
  return exit_code_of(outcome, session, options.output, console);
}

}  // namespace

CommandRun setup_ask(CLI::App& command) {
  auto options = std::make_shared<AskOptions>();
  command.description(ask_description);
  command.add_option("QUESTIONNAIRE", options->questionnaires, "Questionnaire ids or .toml files, asked in this order")
      ->required()
      ->type_name("ID|PATH");
  command.add_option("-o,--output", options->output,
                     "The response file to write after every answer; when it exists, the session resumes it")
      ->required()
      ->type_name("FILE")
      ->check(non_empty_file());
  command.add_option("--respondent", options->respondent, "Your respondent id, a pseudonym (asked when not given)")
      ->type_name("ID");
  command.add_option("--organisation", options->organisation, "Your organisation (asked when not given)")
      ->type_name("NAME");
  command.add_option("--partnership", options->partnership, "The partnership assessed (asked when not given)")
      ->type_name("ID");
  command.add_option("--role", options->role, "Your organisation's role in the partnership (asked when not given)")
      ->type_name("ROLE");
  command.add_option("--period", options->period, "The period assessed, such as 2025 (asked when not given)")
      ->type_name("PERIOD");
  command.add_option("--language", options->language,
                     "Language code for questionnaire texts, where the questionnaire has a translation")
      ->type_name("CODE");
  command.add_flag("--plain", options->plain, "No colours and no screen clearing, even on a terminal");
  add_questionnaire_folders_option(command, options->questionnaire_folders);
  return run_with(options, run_ask);
}

}  // namespace partnerpulse
