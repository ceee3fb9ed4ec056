#pragma once
// Reads questionnaire files and checks them against the format in docs/questionnaire-format.md.

#include <string>
#include <string_view>

#include "partnerpulse/diagnostics.hpp"
#include "partnerpulse/questionnaire.hpp"

namespace partnerpulse {

// Parses questionnaire text; `path` names it in diagnostics. Throws InputError listing every problem found.
Questionnaire parse_questionnaire(std::string_view text, const std::string& path);

// Reads and parses a questionnaire file. Throws IoError when it cannot be read, InputError when invalid.
Questionnaire load_questionnaire(const std::string& path);

}  // namespace partnerpulse
