#include "terminal/ask_session.hpp"

#include <algorithm>
#include <optional>
#include <sstream>
#include <charconv>
#include <istream>
#include <limits>
#include <ostream>
#include <streambuf>

#include <fmt/ranges.h>

#include "partnerpulse/diagnostics.hpp"
#include "partnerpulse/files.hpp"
#include "partnerpulse/interface_text.hpp"
#include "partnerpulse/scoring.hpp"
#include "terminal/display_width.hpp"
#include "terminal/screen_layout.hpp"
#include "terminal/terminal.hpp"
#include "util/bidi_isolation.hpp"
#include "util/decimal_format.hpp"
#include "util/text_filters.hpp"

namespace partnerpulse {

SaveResponse save_to_file(std::string path) {
  return [path = std::move(path)](const Response& response) {
    const std::string text = write_response(response);
    const StopSignalsHeld held;  // a stop signal waits for the file to be complete
    write_file_atomically(path, text, Overwrite::allow);
  };
}

namespace {

std::string join_ids(const std::vector<std::string>& ids) {
  return ids.empty() ? std::string("nothing") : fmt::format("'{}'", fmt::join(ids, "', '"));
}

struct RespondentField {
  std::string Respondent::*member;
  const char* name;    // as in the file
  const char* option;  // the option that gives it
};

const RespondentField respondent_fields[] = {
    {&Respondent::id, "id", "--respondent"},
    {&Respondent::organisation, "organisation", "--organisation"},
    {&Respondent::partnership, "partnership", "--partnership"},
    {&Respondent::role, "role", "--role"},
    {&Respondent::period, "period", "--period"},
};

// The separator between the items of a list on one line ("b back, s skip"), in the interface language.
std::string list_separator() {
  // TRANSLATORS: the separator between the items of a list on one line, such as the keys: "b back, s skip".
  return std::string(tr(", "));
}

// The question that asks for `field`, in the interface language.
std::string_view field_prompt(const RespondentField& field) {
  if (field.member == &Respondent::id) return tr("Your respondent id (a pseudonym; never printed in reports)");
  if (field.member == &Respondent::organisation) return tr("Your organisation");
  if (field.member == &Respondent::partnership) return tr("The partnership you are assessing");
  if (field.member == &Respondent::role) return tr("Your organisation's role in the partnership");
  return tr("The period you are assessing (for example a year)");
}

// The request to type `field` again, with {0} for the reason (respondent_field_problem), in the interface language.
std::string_view field_retry(const RespondentField& field) {
  if (field.member == &Respondent::id) return tr("Please type id again: {0}.");
  if (field.member == &Respondent::organisation) return tr("Please type organisation again: {0}.");
  if (field.member == &Respondent::partnership) return tr("Please type partnership again: {0}.");
  if (field.member == &Respondent::role) return tr("Please type role again: {0}.");
  return tr("Please type period again: {0}.");
}

// The request to pick `field` (the role or the period) from {0}, the numbered choices, in the interface language.
std::string_view field_choice_retry(const RespondentField& field) {
  if (field.member == &Respondent::role) return tr("Please choose the role by its number or name: {0}.");
  return tr("Please choose the period by its number or name: {0}.");
}

bool is_one_of(std::string_view key, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), key) != words.end();
}

// Questionnaire text made safe to print: control characters removed, line breaks kept.
std::string printable(std::string_view text) {
  return transform_lines(text, [](std::string_view line) { return clean_input_text(line); });
}

// Parses a whole (optionally signed) number; nothing when `key` is not one or does not fit in an int.
enum class NumberParse { not_a_number, out_of_range, ok };
NumberParse parse_number(std::string_view key, int& value) {
  if (!key.empty() && key.front() == '+') key.remove_prefix(1);
  if (key.empty()) return NumberParse::not_a_number;
  long long parsed = 0;
  const auto [ptr, ec] = std::from_chars(key.data(), key.data() + key.size(), parsed);
  if (ptr != key.data() + key.size()) return NumberParse::not_a_number;
  if (ec == std::errc::result_out_of_range) return NumberParse::out_of_range;
  if (ec != std::errc()) return NumberParse::not_a_number;
  if (parsed < std::numeric_limits<int>::min() || parsed > std::numeric_limits<int>::max()) {
    return NumberParse::out_of_range;
  }
  value = static_cast<int>(parsed);
  return NumberParse::ok;
}

bool looks_like_a_decimal(std::string_view key) {
  return !key.empty() && key.find_first_not_of("+-0123456789.,") == std::string_view::npos &&
         key.find_first_of("0123456789") != std::string_view::npos;
}

}  // namespace

std::vector<std::string> missing_respondent_options(const Respondent& respondent) {
  std::vector<std::string> missing;
  for (const auto& field : respondent_fields) {
    if ((respondent.*field.member).empty()) missing.emplace_back(field.option);
  }
  return missing;
}

void check_resumable(const Response& existing, const std::vector<const Questionnaire*>& questionnaires,
                     const Respondent& given, const std::string& path) {
  std::vector<std::string> in_file, asked;
  for (const auto& answers : existing.questionnaires) in_file.push_back(answers.questionnaire);
  for (const auto* questionnaire : questionnaires) asked.push_back(questionnaire->id);
  std::vector<std::string> file_sorted = in_file, asked_sorted = asked;
  std::sort(file_sorted.begin(), file_sorted.end());
  std::sort(asked_sorted.begin(), asked_sorted.end());
  if (file_sorted != asked_sorted) {
    throw UsageError(fmt::format("{} holds answers to {}, not to {}: give the same questionnaires to resume it, or "
                                 "choose another --output file",
                                 path, join_ids(in_file), join_ids(asked)));
  }
  for (const auto* questionnaire : questionnaires) {
    const QuestionnaireAnswers* answers = existing.find(questionnaire->id);
    if (answers && answers->version != questionnaire->version) {
      throw UsageError(fmt::format("{} answers version \"{}\" of '{}', but the questionnaire found is version \"{}\" "
                                   "({}): choose another --output file",
                                   path, answers->version, questionnaire->id, questionnaire->version,
                                   questionnaire->path));
    }
  }
  std::vector<std::string> differences;
  for (const auto& field : respondent_fields) {
    const std::string& wanted = given.*field.member;
    const std::string& found = existing.respondent.*field.member;
    if (!wanted.empty() && wanted != found) {
      differences.push_back(fmt::format("{} is '{}' in the file, not '{}'", field.name, found, wanted));
    }
  }
  if (!differences.empty()) {
    throw UsageError(fmt::format("{} was started with other respondent details ({}): give the same details, or leave "
                                 "those options out, to resume it; or choose another --output file",
                                 path, fmt::join(differences, "; ")));
  }
}

