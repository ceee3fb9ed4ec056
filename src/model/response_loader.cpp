#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>

#include <fmt/format.h>

#include "model/toml_document.hpp"
#include "partnerpulse/catalog.hpp"
#include "partnerpulse/files.hpp"
#include "partnerpulse/response.hpp"
#include "util/name_suggestions.hpp"
#include "util/text_encoding.hpp"
#include "util/text_filters.hpp"
#include "partnerpulse/interface_text.hpp"

namespace partnerpulse {

namespace {

// The number of code points in valid UTF-8 `text`.
std::size_t count_characters(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++count) decode_utf8(text, i);
  return count;
}

// YYYY-MM-DD for a date toml++ has read (year 0-9999, month 1-12, day 1-31).
std::string iso_date(unsigned year, unsigned month, unsigned day) {
  std::string text = "0000-00-00";
  for (std::size_t i = 4; i-- > 0; year /= 10) text[i] = static_cast<char>('0' + year % 10);
  text[5] = static_cast<char>('0' + month / 10);
  text[6] = static_cast<char>('0' + month % 10);
  text[8] = static_cast<char>('0' + day / 10);
  text[9] = static_cast<char>('0' + day % 10);
  return text;
}

class ResponseReader {
public:
 ResponseReader(const toml::table& root, const std::string& path, const Catalog& catalog, DiagnosticList& diagnostics)
     : root_(root, path, std::string(tr("the file")), diagnostics),
       path_(path),
       catalog_(catalog),
       diagnostics_(diagnostics) {}

 Response read() {
   Response response;
   response.path = path_;
   read_respondent(response);
   read_versions(response);
   read_answers(response);
   read_comments(response);
   root_.finish();
   return response;
  }

private:
  std::string required_label(TableReader& reader, std::string_view key) {
    auto value = reader.string(key, Need::required);
    if (!value) return {};
    if (respondent_field_problem(*value)) {
      diagnostics_.error(reader.where(key),
                         fmt::format(fmt::runtime(tr("[respondent]: '{}' must be {}")), key, respondent_field_rule()));
    }
    return *value;
  }

  void read_respondent(Response& response) {
    const toml::table* table = root_.table("respondent", Need::required);
    if (!table) return;
    TableReader reader(*table, path_, "[respondent]", diagnostics_);
    response.location = reader.where();
    auto& who = response.respondent;
    who.id = required_label(reader, "id");
    who.organisation = required_label(reader, "organisation");
    who.partnership = required_label(reader, "partnership");
    who.role = required_label(reader, "role");
    response.role_location = reader.where("role");
    who.period = required_label(reader, "period");
    if (const toml::node* date = reader.node("date")) {
      if (const auto* value = date->as_date()) {
        who.date = iso_date(value->get().year, value->get().month, value->get().day);
      } else {
        reader.wrong_type("date", *date, tr("a date such as 2024-10-12"));
      }
    }
    if (auto status = reader.string("status", Need::optional)) {
      if (*status == "incomplete") {
        response.complete = false;
      } else if (*status != "complete") {
        diagnostics_.error(
            reader.where("status"),
            fmt::format(fmt::runtime(tr("[respondent]: 'status' must be \"complete\" or \"incomplete\", not \"{}\"")),
                        *status));
      }
    }
    reader.finish();
  }

