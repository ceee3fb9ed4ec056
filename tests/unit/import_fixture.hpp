#pragma once
// For the import tests: the catalog they read exports against (the shipped questionnaires 1.0, in the archive,
// which the fixtures' forms were made from, and the bilingual test
// questionnaire `exchange` in tests/data/import/questionnaires), and the tests' one TempFolder (temp_folder.hpp).

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include <unistd.h>

#include "partnerpulse/catalog.hpp"
#include "temp_folder.hpp"

namespace partnerpulse::test {

inline const Catalog& import_catalog() {
  static const Catalog catalog = Catalog::from_folders(
      {PARTNERPULSE_SOURCE_DIR "/questionnaires/archive", PARTNERPULSE_TEST_DATA "/import/questionnaires"});
  return catalog;
}

}  // namespace partnerpulse::test
