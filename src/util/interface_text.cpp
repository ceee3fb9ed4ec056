#include "partnerpulse/interface_text.hpp"

#include <utility>

namespace partnerpulse {
namespace {
std::string& current_interface_language() {
  static std::string language;
  return language;
}
}  // namespace

// Until catalogues are loaded, every language reads the English msgid.
std::string_view translate(std::string_view /*language*/, std::string_view msgid) { return msgid; }

std::string_view translate_plural(std::string_view /*language*/, std::string_view singular, std::string_view plural,
                                  std::uint64_t count) {
  return count == 1 ? singular : plural;
}

void set_interface_language(std::string language) { current_interface_language() = std::move(language); }

const std::string& interface_language() { return current_interface_language(); }

}  // namespace partnerpulse
