#pragma once
// The texts of a questionnaire that a person reads, listed for checks such as translation completeness.

#include <string>
#include <vector>

#include "partnerpulse/localized_text.hpp"
#include "partnerpulse/questionnaire.hpp"

namespace partnerpulse {

// One text of a questionnaire, with a name for messages ("item 'knows-people' text").
struct NamedText {
  std::string where;
  const LocalizedText* text = nullptr;
};

// Every non-empty text of `q` a person reads, in file order: title, description, scale labels, band labels (the
// defaults when the file defines none), dimension titles, descriptions and advice, item texts. The pointers are
// into `q` and valid while it lives.
std::vector<NamedText> texts_of(const Questionnaire& q);

}  // namespace partnerpulse
