// The questionnaire loader: one test per rule of docs/questionnaire-format.md, each asserting the exact
// line and column reported (src/model/questionnaire_loader.cpp, src/model/toml_document.cpp).

#include <boost/test/unit_test.hpp>

#include "diagnostic_expectations.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

#include <fmt/format.h>

#include "partnerpulse/diagnostics.hpp"
#include "partnerpulse/files.hpp"
#include "partnerpulse/questionnaire.hpp"
#include "partnerpulse/questionnaire_loader.hpp"
#include "partnerpulse/questionnaire_texts.hpp"

using namespace partnerpulse;
using namespace partnerpulse::testing;

namespace {

// A valid questionnaire; every test below changes one thing in it. Line numbers are on the right.
const std::string base =
    "[questionnaire]\n"                          //  1
    "id = \"demo\"\n"                            //  2
    "version = \"1.0\"\n"                        //  3
    "title = \"Demo\"\n"                         //  4
    "language = \"en\"\n"                        //  5
    "source = \"tests\"\n"                       //  6
    "\n"                                         //  7
    "[scales.agree5]\n"                          //  8
    "min = 1\n"                                  //  9
    "max = 5\n"                                  // 10
    "labels = [\"a\", \"b\", \"c\", \"d\", \"e\"]\n"  // 11
    "allow_na = true\n"                          // 12
    "\n"                                         // 13
    "[[dimensions]]\n"                           // 14
    "id = \"trust\"\n"                           // 15
    "title = \"Trust\"\n"                        // 16
    "[dimensions.advice]\n"                      // 17
    "attention = \"A\"\n"                        // 18
    "developing = \"D\"\n"                       // 19
    "strength = \"S\"\n"                         // 20
    "\n"                                         // 21
    "[[items]]\n"                                // 22
    "id = \"one\"\n"                             // 23
    "dimension = \"trust\"\n"                    // 24
    "text = \"One\"\n"                           // 25
    "scale = \"agree5\"\n"                       // 26
    "\n"                                         // 27
    "[[items]]\n"                                // 28
    "id = \"two\"\n"                             // 29
    "dimension = \"trust\"\n"                    // 30
    "text = \"Two\"\n"                           // 31
    "scale = \"agree5\"\n"                       // 32
    "reverse = true\n";                          // 33

// The same with three bands of its own (low < 40 <= mid < 80 <= high).
const std::string banded =
    "[questionnaire]\n"                          //  1
    "id = \"demo\"\n"                            //  2
    "version = \"1.0\"\n"                        //  3
    "title = \"Demo\"\n"                         //  4
    "language = \"en\"\n"                        //  5
    "source = \"tests\"\n"                       //  6
    "\n"                                         //  7
    "[scales.agree5]\n"                          //  8
    "min = 1\n"                                  //  9
    "max = 5\n"                                  // 10
    "labels = [\"a\", \"b\", \"c\", \"d\", \"e\"]\n"  // 11
    "\n"                                         // 12
    "[[bands]]\n"                                // 13
    "id = \"low\"\n"                             // 14
    "label = \"low\"\n"                          // 15
    "below = 40\n"                               // 16
    "\n"                                         // 17
    "[[bands]]\n"                                // 18
    "id = \"mid\"\n"                             // 19
    "label = \"middle\"\n"                       // 20
    "below = 80\n"                               // 21
    "\n"                                         // 22
    "[[bands]]\n"                                // 23
    "id = \"high\"\n"                            // 24
    "label = \"high\"\n"                         // 25
    "\n"                                         // 26
    "[[dimensions]]\n"                           // 27
    "id = \"trust\"\n"                           // 28
    "title = \"Trust\"\n"                        // 29
    "[dimensions.advice]\n"                      // 30
    "low = \"L\"\n"                              // 31
    "mid = \"M\"\n"                              // 32
    "high = \"H\"\n"                             // 33
    "\n"                                         // 34
    "[[items]]\n"                                // 35
    "id = \"one\"\n"                             // 36
    "dimension = \"trust\"\n"                    // 37
    "text = \"One\"\n"                           // 38
    "scale = \"agree5\"\n";                      // 39

// `text` with lines `from`..`to` emptied (line numbers stay the same).
std::string blank_lines(std::string text, std::size_t from, std::size_t to) {
  for (std::size_t line = from; line <= to; ++line) text = set_line(text, line, "");
  return text;
}

std::string repeat(std::string_view piece, std::size_t count) {
  std::string out;
  out.reserve(piece.size() * count);
  for (std::size_t i = 0; i < count; ++i) out += piece;
  return out;
}

// The diagnostics parse_questionnaire reports for `text`; fails the test when it loads.
std::vector<Diagnostic> errors_of(std::string_view text) {
  try {
    parse_questionnaire(text, "q.toml");
  } catch (const InputError& error) {
    return error.diagnostics();
  }
  BOOST_FAIL("the questionnaire was accepted");
  return {};
}

// Asserts that `text` is rejected with exactly these errors, in this order.
void expect_errors(std::string_view text, const std::vector<Expected>& expected) {
  check_diagnostics(errors_of(text), "q.toml", expected);
}

// Asserts only the first (top-most) error, for mistakes whose follow-on reports are tested elsewhere.
void expect_first_error(std::string_view text, std::uint32_t line, std::uint32_t column, const std::string& fragment) {
  const std::vector<Diagnostic> got = errors_of(text);
  BOOST_TEST_CONTEXT("reported:" << all_of(got)) {
    BOOST_TEST_REQUIRE(!got.empty());
    BOOST_TEST(got[0].location.line == line);
    BOOST_TEST(got[0].location.column == column);
    BOOST_TEST(got[0].message.find(fragment) != std::string::npos);
  }
}

void expect_error(std::string_view text, std::uint32_t line, std::uint32_t column, const std::string& fragment) {
  expect_errors(text, {{line, column, fragment}});
}

Questionnaire parse_ok(std::string_view text) {
  try {
    return parse_questionnaire(text, "q.toml");
  } catch (const InputError& error) {
    BOOST_FAIL("rejected:" << all_of(error.diagnostics()));
  }
  return {};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(questionnaire_loader)

// ---- the valid bases -----------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(base_questionnaire_loads_with_every_value) {
  const Questionnaire q = parse_ok(base);
  BOOST_TEST(q.id == "demo");
  BOOST_TEST(q.version == "1.0");
  BOOST_TEST(q.title.text() == "Demo");
  BOOST_TEST(q.language == "en");
  BOOST_TEST(q.source == "tests");
  BOOST_TEST(q.path == "q.toml");
  BOOST_TEST_REQUIRE(q.scales.size() == 1u);
  BOOST_TEST(q.scales[0].id == "agree5");
  BOOST_TEST(q.scales[0].min == 1);
  BOOST_TEST(q.scales[0].max == 5);
  BOOST_TEST(q.scales[0].allow_na);
  BOOST_TEST_REQUIRE(q.scales[0].labels.size() == 5u);
  BOOST_TEST(q.scales[0].label(5).text() == "e");
  // No [[bands]]: the defaults.
  BOOST_TEST_REQUIRE(q.bands.size() == 3u);
  BOOST_TEST(q.bands[0].id == "attention");
  BOOST_TEST(q.bands[0].upper == 50.0);
  BOOST_TEST(q.bands[1].id == "progressing");
  BOOST_TEST(q.bands[1].upper == 75.0);
  BOOST_TEST(q.bands[2].id == "strength");
  BOOST_TEST(q.bands[2].upper == 100.0);
  BOOST_TEST_REQUIRE(q.dimensions.size() == 1u);
  BOOST_TEST(q.dimensions[0].advice_for("progressing").text() == "D");
  BOOST_TEST_REQUIRE(q.items.size() == 2u);
  BOOST_TEST(q.items[0].id == "one");
  BOOST_TEST(!q.items[0].reverse);
  BOOST_TEST(q.items[0].weight == 1.0);
  BOOST_TEST(q.items[0].location.line == 22u);
  BOOST_TEST(q.items[1].reverse);
  BOOST_TEST(q.scored_item_count() == 2u);
}

BOOST_AUTO_TEST_CASE(banded_questionnaire_loads_with_its_bands) {
  const Questionnaire q = parse_ok(banded);
  BOOST_TEST_REQUIRE(q.bands.size() == 3u);
  BOOST_TEST(q.bands[0].id == "low");
  BOOST_TEST(q.bands[0].upper == 40.0);
  BOOST_TEST(q.bands[1].label.text() == "middle");
  BOOST_TEST(q.bands[1].upper == 80.0);
  BOOST_TEST(q.bands[2].upper == 100.0);
  BOOST_TEST(band_for(q.bands, 39.9).id == "low");
  BOOST_TEST(band_for(q.bands, 40.0).id == "mid");
  BOOST_TEST(band_for(q.bands, 100.0).id == "high");
  BOOST_TEST(q.dimensions[0].advice_for("mid").text() == "M");
  BOOST_TEST(!q.scales[0].allow_na);  // the default
}

BOOST_AUTO_TEST_CASE(optional_keys_are_read) {
  std::string text = set_line(base, 4, "title = \"Demo\"\ndescription = \"What it covers.\"");  // +1 line
  text = set_line(text, 17, "title = \"Trust\"\ndescription = \"Trust matters.\"");          // +1 line
  text = set_line(text, 27, "text = \"One\"\nkind = \"scale\"\nweight = 2.5");             // +2 lines
  const Questionnaire q = parse_ok(text);
  BOOST_TEST(q.description.text() == "What it covers.");
  BOOST_TEST(q.dimensions[0].description.text() == "Trust matters.");
  BOOST_TEST(q.items[0].weight == 2.5);
  BOOST_TEST(q.items[0].scored());
}

// ---- TOML syntax ---------------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(toml_syntax_error_is_positioned) {
  expect_error(set_line(base, 9, "min = = 1"), 9, 7, "invalid TOML");
  expect_error(set_line(base, 11, "labels = [\"a\", \"b\",, \"c\"]"), 11, 20, "invalid TOML");
  expect_error(set_line(base, 22, "[[items]"), 22, 9, "invalid TOML");
  expect_error(set_line(base, 25, "text = \"One"), 25, 12, "invalid TOML");
}