namespace {

struct Entry {
  const Questionnaire* questionnaire = nullptr;
  std::size_t questionnaire_index = 0;
  const Item* item = nullptr;
  const Scale* scale = nullptr;  // nullptr for open questions
  bool scored() const { return scale != nullptr; }
};

struct ItemState {
  bool answered = false;
  std::optional<int> value;  // scored items: the answer, empty for "na" or "dont-know"
  bool dont_know = false;    // scored items without a value: "dont-know" rather than "na"
  std::string text;          // open questions: the answer
  std::string comment;       // the respondent's comment (added with `c` on scored items; kept from the file on any)
};

template <typename T>
void sort_by_item(std::vector<T>& values) {
  std::stable_sort(values.begin(), values.end(), [](const T& a, const T& b) { return a.item < b.item; });
}

// What handling one line leads to.
enum class Flow { stay, moved, finished, quit, input_ended, stopped };

// A message shown with the next screen: wrapped to the width when the screen is drawn.
struct Notice {
  enum class Kind { plain, good, warning };
  std::string text;  // empty: none
  Kind kind = Kind::plain;
  bool laid_out = false;  // already in lines (the keys in plain mode): shown as it is
};

// What a sentence ending in a command leads with: "To resume:" and, without a command, what to say instead.
struct CommandLead {
  std::string_view lead;
  std::string_view fallback;
};
CommandLead to_resume() { return {tr("To resume:"), tr("Run the same command again to resume.")}; }
CommandLead to_finish() { return {tr("To answer the rest:"), tr("Run the same command again to answer the rest.")}; }
CommandLead to_review() { return {tr("To change an answer:"), ""}; }

}  // namespace

struct AskSession::Impl {
  std::vector<const Questionnaire*> questionnaires;
  Respondent respondent;
  AskSettings settings;
  SaveResponse save;
  Style style;
  std::vector<Entry> entries;
  std::vector<ItemState> states;

  bool resumed = false;
  std::size_t position = 0;
  std::size_t furthest = 0;       // the furthest item reached; answered items beyond it are passed over
  bool revisiting = false;        // going through the unanswered scored items a second time
  bool revisit_offered = false;
  bool reviewing = false;         // changing one answer chosen from the list (`ask --review`)
  bool keys_shown = false;
  Notice notice;                  // shown with the next screen
  std::string prompt_override;    // asked instead of the answer, on the question's screen (the comment prompt)
  std::string last_error;

  // A message wrapped to the width, so that a terminal never breaks a word.
  std::string wrapped(std::string_view message) const {
    return fmt::format("{}", fmt::join(wrap_text(message, settings.width), "\n"));
  }

  // True when the session's words or questionnaire texts are written right to left (see AskSession::run).
  bool right_to_left() const {
    return is_right_to_left_language(interface_language()) || is_right_to_left_language(settings.language);
  }

  // `what`, then the lead and the command: on one line when it fits, else the command on a line of its own (never
  // broken, so that it can be copied whole). Right to left, always on a line of its own: left to right, and with no
  // isolates around it to be copied with it.
  std::string with_command(std::string_view what, const std::string& command, CommandLead lead) const {
    if (command.empty()) {
      return wrapped(!lead.fallback.empty() ? fmt::format("{} {}", what, lead.fallback) : std::string(what));
    }
    const std::string one_line = fmt::format("{} {} {}", what, lead.lead, command);
    if (display_width(one_line) <= settings.width && !right_to_left()) return one_line;
    return wrapped(fmt::format("{} {}", what, lead.lead)) + "\n  " + command;
  }

  void measure() {
    if (!settings.measure_size) return;
    const TerminalSize size = settings.measure_size();
    settings.width = std::max(size.columns, min_terminal_width);
    settings.height = size.rows;
  }

  // Reads a line; a resize only measures the screen again (a prompt on its own has nothing to redraw).
  InputEvent read_line(LineInput& in, InputLine& line) {
    while (true) {
      const InputEvent event = in.read(line);
      if (event != InputEvent::resized) return event;
      measure();
    }
  }

  const std::string& text(const LocalizedText& localized) const {
    return settings.language.empty() ? localized.text() : localized.in(settings.language);
  }

  std::size_t answered_count() const {
    return static_cast<std::size_t>(
        std::count_if(states.begin(), states.end(), [](const ItemState& s) { return s.answered; }));
  }
  std::size_t scored_total() const {
    return static_cast<std::size_t>(
        std::count_if(entries.begin(), entries.end(), [](const Entry& e) { return e.scored(); }));
  }
  std::size_t scored_answered() const {
    std::size_t n = 0;
    for (std::size_t i = 0; i < entries.size(); ++i) if (entries[i].scored() && states[i].answered) ++n;
    return n;
  }

