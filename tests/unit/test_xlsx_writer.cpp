// Writing the XLSForm as an .xlsx workbook (src/form/xlsx_writer.cpp); its sheets are read back by
// tests/scripts/test_form_xlsform.sh.

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include "form_fixture.hpp"
#include "partnerpulse/diagnostics.hpp"
#include "partnerpulse/form.hpp"

using namespace partnerpulse;
namespace fs = std::filesystem;

namespace {

// A temporary folder removed at the end of the test.
struct WorkbookFolder {
  fs::path path = fs::temp_directory_path() / ("partnerpulse-xlsx-" + std::to_string(::getpid()));
  WorkbookFolder() { fs::create_directories(path); }
  ~WorkbookFolder() { fs::remove_all(path); }
  std::string bytes_of(const std::string& name) const {
    std::ifstream in(path / name, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(xlsx_writer)

BOOST_AUTO_TEST_CASE(the_same_form_gives_the_same_bytes) {
  const WorkbookFolder folder;
  const Questionnaire q = test::form_questionnaire();
  const XlsForm form = build_xlsform({&q});
  write_xlsform(form, (folder.path / "a.xlsx").string(), Overwrite::refuse);
  write_xlsform(form, (folder.path / "b.xlsx").string(), Overwrite::refuse);
  const std::string a = folder.bytes_of("a.xlsx");
  BOOST_TEST(a.substr(0, 2) == "PK");  // a zip container
  BOOST_TEST(a == folder.bytes_of("b.xlsx"));
}

BOOST_AUTO_TEST_CASE(an_existing_file_is_kept_without_overwrite) {
  const WorkbookFolder folder;
  std::ofstream(folder.path / "kept.xlsx") << "mine";
  const Questionnaire q = test::form_questionnaire();
  BOOST_CHECK_THROW(write_xlsform(build_xlsform({&q}), (folder.path / "kept.xlsx").string(), Overwrite::refuse),
                    IoError);
  BOOST_TEST(folder.bytes_of("kept.xlsx") == "mine");
  write_xlsform(build_xlsform({&q}), (folder.path / "kept.xlsx").string(), Overwrite::allow);
  BOOST_TEST(folder.bytes_of("kept.xlsx").substr(0, 2) == "PK");
}

BOOST_AUTO_TEST_CASE(a_missing_folder_is_an_io_error_naming_the_target) {
  const WorkbookFolder folder;
  const Questionnaire q = test::form_questionnaire();
  const std::string target = (folder.path / "no-such-folder" / "form.xlsx").string();
  try {
    write_xlsform(build_xlsform({&q}), target, Overwrite::refuse);
    BOOST_FAIL("no error");
  } catch (const IoError& error) {
    BOOST_TEST(error.path() == target);
  }
  BOOST_TEST(!fs::exists(target));
}

BOOST_AUTO_TEST_CASE(no_temporary_folder_is_an_io_error_naming_the_target) {
  const WorkbookFolder folder;
  const Questionnaire q = test::form_questionnaire();
  const std::string target = (folder.path / "form.xlsx").string();
  const char* before = std::getenv("TMPDIR");
  const std::string saved = before ? before : "";
  ::setenv("TMPDIR", "/nonexistent/partnerpulse-tmp", 1);
  try {
    write_xlsform(build_xlsform({&q}), target, Overwrite::refuse);
    BOOST_FAIL("no error");
  } catch (const IoError& error) {
    BOOST_TEST(error.path() == target);
    BOOST_TEST(std::string(error.what()).find("temporary folder") != std::string::npos);
  }
  if (before) {
    ::setenv("TMPDIR", saved.c_str(), 1);
  } else {
    ::unsetenv("TMPDIR");
  }
  BOOST_TEST(!fs::exists(target));
}

BOOST_AUTO_TEST_SUITE_END()