BOOST_AUTO_TEST_CASE(toml_duplicate_keys_and_tables_are_syntax_errors) {
  // A key or table defined twice is invalid TOML, so two scales cannot share an id.
  expect_error(set_line(base, 23, "id = \"one\"\nid = \"uno\""), 24, 6, "invalid TOML");
  expect_error(set_line(base, 8, "[scales.agree5]\n[scales.agree5]"), 9, 1, "invalid TOML");
}

// ---- missing required keys -----------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(missing_questionnaire_keys_point_at_the_table) {
  expect_error(set_line(base, 2, ""), 1, 1, "[questionnaire] is missing the required key 'id'");
  expect_error(set_line(base, 3, ""), 1, 1, "[questionnaire] is missing the required key 'version'");
  expect_error(set_line(base, 4, ""), 1, 1, "[questionnaire] is missing the required key 'title'");
  expect_error(set_line(base, 5, ""), 1, 1, "[questionnaire] is missing the required key 'language'");
  expect_error(set_line(base, 6, ""), 1, 1, "[questionnaire] is missing the required key 'source'");
  // The table is found where it is, not at the top of the file.
  expect_error("# A questionnaire\n\n" + set_line(base, 6, ""), 3, 1, "missing the required key 'source'");
}

BOOST_AUTO_TEST_CASE(missing_scale_keys_point_at_the_scale) {
  expect_error(set_line(base, 9, ""), 8, 1, "[scales.agree5] is missing the required key 'min'");
  expect_error(set_line(base, 10, ""), 8, 1, "[scales.agree5] is missing the required key 'max'");
  expect_error(set_line(base, 11, ""), 8, 1, "[scales.agree5] is missing the required key 'labels'");
}

BOOST_AUTO_TEST_CASE(missing_dimension_keys_point_at_the_dimension) {
  expect_error(set_line(base, 16, ""), 14, 1, "dimension 'trust' is missing the required key 'title'");
  expect_error(blank_lines(base, 17, 20), 14, 1, "dimension 'trust' is missing the required key 'advice'");
}

BOOST_AUTO_TEST_CASE(missing_item_keys_point_at_the_item) {
  expect_error(set_line(base, 25, ""), 22, 1, "item 'one' is missing the required key 'text'");
  expect_error(set_line(base, 24, ""), 22, 1, "item 'one' is missing the required key 'dimension'");
  expect_error(set_line(base, 26, ""), 22, 1, "item 'one' is missing the required key 'scale'");
  expect_error(set_line(base, 23, ""), 22, 1, "item 1 is missing the required key 'id'");
}

BOOST_AUTO_TEST_CASE(missing_top_level_tables) {
  // Without [questionnaire] the file is not a questionnaire at all: one error says so, not one per table.
  expect_error(blank_lines(base, 1, 6), 1, 1, "the file has no [questionnaire] table");
  expect_errors(blank_lines(base, 8, 12),
                {{1, 1, "the file is missing the required key 'scales'"}});
  expect_errors(blank_lines(base, 14, 20),
                {{1, 1, "the file is missing the required key 'dimensions'"}});
  // Without items, the dimension has no scored item either; both are said.
  expect_errors(blank_lines(base, 22, 33),
                {{1, 1, "the file is missing the required key 'items'"}, {15, 6, "dimension 'trust' has no scored item"}});
}

BOOST_AUTO_TEST_CASE(a_file_that_is_not_a_questionnaire) {
  expect_error("# nothing here yet\n\n", 1, 1,
               "the file has no [questionnaire] table; a questionnaire starts with [questionnaire]");
  expect_error("[respondent]\nid = \"r-1\"\n", 1, 1, "this is a response file ([respondent]), not a questionnaire");
}

// ---- wrong types ---------------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(wrong_types_in_the_questionnaire_table) {
  expect_error(set_line(base, 2, "id = 7"), 2, 6, "[questionnaire]: 'id' must be a string, not an integer");
  expect_error(set_line(base, 3, "version = 1.0"), 3, 11,
               "'version' must be a string, not a floating-point number");
  expect_error(set_line(base, 4, "title = 5"), 4, 9, "'title' must be a string or a table of translations, not an "
                                                      "integer");
  expect_error(set_line(base, 5, "language = [\"en\"]"), 5, 12, "'language' must be a string, not an array");
  expect_error(set_line(base, 6, "source = true"), 6, 10, "'source' must be a string, not a boolean");
}

