#include "util/text_direction.hpp"

#include <algorithm>

namespace partnerpulse {

bool is_right_to_left(std::string_view language) {
  const std::string_view code = language.substr(0, std::min(language.find_first_of("-_"), language.size()));
  return code == "ar" || code == "he" || code == "fa" || code == "ur";
}

std::string isolate_for_terminal(std::string_view language, std::string_view text) {
  if (!is_right_to_left(language)) return std::string(text);
  return "\u2068" + std::string(text) + "\u2069";
}

}  // namespace partnerpulse