  QuestionnaireAnswers answers_to(std::size_t questionnaire_index) const {
    const Questionnaire& q = *questionnaires[questionnaire_index];
    QuestionnaireAnswers answers;
    answers.questionnaire = q.id;
    answers.version = q.version;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const Entry& entry = entries[i];
      if (entry.questionnaire_index != questionnaire_index) continue;
      const ItemState& state = states[i];
      if (state.answered) {
        if (entry.scored()) {
          answers.answers.push_back({entry.item->id, state.value, 0, 0, state.dont_know});
        } else {
          answers.open_answers.push_back({entry.item->id, state.text});
        }
      }
      if (!state.comment.empty()) answers.comments.push_back({entry.item->id, state.comment});
    }
    // The order parse_response gives (docs/response-format.md), so that a saved file reads back equal.
    sort_by_item(answers.answers);
    sort_by_item(answers.open_answers);
    sort_by_item(answers.comments);
    return answers;
  }

  Response build() const {
    Response response;
    response.path = settings.output_path;
    response.respondent = respondent;
    response.complete = scored_answered() == scored_total();
    for (std::size_t q = 0; q < questionnaires.size(); ++q) response.questionnaires.push_back(answers_to(q));
    return response;
  }

  // Saves; on failure reports it in one line and returns false (the next change tries again).
  bool save_now(std::ostream& out) {
    try {
      save(build());
      last_error.clear();
      return true;
    } catch (const IoError& error) {
      last_error = error.what();
    } catch (const std::exception& error) {
      last_error = error.what();
    }
    out << style.bad(wrapped(fmt::format(fmt::runtime(tr("Could not save to {0}: {1}. Your answers are kept here; "
                                                         "saving again after the next one.")),
                                         settings.output_path, last_error)))
        << '\n';
    return false;
  }

  void echo(std::ostream& out, const InputLine& line) const {
    if (!settings.echo_input) return;
    out << truncate_to_width(clean_input_text(line.text), settings.width > 40 ? settings.width - 30 : 10) << '\n';
  }

  // ---- respondent details -----------------------------------------------------------------------------------

  // The declared values of a detail (the role and the period, from a partnership file), empty when any will do.
  const std::vector<std::string>& choices_for(const RespondentField& field) const {
    static const std::vector<std::string> any;
    if (field.member == &Respondent::role) return settings.role_choices;
    if (field.member == &Respondent::period) return settings.period_choices;
    return any;
  }

  // `typed` as one of `choices`, by its number in the list or its text; nothing when it is neither.
  static std::optional<std::string> chosen(const std::string& typed, const std::vector<std::string>& choices) {
    for (std::size_t i = 0; i < choices.size(); ++i) {
      if (typed == choices[i] || typed == std::to_string(i + 1)) return choices[i];
    }
    return std::nullopt;
  }

  // "1 funder, 2 implementer": the choices as offered.
  static std::string numbered(const std::vector<std::string>& choices) {
    std::vector<std::string> shown;
    for (std::size_t i = 0; i < choices.size(); ++i) shown.push_back(fmt::format("{} {}", i + 1, choices[i]));
    return fmt::format("{}", fmt::join(shown, list_separator()));
  }

  // Asks each missing detail. Returns nothing when all are complete, else how the session ends.
  std::optional<AskOutcome> ask_respondent(LineInput& in, std::ostream& out) {
    if (missing_respondent_options(respondent).empty()) return std::nullopt;
    out << wrapped(tr("First, a few details about you and the partnership (q quits):")) << '\n';
    for (const auto& field : respondent_fields) {
      std::string& value = respondent.*field.member;
      if (!value.empty()) continue;
      const std::string fallback = field.member == &Respondent::id       ? settings.default_id
                                   : field.member == &Respondent::period ? settings.default_period
                                                                         : std::string();
      const std::vector<std::string>& choices = choices_for(field);
      if (!choices.empty()) {
        out << wrapped(fmt::format(fmt::runtime(tr("The partnership file declares: {0}.")), numbered(choices))) << '\n';
      }
      while (true) {
        out << wrapped(fmt::format("{}{}:", field_prompt(field), fallback.empty() ? "" : fmt::format(" [{}]", fallback)))
            << ' ' << std::flush;
        InputLine line;
        const InputEvent event = read_line(in, line);
        if (event == InputEvent::stopped) {
          out << '\n' << wrapped(tr("Stopped; nothing was saved.")) << '\n';
          return AskOutcome::stopped;
        }
        if (event != InputEvent::line) {
          out << '\n' << wrapped(tr("Input ended before the details were complete; nothing was saved.")) << '\n';
          return AskOutcome::nothing_saved;
        }
        echo(out, line);
        if (is_one_of(normalize_key(line.text), {"q", "quit"})) {
          out << wrapped(tr("Quit; nothing was saved.")) << '\n';
          return AskOutcome::quit;
        }
        std::string typed = line.truncated ? line.text : clean_input_text(line.text);
        if (typed.empty() && !fallback.empty()) typed = fallback;
        if (const auto problem = respondent_field_problem(typed)) {
          out << style.warning(wrapped(fmt::format(fmt::runtime(field_retry(field)), *problem))) << '\n';
          continue;
        }
        if (!choices.empty()) {
          const auto choice = chosen(typed, choices);
          if (!choice) {
            out << style.warning(wrapped(fmt::format(fmt::runtime(field_choice_retry(field)), numbered(choices))))
                << '\n';
            continue;
          }
          typed = *choice;
        }
        value = typed;
        break;
      }
    }
    return std::nullopt;
  }

  // ---- showing a question -----------------------------------------------------------------------------------

  std::string value_label(const Entry& entry, const ItemState& state) const {
    if (!state.value) return std::string(state.dont_know ? tr("dk (don't know)") : tr("na (not applicable)"));
    return fmt::format("{} {}", *state.value, printable(text(entry.scale->label(*state.value))));
  }

  // The points of a scale: key and label, "na" last where the scale allows it.
  std::vector<std::pair<std::string, std::string>> scale_points(const Scale& scale) const {
    std::vector<std::pair<std::string, std::string>> points;
    for (int v = scale.min; v <= scale.max; ++v) points.emplace_back(std::to_string(v), printable(text(scale.label(v))));
    if (scale.allow_na) points.emplace_back("na", tr("not applicable"));
    if (scale.allow_dont_know) points.emplace_back("dk", tr("don't know"));
    return points;
  }

  // The scale in full: on one line when it fits, else one point per line.
  std::vector<std::string> scale_full(const Scale& scale) const {
    const auto points = scale_points(scale);
    std::string one_line;
    for (const auto& [key, label] : points) one_line += fmt::format("{}{} {}", one_line.empty() ? "" : "   ", key, label);
    if (display_width(one_line) + 2 <= settings.width) return {"  " + one_line};
    std::size_t key_width = 0;
    for (const auto& point : points) key_width = std::max(key_width, point.first.size());
    std::vector<std::string> lines;
    for (const auto& [key, label] : points) {
      auto entry = wrap_definition(std::string(key_width - key.size(), ' ') + key, key_width, label, settings.width);
      lines.insert(lines.end(), entry.begin(), entry.end());
    }
    return lines;
  }

  // The scale packed into as few lines as its points allow.
  std::vector<std::string> scale_compact(const Scale& scale) const {
    std::vector<std::string> items;
    for (const auto& [key, label] : scale_points(scale)) {
      items.push_back(key + " " + label);
    }
    return wrap_items(items, "   ", settings.width, "  ");
  }

  // The scale's two ends only: "1 Strongly disagree … 5 Strongly agree, or na".
  std::vector<std::string> scale_ends(const Scale& scale) const {
    std::vector<std::string> items = {fmt::format("{} {}", scale.min, printable(text(scale.label(scale.min)))), "…",
                                      fmt::format("{} {}", scale.max, printable(text(scale.label(scale.max))))};
    if (scale.allow_na && scale.allow_dont_know) {
      items.emplace_back(tr("(or na or dk)"));
    } else if (scale.allow_na) {
      items.emplace_back(tr("(or na)"));
    } else if (scale.allow_dont_know) {
      items.emplace_back(tr("(or dk)"));
    }
    return wrap_items(items, " ", settings.width, "  ");
  }

  std::vector<std::string> keys_line(const Entry& entry, bool full) const {
    std::vector<std::string> items;
    const std::string help(tr("? help")), quit(tr("q save and quit"));
    if (!full) {
      items = {help, quit};
    } else if (reviewing) {
      items = {std::string(tr("Keys: Enter keeps the answer")), std::string(tr("b back to the list")), help, quit};
      if (entry.scored()) items.insert(items.begin() + 2, std::string(tr("c comment")));
    } else if (entry.scored()) {
      items = {std::string(tr("Keys: b back")), std::string(tr("s skip")), std::string(tr("c comment")), help, quit};
    } else {
      items = {std::string(tr("Keys: Enter skips")), std::string(tr("b back")), help, quit};
    }
    std::vector<std::string> lines = wrap_items(items, list_separator(), settings.width);
    for (auto& line : lines) line = style.dim(line);
    return lines;
  }

  std::vector<std::string> notice_lines() const {
    if (notice.text.empty()) return {};
    std::vector<std::string> lines;
    if (notice.laid_out) {
      std::istringstream text_lines(notice.text);
      for (std::string line; std::getline(text_lines, line);) lines.push_back(line);
    } else {
      lines = wrap_text(notice.text, settings.width);
    }
    for (auto& line : lines) {
      if (notice.kind == Notice::Kind::warning) line = style.warning(line);
      if (notice.kind == Notice::Kind::good) line = style.good(line);
    }
    return lines;
  }

  // The lines of the current answer and comment, when there are any.
  std::vector<std::string> current_answer_lines(const Entry& entry, const ItemState& state) const {
    std::vector<std::string> lines;
    if (state.answered) {
      const std::string lead = std::string(tr("Current answer:")) + " ";
      const std::string keeps = " " + std::string(tr("(s keeps it)"));
      const std::size_t used = display_width(lead) + display_width(keeps);
      const std::size_t room = settings.width > used + 8 ? settings.width - used : 8;
      const std::string answer = entry.scored() ? value_label(entry, state) : state.text;
      lines.push_back(style.good(lead) + truncate_to_width(answer, room) + style.dim(keeps));
    }
    return lines;
  }

  std::vector<std::string> comment_lines(const ItemState& state) const {
    if (state.comment.empty()) return {};
    const std::string lead = std::string(tr("Your comment:")) + " ";
    const std::size_t used = display_width(lead);
    const std::size_t room = settings.width > used + 8 ? settings.width - used : 8;
    return {style.dim(lead) + truncate_to_width(state.comment, room)};
  }

  // The parts of the question screen, in order; the step numbers say what gives way first when it is too high:
  // blank lines, the dimension, the long key line, the full scale, the key line, the comment, the compact scale,
  // the current answer. The number, questionnaire, question, notice and prompt never give way.
  std::vector<ScreenPart> question_parts() const {
    const Entry& entry = entries[position];
    const ItemState& state = states[position];
    const auto blank = [] { return ScreenPart{{{{""}, 0}, {{}, 1}}}; };
    const auto optional = [](std::vector<std::string> lines, int step) {
      return lines.empty() ? ScreenPart{} : ScreenPart{{{std::move(lines), 0}, {{}, step}}};
    };
    std::vector<ScreenPart> parts;
    const std::vector<std::string> message = notice_lines();
    if (!settings.redraw) {
      parts.push_back(blank());
      if (!message.empty()) parts.push_back({{{message, 0}}});
    }
    const std::string progress = fmt::format("{}/{}", position + 1, entries.size());
    const std::size_t title_room = settings.width > progress.size() + 4 ? settings.width - progress.size() - 2 : 1;
    parts.push_back({{{{style.bold(progress) + "  " +
                        style.dim(truncate_to_width(printable(text(entry.questionnaire->title)), title_room))},
                       0}}});
    const Dimension* dimension =
        entry.item->dimension.empty() ? nullptr : entry.questionnaire->find_dimension(entry.item->dimension);
    std::string heading = dimension ? printable(text(dimension->title)) : std::string();
    if (!entry.scored()) {
      heading = heading.empty() ? std::string(tr("Open question"))
                                : fmt::format(fmt::runtime(tr("{0} (open question)")), heading);
    }
    parts.push_back(optional({style.accent(truncate_to_width(heading, settings.width))}, 2));
    parts.push_back(blank());
    parts.push_back({{{wrap_text(printable(text(entry.item->text)), settings.width), 0}}});
    parts.push_back(blank());
    if (entry.scored()) {
      parts.push_back({{{scale_full(*entry.scale), 0}, {scale_compact(*entry.scale), 4},
                        {scale_ends(*entry.scale), 7}}});
    }
    parts.push_back(optional(current_answer_lines(entry, state), 8));
    parts.push_back(optional(comment_lines(state), 6));
    if (settings.redraw && !message.empty()) {
      parts.push_back(blank());
      parts.push_back({{{message, 0}}});
    }
    if (settings.redraw || !keys_shown) {
      parts.push_back({{{keys_line(entry, true), 0}, {keys_line(entry, false), 3}, {{}, 5}}});
    }
    const std::string prompt = !prompt_override.empty() ? prompt_override
                               : entry.scored()         ? answer_prompt(*entry.scale)
                                                        : std::string(tr("Your answer:"));
    parts.push_back({{{wrap_text(prompt, settings.width), 0}}});
    return parts;
  }

  void render(std::ostream& out) {
    measure();
    const std::vector<std::string> lines = fit_to_height(question_parts(), settings.height);
    std::string block = settings.redraw ? style.clear_screen() : std::string();
    for (std::size_t i = 0; i < lines.size(); ++i) block += lines[i] + (i + 1 < lines.size() ? "\n" : " ");
    keys_shown = true;
    notice = {};
    out << block << std::flush;
  }

  std::vector<std::string> help_lines(const Entry& entry) const {
    std::vector<std::pair<std::string, std::string_view>> keys;
    if (entry.scored()) {
      const std::string_view not_offered = tr("(not offered for this question)");
      keys.emplace_back(fmt::format("{}-{}", entry.scale->min, entry.scale->max),
                        tr("answer with that point of the scale"));
      keys.emplace_back("na", entry.scale->allow_na ? tr("not applicable") : not_offered);
      keys.emplace_back("dk", entry.scale->allow_dont_know ? tr("don't know") : not_offered);
      keys.emplace_back("c", tr("add a comment to this question (typed on the next line)"));
    } else {
      keys.emplace_back(tr("text"), tr("type your answer on one line; Enter alone skips the question"));
    }
    if (reviewing) {
      keys.emplace_back("b", tr("back to the list of answers"));
      keys.emplace_back("s", tr("(or Enter alone) keep the answer as it is and go back to the list"));
    } else {
      keys.emplace_back("b", tr("back to the previous question"));
      keys.emplace_back("s", tr("skip: go to the next question, leaving this one as it is"));
    }
    keys.emplace_back("?", tr("show these keys"));
    keys.emplace_back("q", tr("save and quit (the command that resumes is shown)"));
    std::size_t term_width = 0;
    for (const auto& key : keys) term_width = std::max(term_width, display_width(key.first));
    std::vector<std::string> lines = {std::string(tr("Keys (type one, then Enter):"))};
    for (const auto& [term, definition] : keys) {
      const auto entry_lines = wrap_definition(term, term_width, definition, settings.width);
      lines.insert(lines.end(), entry_lines.begin(), entry_lines.end());
    }
    for (auto& line : wrap_text(fmt::format(fmt::runtime(tr("Every answer is saved to {0} straight away.")),
                                            settings.output_path),
                                settings.width)) {
      lines.push_back(std::move(line));
    }
    return lines;
  }

  // Shows `lines` a screen at a time when pages are on (Enter shows the next), then `last_prompt` (nothing: none,
  // and no wait). Returns how the last wait ended (InputEvent::line when there was none).
  InputEvent show_pages(const std::vector<std::string>& lines, const std::string& last_prompt, LineInput& in,
                        std::ostream& out) {
    const bool paged = settings.pages && settings.height > 1;
    const auto pages = split_pages(lines, paged ? settings.height - 1 : 0);
    for (std::size_t i = 0; i < pages.size(); ++i) {
      if (settings.redraw) out << style.clear_screen();
      for (const auto& line : pages[i]) out << line << '\n';
      const bool more = i + 1 < pages.size();
      const std::string prompt =
          more ? fmt::format(fmt::runtime(tr("Press Enter for more (page {0} of {1}).")), i + 1, pages.size())
               : last_prompt;
      if (prompt.empty()) break;
      out << style.bold(prompt) << ' ' << std::flush;
      InputLine line;
      const InputEvent event = read_line(in, line);
      if (event != InputEvent::line) {
        out << '\n';
        if (more && event == InputEvent::ended) {
          for (std::size_t j = i + 1; j < pages.size(); ++j) {
            for (const auto& rest : pages[j]) out << rest << '\n';
          }
        }
        return event;
      }
      echo(out, line);
    }
    return InputEvent::line;
  }

  void problem(std::string_view message) { notice = {std::string(message), Notice::Kind::warning}; }

  // ---- moving between questions -----------------------------------------------------------------------------

  std::size_t first_unanswered() const {
    for (std::size_t i = 0; i < states.size(); ++i) {
      if (!states[i].answered) return i;
    }
    return states.size();
  }

  // Where a resumed session carries on, the furthest item reached: after the last item answered, or at an item
  // further on that has a comment but no answer yet.
  std::size_t resume_position() const {
    std::size_t furthest_reached = 0;
    for (std::size_t i = 0; i < states.size(); ++i) {
      if (states[i].answered) furthest_reached = i + 1;
      else if (!states[i].comment.empty()) furthest_reached = std::max(furthest_reached, i);
    }
    return furthest_reached;
  }

  // At the end of the items: offers the unanswered scored items once more, or finishes.
  Flow revisit_or_finish() {
    const std::size_t missing = scored_total() - scored_answered();
    if (missing == 0 || revisit_offered) return Flow::finished;
    revisit_offered = true;
    revisiting = true;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (entries[i].scored() && !states[i].answered) {
        position = i;
        break;
      }
    }
    problem(fmt::format(fmt::runtime(tr_plural("{0} question is still unanswered; here it is again (s leaves one "
                                               "unanswered).",
                                               "{0} questions are still unanswered; here they are again (s leaves one "
                                               "unanswered).",
                                               missing)),
                        missing));
    return Flow::moved;
  }

  Flow next() {
    if (reviewing) return Flow::moved;  // back to the list
    std::size_t j = position + 1;
    if (revisiting) {
      while (j < entries.size() && (!entries[j].scored() || states[j].answered)) ++j;
    } else {
      while (j < entries.size() && j > furthest && states[j].answered) ++j;
    }
    if (j < entries.size()) {
      position = j;
      furthest = std::max(furthest, j);
      return Flow::moved;
    }
    return revisit_or_finish();
  }

  Flow back(std::ostream& out) {
    if (reviewing) return Flow::moved;  // back to the list
    if (position == 0) {
      problem(tr("This is the first question; there is nothing to go back to."));
      return Flow::stay;
    }
    --position;
    revisiting = false;
    save_now(out);
    return Flow::moved;
  }

  Flow comment(LineInput& in, std::ostream& out) {
    ItemState& state = states[position];
    const std::string prompt(
        state.comment.empty() ? tr("Your comment, on one line (Enter alone cancels):")
                              : tr("Your new comment, on one line (Enter alone keeps the old one, - removes it):"));
    if (settings.redraw) {  // the question stays on screen, with the comment's prompt in place of the answer's
      prompt_override = prompt;
      render(out);
      prompt_override.clear();
    } else {
      out << '\n' << wrapped(prompt) << ' ' << std::flush;
    }
    InputLine line;
    const InputEvent event = read_line(in, line);
    if (event == InputEvent::stopped) return Flow::stopped;
    if (event != InputEvent::line) return Flow::input_ended;
    echo(out, line);
    std::string typed = clean_input_text(line.text);
    bool cut = line.truncated;
    if (typed.size() > max_comment_bytes) {
      typed = std::string(truncate_to_bytes(typed, max_comment_bytes));
      cut = true;
    }
    if (typed.empty()) {
      notice = {std::string(state.comment.empty() ? tr("No comment added.") : tr("Comment kept as it was."))};
      return Flow::stay;
    }
    if (typed == "-" && !state.comment.empty()) {
      state.comment.clear();
      notice = {std::string(tr("Comment removed.")), Notice::Kind::good};
    } else {
      state.comment = typed;
      notice = {cut ? fmt::format(fmt::runtime(tr("Comment saved (cut to its first {0} KiB).")),
                                  max_comment_bytes / 1024)
                    : std::string(tr("Comment saved.")),
                Notice::Kind::good};
    }
    if (!save_now(out)) notice = {};
    return Flow::stay;
  }

  // Records a scored answer (a value, or na when `value` is empty) and moves on.
  // Records `value` (nothing: "not applicable", or "don't know" when `dont_know`), saves, and moves on.
  Flow answer_scored(std::optional<int> value, std::ostream& out, bool dont_know = false) {
    ItemState& state = states[position];
    state.answered = true;
    state.value = value;
    state.dont_know = dont_know;
    save_now(out);
    return next();
  }

  Flow handle_scored(const InputLine& line, LineInput& in, std::ostream& out) {
    const Scale& scale = *entries[position].scale;
    const std::string number = answer_choices(scale, scale.allow_na, scale.allow_dont_know, false);
    const std::string whole_number = answer_choices(scale, scale.allow_na, scale.allow_dont_know, true);
    if (line.truncated) {
      problem(fmt::format(fmt::runtime(tr("That line is too long to be an answer: type {0}.")), number));
      return Flow::stay;
    }
    const std::string key = normalize_key(line.text);
    if (key.empty() && reviewing) return next();  // Enter alone keeps the answer: back to the list
    if (key.empty()) {
      problem(fmt::format(fmt::runtime(tr("Nothing typed: answer with {0}; s skips, ? shows the keys.")), number));
      return Flow::stay;
    }
    if (const auto flow = common_key(key, in, out)) return *flow;
    if (is_one_of(key, {"c", "comment"})) return comment(in, out);
    if (is_one_of(key, {"na", "n/a", "n.a."})) {
      if (scale.allow_na) return answer_scored(std::nullopt, out);
      problem(fmt::format(fmt::runtime(tr("This question has no 'not applicable' answer: type {0}, or s to skip.")),
                          answer_choices(scale, false, scale.allow_dont_know, false)));
      return Flow::stay;
    }
    if (is_one_of(key, {"dk", "dont-know", "don't know"})) return answer_dont_know(scale, out);
    int value = 0;
    switch (parse_number(key, value)) {
      case NumberParse::ok:
        if (value >= scale.min && value <= scale.max) return answer_scored(value, out);
        problem(fmt::format(fmt::runtime(tr("{0} is off the scale: answer with {1}.")), value, whole_number));
        return Flow::stay;
      case NumberParse::out_of_range:
        problem(fmt::format(fmt::runtime(tr("That number is off the scale: answer with {0}.")), whole_number));
        return Flow::stay;
      case NumberParse::not_a_number:
        break;
    }
    if (looks_like_a_decimal(key)) {
      problem(fmt::format(fmt::runtime(tr("Answer with {0}.")), whole_number));
    } else {
      problem(fmt::format(fmt::runtime(tr("Not an answer: type {0}; ? shows the keys.")), number));
    }
    return Flow::stay;
  }

  // ---- "don't know" (kept apart from the screen layout: only the key and the answer it records) --------------

  // The answers a scale takes, as one phrase to put in a sentence: "a number from 1 to 5 or na or dk" (`whole`:
  // "a whole number ..."), with na and dk only where `na` and `dk` say.
  static std::string answer_choices(const Scale& scale, bool na, bool dk, bool whole) {
    std::string_view phrase;
    if (whole) {
      phrase = na && dk ? tr("a whole number from {0} to {1} or na or dk")
               : na     ? tr("a whole number from {0} to {1} or na")
               : dk     ? tr("a whole number from {0} to {1} or dk")
                        : tr("a whole number from {0} to {1}");
    } else {
      phrase = na && dk ? tr("a number from {0} to {1} or na or dk")
               : na     ? tr("a number from {0} to {1} or na")
               : dk     ? tr("a number from {0} to {1} or dk")
                        : tr("a number from {0} to {1}");
    }
    return fmt::format(fmt::runtime(phrase), scale.min, scale.max);
  }

  // The prompt under a scored question: "Your answer (1-5 or na or dk):".
  static std::string answer_prompt(const Scale& scale) {
    const std::string_view prompt = scale.allow_na && scale.allow_dont_know ? tr("Your answer ({0}-{1} or na or dk):")
                                    : scale.allow_na                        ? tr("Your answer ({0}-{1} or na):")
                                    : scale.allow_dont_know                 ? tr("Your answer ({0}-{1} or dk):")
                                                                            : tr("Your answer ({0}-{1}):");
    return fmt::format(fmt::runtime(prompt), scale.min, scale.max);
  }

  // Records "dont-know" for the current question, when its scale allows it.
  Flow answer_dont_know(const Scale& scale, std::ostream& out) {
    if (!scale.allow_dont_know) {
      problem(fmt::format(fmt::runtime(tr("This question has no 'don't know' answer: type {0}, or s to skip.")),
                          answer_choices(scale, scale.allow_na, false, false)));
      return Flow::stay;
    }
    return answer_scored(std::nullopt, out, true);
  }

  // `?`: at a terminal, the keys on a screen of their own (Enter goes back to the question); otherwise printed with
  // the question again.
  Flow show_help(LineInput& in, std::ostream& out) {
    const std::vector<std::string> lines = help_lines(entries[position]);
    if (!settings.redraw && !settings.pages) {
      notice = {fmt::format("{}", fmt::join(lines, "\n")), Notice::Kind::plain, true};
      return Flow::stay;
    }
    if (!settings.redraw) out << '\n';
    const InputEvent event = show_pages(lines, std::string(tr("Press Enter to go back to the question.")), in, out);
    if (event == InputEvent::stopped) return Flow::stopped;
    if (event == InputEvent::ended) return Flow::input_ended;
    return Flow::stay;
  }

  // The keys every question understands: help, quit, back and skip. Nothing when `key` is none of them.
  std::optional<Flow> common_key(const std::string& key, LineInput& in, std::ostream& out) {
    if (is_one_of(key, {"?", "h", "help"})) return show_help(in, out);
    if (is_one_of(key, {"q", "quit"})) return Flow::quit;
    if (is_one_of(key, {"b", "back"})) return back(out);
    if (is_one_of(key, {"s", "skip"})) {
      if (!reviewing) save_now(out);
      return next();
    }
    return std::nullopt;
  }

  Flow handle_open(const InputLine& line, LineInput& in, std::ostream& out) {
    const std::string key = normalize_key(line.text);
    if (const auto flow = common_key(key, in, out)) return *flow;
    if (is_one_of(key, {"c", "comment"})) {
      problem(tr("This is an open question: type your answer itself, on one line (Enter alone skips)."));
      return Flow::stay;
    }
    std::string typed = clean_input_text(line.text);
    const bool blank = line.text.find_first_not_of(" \t") == std::string::npos;
    if (blank) {
      if (!reviewing) save_now(out);
      return next();
    }
    if (typed.empty()) {
      problem(tr("That line holds no readable text: type your answer, or press Enter alone to skip."));
      return Flow::stay;
    }
    bool cut = line.truncated;
    if (typed.size() > max_comment_bytes) {
      typed = std::string(truncate_to_bytes(typed, max_comment_bytes));
      cut = true;
    }
    ItemState& state = states[position];
    state.answered = true;
    state.text = typed;
    save_now(out);
    const Flow flow = next();
    if (cut) problem(fmt::format(fmt::runtime(tr("Your answer was cut to its first {0} KiB.")), max_comment_bytes / 1024));
    return flow;
  }

  // Shows questions and handles lines until the session ends, or, while reviewing, until the respondent goes
  // back to the list (Flow::moved).
  Flow question_loop(LineInput& in, std::ostream& out) {
    while (true) {
      render(out);
      InputLine line;
      const InputEvent event = in.read(line);
      if (event == InputEvent::resized) continue;  // drawn again at the new size
      if (event == InputEvent::stopped) return Flow::stopped;
      if (event == InputEvent::ended) return Flow::input_ended;
      echo(out, line);
      const Flow flow =
          entries[position].scored() ? handle_scored(line, in, out) : handle_open(line, in, out);
      if (flow == Flow::stay || (flow == Flow::moved && !reviewing)) continue;
      return flow;
    }
  }

  // ---- the end ----------------------------------------------------------------------------------------------

  struct ResultRow {
    std::string dimension;
    std::optional<double> score;
    std::optional<BandRef> band;
    const Dimension* source = nullptr;
    std::size_t questionnaire = 0;
  };

  std::vector<std::vector<ResultRow>> result_rows() const {
    std::vector<std::vector<ResultRow>> tables;
    for (std::size_t q = 0; q < questionnaires.size(); ++q) {
      const Questionnaire& questionnaire = *questionnaires[q];
      const auto scores = dimension_scores(questionnaire, answers_to(q));
      std::vector<ResultRow> rows;
      for (std::size_t d = 0; d < questionnaire.dimensions.size() && d < scores.size(); ++d) {
        ResultRow row;
        row.dimension = printable(text(questionnaire.dimensions[d].title));
        row.score = scores[d];
        row.source = &questionnaire.dimensions[d];
        row.questionnaire = q;
        if (row.score && !questionnaire.bands.empty()) row.band = band_of(questionnaire.bands, *row.score);
        rows.push_back(std::move(row));
      }
      tables.push_back(std::move(rows));
    }
    return tables;
  }

  std::string result_line(const ResultRow& row, std::size_t title_width) const {
    std::string line = "  " + pad_to_width(truncate_to_width(row.dimension, title_width), title_width) + "  ";
    if (!row.score) return line + "    -  " + style.dim(std::string(tr("too few answers for a score")));
    std::string band = row.band ? printable(text(row.band->label)) : std::string();
    if (row.band && row.band->bottom) band = style.bad(band);
    else if (row.band && row.band->top) band = style.good(band);
    else band = style.warning(band);
    return line + fmt::format("{:>5}  {}", format_fixed(*row.score, 1), band);  // the band is decided on this figure
  }

  // The respondent's own results: each dimension's score and band, then the weakest dimension and its advice.
  std::vector<std::string> results_lines() const {
    const auto tables = result_rows();
    std::size_t title_width = 0;
    for (const auto& rows : tables) {
      for (const auto& row : rows) title_width = std::max(title_width, display_width(row.dimension));
    }
    title_width = std::min(title_width, settings.width > 30 ? settings.width - 28 : std::size_t{2});
    std::vector<std::string> lines = wrap_text(tr("Your results (0-100; higher is healthier)"), settings.width);
    lines.front() = style.bold(lines.front());
    const ResultRow* weakest = nullptr;
    for (std::size_t q = 0; q < questionnaires.size(); ++q) {
      lines.push_back(style.accent(truncate_to_width(printable(text(questionnaires[q]->title)), settings.width)));
      for (const ResultRow& row : tables[q]) {
        lines.push_back(result_line(row, title_width));
        if (row.score && (!weakest || *row.score < *weakest->score)) weakest = &row;
      }
    }
    lines.emplace_back();
    if (!weakest) {
      for (auto& line : wrap_text(tr("No dimension has a score yet: a score needs at least half of a dimension's "
                                     "questions answered (na does not count)."),
                                  settings.width)) {
        lines.push_back(std::move(line));
      }
      return lines;
    }
    const std::string title = printable(text(questionnaires[weakest->questionnaire]->title));
    const std::string summary =
        weakest->band ? fmt::format(fmt::runtime(tr("Weakest: {0} ({1}), {2}, {3}")), weakest->dimension, title,
                                    format_fixed(*weakest->score, 1), printable(text(weakest->band->label)))
                      : fmt::format(fmt::runtime(tr("Weakest: {0} ({1}), {2}")), weakest->dimension, title,
                                    format_fixed(*weakest->score, 1));
    for (auto& line : wrap_text(summary, settings.width)) lines.push_back(style.bold(line));
    const std::string advice =
        weakest->band ? printable(text(weakest->source->advice_for(weakest->band->id))) : std::string();
    for (const auto& line : wrap_text(advice, settings.width > 4 ? settings.width - 2 : 2)) lines.push_back("  " + line);
    return lines;
  }

  // Where the answers are and what to run next, after the results.
  std::string saved_summary() const {
    const std::size_t scored = scored_total(), done = scored_answered();
    if (done == scored) {
      return with_command(fmt::format(fmt::runtime(tr_plural("Saved to {0}: the {1} scored question is answered; the "
                                                             "file is marked complete.",
                                                             "Saved to {0}: all {1} scored questions answered; the "
                                                             "file is marked complete.",
                                                             scored)),
                                      settings.output_path, scored),
                          settings.review_command, to_review());
    }
    return with_command(fmt::format(fmt::runtime(tr_plural("Saved to {0}: {1} of {2} scored question answered; the "
                                                           "file is marked incomplete.",
                                                           "Saved to {0}: {1} of {2} scored questions answered; the "
                                                           "file is marked incomplete.",
                                                           scored)),
                                    settings.output_path, done, scored),
                        settings.resume_command, to_finish());
  }

  // What a stop signal prints once the answers are saved.
  std::string stopped_line() const {
    const bool complete = scored_answered() == scored_total();
    return with_command(fmt::format(fmt::runtime(tr_plural("Stopped; {0} of {1} answer is saved in {2}.",
                                                           "Stopped; {0} of {1} answers are saved in {2}.",
                                                           entries.size())),
                                    answered_count(), entries.size(), settings.output_path),
                        complete ? settings.review_command : settings.resume_command,
                        complete ? to_review() : to_resume());
  }

  AskOutcome finish(LineInput& in, std::ostream& out) {
    if (!save_now(out)) return AskOutcome::save_failed;
    measure();
    std::vector<std::string> lines = results_lines();
    lines.emplace_back();
    std::istringstream summary(saved_summary());
    for (std::string line; std::getline(summary, line);) lines.push_back(line);
    if (settings.redraw) {
      out << style.clear_screen();
    } else {
      out << '\n';
    }
    if (show_pages(lines, "", in, out) == InputEvent::stopped) {  // every answer is saved: say so, and how to go on
      out << stopped_line() << '\n';
      return AskOutcome::stopped;
    }
    return AskOutcome::finished;
  }

  // Ends the session for `flow` (finished, quit, end of input, a stop signal): saves and says how to resume.
  AskOutcome end(Flow flow, LineInput& in, std::ostream& out) {
    if (flow == Flow::finished) return finish(in, out);
    if (flow != Flow::quit) out << '\n';
    if (!save_now(out)) return AskOutcome::save_failed;
    const std::size_t answered = answered_count();
    if (flow == Flow::quit) {
      out << with_command(fmt::format(fmt::runtime(tr_plural("Saved {0} of {1} answer to {2}.",
                                                             "Saved {0} of {1} answers to {2}.", entries.size())),
                                      answered, entries.size(), settings.output_path),
                          settings.resume_command, to_resume())
          << '\n';
      return AskOutcome::quit;
    }
    if (flow == Flow::stopped) {
      out << stopped_line() << '\n';
      return AskOutcome::stopped;
    }
    out << with_command(fmt::format(fmt::runtime(tr_plural("Input ended; {0} answer saved to {1}.",
                                                           "Input ended; {0} answers saved to {1}.", answered)),
                                    answered, settings.output_path),
                        settings.resume_command, to_resume())
        << '\n';
    return AskOutcome::input_ended;
  }

  // ---- reviewing ----------------------------------------------------------------------------------------------

  // One line per item: its number, its answer ("-" for none, "text" for an open answer) and its text, under the
  // title of its questionnaire.
  std::vector<std::string> review_lines() const {
    const std::size_t number_width = std::to_string(entries.size()).size();
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const Entry& entry = entries[i];
      const ItemState& state = states[i];
      if (i == 0 || entries[i - 1].questionnaire != entry.questionnaire) {
        lines.push_back(style.accent(truncate_to_width(printable(text(entry.questionnaire->title)), settings.width)));
      }
      std::string answer = "-";
      if (state.answered) {
        answer = !entry.scored() ? std::string(tr("text"))
                 : state.value   ? std::to_string(*state.value)
                 : state.dont_know ? "dk" : "na";
      }
      const std::string head = fmt::format("  {:>{}}  {}  ", i + 1, number_width, pad_to_width(answer, 4));
      const std::size_t used = display_width(head);
      const std::size_t room = settings.width > used + 4 ? settings.width - used : 4;
      lines.push_back(head + truncate_to_width(printable(text(entry.item->text)), room));
    }
    return lines;
  }

  // One screen of the list of answers (page `page` of it, when pages are on); stores the number of pages.
  void render_review(std::size_t& page, std::size_t& page_count, std::ostream& out) {
    measure();
    const auto heading =
        wrap_text(fmt::format(fmt::runtime(tr_plural("Your answers in {0}: {1} of {2} answered. Type a question's "
                                                     "number to change its answer.",
                                                     "Your answers in {0}: {1} of {2} answered. Type a question's "
                                                     "number to change its answer.",
                                                     entries.size())),
                              settings.output_path, answered_count(), entries.size()),
                  settings.width);
    const std::vector<std::string> message = notice_lines();
    const std::string_view more_format = tr("Number to change, Enter for more (page {0} of {1}), q to finish:");
    const std::string more_prompt = fmt::format(fmt::runtime(more_format), 9, 9);
    const std::size_t used = heading.size() + message.size() + wrap_text(more_prompt, settings.width).size();
    const bool paged = settings.pages && settings.height > used + 2;
    const auto pages = split_pages(review_lines(), paged ? settings.height - used : 0);
    page_count = std::max<std::size_t>(pages.size(), 1);
    page %= page_count;
    std::string block = settings.redraw ? style.clear_screen() : std::string("\n");
    for (const auto& line : heading) block += line + '\n';
    if (!pages.empty()) {
      for (const auto& line : pages[page]) block += line + '\n';
    }
    for (const auto& line : message) block += line + '\n';
    block += wrapped(page_count > 1 ? fmt::format(fmt::runtime(more_format), page + 1, page_count)
                                    : std::string(tr("Number to change, or q to finish:")));
    notice = {};
    out << block << ' ' << std::flush;
  }

  // `ask --review`: the list of answers; a number opens that question to change it, q ends.
  AskOutcome review(LineInput& in, std::ostream& out) {
    std::size_t page = 0, page_count = 1;
    while (true) {
      render_review(page, page_count, out);
      InputLine line;
      const InputEvent event = in.read(line);
      if (event == InputEvent::resized) continue;
      if (event == InputEvent::stopped) return end(Flow::stopped, in, out);
      if (event == InputEvent::ended) return end(Flow::input_ended, in, out);
      echo(out, line);
      const std::string key = normalize_key(line.text);
      int number = 0;
      if (key.empty() || is_one_of(key, {"more", "next"})) {
        ++page;
      } else if (is_one_of(key, {"q", "quit"})) {
        return end(Flow::quit, in, out);
      } else if (parse_number(key, number) == NumberParse::ok && number >= 1 &&
                 static_cast<std::size_t>(number) <= entries.size()) {
        position = static_cast<std::size_t>(number) - 1;
        reviewing = true;
        const Flow flow = question_loop(in, out);
        reviewing = false;
        if (flow != Flow::moved) return end(flow == Flow::finished ? Flow::quit : flow, in, out);
      } else {
        problem(fmt::format(fmt::runtime(tr("Type a question's number from 1 to {0}, Enter for more, or q to finish.")),
                            entries.size()));
      }
    }
  }

  // ---- the whole session --------------------------------------------------------------------------------------

  // Chooses the first question (a resumed session carries on after the furthest item reached) and what to say
  // before it. Returns false when nothing is left to ask.
  bool choose_start(std::string& opening) {
    const std::size_t total = entries.size();
    if (resumed) {
      opening = fmt::format(fmt::runtime(tr_plural("Resuming: {0} of {1} answered in {2}.",
                                                   "Resuming: {0} of {1} answered in {2}.", total)),
                            answered_count(), total, settings.output_path);
    }
    if (first_unanswered() >= total) {
      opening += (opening.empty() ? "" : "\n") +
                 fmt::format(fmt::runtime(tr_plural("The {0} question is answered already.",
                                                    "All {0} questions are answered already.", total)),
                             total);
      return false;
    }
    if (!resumed) {
      position = furthest = first_unanswered();
      std::vector<std::string> titles;
      for (const auto* q : questionnaires) titles.push_back(printable(text(q->title)));
      opening = fmt::format(fmt::runtime(tr_plural("{0} question ({1}). Every answer is saved to {2} straight away; q "
                                                   "saves and quits, ? shows the keys.",
                                                   "{0} questions ({1}). Every answer is saved to {2} straight away; "
                                                   "q saves and quits, ? shows the keys.",
                                                   total)),
                            total, fmt::format("{}", fmt::join(titles, list_separator())), settings.output_path);
      return true;
    }
    position = furthest = resume_position();
    if (position < total) {
      opening += "\n" + fmt::format(fmt::runtime(tr("Continuing at question {0}/{1}.")), position + 1, total);
      return true;
    }
    if (revisit_or_finish() == Flow::finished) {
      opening += "\n" + std::string(tr("All scored questions are answered already."));
      return false;
    }
    opening += "\n" + notice.text;
    return true;
  }

  AskOutcome ask_all(LineInput& in, std::ostream& out) {
    std::string opening;
    if (!choose_start(opening)) {
      out << wrapped(opening) << '\n';
      return finish(in, out);
    }
    notice = {opening};
    return end(question_loop(in, out), in, out);
  }
};