BOOST_AUTO_TEST_CASE(wrong_types_in_a_scale) {
  expect_error(set_line(base, 9, "min = \"1\""), 9, 7, "[scales.agree5]: 'min' must be an integer, not a string");
  expect_error(set_line(base, 10, "max = 5.0"), 10, 7, "'max' must be an integer, not a floating-point number");
  expect_error(set_line(base, 11, "labels = \"a b c d e\""), 11, 10, "'labels' must be an array, not a string");
  expect_error(set_line(base, 11, "labels = [\"a\", 2, \"c\", \"d\", \"e\"]"), 11, 16,
               "label 2 must be a string or a table of translations, not an integer");
  expect_error(set_line(base, 12, "allow_na = \"yes\""), 12, 12, "'allow_na' must be true or false, not a string");
  expect_error(blank_lines(set_line(set_line(base, 8, "[scales]"), 9, "agree5 = 5"), 10, 12), 9, 10,
               "[scales.agree5] must be a table, not an integer");
}

BOOST_AUTO_TEST_CASE(wrong_types_in_a_dimension) {
  expect_first_error(set_line(base, 15, "id = 1"), 15, 6, "dimension 1: 'id' must be a string, not an integer");
  expect_error(set_line(base, 16, "title = [\"Trust\"]"), 16, 9, "'title' must be a string or a table of translations");
  expect_error(set_line(base, 18, "attention = 5"), 18, 13,
               "dimension 'trust' advice: 'attention' must be a string or a table of translations, not an integer");
  // An array of strings where [[dimensions]] tables belong.
  expect_error("dimensions = [\"trust\"]\n" + blank_lines(base, 14, 20), 1, 15,
               "'dimensions' must hold tables ([[dimensions]]), not a string");
}

BOOST_AUTO_TEST_CASE(wrong_types_in_an_item) {
  expect_error(set_line(base, 33, "reverse = 1"), 33, 11, "item 'two': 'reverse' must be true or false, not an integer");
  expect_error(set_line(base, 33, "weight = \"heavy\""), 33, 10, "'weight' must be a number, not a string");
  expect_error(set_line(base, 32, "scale = 5"), 32, 9, "'scale' must be a string, not an integer");
  expect_error(set_line(base, 30, "dimension = [\"trust\"]"), 30, 13, "'dimension' must be a string, not an array");
  expect_error(set_line(base, 31, "text = 2024-01-01"), 31, 8, "not a date");
  expect_error(set_line(base, 29, "id = \"two\"\nkind = \"scal\""), 30, 8, "'kind' must be \"scale\" or \"text\", not "
                                                                        "\"scal\"");
  expect_error(set_line(base, 29, "id = \"two\"\nkind = 1"), 30, 8, "'kind' must be a string, not an integer");
}

BOOST_AUTO_TEST_CASE(invalid_ids_and_codes) {
  expect_error(set_line(base, 2, "id = \"Demo Q\""), 2, 6, "'id' must be lowercase letters, digits and '-'");
  expect_error(set_line(base, 23, "id = \"One\""), 23, 6, "item id 'One' must be lowercase letters, digits and '-'");
  expect_error(set_line(base, 23, "id = \"-one\""), 23, 6, "item id '-one'");
  expect_error(set_line(base, 23, "id = \"" + repeat("o", 65) + "\""), 23, 6, "(at most 64)");
  expect_error(set_line(base, 5, "language = \"en us\""), 5, 12, "'language' must be a language code");
  expect_error(set_line(base, 3, "version = \"\""), 3, 11, "'version' is empty");
}

// ---- unknown keys, at every level, with suggestions -----------------------------------------------------------

BOOST_AUTO_TEST_CASE(unknown_key_at_the_top_level) {
  expect_error(base + "\n[scale.extra]\nmin = 1\n", 35, 2, "the file: unknown key 'scale'; did you mean 'scales'?");
  expect_error("colour = \"red\"\n" + base, 1, 1,
               "the file: unknown key 'colour' (known keys: bands, dimensions, items, questionnaire, scales)");
}

BOOST_AUTO_TEST_CASE(unknown_key_in_the_questionnaire_table) {
  expect_error(set_line(base, 6, "source = \"tests\"\ndescripton = \"x\""), 7, 1,
               "[questionnaire]: unknown key 'descripton'; did you mean 'description'?");
  // A misspelt required key: both the missing key and the typo are reported.
  expect_errors(set_line(base, 6, "sorce = \"tests\""),
                {{1, 1, "[questionnaire] is missing the required key 'source'"},
                 {6, 1, "[questionnaire]: unknown key 'sorce'; did you mean 'source'?"}});
}

BOOST_AUTO_TEST_CASE(unknown_key_in_a_scale) {
  expect_error(set_line(base, 12, "alow_na = true"), 12, 1, "[scales.agree5]: unknown key 'alow_na'; did you mean "
                                                           "'allow_na'?");
  expect_error(set_line(base, 12, "allow_na = true\ncolour = 1"), 13, 1,
               "[scales.agree5]: unknown key 'colour' (known keys: allow_dont_know, allow_na, labels, max, min)");
}

BOOST_AUTO_TEST_CASE(unknown_key_in_a_band) {
  expect_error(set_line(banded, 20, "label = \"middle\"\ncolour = \"red\""), 21, 1,
               "band 2: unknown key 'colour' (known keys: below, id, label)");
  expect_errors(set_line(banded, 21, "belw = 80"), {{18, 1, "band 2 is missing the required key 'below'"},
                                                     {21, 1, "band 2: unknown key 'belw'; did you mean 'below'?"}});
}

BOOST_AUTO_TEST_CASE(unknown_key_in_a_dimension) {
  expect_error(set_line(base, 16, "title = \"Trust\"\ndescripion = \"x\""), 17, 1,
               "dimension 'trust': unknown key 'descripion'; did you mean 'description'?");
}

BOOST_AUTO_TEST_CASE(unknown_key_in_advice) {
  expect_errors(set_line(base, 20, "strenght = \"S\""),
                {{17, 1, "dimension 'trust' advice is missing the required key 'strength'"},
                 {20, 1, "dimension 'trust' advice: unknown key 'strenght'; did you mean 'strength'?"}});
}

BOOST_AUTO_TEST_CASE(unknown_key_in_an_item_reverse_misspelt) {
  expect_error(set_line(base, 33, "revrese = true"), 33, 1, "item 'two': unknown key 'revrese'; did you mean "
                                                           "'reverse'?");
  expect_error(set_line(base, 33, "revers = true"), 33, 1, "did you mean 'reverse'?");
}

BOOST_AUTO_TEST_CASE(unknown_key_in_an_item_weight_misspelt) {
  expect_error(set_line(base, 33, "weigth = 2"), 33, 1, "item 'two': unknown key 'weigth'; did you mean 'weight'?");
  expect_error(set_line(base, 33, "reverse = true\nwieght = 2"), 34, 1, "did you mean 'weight'?");
}

BOOST_AUTO_TEST_CASE(unknown_key_far_from_any_known_key_lists_them) {
  expect_error(set_line(base, 33, "reverse = true\ncolour = \"red\""), 34, 1,
               "item 'two': unknown key 'colour' (known keys: basis, dimension, id, kind, replaces, reverse, scale, text, weight)");
}

// ---- duplicate ids -------------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(duplicate_item_id) {
  expect_error(set_line(base, 29, "id = \"one\""), 29, 6, "duplicate item id 'one' (first defined at line 23)");
}

BOOST_AUTO_TEST_CASE(duplicate_dimension_id) {
  const std::string again = base +
                            "\n[[dimensions]]\n"         // 35
                            "id = \"trust\"\n"           // 36
                            "title = \"Again\"\n"
                            "[dimensions.advice]\n"
                            "attention = \"A\"\n"
                            "developing = \"D\"\n"
                            "strength = \"S\"\n";
  expect_error(again, 36, 6, "duplicate dimension id 'trust' (first defined at line 15)");
}

