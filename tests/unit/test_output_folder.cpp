// The folder `report --out-dir` owns (src/portfolio/output_folder.cpp): it never replaces or removes a file it did
// not write.

#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "partnerpulse/diagnostics.hpp"
#include "partnerpulse/files.hpp"
#include "partnerpulse/portfolio.hpp"
#include "temp_folder.hpp"

using namespace partnerpulse;
using test::TempFolder;

BOOST_AUTO_TEST_SUITE(output_folder)

BOOST_AUTO_TEST_CASE(a_new_folder_is_created_and_owned) {
  TempFolder temp;
  const std::string dir = temp.path("out/portfolio");
  {
    OutputFolder folder(dir, false, {});
    folder.check({"a.md", "index.md"});
    folder.write("a.md", "a\n");
    folder.write("index.md", "i\n");
    folder.finish();
  }
  BOOST_TEST((temp.entries("out/portfolio") == std::vector<std::string>{".partnerpulse-manifest", "a.md", "index.md"}));
  // A second run owns what the first wrote: it replaces them, and removes what it no longer writes.
  OutputFolder again(dir, false, {});
  again.check({"index.md"});
  again.write("index.md", "j\n");
  again.finish();
  BOOST_TEST((temp.entries("out/portfolio") == std::vector<std::string>{".partnerpulse-manifest", "index.md"}));
  BOOST_TEST(read_text_file(dir + "/index.md") == "j\n");
}

BOOST_AUTO_TEST_CASE(a_folder_it_did_not_write_is_refused_without_force) {
  TempFolder temp;
  temp.write("mine/notes.txt", "keep\n");
  BOOST_CHECK_THROW(OutputFolder(temp.path("mine"), false, {}), IoError);
  // With --force it writes beside the file, but never over it, and never removes it.
  OutputFolder folder(temp.path("mine"), true, {});
  BOOST_CHECK_THROW(folder.check({"a.md", "notes.txt"}), IoError);
  folder.check({"a.md"});
  folder.write("a.md", "a\n");
  folder.finish();
  BOOST_TEST(read_text_file(temp.path("mine/notes.txt")) == "keep\n");
  BOOST_TEST((temp.entries("mine") == std::vector<std::string>{".partnerpulse-manifest", "a.md", "notes.txt"}));
}

BOOST_AUTO_TEST_CASE(an_interrupted_run_still_owns_what_it_planned) {
  TempFolder temp;
  const std::string dir = temp.path("out");
  {
    OutputFolder folder(dir, false, {});
    folder.check({"a.md", "b.md"});
    folder.write("a.md", "a\n");  // stopped here: no finish()
  }
  OutputFolder again(dir, false, {});
  again.check({"a.md", "b.md"});
  again.write("a.md", "A\n");
  again.write("b.md", "B\n");
  again.finish();
  BOOST_TEST(read_text_file(dir + "/a.md") == "A\n");
}

BOOST_AUTO_TEST_CASE(a_file_in_place_of_the_folder_is_refused) {
  TempFolder temp;
  temp.write("file", "x\n");
  BOOST_CHECK_THROW(OutputFolder(temp.path("file"), true, {}), IoError);
}

BOOST_AUTO_TEST_SUITE_END()