  void read_versions(Response& response) {
    const toml::table* table = root_.table("questionnaires", Need::required);
    if (!table) return;
    if (table->empty()) {
      diagnostics_.error(root_.where("questionnaires"), std::string(tr("[questionnaires] names no questionnaire")));
    }
    response.questionnaires.reserve(table->size());
    for (const auto& [key, node] : *table) {
      const std::string id(key.str());
      const SourceLocation key_at = location_of(key.source(), path_);
      QuestionnaireAnswers answers;
      answers.questionnaire = id;
      answers.location = key_at;
      const auto* version = node.as_string();
      if (!version) {
        diagnostics_.error(
            location_of(node.source(), path_),
            fmt::format(fmt::runtime(tr("[questionnaires]: '{}' must be the version answered, as a string such as "
                                        "\"1.0\", not {}")),
                        id, describe_type(node)));
      } else {
        answers.version = version->get();
      }
      const Questionnaire* questionnaire = version ? catalog_.find(id, answers.version) : catalog_.find(id);
      if (!questionnaire) {
        if (!catalog_suggester_) catalog_suggester_.emplace(catalog_.ids());
        const auto suggestion = catalog_suggester_->closest(id);
        diagnostics_.error(key_at, catalog_.unknown_questionnaire_message(id, suggestion));
      } else if (version && questionnaire->version != answers.version) {
        diagnostics_.error(
            location_of(node.source(), path_),
            fmt::format(fmt::runtime(tr("questionnaire '{}' is version \"{}\" in {}, but these answers are to version "
                                        "\"{}\"")),
                        id, questionnaire->version, questionnaire->path, answers.version));
      }
      response.questionnaires.push_back(std::move(answers));
    }
  }

  // The questionnaire an [answers.X] or [comments.X] table belongs to; reports when it is not listed.
  std::pair<QuestionnaireAnswers*, const Questionnaire*> owner(Response& response, const toml::key& key,
                                                               std::string_view table_name) {
    const std::string_view id = key.str();
    auto found = std::find_if(response.questionnaires.begin(), response.questionnaires.end(),
                              [&](const QuestionnaireAnswers& a) { return a.questionnaire == id; });
    if (found == response.questionnaires.end()) {
      // Only listed ids that name a questionnaire are suggested: a typo in [questionnaires] is reported there.
      if (!listed_suggester_) {
        std::vector<std::string> listed;
        for (const auto& a : response.questionnaires) {
          if (catalog_.find(a.questionnaire)) listed.push_back(a.questionnaire);
        }
        listed_suggester_.emplace(listed);
      }
      const auto suggestion = listed_suggester_->closest(id);
      const std::string shown = name_for_message(id);
      diagnostics_.error(location_of(key.source(), path_),
                         suggestion
                             ? fmt::format(fmt::runtime(tr("[{}.{}]: '{}' is not listed in [questionnaires]; did "
                                                           "you mean '{}'?")),
                                           table_name, shown, shown, *suggestion)
                             : fmt::format(fmt::runtime(tr("[{}.{}]: '{}' is not listed in [questionnaires]")),
                                           table_name, shown, shown));
      return {nullptr, nullptr};
    }
    return {&*found, catalog_.find(id, found->version)};
  }

  // The item `item_id` of `questionnaire`, for a table of `entries` entries: a table of a few entries searches the
  // items in turn, a larger one builds an index of the questionnaire's items (once per file), so that the work
  // stays linear in the entries and items even for 10,000 of each.
  const Item* find_item(const Questionnaire& questionnaire, std::string_view item_id, std::size_t entries) {
    if (entries <= 32 || questionnaire.items.size() <= 32) return questionnaire.find_item(item_id);
    auto index = item_indexes_.find(&questionnaire);
    if (index == item_indexes_.end()) {
      index = item_indexes_.emplace(&questionnaire, std::unordered_map<std::string_view, const Item*>{}).first;
      for (const Item& item : questionnaire.items) index->second.emplace(item.id, &item);
    }
    const auto found = index->second.find(item_id);
    return found == index->second.end() ? nullptr : found->second;
  }

  // Reports that `questionnaire` has no item `item_id`, suggesting one of its items.
  void report_unknown_item(const Questionnaire& questionnaire, std::string_view item_id, const SourceLocation& where,
                           std::string_view context) {
    if (diagnostics_.full()) {  // only counted: no suggestion to look for
      diagnostics_.error(where, {});
      return;
    }
    auto suggester = item_suggesters_.find(&questionnaire);
    if (suggester == item_suggesters_.end()) {
      std::vector<std::string> ids;
      for (const auto& item : questionnaire.items) ids.push_back(item.id);
      suggester = item_suggesters_.emplace(&questionnaire, NameSuggester(ids)).first;
    }
    const auto suggestion = suggester->second.closest(item_id);
    const std::string shown = name_for_message(item_id);
    diagnostics_.error(where, suggestion
                                  ? fmt::format(fmt::runtime(tr("{}: questionnaire '{}' has no item '{}'; did you "
                                                                "mean '{}'?")),
                                                context, questionnaire.id, shown, *suggestion)
                                  : fmt::format(fmt::runtime(tr("{}: questionnaire '{}' has no item '{}'")), context,
                                                questionnaire.id, shown));
  }

