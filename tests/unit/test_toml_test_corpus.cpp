// The toml-test corpus (the TOML_TEST_CORPUS CMake cache variable; by default ../shared/corpus/toml-test beside the
// checkout): every invalid document gets a positioned error and no crash; every valid document is either accepted or
// rejected for questionnaire-schema reasons only.
// Its own executable and ctest entry (unit.toml_test_corpus): when the corpus is absent (a user's clone may not
// have it), main() says so and exits with 77, which ctest reports as skipped.

#define BOOST_TEST_MODULE toml_test_corpus
#define BOOST_TEST_NO_MAIN
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "partnerpulse/diagnostics.hpp"
#include "partnerpulse/questionnaire_loader.hpp"

using namespace partnerpulse;
namespace fs = std::filesystem;

namespace {

// Given by CMake (tests/CMakeLists.txt passes the TOML_TEST_CORPUS cache variable), not worked out here.
const fs::path corpus = fs::path(PARTNERPULSE_TOML_TEST_CORPUS);

// Files below `folder`, recursively, as paths relative to the corpus root, sorted; only *.toml when `toml_only`.
std::vector<std::string> files_below(const std::string& folder, bool toml_only) {
  std::vector<std::string> found;
  for (const auto& entry : fs::recursive_directory_iterator(corpus / folder)) {
    if (!entry.is_regular_file()) continue;
    if (toml_only && entry.path().extension() != ".toml") continue;
    found.push_back(fs::relative(entry.path(), corpus).generic_string());
  }
  std::sort(found.begin(), found.end());
  return found;
}

std::string read_bytes(const std::string& relative) {
  std::ifstream in(corpus / relative, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

// Messages that reject a document as text or as TOML, before the questionnaire schema is looked at.
bool is_non_schema_message(const std::string& message) {
  return starts_with(message, "invalid TOML") || starts_with(message, "the file is not valid UTF-8") ||
         starts_with(message, "a byte-order mark") || message.find("nest deeper than") != std::string::npos ||
         message.find("dotted key has more than") != std::string::npos;
}

std::string all_of(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) out += "\n  " + format_diagnostic(d);
  return out;
}

// Says `line` in the Boost.Test log (seen with --log_level=message) and on standard output (seen with ctest -V),
// since Boost.Test's default log level hides messages.
void say(const std::string& line) {
  BOOST_TEST_MESSAGE(line);
  std::cout << line << std::endl;
}

// Valid TOML 1.0 documents that toml++ 3.3 itself rejects as invalid TOML (upstream defects, fixed after 3.3).
// Each is listed with the reason; the test fails if one of them starts passing, so the list stays current.
// Empty: with the corpus selection in ../shared/corpus/toml-test (TOML 1.0.0 files only), toml++ 3.3 parses every
// valid/ document. Add an entry as {"valid/PATH.toml"} with a comment naming the upstream defect.
const std::set<std::string> valid_rejected_by_tomlplusplus = {
};

// Invalid TOML documents that toml++ 3.3 accepts. Our schema check still rejects them (none has a [questionnaire]
// table), with a position: that meets the requirement. Listed so that a change in toml++ is noticed.
// Empty: toml++ 3.3 or our input guards reject every invalid/ document of this corpus selection as text or TOML.
const std::set<std::string> invalid_accepted_by_tomlplusplus = {
};

}  // namespace

BOOST_AUTO_TEST_SUITE(toml_test_corpus)

BOOST_AUTO_TEST_CASE(invalid_documents_get_a_positioned_error) {
  const std::vector<std::string> files = files_below("invalid", false);
  BOOST_TEST_REQUIRE(!files.empty());
  std::size_t toml_errors = 0, guard_errors = 0, schema_only = 0;
  std::set<std::string> accepted_by_toml;
  for (const auto& file : files) {
    BOOST_TEST_CONTEXT(file) {
      const std::string text = read_bytes(file);
      try {
        parse_questionnaire(text, file);
        BOOST_ERROR("an invalid TOML document was accepted as a questionnaire");
      } catch (const InputError& error) {
        const auto& diagnostics = error.diagnostics();
        BOOST_TEST_REQUIRE(!diagnostics.empty());
        const Diagnostic& first = diagnostics.front();
        BOOST_TEST_CONTEXT(all_of(diagnostics)) {
          BOOST_TEST(first.location.path == file);
          BOOST_TEST(first.location.line >= 1u);
          BOOST_TEST(first.location.column >= 1u);
          BOOST_TEST((first.severity == Severity::error));
        }
        if (starts_with(first.message, "invalid TOML")) {
          ++toml_errors;
        } else if (is_non_schema_message(first.message) || starts_with(first.message, "the file is empty")) {
          ++guard_errors;
        } else {
          ++schema_only;
          accepted_by_toml.insert(file);
          BOOST_TEST_MESSAGE("accepted by toml++ 3.3, rejected by the schema: " << file << all_of(diagnostics));
        }
      } catch (const std::exception& other) {
        BOOST_ERROR("threw something other than InputError: " << other.what());
      }
    }
  }
  // The list of known toml++ leniencies must be exact, so that a toml++ upgrade that fixes one is noticed.
  for (const auto& file : accepted_by_toml) {
    BOOST_TEST(invalid_accepted_by_tomlplusplus.count(file) == 1u, file << " is accepted by toml++ but not listed");
  }
  for (const auto& file : invalid_accepted_by_tomlplusplus) {
    BOOST_TEST(accepted_by_toml.count(file) == 1u, file << " is listed but no longer accepted by toml++");
  }
  say("toml_test_corpus: invalid/: " + std::to_string(files.size()) + " documents: " + std::to_string(toml_errors) +
      " rejected by toml++, " + std::to_string(guard_errors) +
      " by the input guards (encoding, byte-order mark, nesting), " + std::to_string(schema_only) +
      " accepted by toml++ and rejected by the questionnaire schema");
}

BOOST_AUTO_TEST_CASE(valid_documents_are_never_rejected_as_invalid_toml) {
  const std::vector<std::string> files = files_below("valid", true);
  BOOST_TEST_REQUIRE(!files.empty());
  std::size_t loaded = 0, schema = 0, known = 0;
  for (const auto& file : files) {
    BOOST_TEST_CONTEXT(file) {
      const std::string text = read_bytes(file);
      const bool listed = valid_rejected_by_tomlplusplus.count(file) == 1;
      try {
        parse_questionnaire(text, file);
        ++loaded;
        BOOST_TEST(!listed, "listed as rejected by toml++, but loads");
      } catch (const InputError& error) {
        const auto& diagnostics = error.diagnostics();
        BOOST_TEST_REQUIRE(!diagnostics.empty());
        const bool rejected_as_text = std::any_of(diagnostics.begin(), diagnostics.end(),
                                                  [](const Diagnostic& d) { return is_non_schema_message(d.message); });
        if (listed) {
          BOOST_TEST(rejected_as_text, "listed as rejected by toml++, but toml++ accepts it now" << all_of(diagnostics));
          ++known;
        } else {
          BOOST_TEST(!rejected_as_text, "a valid TOML document was rejected as invalid TOML:" << all_of(diagnostics));
          ++schema;
        }
        for (const auto& d : diagnostics) {
          BOOST_TEST(d.location.line >= 1u);
          BOOST_TEST(d.location.column >= 1u);
        }
      } catch (const std::exception& other) {
        BOOST_ERROR("threw something other than InputError: " << other.what());
      }
    }
  }
  say("toml_test_corpus: valid/: " + std::to_string(files.size()) + " documents: " + std::to_string(loaded) +
      " loaded as questionnaires, " + std::to_string(schema) + " rejected by the questionnaire schema only, " +
      std::to_string(known) + " rejected by toml++ 3.3 itself (known upstream defects, listed)");
}

BOOST_AUTO_TEST_SUITE_END()

// Exit code 77 (the ctest entry's SKIP_RETURN_CODE) when the corpus is absent, so that ctest reports the test as
// skipped rather than passed; otherwise Boost.Test runs the cases above.
int main(int argc, char* argv[]) {
  std::error_code ec;
  if (!fs::is_directory(corpus / "valid", ec) || !fs::is_directory(corpus / "invalid", ec)) {
    std::cout << "toml_test_corpus: SKIPPED: no toml-test corpus (valid/ and invalid/) at " << corpus.string()
              << "; configure with -DTOML_TEST_CORPUS=DIR to point at one (by default ../shared/corpus/toml-test "
                 "beside the checkout, where CI has it)"
              << std::endl;
    return 77;
  }
  return boost::unit_test::unit_test_main(&init_unit_test, argc, argv);
}
