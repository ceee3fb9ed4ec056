#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <boost/test/unit_test.hpp>

#include "partnerpulse/catalog.hpp"
#include "partnerpulse/questionnaire_loader.hpp"

using namespace partnerpulse;
namespace fs = std::filesystem;

namespace {

// A temporary folder removed at the end of the test.
struct TempFolder {
  fs::path path;
  TempFolder() {
    path = fs::temp_directory_path() / fs::path("partnerpulse-catalog-" + std::to_string(std::rand()));
    fs::create_directories(path);
  }
  ~TempFolder() { fs::remove_all(path); }
  void write(const std::string& name, const std::string& text) const {
    fs::create_directories((path / name).parent_path());
    std::ofstream(path / name) << text;
  }
};

std::string questionnaire(const std::string& id, const std::string& version) {
  return "[questionnaire]\nid = \"" + id + "\"\nversion = \"" + version +
         "\"\ntitle = \"T\"\nlanguage = \"en\"\nsource = \"s\"\n\n[scales.s]\nmin = 1\nmax = 2\nlabels = [\"a\", \"b\"]\n\n"
         "[[dimensions]]\nid = \"d\"\ntitle = \"D\"\n[dimensions.advice]\nattention = \"x\"\ndeveloping = \"y\"\n"
         "strength = \"z\"\n\n[[items]]\nid = \"i\"\ndimension = \"d\"\ntext = \"t\"\nscale = \"s\"\n";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(catalog)

BOOST_AUTO_TEST_CASE(the_first_folder_holding_an_id_wins) {
  TempFolder first, second;
  first.write("trust.toml", questionnaire("trust", "2.0"));
  second.write("trust.toml", questionnaire("trust", "1.0"));
  second.write("other.toml", questionnaire("other", "1.0"));
  const Catalog catalog = Catalog::from_folders({first.path.string(), "/nonexistent/folder", second.path.string()});
  BOOST_REQUIRE(catalog.find("trust") != nullptr);
  BOOST_TEST(catalog.find("trust")->version == "2.0");
  BOOST_TEST(catalog.find("other") != nullptr);
  BOOST_TEST(catalog.find("missing") == nullptr);
  BOOST_TEST(catalog.folders().size() == 2u);  // the missing folder is skipped
}

BOOST_AUTO_TEST_CASE(a_version_is_found_in_the_folder_then_its_archive_then_the_next_folder) {
  TempFolder first, second;
  first.write("trust.toml", questionnaire("trust", "2.0"));
  first.write("archive/trust-1.0.toml", questionnaire("trust", "1.0"));
  first.write("archive/trust-0.9.toml", questionnaire("trust", "0.9"));
  second.write("trust.toml", questionnaire("trust", "0.8"));
  second.write("archive/trust-1.0.toml", questionnaire("trust", "1.0"));
  const Catalog catalog = Catalog::from_folders({first.path.string(), second.path.string()});
  BOOST_TEST(catalog.find("trust")->version == "2.0");  // an id alone: never an archived version
  BOOST_TEST(catalog.find("trust", "1.0")->path == (first.path / "archive" / "trust-1.0.toml").string());
  BOOST_TEST(catalog.find("trust", "0.9")->version == "0.9");
  BOOST_TEST(catalog.find("trust", "0.8")->path == (second.path / "trust.toml").string());
  BOOST_TEST(catalog.find("trust", "7.0")->version == "2.0");  // no such version: the id alone (then a mismatch)
  BOOST_TEST(catalog.all().size() == 1u);
  BOOST_TEST(catalog.versions().size() == 4u);  // 2.0, 1.0, 0.9, 0.8; the second 1.0 is never found
}

BOOST_AUTO_TEST_CASE(an_archive_holds_each_version_once) {
  TempFolder folder;
  folder.write("trust.toml", questionnaire("trust", "2.0"));
  folder.write("archive/a.toml", questionnaire("trust", "1.0"));
  folder.write("archive/b.toml", questionnaire("trust", "1.0"));
  BOOST_CHECK_THROW(Catalog::from_folders({folder.path.string()}), InputError);
}

BOOST_AUTO_TEST_CASE(questionnaires_given_first_take_precedence) {
  TempFolder folder;
  folder.write("trust.toml", questionnaire("trust", "1.0"));
  std::vector<Questionnaire> first{parse_questionnaire(questionnaire("trust", "9.9"), "mine.toml")};
  const Catalog catalog = Catalog::from_folders({folder.path.string()}, std::move(first));
  BOOST_TEST(catalog.find("trust")->version == "9.9");
}

BOOST_AUTO_TEST_CASE(response_files_and_subfolders_are_ignored) {
  TempFolder folder;
  folder.write("trust.toml", questionnaire("trust", "1.0"));
  folder.write("a-response.toml", "[respondent]\nid = \"r\"\n");
  folder.write("nested/deeper.toml", questionnaire("deeper", "1.0"));
  folder.write("archive/nested/deeper.toml", questionnaire("deeper", "1.0"));
  folder.write("notes.txt", "not toml");
  const Catalog catalog = Catalog::from_folders({folder.path.string()});
  BOOST_TEST(catalog.all().size() == 1u);
  BOOST_TEST(catalog.find("deeper") == nullptr);
}

BOOST_AUTO_TEST_CASE(hidden_files_are_skipped_as_the_response_walker_skips_them) {
  TempFolder folder;
  folder.write("trust.toml", questionnaire("trust", "1.0"));
  folder.write(".draft.toml", questionnaire("draft", "1.0"));  // an editor's or a person's hidden copy
  folder.write(".hidden/inner.toml", questionnaire("inner", "1.0"));
  const Catalog catalog = Catalog::from_folders({folder.path.string()});
  BOOST_TEST(catalog.ids() == std::vector<std::string>{"trust"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_broken_questionnaire_on_the_path_is_an_error_not_silently_skipped) {
  TempFolder folder;
  folder.write("broken.toml", "[questionnaire]\nid = \"broken\"\n");
  try {
    (void)Catalog::from_folders({folder.path.string()});
    BOOST_FAIL("a broken questionnaire was accepted");
  } catch (const InputError& error) {
    BOOST_TEST(error.diagnostics().front().location.path == (folder.path / "broken.toml").string());
  }
}

BOOST_AUTO_TEST_CASE(two_files_with_one_id_in_a_folder_are_an_error) {
  TempFolder folder;
  folder.write("a.toml", questionnaire("same", "1.0"));
  folder.write("b.toml", questionnaire("same", "1.0"));
  try {
    (void)Catalog::from_folders({folder.path.string()});
    BOOST_FAIL("a duplicate id was accepted");
  } catch (const InputError& error) {
    BOOST_TEST(error.diagnostics().front().message.find("also defined by") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(ids_and_searched_folders_for_messages) {
  TempFolder folder;
  folder.write("b.toml", questionnaire("trust", "1.0"));
  folder.write("a.toml", questionnaire("roles", "1.0"));
  const Catalog catalog = Catalog::from_folders({folder.path.string(), "/nonexistent/folder"});
  BOOST_TEST(catalog.ids() == (std::vector<std::string>{"roles", "trust"}), boost::test_tools::per_element());
  BOOST_TEST(catalog.searched_folders() == folder.path.string() + ", /nonexistent/folder (missing)");
  BOOST_TEST(Catalog::from_folders({"/nonexistent/a", "/nonexistent/b"}).searched_folders() ==
             "/nonexistent/a (missing), /nonexistent/b (missing)");
  BOOST_TEST(Catalog().searched_folders() == "no folder");
  BOOST_TEST(Catalog().ids().empty());
  const std::string message = catalog.unknown_questionnaire_message("turst", std::string("trust"));
  BOOST_TEST(message.rfind("unknown questionnaire 'turst' (did you mean 'trust'?); searched: " +
                               catalog.searched_folders() + "; to add it, ",
                           0) == 0u,
             message);
  BOOST_TEST(message.find("--questionnaires DIR") != std::string::npos, message);
}

BOOST_AUTO_TEST_CASE(the_folders_of_inputs_are_folders_themselves_or_the_parents_of_files_each_once) {
  TempFolder folder;
  folder.write("r.toml", questionnaire("trust", "1.0"));
  const std::string root = folder.path.string();
  BOOST_TEST(folders_of({root + "/r.toml", root, "bare.toml", "sub/x.toml"}) ==
                 (std::vector<std::string>{root, ".", "sub"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(named_questionnaires_are_files_or_ids_in_the_order_given) {
  TempFolder folder;
  folder.write("trust.toml", questionnaire("trust", "1.0"));
  folder.write("own/roles.toml", questionnaire("roles", "2.0"));
  const std::string roles_file = (folder.path / "own" / "roles.toml").string();
  BOOST_TEST(is_questionnaire_path(roles_file));
  BOOST_TEST(is_questionnaire_path("roles.toml"));
  BOOST_TEST(!is_questionnaire_path("roles"));
  const NamedQuestionnaires named = find_named_questionnaires({roles_file, "trust"}, {folder.path.string()});
  BOOST_REQUIRE(named.questionnaires.size() == 2u);
  BOOST_TEST(named.questionnaires[0]->id == "roles");
  BOOST_TEST(named.questionnaires[0]->version == "2.0");
  BOOST_TEST(named.questionnaires[1]->id == "trust");
}

BOOST_AUTO_TEST_CASE(an_unknown_or_repeated_name_is_a_usage_error) {
  TempFolder folder;
  folder.write("trust.toml", questionnaire("trust", "1.0"));
  try {
    (void)find_named_questionnaires({"trsut"}, {folder.path.string()});
    BOOST_FAIL("an unknown id was accepted");
  } catch (const UsageError& error) {
    BOOST_TEST(std::string(error.what()).find("unknown questionnaire 'trsut' (did you mean 'trust'?)") == 0u);
  }
  BOOST_CHECK_THROW((void)find_named_questionnaires({"trust", "trust"}, {folder.path.string()}), UsageError);
}

BOOST_AUTO_TEST_CASE(the_search_path_ends_with_the_local_and_installed_folders) {
  ::setenv("PARTNERPULSE_SHARE_DIR", "/opt/pp", 1);
  const auto path = questionnaire_search_path({"mine"});
  ::unsetenv("PARTNERPULSE_SHARE_DIR");
  BOOST_REQUIRE_EQUAL(path.size(), 3u);
  BOOST_TEST(path[0] == "mine");
  BOOST_TEST(path[1] == "questionnaires");
  BOOST_TEST(path[2] == "/opt/pp/questionnaires");
}

BOOST_AUTO_TEST_SUITE_END()
