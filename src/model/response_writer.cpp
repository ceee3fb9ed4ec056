#include <algorithm>
#include <fmt/format.h>

#include "partnerpulse/response.hpp"

namespace partnerpulse {

namespace {

// A TOML basic string with every character that needs it escaped.
std::string toml_string(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (byte < 0x20 || byte == 0x7F) {
          out += fmt::format("\\u{:04X}", static_cast<unsigned>(byte));
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

// A bare key where TOML allows one, else a quoted key.
std::string toml_key(std::string_view key) {
  const bool bare = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
  return bare ? std::string(key) : toml_string(key);
}

}  // namespace

std::string write_response(const Response& response) {
  const auto& who = response.respondent;
  std::string out;
  out += "[respondent]\n";
  out += fmt::format("id = {}\n", toml_string(who.id));
  out += fmt::format("organisation = {}\n", toml_string(who.organisation));
  out += fmt::format("partnership = {}\n", toml_string(who.partnership));
  out += fmt::format("role = {}\n", toml_string(who.role));
  out += fmt::format("period = {}\n", toml_string(who.period));
  if (!who.date.empty()) out += fmt::format("date = {}\n", who.date);
  out += fmt::format("status = \"{}\"\n", response.complete ? "complete" : "incomplete");
  out += "\n[questionnaires]\n";
  for (const auto& q : response.questionnaires) out += fmt::format("{} = {}\n", toml_key(q.questionnaire), toml_string(q.version));
  out += "\n[answers]\n";
  for (const auto& q : response.questionnaires) {
    out += fmt::format("\n[answers.{}]\n", toml_key(q.questionnaire));
    for (const auto& answer : q.answers) {
      out += fmt::format("{} = {}\n", toml_key(answer.item),
                         answer.value       ? std::to_string(*answer.value)
                         : answer.dont_know ? toml_string(dont_know_answer)
                                            : toml_string(not_applicable_answer));
    }
    for (const auto& open : q.open_answers) out += fmt::format("{} = {}\n", toml_key(open.item), toml_string(open.text));
  }
  bool any_comment = false;
  for (const auto& q : response.questionnaires) any_comment = any_comment || !q.comments.empty();
  if (any_comment) {
    out += "\n[comments]\n";
    for (const auto& q : response.questionnaires) {
      if (q.comments.empty()) continue;
      out += fmt::format("\n[comments.{}]\n", toml_key(q.questionnaire));
      for (const auto& comment : q.comments) out += fmt::format("{} = {}\n", toml_key(comment.item), toml_string(comment.text));
    }
  }
  return out;
}

}  // namespace partnerpulse
