#include "terminal/ask_session.hpp"

#include <optional>
#include <algorithm>
#include <charconv>
#include <istream>
#include <limits>
#include <ostream>

#include <fmt/ranges.h>

#include "partnerpulse/diagnostics.hpp"
#include "partnerpulse/files.hpp"
#include "partnerpulse/scoring.hpp"
#include "terminal/display_width.hpp"
#include "terminal/terminal.hpp"
#include "util/decimal_format.hpp"

namespace partnerpulse {

bool read_input_line(std::istream& in, InputLine& line, std::size_t max_bytes) {
  line.text.clear();
  line.truncated = false;
  std::streambuf* buffer = in.rdbuf();
  if (!buffer || !in.good()) return false;
  bool any = false;
  while (true) {
    const int c = buffer->sbumpc();
    if (c == std::char_traits<char>::eof()) {
      in.setstate(std::ios::eofbit);
      break;
    }
    any = true;
    if (c == '\n') break;
    if (line.text.size() < max_bytes) {
      line.text.push_back(static_cast<char>(c));
    } else {
      line.truncated = true;
    }
  }
  if (!line.text.empty() && line.text.back() == '\r') line.text.pop_back();
  return any;
}

SaveResponse save_to_file(std::string path) {
  return [path = std::move(path)](const Response& response) {
    write_file_atomically(path, write_response(response), Overwrite::allow);
  };
}

namespace {

std::string join_ids(const std::vector<std::string>& ids) {
  return ids.empty() ? std::string("nothing") : fmt::format("'{}'", fmt::join(ids, "', '"));
}

struct RespondentField {
  std::string Respondent::*member;
  const char* name;    // as in the file and the option
  const char* prompt;  // as asked
};

const RespondentField respondent_fields[] = {
    {&Respondent::id, "id", "Your respondent id (a pseudonym; never printed in reports)"},
    {&Respondent::organisation, "organisation", "Your organisation"},
    {&Respondent::partnership, "partnership", "The partnership you are assessing"},
    {&Respondent::role, "role", "Your organisation's role in the partnership"},
    {&Respondent::period, "period", "The period you are assessing (for example a year)"},
};

bool is_one_of(std::string_view key, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), key) != words.end();
}