  // One [answers.ID] value for a scored item on `scale`: stored in `answers`, or reported.
  void read_scored_answer(QuestionnaireAnswers& answers, const Item& item, const Scale& scale, const toml::node& value,
                          std::string_view context) {
    const auto at = [&] { return location_of(value.source(), path_); };
    const auto& begin = value.source().begin;
    if (const auto* number = value.as_integer(); number && number->get() >= scale.min && number->get() <= scale.max) {
      answers.answers.push_back({item.id, static_cast<int>(number->get()), begin.line, begin.column});
      return;  // the common case: nothing to format
    }
    if (const auto* number = value.as_integer()) {
      const std::int64_t v = number->get();
      if (v < scale.min || v > scale.max) {
        const std::string words = answer_words(scale);  // for messages only
        diagnostics_.error(at(), words.empty()
                                     ? fmt::format(fmt::runtime(tr("{}: '{}' = {} is off the scale {}..{}")), context,
                                                   item.id, v, scale.min, scale.max)
                                     : fmt::format(fmt::runtime(tr("{}: '{}' = {} is off the scale {}..{} (or {})")),
                                                   context, item.id, v, scale.min, scale.max, words));
      } else {
        answers.answers.push_back({item.id, static_cast<int>(v), begin.line, begin.column});
      }
    } else if (const auto* text = value.as_string()) {
      const bool na = text->get() == not_applicable_answer, dont_know = text->get() == dont_know_answer;
      if (!na && !dont_know) {
        report_not_a_number(item, scale, context, fmt::format("\"{}\"", text->get()), at());
      } else if (na ? !scale.allow_na : !scale.allow_dont_know) {
        report_word_not_allowed(item, scale, context, text->get(), na, at());
      } else {
        answers.answers.push_back({item.id, std::nullopt, begin.line, begin.column, dont_know});
      }
    } else {
      report_not_a_number(item, scale, context, describe_type(value), at());
    }
  }

  // Reports an answer that is neither a number nor an allowed word; `given` is the answer quoted, or its type.
  void report_not_a_number(const Item& item, const Scale& scale, std::string_view context, const std::string& given,
                           const SourceLocation& at) {
    const std::string words = answer_words(scale);
    diagnostics_.error(at, words.empty()
                               ? fmt::format(fmt::runtime(tr("{}: '{}' must be a whole number {}..{}, not {}")),
                                             context, item.id, scale.min, scale.max, given)
                               : fmt::format(fmt::runtime(tr("{}: '{}' must be a whole number {}..{} or {}, "
                                                             "not {}")),
                                             context, item.id, scale.min, scale.max, words, given));
  }

  // Reports "na" or "dont-know" (`word`) on a scale that does not allow it.
  void report_word_not_allowed(const Item& item, const Scale& scale, std::string_view context, const std::string& word,
                               bool na, const SourceLocation& at) {
    const std::string words = answer_words(scale);
    std::string_view message;
    if (na) {
      message = words.empty() ? tr("{}: '{}' = \"{}\" is not allowed: scale '{}' has no not-applicable answer "
                                   "(allow_na); answer {}..{} or leave the item out")
                              : tr("{}: '{}' = \"{}\" is not allowed: scale '{}' has no not-applicable answer "
                                   "(allow_na); answer {}..{}, {} or leave the item out");
    } else {
      message = words.empty() ? tr("{}: '{}' = \"{}\" is not allowed: scale '{}' has no don't-know answer "
                                   "(allow_dont_know); answer {}..{} or leave the item out")
                              : tr("{}: '{}' = \"{}\" is not allowed: scale '{}' has no don't-know answer "
                                   "(allow_dont_know); answer {}..{}, {} or leave the item out");
    }
    diagnostics_.error(
        at, fmt::format(fmt::runtime(message), context, item.id, word, scale.id, scale.min, scale.max, words));
  }

