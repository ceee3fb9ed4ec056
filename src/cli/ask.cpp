#include <cstdlib>
#include <ctime>
#include <filesystem>
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

const char* const ask_description =
    "Fill in one or more questionnaires at the terminal, one question at a time. QUESTIONNAIRE is an id found on the "
    "search path (see `partnerpulse list`) or the path of a questionnaire file. Respondent details not given as "
    "options are asked first.\n"
    "\n"
    "Keys (type one, then Enter):\n"
    "  1-5    answer with that point of the scale (the question shows its own range)\n"
    "  na     not applicable / don't know, where the scale allows it\n"
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

bool is_path_argument(const std::string& argument) {
  return argument.find('/') != std::string::npos ||
         (argument.size() > 5 && argument.compare(argument.size() - 5, 5, ".toml") == 0);
}

std::string random_pseudonym() {
  static constexpr char alphabet[] = "abcdefghjkmnpqrstuvwxyz23456789";  // no look-alikes (0/o, 1/l/i)
  std::random_device entropy;
  std::uniform_int_distribution<std::size_t> pick(0, sizeof alphabet - 2);
  std::string id = "r-";
  for (int i = 0; i < 6; ++i) id += alphabet[pick(entropy)];
  return id;
}

struct Today {
  std::string date;  // YYYY-MM-DD
  std::string year;
};

Today today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  if (now == static_cast<std::time_t>(-1) || !::localtime_r(&now, &local)) return {};
  return {fmt::format("{:04}-{:02}-{:02}", local.tm_year + 1900, local.tm_mon + 1, local.tm_mday),
          fmt::format("{:04}", local.tm_year + 1900)};
}

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

}  // namespace

void setup_ask(CLI::App& app, AskOptions& options) {
  app.description(ask_description);
  app.add_option("QUESTIONNAIRE", options.questionnaires, "Questionnaire ids or .toml files, asked in this order")
      ->required()
      ->type_name("ID|PATH");
  app.add_option("-o,--output", options.output,
                 "The response file to write after every answer; when it exists, the session resumes it")
      ->required()
      ->type_name("FILE");
  app.add_option("--respondent", options.respondent, "Your respondent id, a pseudonym (asked when not given)")
      ->type_name("ID");
  app.add_option("--organisation", options.organisation, "Your organisation (asked when not given)")
      ->type_name("NAME");
  app.add_option("--partnership", options.partnership, "The partnership assessed (asked when not given)")
      ->type_name("ID");
  app.add_option("--role", options.role, "Your organisation's role in the partnership (asked when not given)")
      ->type_name("ROLE");
  app.add_option("--period", options.period, "The period assessed, such as 2025 (asked when not given)")
      ->type_name("PERIOD");
  app.add_option("--language", options.language,
                 "Language code for questionnaire texts, where the questionnaire has a translation")
      ->type_name("CODE");
  app.add_flag("--plain", options.plain, "No colours and no screen clearing, even on a terminal");
  add_questionnaire_folders_option(app, options.questionnaire_folders);
}

int run_ask(const AskOptions& options, Console& console) {
  namespace fs = std::filesystem;
  const Respondent given = respondent_from(options);
  if (options.output.empty()) throw UsageError("-o FILE must name the response file to write");

  // Questionnaires: files given by path take precedence over the search path.
  std::vector<Questionnaire> from_paths;
  std::vector<std::string> ids;
  for (const auto& argument : options.questionnaires) {
    if (is_path_argument(argument)) {
      Questionnaire questionnaire = load_questionnaire(argument);
      ids.push_back(questionnaire.id);
      from_paths.push_back(std::move(questionnaire));
    } else {
      ids.push_back(argument);
    }
  }
  const Catalog catalog =
      Catalog::from_folders(questionnaire_search_path(options.questionnaire_folders), std::move(from_paths));
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

  // An existing output file is a session to resume; anything else there is never overwritten.
  std::optional<Response> existing;
  std::error_code ec;
  if (fs::is_directory(options.output, ec)) throw IoError(options.output, "is a folder, not a file");
  const fs::path folder = fs::path(options.output).parent_path();
  if (!folder.empty() && !fs::is_directory(folder, ec)) {
    throw IoError(options.output, fmt::format("cannot be written: the folder {} does not exist", folder.string()));
  }
  const bool empty_file = fs::is_regular_file(options.output, ec) && fs::file_size(options.output, ec) == 0;
  if (fs::exists(options.output, ec) && !empty_file) {
    const std::string text = read_text_file(options.output);
    if (detect_input_kind(text) != InputKind::response) {
      throw IoError(options.output, "exists and is not a response file; choose another -o FILE (nothing was changed)");
    }
    try {
      existing = parse_response(text, options.output, catalog);
    } catch (const InputError&) {
      console.err << fmt::format("partnerpulse: error: cannot resume {}: it is not a valid response file (problems "
                                 "below); fix or move it, or choose another -o FILE\n",
                                 options.output);
      throw;
    }
  }

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

  AskSession session(questionnaires, given, settings, save_to_file(options.output));
  if (existing) session.resume(*existing);
  const AskOutcome outcome = session.run(console.in, console.out);
  console.out.flush();
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
      console.err << fmt::format("partnerpulse: error: could not save {}: {}\n", options.output,
                                 session.last_save_error());
      return exit_invalid;
  }
  return exit_invalid;
}

}  // namespace partnerpulse
