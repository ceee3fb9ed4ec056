// The benchmark's floor (bench/README.md): the least any program must do to read the same response files with
// toml++. Finds every *.toml file under FOLDER (recursively, sorted, like `partnerpulse report`), then, on one
// thread, reads each into a std::string (sized once, one read) and parses it with toml::parse(text, path).
// Prints the number of files. No checks, no scoring, no partnerpulse code.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <toml++/toml.h>

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: parse_floor FOLDER\n";
    return 2;
  }
  std::vector<std::string> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(argv[1], ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (it->path().extension() == ".toml" && it->is_regular_file(ec)) files.push_back(it->path().string());
  }
  if (ec) {
    std::cerr << "parse_floor: " << argv[1] << ": " << ec.message() << "\n";
    return 1;
  }
  std::sort(files.begin(), files.end());

  std::size_t parsed = 0;
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    const std::streamoff size = in ? static_cast<std::streamoff>(in.tellg()) : -1;
    std::string text(size > 0 ? static_cast<std::size_t>(size) : 0, '\0');
    if (size < 0 || !in.seekg(0) || !in.read(text.data(), size)) {
      std::cerr << "parse_floor: cannot read " << path << "\n";
      return 1;
    }
#if TOML_EXCEPTIONS
    try {
      const toml::table table = toml::parse(text, path);
      ++parsed;
    } catch (const toml::parse_error& error) {
      std::cerr << "parse_floor: " << path << ": " << error.description() << "\n";
      return 1;
    }
#else
    const toml::parse_result result = toml::parse(text, path);
    if (!result) {
      std::cerr << "parse_floor: " << path << ": " << result.error().description() << "\n";
      return 1;
    }
    ++parsed;
#endif
  }
  std::printf("%zu\n", parsed);
  return 0;
}