  // The answer words `scale` allows besides numbers, quoted, for messages: "\"na\"", "\"na\" or \"dont-know\"".
  static std::string answer_words(const Scale& scale) {
    if (scale.allow_na && scale.allow_dont_know) {
      return fmt::format(fmt::runtime(tr("\"{}\" or \"{}\"")), not_applicable_answer, dont_know_answer);
    }
    if (scale.allow_na) return fmt::format("\"{}\"", not_applicable_answer);
    if (scale.allow_dont_know) return fmt::format("\"{}\"", dont_know_answer);
    return {};
  }

  // Calls visit(answers, questionnaire, item, value, context) for every `item = value` of every [SECTION.ID]
  // table whose questionnaire is listed and whose item exists; reports the others. `context` is "[SECTION.ID]".
  template <typename Visit>
  void for_each_item_entry(Response& response, std::string_view section, Need need, Visit visit) {
    const toml::table* table = root_.table(section, need);
    if (!table) return;
    std::string context;
    for (const auto& [key, node] : *table) {
      context.assign("[").append(section).append(".").append(key.str()).append("]");
      const auto* entries = node.as_table();
      if (!entries) {
        diagnostics_.error(
            location_of(node.source(), path_),
            fmt::format(fmt::runtime(section == "answers" ? tr("{} must be a table of item = answer, not {}")
                                                          : tr("{} must be a table of item = \"comment\", not {}")),
                        context, describe_type(node)));
        continue;
      }
      auto [answers, questionnaire] = owner(response, key, section);
      if (!answers || !questionnaire) continue;
      if (section == "answers") answers->answers.reserve(entries->size());
      for (const auto& [item_key, value] : *entries) {
        const std::string_view item_id = item_key.str();
        const Item* item = find_item(*questionnaire, item_id, entries->size());
        if (!item) {
          report_unknown_item(*questionnaire, item_id, location_of(item_key.source(), path_), context);
          continue;
        }
        visit(*answers, *questionnaire, *item, value, context);
      }
    }
  }

  void read_answers(Response& response) {
    const Scale* scale = nullptr;  // the last item's scale: items usually share one
    for_each_item_entry(response, "answers", Need::required,
                        [&](QuestionnaireAnswers& answers, const Questionnaire& questionnaire, const Item& item,
                            const toml::node& value, const std::string& context) {
                          if (item.scored()) {
                            if (!scale || scale->id != item.scale) scale = questionnaire.find_scale(item.scale);
                            read_scored_answer(answers, item, *scale, value, context);
                          } else if (const auto* text = value.as_string()) {
                            answers.open_answers.push_back({item.id, text->get()});
                          } else {
                            diagnostics_.error(
                                location_of(value.source(), path_),
                                fmt::format(fmt::runtime(tr("{}: '{}' is an open question; its answer must be a "
                                                            "string, not {}")),
                                            context, item.id, describe_type(value)));
                          }
                        });
  }

  void read_comments(Response& response) {
    for_each_item_entry(response, "comments", Need::optional,
                        [&](QuestionnaireAnswers& answers, const Questionnaire&, const Item& item,
                            const toml::node& value, const std::string& context) {
                          if (const auto* text = value.as_string()) {
                            answers.comments.push_back({item.id, text->get()});
                          } else {
                            diagnostics_.error(
                                location_of(value.source(), path_),
                                fmt::format(fmt::runtime(tr("{}: the comment on '{}' must be a string, not {}")),
                                            context, item.id, describe_type(value)));
                          }
                        });
  }

