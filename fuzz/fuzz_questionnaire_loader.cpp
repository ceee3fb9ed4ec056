// libFuzzer target: the questionnaire loader (input guards, toml++, schema checks) on any bytes. A refusal is an
// InputError with positions; anything else (a crash, a sanitizer report, another exception) is a finding.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "partnerpulse/diagnostics.hpp"
#include "partnerpulse/questionnaire_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    (void)partnerpulse::parse_questionnaire(text, "fuzz.toml");
  } catch (const partnerpulse::InputError&) {
  }
  return 0;
}