BOOST_AUTO_TEST_CASE(duplicate_band_id) {
  // The duplicate is reported once; the advice for the band id that disappeared is then unknown.
  expect_errors(set_line(banded, 19, "id = \"low\""),
                {{19, 6, "duplicate band id 'low' (first defined at line 14)"},
                 {32, 1, "dimension 'trust' advice: unknown key 'mid'"}});
}

// ---- references ----------------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(item_refers_to_a_missing_dimension) {
  expect_error(set_line(base, 30, "dimension = \"trusst\""), 30, 13,
               "item 'two': no dimension 'trusst' is defined; did you mean 'trust'?");
  expect_error(set_line(base, 30, "dimension = \"power\""), 30, 13,
               "item 'two': no dimension 'power' is defined (defined: trust)");
}

BOOST_AUTO_TEST_CASE(item_refers_to_a_missing_scale) {
  expect_error(set_line(base, 32, "scale = \"agree4\""), 32, 9,
               "item 'two': no scale 'agree4' is defined; did you mean 'agree5'?");
  expect_error(set_line(base, 32, "scale = \"frequency\""), 32, 9,
               "item 'two': no scale 'frequency' is defined (defined: agree5)");
}

BOOST_AUTO_TEST_CASE(a_dimension_without_an_id_does_not_produce_empty_reference_lists) {
  // Removing the dimension's id is one mistake. The items that name the dimension may be reported too, but not
  // with an empty "(defined: )" list or a suggestion of an empty id.
  const std::vector<Diagnostic> got = errors_of(set_line(base, 15, ""));
  BOOST_TEST_INFO("reported:" << all_of(got));
  BOOST_TEST_REQUIRE(!got.empty());
  BOOST_TEST(got.front().location.line == 14u);
  BOOST_TEST(got.front().location.column == 1u);
  BOOST_TEST(got.front().message == "dimension 1 is missing the required key 'id'");
  for (const auto& d : got) {
    BOOST_TEST(d.message.find("(defined: )") == std::string::npos, format_diagnostic(d));
    BOOST_TEST(d.message.find("''") == std::string::npos, format_diagnostic(d));
  }
}

// ---- scales --------------------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(scale_min_not_below_max) {
  expect_error(set_line(base, 9, "min = 5"), 10, 7, "[scales.agree5]: 'max' (5) must be greater than 'min' (5)");
  expect_error(set_line(base, 9, "min = 6"), 10, 7, "'max' (5) must be greater than 'min' (6)");
}

BOOST_AUTO_TEST_CASE(scale_too_wide) {
  expect_error(set_line(base, 10, "max = 500"), 10, 7, "a scale may have at most 101 points");
  expect_error(set_line(set_line(base, 9, "min = -9223372036854775808"), 10, "max = 9223372036854775807"), 10, 7,
               "at most 101 points");
}

BOOST_AUTO_TEST_CASE(scale_label_count_mismatch) {
  expect_error(set_line(base, 11, "labels = [\"a\", \"b\", \"c\", \"d\", \"e\", \"f\"]"), 11, 10,
               "'labels' has 6 entries but the scale 1..5 has 5 points; give one label per point");
  expect_error(set_line(base, 11, "labels = [\"a\", \"b\", \"c\", \"d\"]"), 11, 10, "'labels' has 4 entries");
  expect_error(set_line(base, 11, "labels = []"), 11, 10, "'labels' has 0 entries");
}

BOOST_AUTO_TEST_CASE(scales_table_without_a_scale) {
  expect_error(blank_lines(set_line(base, 8, "[scales]"), 9, 12), 8, 1, "[scales] defines no scale");
}

// ---- weights -------------------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(weight_must_be_positive) {
  expect_error(set_line(base, 33, "weight = 0"), 33, 10, "item 'two': 'weight' must be a positive number, not 0");
  expect_error(set_line(base, 33, "weight = 0.0"), 33, 10, "'weight' must be a positive number");
  expect_error(set_line(base, 33, "weight = -1.5"), 33, 10, "'weight' must be a positive number, not -1.5");
  expect_error(set_line(base, 33, "weight = -2"), 33, 10, "'weight' must be a positive number");
  expect_error(set_line(base, 33, "weight = nan"), 33, 10, "'weight' must be a positive number");
  expect_error(set_line(base, 33, "weight = inf"), 33, 10, "'weight' must be a positive number");
  // Integers and floats are both numbers.
  const Questionnaire q = parse_ok(set_line(set_line(base, 33, "weight = 3"), 26, "scale = \"agree5\"\nweight = 0.5"));
  BOOST_TEST(q.items[0].weight == 0.5);
  BOOST_TEST(q.items[1].weight == 3.0);
}

// ---- bands ---------------------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(bands_out_of_order) {
  expect_error(set_line(banded, 21, "below = 30"), 21, 9,
               "band 2: bands must be in increasing order; 'below' = 30 is not above the previous band's 40");
  expect_error(set_line(banded, 21, "below = 40"), 21, 9, "bands must be in increasing order");
}

BOOST_AUTO_TEST_CASE(bands_outside_0_to_100) {
  expect_error(set_line(banded, 16, "below = 120"), 16, 9,
               "band 1: 'below' must be within the 0-100 index (above 0, at most 100), not 120");
  expect_error(set_line(banded, 16, "below = 0"), 16, 9, "'below' must be within the 0-100 index");
  expect_error(set_line(banded, 16, "below = -5"), 16, 9, "'below' must be within the 0-100 index");
  expect_error(set_line(banded, 21, "below = 100.5"), 21, 9, "'below' must be within the 0-100 index");
  expect_error(set_line(banded, 16, "below = nan"), 16, 9, "'below' must be within the 0-100 index");
  expect_error(set_line(banded, 16, "below = \"forty\""), 16, 9, "band 1: 'below' must be a number, not a string");
}

BOOST_AUTO_TEST_CASE(below_on_the_last_band) {
  expect_error(set_line(banded, 25, "label = \"high\"\nbelow = 100"), 26, 9,
               "band 3: the last band must not set 'below'; it covers everything up to 100");
}

BOOST_AUTO_TEST_CASE(below_missing_on_a_band_that_is_not_the_last) {
  expect_error(set_line(banded, 16, ""), 13, 1, "band 1 is missing the required key 'below'");
}

BOOST_AUTO_TEST_CASE(band_missing_id_or_label) {
  expect_error(set_line(banded, 15, ""), 13, 1, "band 1 is missing the required key 'label'");
  // Without an id, the band cannot have advice; the advice table must not be asked for a key named ''.
  const std::vector<Diagnostic> got = errors_of(set_line(banded, 14, ""));
  BOOST_TEST_INFO("reported:" << all_of(got));
  BOOST_TEST_REQUIRE(!got.empty());
  BOOST_TEST(got.front().location.line == 13u);
  BOOST_TEST(got.front().location.column == 1u);
  BOOST_TEST(got.front().message == "band 1 is missing the required key 'id'");
  for (const auto& d : got) BOOST_TEST(d.message.find("key ''") == std::string::npos, format_diagnostic(d));
}

BOOST_AUTO_TEST_CASE(empty_bands_array) {
  expect_error("bands = []\n" + base, 1, 9, "'bands' is empty; remove it to use the default bands");
}

