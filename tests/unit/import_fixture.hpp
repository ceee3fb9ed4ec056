#pragma once
// The catalog the import tests read exports against: the shipped questionnaires and the bilingual test
// questionnaire `exchange` (tests/data/import/questionnaires).

#include "partnerpulse/catalog.hpp"

namespace partnerpulse::test {

inline const Catalog& import_catalog() {
  static const Catalog catalog = Catalog::from_folders(
      {PARTNERPULSE_SOURCE_DIR "/questionnaires", PARTNERPULSE_TEST_DATA "/import/questionnaires"});
  return catalog;
}

}  // namespace partnerpulse::test
