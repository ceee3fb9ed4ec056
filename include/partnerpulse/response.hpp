#pragma once
// One respondent's answers to one or more questionnaires (see docs/response-format.md).

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "partnerpulse/diagnostics.hpp"

namespace partnerpulse {

class Catalog;

// One answer: a scale value, or, when value is empty, "na" (not applicable) or "dont-know" (dont_know set).
struct Answer {
  std::string item;
  std::optional<int> value;
  std::uint32_t line = 0;  // where the value stands in Response::path (0: not read from a file)
  std::uint32_t column = 0;
  bool dont_know = false;  // "dont-know": the respondent cannot judge (only when value is empty)
};

// The answer words a scored item takes besides a number.
inline constexpr const char* not_applicable_answer = "na";
inline constexpr const char* dont_know_answer = "dont-know";

struct Comment {
  std::string item;
  std::string text;
};

// The answers to one questionnaire, ordered by item id.
struct QuestionnaireAnswers {
  std::string questionnaire;
  std::string version;
  std::vector<Answer> answers;        // scored items
  std::vector<Comment> open_answers;  // open questions (kind = "text"), written under [answers.ID]
  std::vector<Comment> comments;      // comments on items, written under [comments.ID]
  SourceLocation location;
  const Answer* find(const std::string& item_id) const;
};

struct Respondent {
  std::string id;            // a pseudonym; never printed in a report
  std::string organisation;  // never printed next to an answer
  std::string partnership;
  std::string role;
  std::string period;
  std::string date;  // YYYY-MM-DD, or empty
};

// Respondent details (id, organisation, partnership, role, period) hold at most this many characters (Unicode code
// points, not bytes).
inline constexpr std::size_t max_respondent_field_characters = 200;

// What every respondent detail must be, for messages: "a non-empty single line of at most 200 characters".
std::string respondent_field_rule();

// Why `value` cannot be a respondent detail, as a clause such as "it is 201 characters long; the limit is 200
// characters", or nothing when it can: a detail is non-empty valid UTF-8 of at most
// max_respondent_field_characters, without ASCII controls (line breaks, tabs, escape: see util/text_filters.hpp).
// The one check of respondent details, for response files and for `partnerpulse ask` alike.
std::optional<std::string> respondent_field_problem(std::string_view value);

struct Response {
  std::string path;
  Respondent respondent;
  bool complete = true;  // false while `partnerpulse ask` is still filling it in
  std::vector<QuestionnaireAnswers> questionnaires;
  SourceLocation location;       // of the [respondent] table
  SourceLocation role_location;  // of the role's value (the table when not read from a file)
  const QuestionnaireAnswers* find(const std::string& questionnaire_id) const;
};

// Parses response text and checks it against the questionnaires it names, found in `catalog`.
// Throws InputError listing every problem.
Response parse_response(std::string_view text, const std::string& path, const Catalog& catalog);

// The questionnaires a response text names in its [questionnaires] table, each with the version answered (and no
// answers), in file order, checked against no catalog: for comparing a file with what is about to be asked before
// it is loaded. Entries whose version is not a string are left out. Throws InputError when the text is not TOML.
std::vector<QuestionnaireAnswers> answered_questionnaires(std::string_view text, const std::string& path);

// Reads and checks a response file. Throws IoError or InputError.
Response load_response(const std::string& path, const Catalog& catalog);

// The kind of a TOML input file, told apart by its top-level table.
enum class InputKind { questionnaire, response, partnership, unknown };
// Reads only as much as needed to tell the kind: [questionnaire], [respondent] or [partnership] at the top level.
InputKind detect_input_kind(std::string_view text);

// Writes a response file in a fixed key order (respondent, questionnaires, answers, comments).
// The result parses back to an equal Response.
std::string write_response(const Response& response);

}  // namespace partnerpulse
