#include <cstdlib>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "partnerpulse/diagnostics.hpp"
#include "partnerpulse/interface_text.hpp"

using namespace partnerpulse;

// These tests read the catalogues the build compiled into share/locale beside the test binary's folder.
BOOST_AUTO_TEST_SUITE(interface_text)

BOOST_AUTO_TEST_CASE(the_five_languages_are_available) {
  BOOST_TEST((interface_languages() == std::vector<std::string>{"ar", "en", "es", "fr", "pt"}));
}

BOOST_AUTO_TEST_CASE(translates_from_the_compiled_catalogues) {
  BOOST_TEST(translate("fr", "Summary") == "Synthèse");
  BOOST_TEST(translate("es", "Summary") == "Resumen");
  BOOST_TEST(translate("pt-BR", "Summary") == "Resumo");  // by primary subtag
  BOOST_TEST(translate("en", "Summary") == "Summary");
  BOOST_TEST(translate("", "Summary") == "Summary");
  BOOST_TEST(translate("de", "Summary") == "Summary");             // no catalogue: English
  BOOST_TEST(translate("fr", "not a message") == "not a message");  // not in the catalogue: the msgid
}

BOOST_AUTO_TEST_CASE(plural_forms_follow_each_language) {
  BOOST_TEST(fill(translate_plural("fr", "{} respondent", "{} respondents", 0), 0) == "0 personne répondante");
  BOOST_TEST(fill(translate_plural("fr", "{} respondent", "{} respondents", 2), 2) == "2 personnes répondantes");
  BOOST_TEST(fill(translate_plural("es", "{} respondent", "{} respondents", 0), 0) == "0 personas que respondieron");
  BOOST_TEST(fill(translate_plural("en", "{} respondent", "{} respondents", 1), 1) == "1 respondent");
  BOOST_TEST(fill(translate_plural("ar", "{} respondent", "{} respondents", 2), 2) == "مشاركان (2)");
  BOOST_TEST(fill(translate_plural("ar", "{} respondent", "{} respondents", 5), 5) == "5 مشاركين");
  BOOST_TEST(fill(translate_plural("ar", "{} respondent", "{} respondents", 12), 12) == "12 مشاركًا");
}

BOOST_AUTO_TEST_CASE(an_explicit_language_must_be_available) {
  BOOST_TEST(resolve_language("fr", {}) == "fr");
  BOOST_TEST(resolve_language("de", {"en", "de"}) == "de");  // a questionnaire language is enough
  BOOST_CHECK_EXCEPTION(resolve_language("xx", {"en", "de"}), UsageError, [](const UsageError& error) {
    return std::string(error.what()) == "unknown language 'xx' (languages available: ar, de, en, es, fr, pt)";
  });
}

BOOST_AUTO_TEST_CASE(the_environment_language_falls_back_to_english_quietly) {
  ::setenv("LANGUAGE", "de", 1);
  BOOST_TEST(resolve_language("", {}) == "en");
  ::setenv("LANGUAGE", "ar", 1);
  BOOST_TEST(resolve_language("", {}) == "ar");
  ::unsetenv("LANGUAGE");
  BOOST_TEST(resolve_language("", {}) == "en");  // LC_ALL=C.UTF-8 in the tests
}

BOOST_AUTO_TEST_CASE(the_interface_language_is_set_once_per_command) {
  set_interface_language("pt");
  BOOST_TEST(tr("Summary") == "Resumo");
  BOOST_TEST(fill(tr_plural("{} respondent", "{} respondents", 3), 3) == "3 pessoas respondentes");
  set_interface_language("");
  BOOST_TEST(tr("Summary") == "Summary");
}

BOOST_AUTO_TEST_SUITE_END()