AskSession::AskSession(std::vector<const Questionnaire*> questionnaires, Respondent given, AskSettings settings,
                       SaveResponse save)
    : impl_(std::make_unique<Impl>()) {
  impl_->questionnaires = std::move(questionnaires);
  impl_->respondent = std::move(given);
  impl_->settings = std::move(settings);
  impl_->save = std::move(save);
  impl_->style = Style(impl_->settings.colour);
  if (impl_->settings.width < min_terminal_width) impl_->settings.width = min_terminal_width;
  for (std::size_t q = 0; q < impl_->questionnaires.size(); ++q) {
    const Questionnaire* questionnaire = impl_->questionnaires[q];
    for (const auto& item : questionnaire->items) {
      Entry entry{questionnaire, q, &item, item.scored() ? questionnaire->find_scale(item.scale) : nullptr};
      if (item.scored() && !entry.scale) continue;  // cannot happen with a loaded questionnaire
      impl_->entries.push_back(entry);
    }
  }
  impl_->states.resize(impl_->entries.size());
}

AskSession::~AskSession() = default;

void AskSession::resume(const Response& existing) {
  check_resumable(existing, impl_->questionnaires, impl_->respondent, impl_->settings.output_path);
  impl_->respondent = existing.respondent;
  impl_->resumed = true;
  for (std::size_t i = 0; i < impl_->entries.size(); ++i) {
    const Entry& entry = impl_->entries[i];
    ItemState& state = impl_->states[i];
    state = ItemState{};
    const QuestionnaireAnswers* answers = existing.find(entry.questionnaire->id);
    if (!answers) continue;
    if (entry.scored()) {
      if (const Answer* answer = answers->find(entry.item->id)) {
        state.answered = true;
        state.value = answer->value;
        state.dont_know = answer->dont_know;
      }
    }
    if (!entry.scored()) {
      for (const auto& open : answers->open_answers) {
        if (open.item != entry.item->id || open.text.empty()) continue;
        state.text += (state.text.empty() ? "" : "\n") + open.text;
        state.answered = true;
      }
    }
    for (const auto& comment : answers->comments) {
      if (comment.item != entry.item->id || comment.text.empty()) continue;
      state.comment += (state.comment.empty() ? "" : "\n") + comment.text;
    }
  }
}

