// Reading input files within the size limit, writing output atomically, and finding *.toml files
// (src/util/files.cpp).

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

#include "partnerpulse/diagnostics.hpp"
#include "partnerpulse/files.hpp"
#include "temp_folder.hpp"

using namespace partnerpulse;
namespace fs = std::filesystem;

namespace {

using test::TempFolder;

std::string read_back(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(files)

// ---- read_text_file ------------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(read_returns_the_bytes_unchanged) {
  TempFolder temp;
  const std::string content = std::string("a = \"\xC3\xA9\"\r\nb = 1\n\0tail", 20);
  const std::string file = temp.write("in.toml", content);
  BOOST_TEST(read_text_file(file) == content);
  BOOST_TEST(read_text_file(temp.write("empty.toml", "")) == "");
}

BOOST_AUTO_TEST_CASE(read_into_returns_just_the_file_whatever_the_buffer_held) {
  TempFolder temp;
  std::string buffer;
  BOOST_TEST(read_text_file_into(temp.write("long.toml", std::string(40000, 'x')), buffer) == std::string(40000, 'x'));
  BOOST_TEST(read_text_file_into(temp.write("short.toml", "a = 1\n"), buffer) == "a = 1\n");
  BOOST_TEST(read_text_file_into(temp.write("empty.toml", ""), buffer).empty());
  BOOST_TEST(buffer.size() >= 40000u);  // kept, not shrunk
  BOOST_CHECK_THROW(read_text_file_into(temp.write("big.toml", std::string(11, 'x')), buffer, 10), InputError);
}

BOOST_AUTO_TEST_CASE(read_accepts_a_file_exactly_at_the_limit) {
  TempFolder temp;
  const std::string file = temp.write("ten.toml", std::string(10, 'x'));
  BOOST_TEST(read_text_file(file, 10) == std::string(10, 'x'));
}

BOOST_AUTO_TEST_CASE(read_refuses_a_file_above_the_limit_at_1_1) {
  TempFolder temp;
  const std::string file = temp.write("eleven.toml", std::string(11, 'x'));
  try {
    read_text_file(file, 10);
    BOOST_FAIL("a file above the limit was read");
  } catch (const InputError& error) {
    BOOST_TEST_REQUIRE(error.diagnostics().size() == 1u);
    const Diagnostic& d = error.diagnostics().front();
    BOOST_TEST(d.location.path == file);
    BOOST_TEST(d.location.line == 1u);
    BOOST_TEST(d.location.column == 1u);
    BOOST_TEST(d.message.find("larger than the limit of 10 bytes") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(read_refuses_a_file_above_the_default_limit) {
  static_assert(max_input_bytes == 4u * 1024u * 1024u, "the documented limit is 4 MiB");
  TempFolder temp;
  const std::string file = temp.write("huge.toml", std::string(max_input_bytes + 1, '#'));
  try {
    read_text_file(file);
    BOOST_FAIL("a file above 4 MiB was read");
  } catch (const InputError& error) {
    BOOST_TEST_REQUIRE(error.diagnostics().size() == 1u);
    BOOST_TEST(error.diagnostics().front().location.line == 1u);
    BOOST_TEST(error.diagnostics().front().location.column == 1u);
    BOOST_TEST(error.diagnostics().front().message.find("(4 MiB)") != std::string::npos);
  }
  BOOST_TEST(read_text_file(temp.write("max.toml", std::string(max_input_bytes, '#'))).size() == max_input_bytes);
}

BOOST_AUTO_TEST_CASE(read_of_a_missing_file_is_an_io_error) {
  TempFolder temp;
  const std::string missing = temp.path("missing.toml");
  try {
    read_text_file(missing);
    BOOST_FAIL("a missing file was read");
  } catch (const IoError& error) {
    BOOST_TEST(error.path() == missing);
    BOOST_TEST(std::string(error.what()).find(missing) == 0u);
  }
}

BOOST_AUTO_TEST_CASE(read_of_a_folder_is_an_io_error) {
  TempFolder temp;
  fs::create_directories(temp.root / "folder.toml");
  BOOST_CHECK_THROW(read_text_file(temp.path("folder.toml")), IoError);
  try {
    read_text_file(temp.path("folder.toml"));
  } catch (const IoError& error) {
    BOOST_TEST(std::string(error.what()).find("is a folder") != std::string::npos);
  }
}

// ---- write_file_atomically -----------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(write_creates_the_file_and_leaves_nothing_else) {
  TempFolder temp;
  const std::string target = temp.path("report.md");
  write_file_atomically(target, "# Report\n\xC3\xA9\n", Overwrite::refuse);
  BOOST_TEST(read_back(target) == "# Report\n\xC3\xA9\n");
  BOOST_TEST(temp.entries() == std::vector<std::string>{"report.md"}, boost::test_tools::per_element());
  write_file_atomically(temp.path("empty.md"), "", Overwrite::refuse);
  BOOST_TEST(fs::file_size(temp.path("empty.md")) == 0u);
  BOOST_TEST(temp.entries() == (std::vector<std::string>{"empty.md", "report.md"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(write_in_the_current_folder_works_with_a_bare_name) {
  TempFolder temp;
  const fs::path before = fs::current_path();
  fs::current_path(temp.root);
  try {
    write_file_atomically("bare.txt", "x", Overwrite::refuse);
  } catch (...) {
    fs::current_path(before);
    throw;
  }
  fs::current_path(before);
  BOOST_TEST(read_back(temp.path("bare.txt")) == "x");
  BOOST_TEST(temp.entries() == std::vector<std::string>{"bare.txt"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(write_refuses_to_overwrite_and_keeps_the_old_content) {
  TempFolder temp;
  const std::string target = temp.write("report.md", "old content\n");
  try {
    write_file_atomically(target, "new content\n", Overwrite::refuse);
    BOOST_FAIL("an existing file was overwritten");
  } catch (const IoError& error) {
    BOOST_TEST(error.path() == target);
    BOOST_TEST(std::string(error.what()).find("already exists") != std::string::npos);
    BOOST_TEST(std::string(error.what()).find("--force") != std::string::npos);
  }
  BOOST_TEST(read_back(target) == "old content\n");
  BOOST_TEST(temp.entries() == std::vector<std::string>{"report.md"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(write_overwrites_when_allowed) {
  TempFolder temp;
  const std::string target = temp.write("report.md", "old content that is longer than the new one\n");
  write_file_atomically(target, "new\n", Overwrite::allow);
  BOOST_TEST(read_back(target) == "new\n");
  BOOST_TEST(temp.entries() == std::vector<std::string>{"report.md"}, boost::test_tools::per_element());
  // Also fine when there is nothing to overwrite.
  write_file_atomically(temp.path("fresh.md"), "fresh\n", Overwrite::allow);
  BOOST_TEST(read_back(temp.path("fresh.md")) == "fresh\n");
}

BOOST_AUTO_TEST_CASE(write_into_a_missing_folder_fails_and_leaves_nothing) {
  TempFolder temp;
  const std::string target = temp.path("no-such-folder/report.md");
  BOOST_CHECK_THROW(write_file_atomically(target, "x", Overwrite::refuse), IoError);
  BOOST_CHECK_THROW(write_file_atomically(target, "x", Overwrite::allow), IoError);
  BOOST_TEST(!fs::exists(temp.root / "no-such-folder"));
  BOOST_TEST(temp.entries().empty());
}

BOOST_AUTO_TEST_CASE(write_over_a_folder_fails_and_leaves_the_folder) {
  TempFolder temp;
  fs::create_directories(temp.root / "out");
  temp.write("out/keep.txt", "keep");
  BOOST_CHECK_THROW(write_file_atomically(temp.path("out"), "x", Overwrite::allow), IoError);
  BOOST_CHECK_THROW(write_file_atomically(temp.path("out"), "x", Overwrite::refuse), IoError);
  BOOST_TEST(fs::is_directory(temp.root / "out"));
  BOOST_TEST(read_back(temp.path("out/keep.txt")) == "keep");
  BOOST_TEST(temp.entries() == std::vector<std::string>{"out"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(write_failing_after_the_temporary_file_removes_it) {
  // A dangling symlink does not "exist" for the up-front check, so the temporary file is written; the final
  // step then finds the name taken (Overwrite::refuse never replaces anything) and must clean up.
  TempFolder temp;
  const fs::path link = temp.root / "report.md";
  fs::create_symlink(temp.root / "nowhere", link);
  BOOST_CHECK_THROW(write_file_atomically(link.string(), "x", Overwrite::refuse), IoError);
  BOOST_TEST(fs::is_symlink(link));
  BOOST_TEST(!fs::exists(temp.root / "nowhere"));
  BOOST_TEST(temp.entries() == std::vector<std::string>{"report.md"}, boost::test_tools::per_element());
}

// ---- collect_toml_files --------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(collect_searches_folders_recursively_in_sorted_order) {
  TempFolder temp;
  temp.write("data/b.toml", "");
  temp.write("data/a.toml", "");
  temp.write("data/sub/c.toml", "");
  temp.write("data/sub/deeper/d.toml", "");
  temp.write("data/a-notes.txt", "");        // not *.toml
  temp.write("data/readme.toml.bak", "");
  temp.write("data/.hidden.toml", "");       // hidden file
  temp.write("data/.git/config.toml", "");   // hidden folder: not entered
  temp.write("data/sub/.cache/e.toml", "");
  fs::create_directories(temp.root / "data/folder.toml");  // a folder named *.toml is not a file
  const std::string data = temp.path("data");
  const std::vector<std::string> expected = {
      data + "/a.toml", data + "/b.toml", data + "/sub/c.toml", data + "/sub/deeper/d.toml"};
  BOOST_TEST(collect_toml_files({data}) == expected, boost::test_tools::per_element());
  // Without sub-folders (the questionnaire catalog), the same rule and order for the folder's own files.
  const std::vector<std::string> own = {data + "/a.toml", data + "/b.toml"};
  BOOST_TEST(collect_toml_files({data}, Subfolders::skip) == own, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(the_stream_yields_files_in_the_order_of_their_whole_paths) {
  // Folder names that sort differently from their paths: '-' and '.' come before '/', '0' after it.
  TempFolder temp;
  std::vector<std::string> expected;
  for (const char* relative : {"a0.toml", "a/z.toml", "a.toml", "a.d/x.toml", "a-b.toml", "a-/y.toml", "a/b/c.toml",
                               "a/b.toml", "A.toml", "b/a-/x.toml", "b/a/x.toml", "b/a.toml"}) {
    expected.push_back(temp.write(std::string("data/") + relative, ""));
  }
  std::sort(expected.begin(), expected.end());
  TomlFileStream stream({temp.path("data")});
  std::vector<std::string> streamed;
  for (std::string path; stream.next(path);) streamed.push_back(path);
  BOOST_TEST(streamed == expected, boost::test_tools::per_element());
  std::string path = "unchanged";
  BOOST_TEST(!stream.next(path));  // and stays at its end
  BOOST_TEST(path == "unchanged");
}

BOOST_AUTO_TEST_CASE(collect_follows_links_to_files_but_not_to_folders) {
  TempFolder temp;
  temp.write("elsewhere/linked.toml", "");
  temp.write("elsewhere/inner/x.toml", "");
  temp.write("data/a.toml", "");
  fs::create_symlink(temp.root / "elsewhere/linked.toml", temp.root / "data/link.toml");
  fs::create_symlink(temp.root / "missing.toml", temp.root / "data/dangling.toml");  // leads nowhere: skipped
  fs::create_directory_symlink(temp.root / "elsewhere/inner", temp.root / "data/inner");
  fs::create_directory_symlink(temp.root / "data", temp.root / "data/loop");  // would loop if followed
  const std::string data = temp.path("data");
  const std::vector<std::string> expected = {data + "/a.toml", data + "/link.toml"};
  BOOST_TEST(collect_toml_files({data}) == expected, boost::test_tools::per_element());
  // A trailing slash gives the same paths, without a doubled separator.
  BOOST_TEST(collect_toml_files({data + "/"}) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(collect_keeps_files_as_given_and_argument_order) {
  TempFolder temp;
  temp.write("z/one.toml", "");
  const std::string other = temp.write("notes.txt", "");     // a file given by name is taken whatever its name
  const std::string hidden = temp.write(".hidden.toml", "");  // and even when hidden
  const std::vector<std::string> expected = {other, temp.path("z") + "/one.toml", hidden, other};
  BOOST_TEST(collect_toml_files({other, temp.path("z"), hidden, other}) == expected,
             boost::test_tools::per_element());
  BOOST_TEST(collect_toml_files({}).empty());
  fs::create_directories(temp.root / "empty");
  BOOST_TEST(collect_toml_files({temp.path("empty")}).empty());
}

BOOST_AUTO_TEST_CASE(collect_of_a_missing_path_is_an_io_error) {
  TempFolder temp;
  temp.write("a.toml", "");
  const std::string missing = temp.path("missing");
  try {
    collect_toml_files({temp.path("a.toml"), missing});
    BOOST_FAIL("a missing path was accepted");
  } catch (const IoError& error) {
    BOOST_TEST(error.path() == missing);
    BOOST_TEST(std::string(error.what()).find("no such file or folder") != std::string::npos);
  }
}

// ---- the writer refuses what it must not destroy (issue 15) --------------------------------------------------

namespace {

// The message of the IoError `write` throws; fails the test when it throws none.
template <typename Write>
std::string refusal_of(Write&& write) {
  try {
    write();
  } catch (const IoError& error) {
    return error.what();
  }
  BOOST_FAIL("nothing was refused");
  return {};
}

}  // namespace

BOOST_AUTO_TEST_CASE(write_refuses_a_fifo_with_or_without_force_and_leaves_it) {
  TempFolder temp;
  const std::string fifo = temp.path("out.md");
  BOOST_REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  for (const Overwrite overwrite : {Overwrite::refuse, Overwrite::allow}) {
    const std::string message = refusal_of([&] { write_file_atomically(fifo, "x", overwrite); });
    BOOST_TEST(message.find("is a FIFO (named pipe), not a regular file") != std::string::npos);
  }
  BOOST_TEST(fs::is_fifo(fifo));
  BOOST_TEST(temp.entries() == std::vector<std::string>{"out.md"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(write_goes_through_a_link_to_a_regular_file_and_keeps_the_link) {
  TempFolder temp;
  const std::string real = temp.write("real.md", "old\n");
  fs::create_symlink("real.md", temp.root / "link.md");
  BOOST_TEST(refusal_of([&] { write_file_atomically(temp.path("link.md"), "new\n", Overwrite::refuse); })
                 .find("already exists") != std::string::npos);
  write_file_atomically(temp.path("link.md"), "new\n", Overwrite::allow);
  BOOST_TEST(fs::is_symlink(temp.root / "link.md"));
  BOOST_TEST(read_back(real) == "new\n");
  // A link to nothing, and a loop, are refused.
  fs::create_symlink("missing.md", temp.root / "dangling.md");
  BOOST_TEST(refusal_of([&] { write_file_atomically(temp.path("dangling.md"), "x", Overwrite::allow); })
                 .find("which does not exist") != std::string::npos);
  fs::create_symlink("loop-b.md", temp.root / "loop-a.md");
  fs::create_symlink("loop-a.md", temp.root / "loop-b.md");
  BOOST_TEST(refusal_of([&] { write_file_atomically(temp.path("loop-a.md"), "x", Overwrite::allow); })
                 .find("symbolic link loop") != std::string::npos);
  BOOST_TEST(!fs::exists(temp.root / "missing.md"));
}

BOOST_AUTO_TEST_CASE(write_refuses_an_input_of_the_run_and_a_file_the_next_run_would_read) {
  TempFolder temp;
  const std::string input = temp.write("responses/r1.toml", "[respondent]\n");
  fs::create_symlink("responses/r1.toml", temp.root / "alias.toml");
  const RunInputs inputs{{temp.path("alias.toml")}};
  // The same file under another name is still the input.
  BOOST_TEST(refusal_of([&] { write_file_atomically(input, "x", Overwrite::allow, inputs); })
                 .find("is one of the inputs of this run") != std::string::npos);
  const RunInputs folder{{temp.path("responses")}};
  BOOST_TEST(refusal_of([&] { write_file_atomically(temp.path("responses/sub/new.toml"), "x", Overwrite::allow,
                                                    folder); })
                 .find("would be read as a response by the next run") != std::string::npos);
  // Hidden names, and other extensions, are never read by a folder walk: allowed.
  fs::create_directories(temp.root / "responses/sub");
  write_file_atomically(temp.path("responses/.draft.toml"), "x", Overwrite::refuse, folder);
  write_file_atomically(temp.path("responses/sub/report.md"), "x", Overwrite::refuse, folder);
  BOOST_TEST(read_back(input) == "[respondent]\n");
}

BOOST_AUTO_TEST_CASE(write_names_the_target_never_the_temporary_file) {
  TempFolder temp;
  fs::create_directories(temp.root / "ro");
  fs::permissions(temp.root / "ro", fs::perms::owner_read | fs::perms::owner_exec);
  if (::access(temp.path("ro").c_str(), W_OK) == 0) return;  // root writes anywhere: nothing to check here
  const std::string message = refusal_of([&] { write_file_atomically(temp.path("ro/report.md"), "x", Overwrite::allow); });
  BOOST_TEST(message.find("ro/report.md: ") != std::string::npos);
  BOOST_TEST(message.find(".tmp-") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_file_lock_admits_one_holder_and_is_removed_on_release) {
  TempFolder temp;
  const std::string target = temp.path("me.toml");
  {
    const FileLock first(target);
    BOOST_TEST(fs::exists(first.lock_path()));
    BOOST_TEST(fs::path(first.lock_path()).filename() == ".me.toml.lock");
    try {
      const FileLock second(target);  // another open file description: flock refuses it as it would another process
      BOOST_FAIL("a second lock was granted");
    } catch (const BusyError& error) {
      BOOST_TEST(std::string(error.what()).find("another partnerpulse session is answering into " + target +
                                                ", process " + std::to_string(::getpid())) != std::string::npos);
    }
  }
  BOOST_TEST(temp.entries().empty());
  const FileLock again(target);  // free again
}

BOOST_AUTO_TEST_SUITE_END()
