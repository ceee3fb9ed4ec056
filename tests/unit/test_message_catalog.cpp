#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "util/message_catalog.hpp"

using namespace partnerpulse;

namespace {

// A .mo file with `entries` (msgid, msgstr; NUL bytes separate plural forms), little-endian, no hash table.
std::string make_mo(const std::vector<std::pair<std::string, std::string>>& entries) {
  std::string out;
  const auto put = [&out](std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xffu));
  };
  const auto n = static_cast<std::uint32_t>(entries.size());
  const std::uint32_t originals = 28;
  const std::uint32_t translations = originals + 8 * n;
  const std::uint32_t strings = translations + 8 * n;
  put(0x950412de);
  put(0);
  put(n);
  put(originals);
  put(translations);
  put(0);
  put(0);
  std::string data;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> descriptors;
  for (const bool translated : {false, true}) {
    for (const auto& [id, text] : entries) {
      const std::string& s = translated ? text : id;
      descriptors.emplace_back(static_cast<std::uint32_t>(s.size()), strings + static_cast<std::uint32_t>(data.size()));
      data += s;
      data.push_back('\0');
    }
  }
  for (const auto& [length, offset] : descriptors) {
    put(length);
    put(offset);
  }
  return out + data;
}

// Two plural forms as a .mo file stores them: separated by a NUL byte.
std::string forms(const std::string& one, const std::string& other) { return one + '\0' + other; }

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The value of the Plural-Forms header of a .po file, without its trailing \n.
std::string po_plural_forms(const std::string& language) {
  const std::string po = read_file(std::string(PARTNERPULSE_SOURCE_DIR) + "/po/" + language + ".po");
  const std::string key = "\"Plural-Forms: ";
  const auto start = po.find(key);
  if (start == std::string::npos) return {};
  std::string value;
  // The header may be wrapped over several quoted lines: join them up to the \n.
  for (std::size_t i = start + key.size(); i < po.size(); ++i) {
    if (po.compare(i, 2, "\\n") == 0) break;
    if (po[i] == '"') {
      const auto next = po.find('"', i + 1);
      i = next;  // skip the line break between two quoted parts
      continue;
    }
    value.push_back(po[i]);
  }
  return value;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(message_catalog)

BOOST_AUTO_TEST_CASE(reads_messages_plural_forms_and_the_header) {
  const std::string mo = make_mo({{"", "Plural-Forms: nplurals=2; plural=(n > 1);\n"},
                                  {"Summary", "Synthèse"},
                                  {forms("{} respondent", "{} respondents"),
                                   forms("{} personne répondante", "{} personnes répondantes")},
                                  {"untranslated", ""},
                                  {std::string("context\x04word"), "mot"}});
  const auto catalog = parse_mo(mo);
  BOOST_REQUIRE(catalog.has_value());
  BOOST_TEST(catalog->header == "Plural-Forms: nplurals=2; plural=(n > 1);\n");
  BOOST_TEST(catalog->messages.at("Summary").front() == "Synthèse");
  BOOST_TEST((catalog->messages.at("{} respondent") ==
              std::vector<std::string>{"{} personne répondante", "{} personnes répondantes"}));
  BOOST_TEST(catalog->messages.count("untranslated") == 0u);  // empty: left to the English msgid
  BOOST_TEST(catalog->messages.size() == 2u);                 // the message with a context is skipped
}

BOOST_AUTO_TEST_CASE(refuses_what_is_not_a_mo_file_or_points_outside_it) {
  BOOST_TEST(!parse_mo("").has_value());
  BOOST_TEST(!parse_mo("msgid \"\"\nmsgstr \"\"\n and more text to pass the size").has_value());
  std::string mo = make_mo({{"a", "b"}});
  mo.resize(mo.size() - 3);  // the last string runs past the end
  BOOST_TEST(!parse_mo(mo).has_value());
}

BOOST_AUTO_TEST_CASE(reads_big_endian_files) {
  std::string mo = make_mo({{"yes", "oui"}});
  for (std::size_t word = 0; word < 7 + 4; ++word) {  // the header and the two descriptors of the one entry
    std::swap(mo[4 * word], mo[4 * word + 3]);
    std::swap(mo[4 * word + 1], mo[4 * word + 2]);
  }
  const auto catalog = parse_mo(mo);
  BOOST_REQUIRE(catalog.has_value());
  BOOST_TEST(catalog->messages.at("yes").front() == "oui");
}

BOOST_AUTO_TEST_CASE(plural_rules_of_the_five_languages) {
  for (const char* language : {"en", "es", "pt", "pt-BR"}) {
    BOOST_TEST(plural_form(language, 0) == 1u);
    BOOST_TEST(plural_form(language, 1) == 0u);
    BOOST_TEST(plural_form(language, 2) == 1u);
  }
  BOOST_TEST(plural_form("fr", 0) == 0u);
  BOOST_TEST(plural_form("fr", 1) == 0u);
  BOOST_TEST(plural_form("fr", 2) == 1u);
  const std::vector<std::pair<std::uint64_t, std::size_t>> arabic = {
      {0, 0}, {1, 1}, {2, 2}, {3, 3}, {10, 3}, {11, 4}, {99, 4}, {100, 5}, {101, 5}, {102, 5}, {103, 3}, {111, 4}, {1000, 5}};
  for (const auto& [n, form] : arabic) BOOST_TEST(plural_form("ar", n) == form, "ar n=" << n);
  BOOST_TEST(plural_form_count("ar") == 6u);
  BOOST_TEST(plural_form_count("fr") == 2u);
}

BOOST_AUTO_TEST_CASE(each_po_file_declares_the_built_in_plural_rule) {
  for (const char* language : {"fr", "es", "pt", "ar"}) {
    BOOST_TEST(po_plural_forms(language) == std::string(plural_forms_header(language)), language);
  }
}

BOOST_AUTO_TEST_CASE(the_arabic_header_expression_agrees_with_the_built_in_rule) {
  // The expression of plural_forms_header("ar"), written out in C++.
  const auto header_rule = [](std::uint64_t n) -> std::size_t {
    return n == 0 ? 0 : n == 1 ? 1 : n == 2 ? 2 : n % 100 >= 3 && n % 100 <= 10 ? 3 : n % 100 >= 11 ? 4 : 5;
  };
  for (std::uint64_t n = 0; n < 1200; ++n) BOOST_TEST(plural_form("ar", n) == header_rule(n), "n=" << n);
}

BOOST_AUTO_TEST_CASE(language_of_a_locale_name) {
  BOOST_TEST(language_of_locale("fr_FR.UTF-8") == "fr");
  BOOST_TEST(language_of_locale("pt_BR") == "pt");
  BOOST_TEST(language_of_locale("ar_EG.UTF-8@latin") == "ar");
  BOOST_TEST(language_of_locale("ES") == "es");
  BOOST_TEST(language_of_locale("C") == "en");
  BOOST_TEST(language_of_locale("C.UTF-8") == "en");
  BOOST_TEST(language_of_locale("POSIX") == "en");
  BOOST_TEST(language_of_locale("") == "");
}

BOOST_AUTO_TEST_CASE(environment_language_order) {
  const auto set = [](const char* name, const char* value) {
    if (value) {
      ::setenv(name, value, 1);
    } else {
      ::unsetenv(name);
    }
  };
  set("LANGUAGE", "es:fr");
  set("LC_ALL", "fr_FR.UTF-8");
  BOOST_TEST(environment_language() == "es");  // LANGUAGE's first entry first
  set("LANGUAGE", "");
  BOOST_TEST(environment_language() == "fr");
  set("LC_ALL", nullptr);
  set("LC_MESSAGES", "ar_EG.UTF-8");
  set("LANG", "pt_BR.UTF-8");
  BOOST_TEST(environment_language() == "ar");
  set("LC_MESSAGES", nullptr);
  BOOST_TEST(environment_language() == "pt");
  set("LANG", nullptr);
  BOOST_TEST(environment_language() == "en");
  set("LC_ALL", "C.UTF-8");  // as the tests run
  set("LANGUAGE", nullptr);
}

BOOST_AUTO_TEST_SUITE_END()