// ---- basis and "don't know" ----------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(an_item_may_name_its_basis_and_a_scale_may_allow_dont_know) {
  const Questionnaire q = parse_ok(set_line(set_line(base, 23, "id = \"one\"\nbasis = \"ACTIF: meet\""), 12,
                                            "allow_dont_know = true"));
  BOOST_TEST(q.items[0].basis == "ACTIF: meet");
  BOOST_TEST(q.items[1].basis.empty());
  BOOST_TEST(q.scales[0].allow_dont_know);
  BOOST_TEST(!parse_ok(base).scales[0].allow_dont_know);
}

// ---- advice --------------------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(missing_advice_for_a_band) {
  expect_error(set_line(base, 20, ""), 17, 1, "dimension 'trust' advice is missing the required key 'strength'");
  expect_error(set_line(banded, 32, ""), 30, 1, "dimension 'trust' advice is missing the required key 'mid'");
}

// The middle default band was renamed from "developing" to "progressing": files written before still load.
BOOST_AUTO_TEST_CASE(the_middle_band_advice_may_use_its_old_id_with_the_default_bands) {
  BOOST_TEST(parse_ok(base).dimensions[0].advice_for("progressing").text() == "D");
  BOOST_TEST(parse_ok(set_line(base, 19, "progressing = \"P\"")).dimensions[0].advice_for("progressing").text() == "P");
  expect_error(set_line(base, 19, "progressing = \"P\"\ndeveloping = \"D\""), 20, 1,
               "dimension 'trust' advice: unknown key 'developing'");
}

BOOST_AUTO_TEST_CASE(advice_for_an_unknown_band) {
  expect_error(set_line(base, 20, "strength = \"S\"\nexcellent = \"E\""), 21, 1,
               "dimension 'trust' advice: unknown key 'excellent' (known keys: attention, developing, strength)");
  // Advice written for the default bands in a questionnaire with bands of its own: said band by band.
  expect_errors(set_line(set_line(set_line(banded, 31, "attention = \"L\""), 32, "developing = \"M\""), 33,
                         "strength = \"H\""),
                {{30, 1, "advice is missing the required key 'low'"},
                 {30, 1, "advice is missing the required key 'mid'"},
                 {30, 1, "advice is missing the required key 'high'"},
                 {31, 1, "unknown key 'attention'"},
                 {32, 1, "unknown key 'developing'"},
                 {33, 1, "unknown key 'strength'"}});
}

// ---- dimensions and items ------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(dimension_without_a_scored_item) {
  const std::string spare = base +
                            "\n[[dimensions]]\n"     // 35
                            "id = \"spare\"\n"       // 36
                            "title = \"Spare\"\n"
                            "[dimensions.advice]\n"
                            "attention = \"A\"\n"
                            "developing = \"D\"\n"
                            "strength = \"S\"\n";
  expect_error(spare, 36, 6, "dimension 'spare' has no scored item; add one or remove the dimension");
  // An open question in the dimension does not count.
  expect_error(spare + "\n[[items]]\nid = \"why\"\nkind = \"text\"\ndimension = \"spare\"\ntext = \"Why?\"\n", 36, 6,
               "dimension 'spare' has no scored item");
}

BOOST_AUTO_TEST_CASE(questionnaire_with_only_open_questions) {
  std::string text = set_line(base, 23, "id = \"one\"\nkind = \"text\"");  // items shift by one line
  text = set_line(text, 27, "");                                           // drop scale of item one
  text = set_line(text, 30, "id = \"two\"\nkind = \"text\"");
  text = blank_lines(text, 34, 35);                                        // drop scale and reverse of item two
  expect_errors(text, {{15, 6, "dimension 'trust' has no scored item"},
                       {22, 1, "the questionnaire has no scored item (every item is kind = \"text\")"}});
}

BOOST_AUTO_TEST_CASE(open_question_loads_without_dimension_and_scale) {
  const Questionnaire q = parse_ok(base + "\n[[items]]\nid = \"why\"\nkind = \"text\"\ntext = \"Why?\"\n");
  BOOST_TEST_REQUIRE(q.items.size() == 3u);
  BOOST_TEST((q.items[2].kind == ItemKind::text));
  BOOST_TEST(!q.items[2].scored());
  BOOST_TEST(q.items[2].dimension.empty());
  BOOST_TEST(q.scored_item_count() == 2u);
}

BOOST_AUTO_TEST_CASE(open_question_with_scale_reverse_or_weight) {
  const std::string open = base +
                           "\n[[items]]\n"        // 35
                           "id = \"why\"\n"       // 36
                           "kind = \"text\"\n"    // 37
                           "text = \"Why?\"\n";   // 38
  expect_error(open + "scale = \"agree5\"\n", 39, 9,
               "item 'why': 'scale' does not apply to an open question (kind = \"text\")");
  expect_error(open + "reverse = true\n", 39, 11, "item 'why': 'reverse' does not apply to an open question");
  expect_error(open + "weight = 2\n", 39, 10, "item 'why': 'weight' does not apply to an open question");
  expect_error(open + "dimension = \"trsut\"\n", 39, 13, "item 'why': no dimension 'trsut' is defined; did you mean");
}

// ---- translations --------------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(translations_are_read_with_the_questionnaire_language_first) {
  const Questionnaire q = parse_ok(set_line(base, 4, "title = { fr = \"D\xC3\xA9mo\", en = \"Demo\" }"));
  BOOST_TEST(q.title.text() == "Demo");
  BOOST_TEST(q.title.in("fr") == "D\xC3\xA9mo");
  BOOST_TEST(q.title.in("de") == "Demo");
  BOOST_TEST_REQUIRE(q.title.translations().size() == 2u);
  BOOST_TEST(q.title.translations()[0].first == "en");
  // Labels, advice and item texts take translations too.
  std::string text = set_line(base, 11, "labels = [{ en = \"a\", fr = \"x\" }, \"b\", \"c\", \"d\", \"e\"]");
  text = set_line(text, 18, "attention = { en = \"A\", pt-BR = \"Aten\xC3\xA7\xC3\xA3o\" }");
  text = set_line(text, 25, "text = { en = \"One\", fr = \"Un\" }");
  const Questionnaire t = parse_ok(text);
  BOOST_TEST(t.scales[0].label(1).in("fr") == "x");
  BOOST_TEST(t.dimensions[0].advice_for("attention").in("pt-BR") == "Aten\xC3\xA7\xC3\xA3o");
  BOOST_TEST(t.items[0].text.in("fr") == "Un");
}

// The shipped questionnaires write long translations as dotted keys (`text.en = ...`); a sub-table after the
// element (`[items.text]`) is the same TOML table, and both are read like an inline table.
BOOST_AUTO_TEST_CASE(translations_as_dotted_keys_or_as_a_sub_table) {
  // Changed from the bottom up, so that the line numbers of base still hold.
  std::string text = set_line(base, 31, "");  // `text = "Two"` moves to a sub-table at the end
  text = set_line(text, 19, "developing.fr = \"D\"\ndeveloping.en = \"Developing\"");
  text = set_line(text, 4, "title.en = \"Demo\"\ntitle.ar = \"\xD8\xB9\xD8\xB1\xD8\xB6\"");
  text += "[items.text]\nen = \"Two\"\nes = \"Dos\"\npt = \"Dois\"\n";
  const Questionnaire q = parse_ok(text);
  BOOST_TEST(q.title.text() == "Demo");
  BOOST_TEST(q.title.in("ar") == "\xD8\xB9\xD8\xB1\xD8\xB6");
  BOOST_TEST(q.dimensions[0].advice_for("progressing").text() == "Developing");
  BOOST_TEST(q.dimensions[0].advice_for("progressing").in("fr") == "D");
  BOOST_TEST_REQUIRE(q.items.size() == 2u);
  BOOST_TEST(q.items[1].text.text() == "Two");
  BOOST_TEST(q.items[1].text.in("es") == "Dos");
  BOOST_TEST(q.items[1].text.in("pt") == "Dois");
  BOOST_TEST(q.items[1].reverse);
}

