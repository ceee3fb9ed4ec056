#pragma once
// For the import tests: the catalog they read exports against (the shipped questionnaires and the bilingual test
// questionnaire `exchange` in tests/data/import/questionnaires), and a temporary folder.

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include <unistd.h>

#include "partnerpulse/catalog.hpp"

namespace partnerpulse::test {

inline const Catalog& import_catalog() {
  static const Catalog catalog = Catalog::from_folders(
      {PARTNERPULSE_SOURCE_DIR "/questionnaires", PARTNERPULSE_TEST_DATA "/import/questionnaires"});
  return catalog;
}

// A fresh temporary folder, removed with everything in it at the end of the test.
struct TempFolder {
  std::filesystem::path path;
  TempFolder() {
    std::random_device entropy;
    path = std::filesystem::temp_directory_path() /
           ("partnerpulse-import-" + std::to_string(::getpid()) + "-" + std::to_string(entropy()));
    std::filesystem::create_directories(path);
  }
  ~TempFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  // Writes `text` (bytes as they are) to NAME in the folder and returns its path.
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
    return (path / name).string();
  }
  // How many entries the sub-folder NAME holds (0 when it does not exist).
  std::size_t files_in(const std::string& name) const {
    if (!std::filesystem::exists(path / name)) return 0;
    return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(path / name), {}));
  }
};

}  // namespace partnerpulse::test