// Questionnaire text made safe to print: control characters removed, line breaks kept.
std::string printable(std::string_view text) {
  std::string out;
  std::size_t start = 0;
  while (true) {
    const std::size_t newline = text.find('\n', start);
    out += clean_input_text(text.substr(start, newline == std::string_view::npos ? newline : newline - start));
    if (newline == std::string_view::npos) break;
    out += '\n';
    start = newline + 1;
  }
  return out;
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
enum class Flow { stay, moved, finished, quit, input_ended };

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
  bool keys_shown = false;
  std::string notice;             // shown with the next question
  std::string last_error;

  // A message wrapped to the width, so that a terminal never breaks a word.
  std::string wrapped(std::string_view message) const {
    return fmt::format("{}", fmt::join(wrap_text(message, settings.width), "\n"));
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
    out << style.bad(wrapped(fmt::format("Could not save to {}: {}. Your answers are kept here; saving again after "
                                         "the next one.",
                                         settings.output_path, last_error)))
        << '\n';
    return false;
  }

  void echo(std::ostream& out, const InputLine& line) const {
    if (!settings.echo_input) return;
    out << truncate_to_width(clean_input_text(line.text), settings.width > 40 ? settings.width - 30 : 10) << '\n';
  }

  // ---- respondent details -----------------------------------------------------------------------------------

  // Asks each missing detail. Returns nothing when all are complete, else how the session ends.
  std::optional<AskOutcome> ask_respondent(std::istream& in, std::ostream& out) {
    bool any_missing = false;
    for (const auto& field : respondent_fields) any_missing = any_missing || (respondent.*field.member).empty();
    if (!any_missing) return std::nullopt;
    out << "First, a few details about you and the partnership (q quits):\n";
    for (const auto& field : respondent_fields) {
      std::string& value = respondent.*field.member;
      if (!value.empty()) continue;
      const std::string fallback = field.member == &Respondent::id       ? settings.default_id
                                   : field.member == &Respondent::period ? settings.default_period
                                                                         : std::string();
      while (true) {
        out << field.prompt << (fallback.empty() ? "" : fmt::format(" [{}]", fallback)) << ": " << std::flush;
        InputLine line;
        if (!read_input_line(in, line)) {
          out << "\nInput ended before the details were complete; nothing was saved.\n";
          return AskOutcome::nothing_saved;
        }
        echo(out, line);
        if (is_one_of(normalize_key(line.text), {"q", "quit"})) {
          out << "Quit; nothing was saved.\n";
          return AskOutcome::quit;
        }
        std::string typed = line.truncated ? line.text : clean_input_text(line.text);
        if (typed.empty() && !fallback.empty()) typed = fallback;
        if (const auto problem = respondent_field_problem(typed)) {
          out << style.warning(wrapped(fmt::format("Please type {} again: {}.", field.name, *problem))) << '\n';
          continue;
        }
        value = typed;
        break;
      }
    }
    return std::nullopt;
  }

  // ---- showing a question -----------------------------------------------------------------------------------

  std::string value_label(const Entry& entry, const ItemState& state) const {
    if (!state.value) return state.dont_know ? "dk (don't know)" : "na (not applicable)";
    return fmt::format("{} {}", *state.value, printable(text(entry.scale->label(*state.value))));
  }

  void render_scale(std::string& block, const Scale& scale) const {
    std::vector<std::pair<std::string, std::string>> points;
    for (int v = scale.min; v <= scale.max; ++v) {
      points.emplace_back(std::to_string(v), printable(text(scale.label(v))));
    }
    if (scale.allow_na) points.emplace_back("na", "not applicable");
    if (scale.allow_dont_know) points.emplace_back("dk", "don't know");
    std::string one_line;
    for (const auto& [key, label] : points) {
      one_line += fmt::format("{}{} {}", one_line.empty() ? "" : "   ", key, label);
    }
    if (display_width(one_line) + 2 <= settings.width) {
      block += "  " + one_line + '\n';
      return;
    }
    std::size_t key_width = 0;
    for (const auto& point : points) key_width = std::max(key_width, point.first.size());
    const std::size_t indent = 2 + key_width + 2;
    const std::size_t label_width = settings.width > indent + 10 ? settings.width - indent : 10;
    for (const auto& [key, label] : points) {
      const auto lines = wrap_text(label, label_width);
      block += "  " + style.bold(std::string(key_width - key.size(), ' ') + key) + "  ";
      if (lines.empty()) block += '\n';
      for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i > 0) block += std::string(indent, ' ');
        block += lines[i] + '\n';
      }
    }
  }

  void render(std::ostream& out) {
    if (settings.measure_width) settings.width = std::max(settings.measure_width(), min_terminal_width);
    const Entry& entry = entries[position];
    const ItemState& state = states[position];
    std::string block;
    if (settings.redraw) {
      block += style.clear_screen();
    } else {
      block += '\n';
      if (!notice.empty()) block += notice + '\n';
    }
    const std::string progress = fmt::format("{}/{}", position + 1, entries.size());
    const std::size_t title_room = settings.width > progress.size() + 4 ? settings.width - progress.size() - 2 : 1;
    block += style.bold(progress) + "  " +
             style.dim(truncate_to_width(printable(text(entry.questionnaire->title)), title_room)) + '\n';
    const Dimension* dimension =
        entry.item->dimension.empty() ? nullptr : entry.questionnaire->find_dimension(entry.item->dimension);
    std::string heading = dimension ? printable(text(dimension->title)) : std::string();
    if (!entry.scored()) heading = heading.empty() ? "Open question" : heading + " (open question)";
    block += style.accent(truncate_to_width(heading, settings.width)) + "\n\n";
    for (const auto& line : wrap_text(printable(text(entry.item->text)), settings.width)) block += line + '\n';
    block += '\n';
    if (entry.scored()) render_scale(block, *entry.scale);
    if (state.answered) {  // "Current answer: " and " (s keeps it)" take 29 columns
      const std::string answer = entry.scored() ? value_label(entry, state) : state.text;
      const std::size_t room = settings.width > 37 ? settings.width - 29 : 8;
      block += style.good("Current answer: ") + truncate_to_width(answer, room) + style.dim(" (s keeps it)") + '\n';
    }
    if (!state.comment.empty()) {  // "Your comment: " takes 14 columns
      const std::size_t room = settings.width > 22 ? settings.width - 14 : 8;
      block += style.dim("Your comment: ") + truncate_to_width(state.comment, room) + '\n';
    }
    if (settings.redraw && !notice.empty()) block += '\n' + notice + '\n';
    if (settings.redraw || !keys_shown) {
      block += style.dim(entry.scored() ? "Keys: b back, s skip, c comment, ? help, q save and quit"
                                        : "Keys: Enter skips; b back, ? help, q save and quit")
               + '\n';
      keys_shown = true;
    }
    if (entry.scored()) {
      block += fmt::format("Your answer ({}-{}{}): ", entry.scale->min, entry.scale->max,
                           other_answer_keys(*entry.scale));
    } else {
      block += "Your answer: ";
    }
    notice.clear();
    out << block << std::flush;
  }

  std::string help(const Entry& entry) const {
    std::string keys;
    if (entry.scored()) {
      keys += fmt::format("  {}-{}  answer with that point of the scale\n", entry.scale->min, entry.scale->max);
      keys += entry.scale->allow_na ? "  na   not applicable\n" : "  na   (not offered for this question)\n";
      keys += entry.scale->allow_dont_know ? "  dk   don't know\n" : "  dk   (not offered for this question)\n";
      keys += "  c    add a comment to this question (typed on the next line)\n";
    } else {
      keys += "  type your answer on one line; Enter alone skips the question\n";
    }
    keys += "  b    back to the previous question\n";
    keys += "  s    skip: go to the next question, leaving this one as it is\n";
    keys += "  ?    show these keys\n";
    keys += "  q    save and quit (run the same command again to resume)\n";
    return fmt::format("Keys (type one, then Enter):\n{}Every answer is saved to {} straight away.", keys,
                       settings.output_path);
  }

  void problem(std::string_view message) { notice = style.warning(wrapped(message)); }

  // ---- moving between questions -----------------------------------------------------------------------------

  std::size_t first_unanswered() const {
    for (std::size_t i = 0; i < states.size(); ++i) {
      if (!states[i].answered) return i;
    }
    return states.size();
  }

  Flow next() {
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
    const std::size_t missing = scored_total() - scored_answered();
    if (missing > 0 && !revisit_offered) {
      revisit_offered = true;
      revisiting = true;
      for (std::size_t i = 0; i < entries.size(); ++i) {
        if (entries[i].scored() && !states[i].answered) {
          position = i;
          break;
        }
      }
      problem(fmt::format("{} question{} still unanswered; here {} again (s leaves one unanswered).", missing,
                          missing == 1 ? " is" : "s are", missing == 1 ? "it is" : "they are"));
      return Flow::moved;
    }
    return Flow::finished;
  }

  Flow back(std::ostream& out) {
    if (position == 0) {
      problem("This is the first question; there is nothing to go back to.");
      return Flow::stay;
    }
    --position;
    revisiting = false;
    save_now(out);
    return Flow::moved;
  }

  Flow comment(std::istream& in, std::ostream& out) {
    ItemState& state = states[position];
    out << (state.comment.empty() ? "Your comment, on one line (Enter alone cancels): "
                                  : "Your new comment, on one line (Enter alone keeps the old one, - removes it): ")
        << std::flush;
    InputLine line;
    if (!read_input_line(in, line)) return Flow::input_ended;
    echo(out, line);
    std::string typed = clean_input_text(line.text);
    bool cut = line.truncated;
    if (typed.size() > max_comment_bytes) {
      typed = std::string(truncate_to_bytes(typed, max_comment_bytes));
      cut = true;
    }
    if (typed.empty()) {
      notice = state.comment.empty() ? "No comment added." : "Comment kept as it was.";
      return Flow::stay;
    }
    if (typed == "-" && !state.comment.empty()) {
      state.comment.clear();
      notice = "Comment removed.";
    } else {
      state.comment = typed;
      notice = cut ? fmt::format("Comment saved (cut to its first {} KiB).", max_comment_bytes / 1024)
                   : std::string("Comment saved.");
    }
    if (!save_now(out)) notice.clear();
    notice = style.good(notice);
    return Flow::stay;
  }

  Flow handle_scored(const InputLine& line, std::istream& in, std::ostream& out) {
    const Entry& entry = entries[position];
    const Scale& scale = *entry.scale;
    const std::string range = fmt::format("{} to {}", scale.min, scale.max);
    const std::string or_na = other_answer_keys(scale);
    if (line.truncated) {
      problem(fmt::format("That line is too long to be an answer: type a number from {}{}.", range, or_na));
      return Flow::stay;
    }
    const std::string key = normalize_key(line.text);
    if (key.empty()) {
      problem(fmt::format("Nothing typed: answer with a number from {}{}; s skips, ? shows the keys.", range, or_na));
      return Flow::stay;
    }
    if (const auto flow = common_key(key, out)) return *flow;
    if (is_one_of(key, {"c", "comment"})) return comment(in, out);
    ItemState& state = states[position];
    if (is_one_of(key, {"na", "n/a", "n.a."})) {
      if (!scale.allow_na) {
        problem(fmt::format("This question has no 'not applicable' answer: type a number from {}, or s to skip.",
                            range));
        return Flow::stay;
      }
      state.answered = true;
      state.value.reset();
      state.dont_know = false;
      save_now(out);
      return next();
    }
    if (is_one_of(key, {"dk", "dont-know", "don't know"})) return answer_dont_know(scale, range, out);
    int value = 0;
    switch (parse_number(key, value)) {
      case NumberParse::ok:
        if (value >= scale.min && value <= scale.max) {
          state.answered = true;
          state.value = value;
          state.dont_know = false;
          save_now(out);
          return next();
        }
        problem(fmt::format("{} is off the scale: answer with a whole number from {}{}.", value, range, or_na));
        return Flow::stay;
      case NumberParse::out_of_range:
        problem(fmt::format("That number is off the scale: answer with a whole number from {}{}.", range, or_na));
        return Flow::stay;
      case NumberParse::not_a_number:
        break;
    }
    if (looks_like_a_decimal(key)) {
      problem(fmt::format("Answer with a whole number from {}{}.", range, or_na));
    } else {
      problem(fmt::format("Not an answer: type a number from {}{}; ? shows the keys.", range, or_na));
    }
    return Flow::stay;
  }

  // ---- "don't know" (kept apart from the screen layout: only the key and the answer it records) --------------

  // The answer keys a scale allows besides numbers, for prompts: " or na", " or dk", " or na or dk" or nothing.
  static std::string other_answer_keys(const Scale& scale) {
    return std::string(scale.allow_na ? " or na" : "") + (scale.allow_dont_know ? " or dk" : "");
  }

  // Records "dont-know" for the current question, when its scale allows it.
  Flow answer_dont_know(const Scale& scale, const std::string& range, std::ostream& out) {
    if (!scale.allow_dont_know) {
      problem(fmt::format("This question has no 'don't know' answer: type a number from {}{}, or s to skip.", range,
                          scale.allow_na ? " or na" : ""));
      return Flow::stay;
    }
    ItemState& state = states[position];
    state.answered = true;
    state.value.reset();
    state.dont_know = true;
    save_now(out);
    return next();
  }

  // The keys every question understands: help, quit, back and skip. Nothing when `key` is none of them.
  std::optional<Flow> common_key(const std::string& key, std::ostream& out) {
    if (is_one_of(key, {"?", "h", "help"})) {
      notice = help(entries[position]);
      return Flow::stay;
    }
    if (is_one_of(key, {"q", "quit"})) return Flow::quit;
    if (is_one_of(key, {"b", "back"})) return back(out);
    if (is_one_of(key, {"s", "skip"})) {
      save_now(out);
      return next();
    }
    return std::nullopt;
  }

  Flow handle_open(const InputLine& line, std::ostream& out) {
    const std::string key = normalize_key(line.text);
    if (const auto flow = common_key(key, out)) return *flow;
    if (is_one_of(key, {"c", "comment"})) {
      problem("This is an open question: type your answer itself, on one line (Enter alone skips).");
      return Flow::stay;
    }
    std::string typed = clean_input_text(line.text);
    const bool blank = line.text.find_first_not_of(" \t") == std::string::npos;
    if (blank) {
      save_now(out);
      return next();
    }
    if (typed.empty()) {
      problem("That line holds no readable text: type your answer, or press Enter alone to skip.");
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
    if (cut) notice = style.warning(fmt::format("Your answer was cut to its first {} KiB.", max_comment_bytes / 1024));
    return flow;
  }

  // ---- the end ----------------------------------------------------------------------------------------------

  void feedback(std::ostream& out) const {
    struct Row {
      std::string questionnaire;
      std::string dimension;
      std::optional<double> score;
      std::optional<BandRef> band;
      const Dimension* source = nullptr;
    };
    std::vector<std::vector<Row>> tables;
    const Row* weakest = nullptr;
    std::size_t title_width = 0;
    for (std::size_t q = 0; q < questionnaires.size(); ++q) {
      const Questionnaire& questionnaire = *questionnaires[q];
      const auto scores = dimension_scores(questionnaire, answers_to(q));
      std::vector<Row> rows;
      for (std::size_t d = 0; d < questionnaire.dimensions.size() && d < scores.size(); ++d) {
        Row row;
        row.questionnaire = printable(text(questionnaire.title));
        row.dimension = printable(text(questionnaire.dimensions[d].title));
        row.score = scores[d];
        row.source = &questionnaire.dimensions[d];
        if (row.score && !questionnaire.bands.empty()) row.band = band_of(questionnaire.bands, *row.score);
        title_width = std::max(title_width, display_width(row.dimension));
        rows.push_back(std::move(row));
      }
      tables.push_back(std::move(rows));
    }
    title_width = std::min(title_width, settings.width > 30 ? settings.width - 28 : std::size_t{2});
    out << '\n' << style.bold("Your results") << " (0-100; higher is healthier)\n";
    for (std::size_t q = 0; q < questionnaires.size(); ++q) {
      out << '\n' << printable(text(questionnaires[q]->title)) << '\n';
      for (const Row& row : tables[q]) {
        std::string line = "  " + pad_to_width(truncate_to_width(row.dimension, title_width), title_width) + "  ";
        if (row.score) {
          std::string band = row.band ? printable(text(row.band->label)) : std::string();
          if (row.band && row.band->bottom) band = style.bad(band);
          else if (row.band && row.band->top) band = style.good(band);
          else band = style.warning(band);
          line += fmt::format("{:>5}  {}", format_fixed(*row.score, 1), band);  // the band is decided on this figure
        } else {
          line += "    -  " + style.dim("too few answers for a score");
        }
        out << line << '\n';
        if (row.score && (!weakest || *row.score < *weakest->score)) weakest = &row;
      }
    }
    if (!weakest) {
      out << '\n'
          << wrapped("No dimension has a score yet: a score needs at least half of a dimension's questions answered "
                     "(na does not count).")
          << '\n';
      return;
    }
    out << '\n'
        << style.bold(wrapped(fmt::format("Weakest: {} ({}), {}{}", weakest->dimension, weakest->questionnaire,
                                          format_fixed(*weakest->score, 1),
                                          weakest->band ? ", " + printable(text(weakest->band->label))
                                                        : std::string())))
        << '\n';
    const std::string advice =
        weakest->band ? printable(text(weakest->source->advice_for(weakest->band->id))) : std::string();
    for (const auto& line : wrap_text(advice, settings.width > 4 ? settings.width - 2 : 2)) out << "  " << line << '\n';
  }

  AskOutcome finish(std::ostream& out) {
    if (!save_now(out)) return AskOutcome::save_failed;
    if (settings.redraw) out << style.clear_screen();
    feedback(out);
    const std::size_t scored = scored_total(), done = scored_answered();
    out << '\n';
    if (done == scored) {
      out << wrapped(fmt::format("Saved to {}: all {} scored questions answered; the file is marked complete.",
                                 settings.output_path, scored))
          << '\n';
    } else {
      out << wrapped(fmt::format("Saved to {}: {} of {} scored questions answered; the file is marked incomplete. "
                                 "Run the same command again to answer the rest.",
                                 settings.output_path, done, scored))
          << '\n';
    }
    return AskOutcome::finished;
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
  Impl& s = *impl_;
  const std::size_t total_items = s.entries.size();
  std::string opening;  // shown before the first question (with it, when the screen is cleared for each question)
  if (s.resumed) {
    opening = fmt::format("Resuming: {} of {} answered in {}.", s.answered_count(), total_items,
                          s.settings.output_path);
  } else {
    if (const auto ended = s.ask_respondent(in, out)) return *ended;
    if (s.respondent.date.empty()) s.respondent.date = s.settings.today;
  }
  // The first save: a failure here ends the session before anything is asked.
  s.save(s.build());

  s.position = s.first_unanswered();
  if (s.position >= total_items) {
    if (!opening.empty()) out << s.wrapped(opening) << '\n';
    out << fmt::format("All {} questions are answered already.\n", total_items);
    return s.finish(out);
  }
  s.furthest = s.position;
  if (s.resumed) {
    opening += fmt::format("\nContinuing at question {}/{}.", s.position + 1, total_items);
  } else {
    std::vector<std::string> titles;
    for (const auto* q : s.questionnaires) titles.push_back(printable(s.text(q->title)));
    opening = fmt::format("{} questions ({}). Every answer is saved to {} straight away; q saves and quits, ? shows "
                          "the keys.",
                          total_items, fmt::join(titles, ", "), s.settings.output_path);
  }
  if (s.settings.redraw) {
    s.notice = s.wrapped(opening);
  } else {
    out << s.wrapped(opening) << '\n';
  }

  while (true) {
    s.render(out);
    InputLine line;
    Flow flow = Flow::stay;
    if (read_input_line(in, line)) {
      s.echo(out, line);
      flow = s.entries[s.position].scored() ? s.handle_scored(line, in, out) : s.handle_open(line, out);
    } else {
      flow = Flow::input_ended;
    }
    switch (flow) {
      case Flow::stay:
      case Flow::moved:
        continue;
      case Flow::finished:
        return s.finish(out);
      case Flow::quit:
        if (!s.save_now(out)) return AskOutcome::save_failed;
        out << s.wrapped(fmt::format("Saved {} of {} answers to {}. Run the same command again to resume.",
                                     s.answered_count(), total_items, s.settings.output_path))
            << '\n';
        return AskOutcome::quit;
      case Flow::input_ended:
        out << '\n';
        if (!s.save_now(out)) return AskOutcome::save_failed;
        out << s.wrapped(fmt::format("Input ended; {} answer{} saved to {}. Run the same command again to resume.",
                                     s.answered_count(), s.answered_count() == 1 ? "" : "s",
                                     s.settings.output_path))
            << '\n';
        return AskOutcome::input_ended;
    }
  }
}

Response AskSession::response() const { return impl_->build(); }
std::size_t AskSession::answered() const { return impl_->answered_count(); }
std::size_t AskSession::total() const { return impl_->entries.size(); }
const std::string& AskSession::last_save_error() const { return impl_->last_error; }

}  // namespace partnerpulse