// After the questionnaire's language, translations keep the order they are written in (not toml++'s sorted order):
// a survey form's language columns follow it.
BOOST_AUTO_TEST_CASE(translations_keep_the_order_they_are_written_in) {
  const auto codes = [](const LocalizedText& text) {
    std::vector<std::string> found;
    for (const auto& [code, value] : text.translations()) found.push_back(code);
    return found;
  };
  const std::vector<std::string> expected = {"en", "fr", "es", "pt", "ar"};
  const Questionnaire inline_table =
      parse_ok(set_line(base, 4, "title = { fr = \"F\", en = \"E\", es = \"S\", pt = \"P\", ar = \"A\" }"));
  BOOST_TEST(codes(inline_table.title) == expected, boost::test_tools::per_element());
  const Questionnaire dotted = parse_ok(set_line(
      base, 4, "title.en = \"E\"\ntitle.fr = \"F\"\ntitle.es = \"S\"\ntitle.pt = \"P\"\ntitle.ar = \"A\""));
  BOOST_TEST(codes(dotted.title) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(dotted_translations_missing_the_questionnaire_language) {
  expect_error(set_line(base, 25, "text.fr = \"Un\""), 25, 1, "item 'one': 'text' has no 'en' translation");
}

BOOST_AUTO_TEST_CASE(translations_missing_the_questionnaire_language) {
  expect_error(set_line(base, 4, "title = { fr = \"D\xC3\xA9mo\" }"), 4, 9,
               "[questionnaire]: 'title' has no 'en' translation (the questionnaire's language)");
  expect_error(set_line(base, 25, "text = { fr = \"Un\" }"), 25, 8, "item 'one': 'text' has no 'en' translation");
  expect_error(set_line(base, 11, "labels = [{ fr = \"x\" }, \"b\", \"c\", \"d\", \"e\"]"), 11, 11,
               "[scales.agree5]: label 1 has no 'en' translation");
  expect_error(set_line(base, 19, "developing = {}"), 19, 14, "advice: 'developing' has no 'en' translation");
  // The questionnaire's language decides which translation is required.
  expect_error(set_line(set_line(base, 5, "language = \"fr\""), 4, "title = { en = \"Demo\" }"), 4, 9,
               "'title' has no 'fr' translation");
}

BOOST_AUTO_TEST_CASE(translation_that_is_not_a_string) {
  expect_error(set_line(base, 4, "title = { en = \"Demo\", fr = 3 }"), 4, 29,
               "[questionnaire]: 'title': the 'fr' translation must be a string, not an integer");
}

// ---- encoding, empty files, size -----------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(non_utf8_bytes_are_positioned) {
  expect_error(set_line(base, 4, "title = \"De\xFFmo\""), 4, 12, "the file is not valid UTF-8 (byte 0xFF at offset 55)");
  // Latin-1 instead of UTF-8: the é of "Café" is the byte 0xE9.
  expect_error(set_line(base, 25, "text = \"Caf\xE9\""), 25, 12, "not valid UTF-8 (byte 0xE9");
  expect_error(set_line(base, 25, "text = \"\xC3\xA9t\xC3\xA9 \xED\xA0\x80\""), 25, 13, "not valid UTF-8");  // surrogate
}

BOOST_AUTO_TEST_CASE(empty_file) {
  expect_error("", 1, 1, "the file is empty");
  expect_error("\xEF\xBB\xBF", 1, 1, "the file is empty");
}

BOOST_AUTO_TEST_CASE(huge_file_is_refused) {
  const std::filesystem::path file =
      std::filesystem::temp_directory_path() / ("partnerpulse-huge-" + std::to_string(::getpid()) + ".toml");
  {
    std::ofstream out(file, std::ios::binary);
    out << base << std::string(max_input_bytes, '#') << '\n';
  }
  try {
    load_questionnaire(file.string());
    std::filesystem::remove(file);
    BOOST_FAIL("a file above 4 MiB was loaded");
  } catch (const InputError& error) {
    std::filesystem::remove(file);
    BOOST_TEST_REQUIRE(error.diagnostics().size() == 1u);
    BOOST_TEST(error.diagnostics()[0].location.path == file.string());
    BOOST_TEST(error.diagnostics()[0].location.line == 1u);
    BOOST_TEST(error.diagnostics()[0].location.column == 1u);
    BOOST_TEST(error.diagnostics()[0].message.find("larger than the limit") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(missing_file_is_an_io_error) {
  BOOST_CHECK_THROW(load_questionnaire("/nonexistent/partnerpulse/q.toml"), IoError);
}

// ---- byte-order marks ----------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(byte_order_mark_at_the_start_is_accepted) {
  const Questionnaire q = parse_ok("\xEF\xBB\xBF" + base);
  BOOST_TEST(q.id == "demo");
  // Positions after it are the same as without it.
  expect_error("\xEF\xBB\xBF" + set_line(base, 9, "min = \"1\""), 9, 7, "'min' must be an integer");
  expect_error("\xEF\xBB\xBF" + set_line(base, 1, "[questionnaire"), 1, 15, "invalid TOML");
}

BOOST_AUTO_TEST_CASE(byte_order_mark_elsewhere_outside_strings_is_refused) {
  expect_error(set_line(base, 5, "\xEF\xBB\xBFlanguage = \"en\""), 5, 1,
               "a byte-order mark (U+FEFF) is allowed only at the very start of the file");
  expect_error(set_line(base, 4, "title = \"D\xC3\xA9mo\" \xEF\xBB\xBF"), 4, 16, "byte-order mark (U+FEFF)");
  expect_error(set_line(base, 9, "min = \xEF\xBB\xBF" "1"), 9, 7, "byte-order mark");
  expect_error("\xEF\xBB\xBF\xEF\xBB\xBF" + base, 1, 1, "byte-order mark");
}

BOOST_AUTO_TEST_CASE(byte_order_mark_inside_a_string_is_accepted) {
  const Questionnaire q = parse_ok(set_line(base, 4, "title = \"De\xEF\xBB\xBFmo\""));
  BOOST_TEST(q.title.text() == "De\xEF\xBB\xBFmo");
  const Questionnaire l = parse_ok(set_line(base, 25, "text = '''\nOne\xEF\xBB\xBF'''"));
  BOOST_TEST(l.items[0].text.text() == "One\xEF\xBB\xBF");
}

// ---- nesting limits ------------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(dotted_key_with_100_parts) {
  expect_error(base + "\n[extra]\n" + "a" + repeat(".a", 99) + " = 1\n", 36, 128, "a dotted key has more than 64 parts");
  expect_error(base + "\n[a" + repeat(".a", 99) + "]\n", 35, 129, "a dotted key has more than 64 parts");
  expect_error(base + "\n[[a" + repeat(".a", 99) + "]]\n", 35, 130, "a dotted key has more than 64 parts");
}

BOOST_AUTO_TEST_CASE(dotted_key_at_the_limit_reaches_the_schema_check) {
  // [extra] is one level, so 63 parts reach the limit of 64: the file is then rejected only because [extra] is not
  // part of the format. 64 parts under it are too deep.
  expect_error(base + "\n[extra]\n" + "a" + repeat(".a", 62) + " = 1\n", 35, 2, "the file: unknown key 'extra'");
  expect_error(base + "\n[extra]\n" + "a" + repeat(".a", 63) + " = 1\n", 36, 129, "nest deeper than 64 levels");
}

BOOST_AUTO_TEST_CASE(arrays_nested_100_deep) {
  // Below [[items]] (two levels), x is level 3: the 63rd '[' is level 65.
  expect_error(base + "\nx = " + repeat("[", 100) + repeat("]", 100) + "\n", 35, 67,
               "keys, tables, arrays and inline tables nest deeper than 64 levels");
}

BOOST_AUTO_TEST_CASE(inline_tables_nested_100_deep) {
  // Below [[items]], x's inline table is level 3, the key a inside the 62nd one level 65: refused at its '='.
  expect_error(base + "\nx = " + repeat("{a=", 100) + "1" + repeat("}", 100) + "\n", 35, 190,
               "nest deeper than 64 levels");
}

BOOST_AUTO_TEST_CASE(arrays_at_the_limit_reach_the_schema_check) {
  // Inside [[items]] (two levels: the array and its table), x's array is level 3 and 62 arrays reach level 64.
  expect_error(set_line(base, 33, "reverse = true\nx = " + repeat("[", 62) + repeat("]", 62)), 34, 1,
               "item 'two': unknown key 'x'");
  expect_error(set_line(base, 33, "reverse = true\nx = " + repeat("[", 63) + repeat("]", 63)), 34, 67,
               "nest deeper than 64 levels");
}

// Issue 15: every level counts together. Inline tables inside dotted keys, and dotted keys under a deep [header],
// used to restart the count at each '{' and reached about 4,000 levels.
BOOST_AUTO_TEST_CASE(levels_of_keys_headers_and_inline_tables_count_together) {
  // Below [[items]] (two levels) x's table is level 3, and each "a.a.a = {" adds three (the '{' shares the level of
  // its key): the key of the 21st stands at level 66 and is refused at its '='.
  expect_error(base + "\nx = {" + repeat("a.a.a = {", 30) + "}\n", 35, 6 + 20 * 9 + 6, "nest deeper than 64 levels");
  // A [header] of 40 parts, then a key of 30 parts below it.
  expect_error(base + "\n[" + "t" + repeat(".t", 39) + "]\n" + "k" + repeat(".k", 29) + " = 1\n", 36, 61,
               "nest deeper than 64 levels");
  // A [[header]] of 63 parts is 64 levels with its array: at the limit. 64 parts are too many.
  expect_error(base + "\n[[" + "t" + repeat(".t", 62) + "]]\n", 35, 3, "unknown key 't'");
  expect_error(base + "\n[[" + "t" + repeat(".t", 63) + "]]\n", 35, 130, "nest deeper than 64 levels");
  // Arrays of inline tables of dotted keys: 4,000 levels in a few kilobytes, refused before toml++ sees them.
  expect_error(base + "\nx = [" + repeat("{a.b = [", 4000) + "\n", 35, 6 + 20 * 8 + 5, "nest deeper");
}

BOOST_AUTO_TEST_CASE(dotted_key_with_50000_parts_does_not_crash) {
  expect_error("a" + repeat(".a", 49999) + " = 1\n", 1, 128, "a dotted key has more than 64 parts");
  expect_error(base + "\n[t]\n" + "a" + repeat(".a", 49999) + " = 1\n", 36, 128, "dotted key");
  expect_error("[a" + repeat(".a", 49999) + "]\n", 1, 129, "dotted key");
}

BOOST_AUTO_TEST_CASE(brackets_nested_100000_deep_do_not_crash) {
  expect_error(repeat("[", 100000), 1, 67, "nest deeper than 64 levels");  // "[[" is a header, then 65 arrays
  expect_error(base + "\nx = " + repeat("[", 100000) + "\n", 35, 67, "nest deeper than 64 levels");
  expect_error("x = " + repeat("{a=", 100000) + "\n", 1, 196, "nest deeper than 64 levels");
}

// ---- several problems in one run -----------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(several_problems_reported_in_one_run_sorted_by_position) {
  std::string text = base;
  // Made in an order unlike the file's, from different stages of the loader.
  text = set_line(text, 33, "revrese = true");
  text = set_line(text, 9, "min = \"1\"");
  text = set_line(text, 24, "dimension = \"trusst\"");
  text = set_line(text, 2, "id = \"Demo\"");
  text = set_line(text, 29, "id = \"one\"");
  text = set_line(text, 18, "attention = 5");
  expect_errors(text, {{2, 6, "[questionnaire]: 'id' must be lowercase letters"},
                       {9, 7, "[scales.agree5]: 'min' must be an integer, not a string"},
                       {18, 13, "dimension 'trust' advice: 'attention' must be a string"},
                       {24, 13, "no dimension 'trusst' is defined; did you mean 'trust'?"},
                       {29, 6, "duplicate item id 'one' (first defined at line 23)"},
                       {33, 1, "unknown key 'revrese'; did you mean 'reverse'?"}});
}

BOOST_AUTO_TEST_CASE(problems_on_one_line_are_sorted_by_column) {
  const std::vector<Diagnostic> got =
      errors_of(set_line(base, 11, "labels = [1, \"b\", 3, \"d\", { fr = \"e\" }]"));
  BOOST_TEST_INFO("reported:" << all_of(got));
  BOOST_TEST_REQUIRE(got.size() == 3u);
  BOOST_TEST(got[0].location.column == 11u);
  BOOST_TEST(got[1].location.column == 19u);
  BOOST_TEST(got[2].location.column == 27u);
  for (const auto& d : got) BOOST_TEST(d.location.line == 11u);
}

// ---- the shipped questionnaires ------------------------------------------------------------------------------

namespace {

const char* const shipped_names[] = {"trust", "power-balance", "roles", "communication", "learning"};

Questionnaire load_shipped(const std::string& path) {
  try {
    return load_questionnaire(path);
  } catch (const InputError& error) {
    BOOST_FAIL("rejected:" << all_of(error.diagnostics()));
  }
  return {};
}

}  // namespace

BOOST_AUTO_TEST_CASE(shipped_questionnaires_load_and_follow_the_checklist) {
  for (const char* name : shipped_names) {
    BOOST_TEST_CONTEXT("questionnaires/" << name << ".toml") {
      const std::string path = std::string(PARTNERPULSE_SOURCE_DIR) + "/questionnaires/" + name + ".toml";
      const Questionnaire q = load_shipped(path);
      BOOST_TEST(q.id == std::string(name));  // the id matches the file name, as the format asks
      BOOST_TEST(!q.version.empty());
      BOOST_TEST(!q.source.empty());
      BOOST_TEST(q.scored_item_count() >= 8u);
      BOOST_TEST(q.scored_item_count() <= 17u);
      const auto reverse = std::count_if(q.items.begin(), q.items.end(),
                                         [](const Item& item) { return item.scored() && item.reverse; });
      BOOST_TEST(reverse >= 2);
      BOOST_TEST(!q.dimensions.empty());
      for (const auto& dimension : q.dimensions) {
        BOOST_TEST_CONTEXT("dimension " << dimension.id) {
          for (const auto& band : q.bands) {
            BOOST_TEST(!dimension.advice_for(band.id).text().empty(), "no advice for band " << band.id);
          }
          const auto scored = std::count_if(q.items.begin(), q.items.end(), [&](const Item& item) {
            return item.scored() && item.dimension == dimension.id;
          });
          BOOST_TEST(scored >= 1);
        }
      }
    }
  }
}

// The rules of issue 12 that a program can check: every item has a basis naming one of the five practice documents,
// each document is the basis of at least three items, about a quarter of the items are reverse-keyed, every scale
// keeps "not applicable" and "don't know" apart, items are short, and none assumes a single partner.
BOOST_AUTO_TEST_CASE(every_shipped_item_has_a_basis_and_every_document_is_the_basis_of_three) {
  const std::vector<std::string> documents = {"ACTIF North–South lessons", "Rwanda workshop", "Community-network guide",
                                              "MPact, Bridging the Gaps", "alQaws capacity-building"};
  std::map<std::string, int> uses;
  std::size_t scored = 0, reverse = 0;
  for (const char* name : shipped_names) {
    const Questionnaire q =
        load_shipped(std::string(PARTNERPULSE_SOURCE_DIR) + "/questionnaires/" + name + ".toml");
    for (const Scale& scale : q.scales) {
      BOOST_TEST((scale.allow_na && scale.allow_dont_know), name << ": scale " << scale.id);
    }
    for (const Item& item : q.items) {
      BOOST_TEST_CONTEXT(name << ": item " << item.id) {
        const std::string document = item.basis.substr(0, item.basis.find(": "));
        BOOST_TEST((std::find(documents.begin(), documents.end(), document) != documents.end()),
                   "basis does not start with a document's name: " << item.basis);
        BOOST_TEST(item.basis.size() > document.size() + 10, "basis names no practice");
        const std::string& text = item.text.text();
        const auto words = std::count(text.begin(), text.end(), ' ') + 1;
        BOOST_TEST(words <= 20);
        for (const char* singular : {"our partner ", "our partner.", "our partner's", "the other partner"}) {
          BOOST_TEST(text.find(singular) == std::string::npos, "assumes one partner: " << text);
        }
        if (!item.scored()) continue;
        ++uses[document];
        ++scored;
        if (item.reverse) ++reverse;
      }
    }
  }
  for (const std::string& document : documents) BOOST_TEST(uses[document] >= 3, document);
  const double share = static_cast<double>(reverse) / static_cast<double>(scored);
  BOOST_TEST(share >= 0.2);
  BOOST_TEST(share <= 0.3);
}

// Issue 12 point 4: every text a person reads in a shipped questionnaire (not the archive) is in the five languages,
// taken from the loaded model so that no kind of text is missed. On failure, every missing text is listed.
BOOST_AUTO_TEST_CASE(every_shipped_text_is_in_all_five_languages) {
  const std::vector<std::string> languages = {"en", "fr", "es", "pt", "ar"};
  std::string missing;
  std::size_t checked = 0;
  for (const char* name : shipped_names) {
    const Questionnaire q =
        load_shipped(std::string(PARTNERPULSE_SOURCE_DIR) + "/questionnaires/" + name + ".toml");
    for (const NamedText& named : texts_of(q)) {
      ++checked;
      for (const std::string& language : languages) {
        const auto& translations = named.text->translations();
        const auto found = std::find_if(translations.begin(), translations.end(),
                                        [&](const auto& entry) { return entry.first == language; });
        if (found == translations.end() || found->second.empty()) {
          missing += fmt::format("\n  {}.toml: {}: no '{}'", name, named.where, language);
        } else if (language != "en" && found->second == named.text->text()) {
          missing += fmt::format("\n  {}.toml: {}: '{}' is the English text", name, named.where, language);
        }
      }
    }
  }
  BOOST_TEST(checked > 100u);
  BOOST_TEST(missing.empty(), "texts missing a translation:" << missing);
}

// The glossary's rules that a program can check: the agree scale's labels are the glossary's in every file, French
// puts a no-break space (not a plain one) before ; : ! ?, and Arabic writes figures with Western digits.
BOOST_AUTO_TEST_CASE(shipped_translations_follow_the_glossary) {
  const std::map<std::string, std::vector<std::string>> agree5 = {
      {"fr", {"Pas du tout d'accord", "Plut\xC3\xB4t pas d'accord", "Ni d'accord ni pas d'accord", "Plut\xC3\xB4t d'accord",
              "Tout \xC3\xA0 fait d'accord"}},
      {"es", {"Totalmente en desacuerdo", "En desacuerdo", "Ni de acuerdo ni en desacuerdo", "De acuerdo",
              "Totalmente de acuerdo"}},
      {"pt", {"Discordo totalmente", "Discordo", "N\xC3\xA3o concordo nem discordo", "Concordo", "Concordo totalmente"}},
      {"ar", {"\xD9\x84\xD8\xA7 \xD8\xA3\xD9\x88\xD8\xA7\xD9\x81\xD9\x82 \xD8\xA5\xD8\xB7\xD9\x84\xD8\xA7\xD9\x82\xD9\x8B\xD8\xA7",
              "\xD9\x84\xD8\xA7 \xD8\xA3\xD9\x88\xD8\xA7\xD9\x81\xD9\x82",
              "\xD9\x84\xD8\xA7 \xD8\xA3\xD9\x88\xD8\xA7\xD9\x81\xD9\x82 \xD9\x88\xD9\x84\xD8\xA7 \xD8\xA3\xD8\xB9\xD8\xA7\xD8\xB1\xD8\xB6",
              "\xD8\xA3\xD9\x88\xD8\xA7\xD9\x81\xD9\x82",
              "\xD8\xA3\xD9\x88\xD8\xA7\xD9\x81\xD9\x82 \xD8\xAA\xD9\x85\xD8\xA7\xD9\x85\xD9\x8B\xD8\xA7"}},
  };
  for (const char* name : shipped_names) {
    const Questionnaire q =
        load_shipped(std::string(PARTNERPULSE_SOURCE_DIR) + "/questionnaires/" + name + ".toml");
    const Scale* scale = q.find_scale("agree5");
    BOOST_TEST_REQUIRE(scale, name);
    for (const auto& [language, labels] : agree5) {
      for (int value = scale->min; value <= scale->max; ++value) {
        BOOST_TEST(scale->label(value).in(language) == labels.at(static_cast<std::size_t>(value - scale->min)),
                   name << ": agree5 label " << value << " in " << language);
      }
    }
    for (const NamedText& named : texts_of(q)) {
      const std::string& french = named.text->in("fr");
      for (const char* mark : {" ;", " :", " !", " ?"}) {
        BOOST_TEST(french.find(mark) == std::string::npos, name << ": " << named.where << ": plain space before '"
                                                                << (mark + 1) << "' in French");
      }
      const std::string& arabic = named.text->in("ar");
      for (const char* eastern_digit : {"\xD9\xA0", "\xD9\xA1", "\xD9\xA2", "\xD9\xA3", "\xD9\xA4", "\xD9\xA5",
                                        "\xD9\xA6", "\xD9\xA7", "\xD9\xA8", "\xD9\xA9"}) {
        BOOST_TEST(arabic.find(eastern_digit) == std::string::npos, name << ": " << named.where << ": Eastern digit");
      }
    }
  }
}

// The 1.0 questionnaires stay under questionnaires/archive/ so that earlier waves can still be scored.
BOOST_AUTO_TEST_CASE(the_archived_versions_load) {
  for (const char* name : {"trust", "power-balance", "roles", "communication"}) {
    const Questionnaire q = load_shipped(std::string(PARTNERPULSE_SOURCE_DIR) + "/questionnaires/archive/" + name +
                                         "-1.0.toml");
    BOOST_TEST(q.id == std::string(name));
    BOOST_TEST(q.version == "1.0");
  }
}

BOOST_AUTO_TEST_SUITE_END()