  TableReader root_;
  std::string path_;
  const Catalog& catalog_;
  DiagnosticList& diagnostics_;
  std::map<const Questionnaire*, NameSuggester> item_suggesters_;  // made at a questionnaire's first unknown item
  std::optional<NameSuggester> catalog_suggester_;  // the catalog's ids, made at the first unknown questionnaire
  std::optional<NameSuggester> listed_suggester_;   // the listed ids, made at the first unlisted [answers.X]
  // Items by id, for questionnaires answered with many entries in one table (see find_item).
  std::map<const Questionnaire*, std::unordered_map<std::string_view, const Item*>> item_indexes_;
};

// True when line `line` (without its newline) is the table header [name], allowing spaces and a comment.
bool is_header(std::string_view line, std::string_view name) {
  const auto trim = [](std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
  };
  line = trim(line);
  if (line.size() < 2 || line.front() != '[' || line[1] == '[') return false;
  const auto close = line.find(']');
  if (close == std::string_view::npos) return false;
  const auto rest = trim(line.substr(close + 1));
  if (!rest.empty() && rest.front() != '#') return false;
  return trim(line.substr(1, close - 1)) == name;
}

}  // namespace

std::string respondent_field_rule() {
  return fmt::format(fmt::runtime(tr("a non-empty single line of at most {} characters")),
                     max_respondent_field_characters);
}

std::optional<std::string> respondent_field_problem(std::string_view value) {
  if (value.empty()) return std::string(tr("it must not be empty"));
  if (!is_valid_utf8(value)) return std::string(tr("it must be valid UTF-8 text"));
  // A character takes at least one byte: only a longer text can hold too many.
  if (value.size() > max_respondent_field_characters) {
    const std::size_t characters = count_characters(value);
    if (characters > max_respondent_field_characters) {
      return fmt::format(fmt::runtime(tr("it is {} characters long; the limit is {} characters")), characters,
                         max_respondent_field_characters);
    }
  }
  if (has_ascii_control_characters(value)) {
    return std::string(tr("it must be a single line without control characters"));
  }
  return std::nullopt;
}

const Answer* QuestionnaireAnswers::find(const std::string& item_id) const {
  const auto found = std::find_if(answers.begin(), answers.end(), [&](const Answer& a) { return a.item == item_id; });
  return found == answers.end() ? nullptr : &*found;
}

const QuestionnaireAnswers* Response::find(const std::string& questionnaire_id) const {
  const auto found = std::find_if(questionnaires.begin(), questionnaires.end(),
                                  [&](const QuestionnaireAnswers& a) { return a.questionnaire == questionnaire_id; });
  return found == questionnaires.end() ? nullptr : &*found;
}

InputKind detect_input_kind(std::string_view text) {
  std::size_t start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    if (is_header(line, "questionnaire")) return InputKind::questionnaire;
    if (is_header(line, "respondent")) return InputKind::response;
    if (is_header(line, "partnership")) return InputKind::partnership;
    start = end + 1;
  }
  return InputKind::unknown;
}

Response parse_response(std::string_view text, const std::string& path, const Catalog& catalog) {
  DiagnosticList diagnostics;
  std::optional<toml::table> root = parse_toml(text, path, diagnostics);
  if (!root) throw InputError(diagnostics.items());
  Response response = ResponseReader(*root, path, catalog, diagnostics).read();
  if (diagnostics.has_errors()) {
    diagnostics.sort_by_position();
    throw InputError(diagnostics.items());
  }
  return response;
}

std::vector<QuestionnaireAnswers> answered_questionnaires(std::string_view text, const std::string& path) {
  DiagnosticList diagnostics;
  const std::optional<toml::table> root = parse_toml(text, path, diagnostics);
  if (!root) throw InputError(diagnostics.items());
  std::vector<QuestionnaireAnswers> named;
  if (const toml::table* table = (*root)["questionnaires"].as_table()) {
    for (const auto& [key, node] : *table) {
      if (const auto* version = node.as_string()) {
        QuestionnaireAnswers answers;
        answers.questionnaire = std::string(key.str());
        answers.version = version->get();
        answers.location = location_of(key.source(), path);
        named.push_back(std::move(answers));
      }
    }
  }
  return named;
}

Response load_response(const std::string& path, const Catalog& catalog) {
  return parse_response(read_text_file(path), path, catalog);
}

}  // namespace partnerpulse
