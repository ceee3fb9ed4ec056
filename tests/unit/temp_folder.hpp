#pragma once
// A fresh temporary folder for tests that write files, removed with everything in it at the end of the test.

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <iterator>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <unistd.h>

namespace partnerpulse::test {

namespace fs = std::filesystem;

// A fresh temporary folder, removed with everything in it at the end of the test.
struct TempFolder {
  fs::path root;
  TempFolder() {
    std::random_device entropy;
    root = fs::temp_directory_path() /
           ("partnerpulse-test-files-" + std::to_string(::getpid()) + "-" + std::to_string(entropy()));
    fs::create_directories(root);
  }
  ~TempFolder() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;

  std::string path(const std::string& relative) const { return (root / relative).string(); }
  std::string write(const std::string& relative, const std::string& content) const {
    const fs::path file = root / relative;
    fs::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    out << content;
    return file.string();
  }
  // How many entries the sub-folder `folder` holds (0 when it does not exist).
  std::size_t files_in(const std::string& folder) const {
    if (!fs::exists(root / folder)) return 0;
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(root / folder), {}));
  }
  // Names of every entry in `folder` (relative to the root), hidden ones included, sorted.
  std::vector<std::string> entries(const std::string& folder = "") const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(root / folder)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }
};

}  // namespace partnerpulse::test