AskOutcome AskSession::run(std::istream& in, std::ostream& out) {
  StreamInput input(in);
  return run(input, out);
}

namespace {

// A stream buffer that passes text on to `target` with isolate_left_to_right_runs applied line by line: whole lines
// as they end, and the line begun so far when the stream is flushed (a prompt waiting for input).
class IsolatingBuffer : public std::streambuf {
public:
  explicit IsolatingBuffer(std::ostream& target) : target_(target) {}
  IsolatingBuffer(const IsolatingBuffer&) = delete;
  IsolatingBuffer& operator=(const IsolatingBuffer&) = delete;
  ~IsolatingBuffer() override { pass_on(pending_.size()); }

protected:
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    const char ch = traits_type::to_char_type(c);
    xsputn(&ch, 1);
    return c;
  }
  std::streamsize xsputn(const char* text, std::streamsize count) override {
    pending_.append(text, static_cast<std::size_t>(count));
    const std::size_t newline = pending_.rfind('\n');
    if (newline != std::string::npos) pass_on(newline + 1);
    return count;
  }
  int sync() override {
    pass_on(pending_.size());
    target_.flush();
    return target_ ? 0 : -1;
  }

private:
  void pass_on(std::size_t bytes) {
    if (bytes == 0) return;
    target_ << isolate_left_to_right_runs(std::string_view(pending_).substr(0, bytes));
    pending_.erase(0, bytes);
  }
  std::ostream& target_;
  std::string pending_;
};

}  // namespace

AskOutcome AskSession::run(LineInput& in, std::ostream& out) {
  // Right-to-left text: the terminal reorders it; Latin runs inside it are isolated so that it reorders them whole.
  if (!impl_->right_to_left()) return run_session(in, out);
  IsolatingBuffer isolating(out);
  std::ostream isolated(&isolating);
  const AskOutcome outcome = run_session(in, isolated);
  isolated.flush();
  return outcome;
}

AskOutcome AskSession::run_session(LineInput& in, std::ostream& out) {
  Impl& s = *impl_;
  if (!s.resumed) {
    if (const auto ended = s.ask_respondent(in, out)) return *ended;
    if (s.respondent.date.empty()) s.respondent.date = s.settings.today;
  }
  // The first save: a failure here ends the session before anything is asked.
  s.save(s.build());
  return s.settings.review ? s.review(in, out) : s.ask_all(in, out);
}

Response AskSession::response() const { return impl_->build(); }
std::size_t AskSession::answered() const { return impl_->answered_count(); }
std::size_t AskSession::total() const { return impl_->entries.size(); }
const std::string& AskSession::last_save_error() const { return impl_->last_error; }

}  // namespace partnerpulse
