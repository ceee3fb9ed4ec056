#include <filesystem>
#include <fstream>

#include <sys/stat.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include "import/pseudonym.hpp"
#include "import_fixture.hpp"
#include "partnerpulse/diagnostics.hpp"

using namespace partnerpulse;

namespace {

std::array<unsigned char, 32> counting_key() {
  std::array<unsigned char, 32> key{};
  for (std::size_t i = 0; i < key.size(); ++i) key[i] = static_cast<unsigned char>(i);
  return key;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pseudonym)

// The expected values are Python's hmac.new(bytes(range(32)), MESSAGE, hashlib.sha256).hexdigest()[:20].
BOOST_AUTO_TEST_CASE(a_pseudonym_is_the_start_of_hmac_sha256) {
  Pseudonymizer pseudonymizer(counting_key());
  BOOST_TEST(pseudonymizer.pseudonym("abc") == "p-f0133729c4163dede81e");
  BOOST_TEST(pseudonymizer.pseudonym("") == "p-d38b42096d80f45f826b");
  BOOST_TEST(pseudonymizer.pseudonym("uuid:Fédération") == "p-dcc8f3b159c6bf504476");
  BOOST_TEST(pseudonymizer.pseudonym("abc") == "p-f0133729c4163dede81e");  // the same after other ids
  Pseudonymizer copy(pseudonymizer);
  BOOST_TEST(copy.pseudonym("abc") == "p-f0133729c4163dede81e");
  std::array<unsigned char, 32> other = counting_key();
  other[0] = 1;
  BOOST_TEST(Pseudonymizer(other).pseudonym("abc") != "p-f0133729c4163dede81e");
}

BOOST_AUTO_TEST_CASE(the_key_is_made_once_with_mode_0600_then_read) {
  test::TempFolder folder;
  const std::string path = (folder.root / "config" / "import.key").string();
  const auto made = load_or_create_key(path);
  struct stat status {};
  BOOST_REQUIRE(::stat(path.c_str(), &status) == 0);
  BOOST_TEST((status.st_mode & 0777) == 0600u);
  BOOST_TEST(std::filesystem::file_size(path) == 65u);
  BOOST_TEST((load_or_create_key(path) == made));
  BOOST_TEST((made != std::array<unsigned char, 32>{}));
}

BOOST_AUTO_TEST_CASE(a_key_file_holding_anything_else_is_refused) {
  test::TempFolder folder;
  const std::string path = (folder.root / "bad.key").string();
  std::ofstream(path) << "not a key\n";
  BOOST_CHECK_THROW(load_or_create_key(path), InputError);
  std::ofstream(path) << std::string(64, 'g');
  BOOST_CHECK_THROW(load_or_create_key(path), InputError);
  std::ofstream(path) << std::string(64, 'A') << "\n";
  BOOST_TEST(load_or_create_key(path)[0] == 0xAAu);
}

BOOST_AUTO_TEST_CASE(the_default_key_lives_in_the_user_s_configuration) {
  const char* saved = std::getenv("XDG_CONFIG_HOME");
  ::setenv("XDG_CONFIG_HOME", "/somewhere", 1);
  BOOST_TEST(default_key_path() == "/somewhere/partnerpulse/import.key");
  ::unsetenv("XDG_CONFIG_HOME");
  if (const char* home = std::getenv("HOME"); home != nullptr && home[0] != '\0') {
    BOOST_TEST(default_key_path() == std::string(home) + "/.config/partnerpulse/import.key");
  }
  if (saved != nullptr) ::setenv("XDG_CONFIG_HOME", saved, 1);
}

BOOST_AUTO_TEST_SUITE_END()
