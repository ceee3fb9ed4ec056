#include "util/text_direction.hpp"

#include "util/bidi_isolation.hpp"

namespace partnerpulse {

std::string isolate_for_terminal(std::string_view language, std::string_view text) {
  if (!is_right_to_left_language(language)) return std::string(text);
  std::string isolated(first_strong_isolate);
  isolated.append(text).append(pop_directional_isolate);
  return isolated;
}

}  // namespace partnerpulse
