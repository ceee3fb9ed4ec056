#pragma once
// Test helpers shared by the loader tests: editing a fixture line by line, and asserting the exact diagnostics
// (file, line, column, message) an input produces.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "partnerpulse/diagnostics.hpp"

namespace partnerpulse::testing {

// `text` with line `line` (1-based) replaced by `content`, which may hold several lines or be empty.
inline std::string set_line(const std::string& text, std::size_t line, std::string_view content) {
  std::size_t start = 0;
  for (std::size_t n = 1; n < line; ++n) {
    start = text.find('\n', start);
    BOOST_TEST_REQUIRE(start != std::string::npos);
    ++start;
  }
  const std::size_t end = text.find('\n', start);
  BOOST_TEST_REQUIRE(end != std::string::npos);
  return text.substr(0, start) + std::string(content) + text.substr(end);
}

// Every diagnostic formatted, one per line, for failure messages.
inline std::string all_of(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) out += "\n  " + format_diagnostic(d);
  return out;
}

struct Expected {
  std::uint32_t line;
  std::uint32_t column;
  std::string fragment;  // a part of the message
};

// Asserts that `got` holds exactly these errors in `path`, in this order.
inline void check_diagnostics(const std::vector<Diagnostic>& got, const std::string& path,
                              const std::vector<Expected>& expected) {
  BOOST_TEST_CONTEXT("reported:" << all_of(got)) {
    BOOST_TEST_REQUIRE(got.size() == expected.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
      BOOST_TEST_CONTEXT("diagnostic " << i + 1 << " expected at " << expected[i].line << ":" << expected[i].column
                                       << " with \"" << expected[i].fragment << "\"") {
        BOOST_TEST(got[i].location.path == path);
        BOOST_TEST((got[i].severity == Severity::error));
        BOOST_TEST(got[i].location.line == expected[i].line);
        BOOST_TEST(got[i].location.column == expected[i].column);
        BOOST_TEST(got[i].message.find(expected[i].fragment) != std::string::npos);
      }
    }
  }
}

}  // namespace partnerpulse::testing
