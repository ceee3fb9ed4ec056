// Checks run on raw text before it reaches toml++: UTF-8 validity, positions in code points, and the guards
// against nesting that toml++ 3.3 cannot survive (src/util/text_encoding.cpp).

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/text_encoding.hpp"

using namespace partnerpulse;
using namespace std::string_literals;

namespace {

struct Prepared {
  std::string_view text;
  DiagnosticList diagnostics;
};

// Runs prepare_toml_text on `text` (which must outlive the result).
Prepared prepare(std::string_view text) {
  Prepared result;
  result.text = prepare_toml_text(text, "t.toml", result.diagnostics);
  return result;
}

// Asserts that `text` passes the guards unchanged.
void expect_accepted(std::string_view text) {
  const Prepared prepared = prepare(text);
  for (const auto& d : prepared.diagnostics.items()) BOOST_TEST_MESSAGE(format_diagnostic(d));
  BOOST_TEST(!prepared.diagnostics.has_errors());
  BOOST_TEST(prepared.text == text);
}

// Asserts that `text` is refused with exactly one error at line:column whose message contains `fragment`.
void expect_refused(std::string_view text, std::uint32_t line, std::uint32_t column, std::string_view fragment) {
  const Prepared prepared = prepare(text);
  BOOST_TEST_REQUIRE(prepared.diagnostics.items().size() == 1u);
  const Diagnostic& d = prepared.diagnostics.items().front();
  BOOST_TEST_INFO("diagnostic: " << format_diagnostic(d));
  BOOST_TEST((d.severity == Severity::error));
  BOOST_TEST(d.location.path == "t.toml");
  BOOST_TEST(d.location.line == line);
  BOOST_TEST(d.location.column == column);
  BOOST_TEST(d.message.find(fragment) != std::string::npos);
}

std::string repeat(std::string_view piece, std::size_t count) {
  std::string out;
  out.reserve(piece.size() * count);
  for (std::size_t i = 0; i < count; ++i) out += piece;
  return out;
}

// The code points decode_utf8 reads from `text`, and the offsets it stops at.
std::pair<std::u32string, std::vector<std::size_t>> decode_all(std::string_view text) {
  std::u32string code_points;
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < text.size();) {
    code_points.push_back(decode_utf8(text, i));
    offsets.push_back(i);
  }
  return {code_points, offsets};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(text_encoding)

// ---- decode_utf8 ---------------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(decode_reads_every_length_of_sequence) {
  const auto [code_points, offsets] = decode_all("a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");  // a é € 😀
  BOOST_TEST((code_points == U"a\u00E9\u20AC\U0001F600"));
  BOOST_TEST(offsets == (std::vector<std::size_t>{1, 3, 6, 10}), boost::test_tools::per_element());
  std::size_t at = 0;
  BOOST_TEST((decode_utf8("\xF4\x8F\xBF\xBF", at) == U'\U0010FFFF'));
  at = 0;
  BOOST_TEST((decode_utf8(std::string_view("\0", 1), at) == U'\0'));
}

BOOST_AUTO_TEST_CASE(decode_steps_over_each_invalid_byte_alone) {
  // A stray continuation byte, an overlong '/', a surrogate, a cut-off sequence: one invalid_code_point per byte.
  const auto [code_points, offsets] = decode_all("\x80" "\xC0\xAF" "\xED\xA0\x80" "x\xE2\x82");
  const std::u32string expected = {invalid_code_point, invalid_code_point, invalid_code_point, invalid_code_point,
                                   invalid_code_point, invalid_code_point, U'x', invalid_code_point,
                                   invalid_code_point};
  BOOST_TEST((code_points == expected));
  BOOST_TEST(offsets == (std::vector<std::size_t>{1, 2, 3, 4, 5, 6, 7, 8, 9}), boost::test_tools::per_element());
  // A bad continuation keeps the byte that follows: "\xC3(" is U+FFFD then '('.
  BOOST_TEST((decode_all("\xC3(").first == std::u32string{invalid_code_point, U'('}));
}

BOOST_AUTO_TEST_CASE(replace_invalid_utf8_replaces_each_bad_byte) {
  BOOST_TEST(replace_invalid_utf8("ok \xC3\xA9") == "ok \xC3\xA9");
  BOOST_TEST(replace_invalid_utf8("a\xFF" "b\xC3") == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
  BOOST_TEST(replace_invalid_utf8("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");
}

// ---- is_valid_utf8 -------------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(valid_utf8_accepts_ascii_multibyte_and_boundaries) {
  BOOST_TEST(is_valid_utf8(""));
  BOOST_TEST(is_valid_utf8("plain ascii = 1\n"));
  BOOST_TEST(is_valid_utf8(std::string_view("a\0b", 3)));     // NUL is valid UTF-8 (TOML rejects it later)
  BOOST_TEST(is_valid_utf8("\x7F"));                           // U+007F, the last one-byte code point
  BOOST_TEST(is_valid_utf8("\xC2\x80"));                       // U+0080, the first two-byte code point
  BOOST_TEST(is_valid_utf8("\xDF\xBF"));                       // U+07FF
  BOOST_TEST(is_valid_utf8("\xE0\xA0\x80"));                   // U+0800, the first three-byte code point
  BOOST_TEST(is_valid_utf8("\xED\x9F\xBF"));                   // U+D7FF, just below the surrogates
  BOOST_TEST(is_valid_utf8("\xEE\x80\x80"));                   // U+E000, just above the surrogates
  BOOST_TEST(is_valid_utf8("\xEF\xBB\xBF"));                   // U+FEFF itself is valid UTF-8
  BOOST_TEST(is_valid_utf8("\xEF\xBF\xBF"));                   // U+FFFF
  BOOST_TEST(is_valid_utf8("\xF0\x90\x80\x80"));               // U+10000, the first four-byte code point
  BOOST_TEST(is_valid_utf8("\xF4\x8F\xBF\xBF"));               // U+10FFFF, the last code point
  BOOST_TEST(is_valid_utf8("Conf\xC3\xA9rence \xE2\x82\xAC \xF0\x9F\x98\x80"));  // é € 😀
}

BOOST_AUTO_TEST_CASE(valid_utf8_rejects_overlong_forms) {
  BOOST_TEST(!is_valid_utf8("\xC0\x80"));          // U+0000 in two bytes
  BOOST_TEST(!is_valid_utf8("\xC1\xBF"));          // U+007F in two bytes
  BOOST_TEST(!is_valid_utf8("\xE0\x80\x80"));      // U+0000 in three bytes
  BOOST_TEST(!is_valid_utf8("\xE0\x9F\xBF"));      // U+07FF in three bytes
  BOOST_TEST(!is_valid_utf8("\xF0\x80\x80\x80"));  // U+0000 in four bytes
  BOOST_TEST(!is_valid_utf8("\xF0\x8F\xBF\xBF"));  // U+FFFF in four bytes
  BOOST_TEST(!is_valid_utf8("a = \"\xC0\xAF\""));  // overlong '/' inside otherwise fine text
}

BOOST_AUTO_TEST_CASE(valid_utf8_rejects_surrogates) {
  BOOST_TEST(!is_valid_utf8("\xED\xA0\x80"));                  // U+D800
  BOOST_TEST(!is_valid_utf8("\xED\xAF\xBF"));                  // U+DBFF
  BOOST_TEST(!is_valid_utf8("\xED\xB0\x80"));                  // U+DC00
  BOOST_TEST(!is_valid_utf8("\xED\xBF\xBF"));                  // U+DFFF
  BOOST_TEST(!is_valid_utf8("\xED\xA0\xBD\xED\xB8\x80"));      // a CESU-8 surrogate pair
}

BOOST_AUTO_TEST_CASE(valid_utf8_rejects_code_points_above_10ffff) {
  BOOST_TEST(!is_valid_utf8("\xF4\x90\x80\x80"));  // U+110000
  BOOST_TEST(!is_valid_utf8("\xF5\x80\x80\x80"));
  BOOST_TEST(!is_valid_utf8("\xF7\xBF\xBF\xBF"));
  BOOST_TEST(!is_valid_utf8("\xF8\x88\x80\x80\x80"));  // old five-byte form
  BOOST_TEST(!is_valid_utf8("\xFC\x84\x80\x80\x80\x80"));
  BOOST_TEST(!is_valid_utf8("\xFE"));
  BOOST_TEST(!is_valid_utf8("\xFF"));
}

BOOST_AUTO_TEST_CASE(valid_utf8_rejects_truncated_and_stray_bytes) {
  BOOST_TEST(!is_valid_utf8("\xC3"));              // lead byte at the end
  BOOST_TEST(!is_valid_utf8("\xE2\x82"));          // three-byte sequence cut after two
  BOOST_TEST(!is_valid_utf8("\xF0\x9F\x98"));      // four-byte sequence cut after three
  BOOST_TEST(!is_valid_utf8("abc\xE2"));
  BOOST_TEST(!is_valid_utf8("\xC3\x28"));          // continuation byte missing
  BOOST_TEST(!is_valid_utf8("\xE2\x28\xA1"));
  BOOST_TEST(!is_valid_utf8("\xE2\x82\x28"));
  BOOST_TEST(!is_valid_utf8("\xF0\x9F\x98\x28"));
  BOOST_TEST(!is_valid_utf8("\x80"));              // a continuation byte on its own
  BOOST_TEST(!is_valid_utf8("a\xBF" "b"));
  BOOST_TEST(!is_valid_utf8("\xC3\xA9\xA9"));      // one continuation byte too many
}

// ---- location_of_offset --------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(location_counts_lines_and_code_points) {
  const std::string text = "ab\ncd\n\nef";
  const auto at = [&](std::size_t offset) { return location_of_offset(text, offset, "x.toml"); };
  BOOST_TEST(at(0).path == "x.toml");
  BOOST_TEST(at(0).line == 1u);
  BOOST_TEST(at(0).column == 1u);
  BOOST_TEST(at(1).column == 2u);
  BOOST_TEST(at(2).line == 1u);  // the newline itself ends line 1
  BOOST_TEST(at(2).column == 3u);
  BOOST_TEST(at(3).line == 2u);
  BOOST_TEST(at(3).column == 1u);
  BOOST_TEST(at(6).line == 3u);
  BOOST_TEST(at(6).column == 1u);
  BOOST_TEST(at(8).line == 4u);
  BOOST_TEST(at(8).column == 2u);
  // Offsets past the end stop at the end.
  BOOST_TEST(at(1000).line == 4u);
  BOOST_TEST(at(1000).column == 3u);
}

BOOST_AUTO_TEST_CASE(location_counts_multibyte_characters_as_one_column) {
  // é is 2 bytes, € is 3, 😀 is 4: 'x' is at byte 9 but column 4.
  const std::string text = "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80x\n\xC3\xA9y";
  BOOST_TEST(location_of_offset(text, 2, "p").column == 2u);  // €
  BOOST_TEST(location_of_offset(text, 5, "p").column == 3u);  // 😀
  const SourceLocation x = location_of_offset(text, 9, "p");
  BOOST_TEST(x.line == 1u);
  BOOST_TEST(x.column == 4u);
  const SourceLocation y = location_of_offset(text, 13, "p");  // after the newline and é
  BOOST_TEST(y.line == 2u);
  BOOST_TEST(y.column == 2u);
}

// ---- prepare_toml_text: empty files, byte-order marks, UTF-8 -------------------------------------------------

BOOST_AUTO_TEST_CASE(prepare_refuses_an_empty_file) {
  expect_refused("", 1, 1, "the file is empty");
  expect_refused("\xEF\xBB\xBF", 1, 1, "only a byte-order mark");
}

BOOST_AUTO_TEST_CASE(prepare_accepts_whitespace_and_comments_only) {
  // An empty TOML document is valid TOML: the schema, not the guard, rejects it.
  expect_accepted("\n");
  expect_accepted("# just a comment\n");
}

BOOST_AUTO_TEST_CASE(prepare_strips_a_leading_byte_order_mark) {
  const std::string text = "\xEF\xBB\xBF" "a = 1\n";
  const Prepared prepared = prepare(text);
  BOOST_TEST(!prepared.diagnostics.has_errors());
  BOOST_TEST(prepared.text == "a = 1\n");
}

BOOST_AUTO_TEST_CASE(prepare_refuses_a_byte_order_mark_outside_strings) {
  expect_refused("a = 1\nb = \xEF\xBB\xBF" "2\n", 2, 5, "byte-order mark (U+FEFF)");
  expect_refused("\xEF\xBB\xBF\xEF\xBB\xBF" "a = 1\n", 1, 1, "byte-order mark");    // a second one at the start
  expect_refused("a\xEF\xBB\xBF = 1\n", 1, 2, "byte-order mark");                  // inside a bare key
  expect_refused("a = 1 # note \xEF\xBB\xBF\n", 1, 14, "byte-order mark");          // in a comment, too
  expect_refused("t = \"\xC3\xA9\xC3\xA9\" \xEF\xBB\xBF\n", 1, 10, "byte-order mark");  // column in code points
}

BOOST_AUTO_TEST_CASE(prepare_accepts_a_byte_order_mark_inside_strings) {
  expect_accepted("a = \"x\xEF\xBB\xBFy\"\n");
  expect_accepted("a = 'x\xEF\xBB\xBFy'\n");
  expect_accepted("a = \"\"\"\nx\xEF\xBB\xBFy\n\"\"\"\n");
  expect_accepted("a = '''\nx\xEF\xBB\xBFy\n'''\n");
  expect_accepted("\"k\xEF\xBB\xBF\" = 1\n");
}

// Issue 15: the docs said a byte-order mark is an error anywhere but the start, while strings accept it. The rule
// kept is the behaviour above (a pasted comment may hold one); the docs must say so.
BOOST_AUTO_TEST_CASE(the_docs_state_the_byte_order_mark_rule_that_is_checked) {
  std::ifstream file(std::string(PARTNERPULSE_SOURCE_DIR) + "/docs/questionnaire-format.md");
  const std::string docs((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  BOOST_TEST(docs.find("accepted only at the very start of the file; anywhere else it is an error") ==
             std::string::npos);
  BOOST_TEST(docs.find("and inside a string or\n  a quoted key, where it is text like any other character") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(prepare_reports_the_first_invalid_byte) {
  expect_refused("\xFF" "a = 1\n", 1, 1, "byte 0xFF at offset 0");
  expect_refused("a = 1\nb = \"\xC3\xA9\xC3\x28\"\n", 2, 7, "byte 0xC3 at offset 13");
  expect_refused("a = \"\xED\xA0\x80\"\n", 1, 6, "not valid UTF-8");      // a surrogate
  expect_refused("a = \"\xC0\x80\"\n", 1, 6, "not valid UTF-8");          // overlong NUL
  expect_refused("a = \"x\xF0\x9F\x98", 1, 7, "not valid UTF-8");         // truncated at the end of the file
  // With a leading byte-order mark, positions count from after it; the offset counts from the file's start.
  expect_refused("\xEF\xBB\xBF" "a = \xFE\n", 1, 5, "byte 0xFE at offset 7");
}

// ---- prepare_toml_text: nesting limits -----------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(prepare_accepts_nesting_up_to_the_limit) {
  static_assert(max_nesting_depth == 64, "the documented limit is 64");
  expect_accepted("x = " + repeat("[", 64) + repeat("]", 64) + "\n");
  expect_accepted("x = " + repeat("{a=", 63) + "{}" + repeat("}", 63) + "\n");
  expect_accepted("a" + repeat(".a", 63) + " = 1\n");
  expect_accepted("[a" + repeat(".a", 63) + "]\n");
  // Depth and dotted parts are counted per key: many shallow ones are fine.
  expect_accepted(repeat("[t]\nk.a.b = [[1], [2]]\n", 200));
}

BOOST_AUTO_TEST_CASE(prepare_refuses_nesting_beyond_the_limit_at_the_first_excess) {
  // The 65th '[' is at column 5 + 64.
  expect_refused("x = " + repeat("[", 65) + repeat("]", 65) + "\n", 1, 69, "nest deeper than 64 levels");
  // The key a inside the 64th inline table is level 65: refused at its '='.
  expect_refused("a = 1\nx = " + repeat("{a=", 65) + "1" + repeat("}", 65) + "\n", 2, 196, "nest deeper than 64");
  expect_refused("x = [" + repeat("{a=[", 40) + "]\n", 1, 132, "nest deeper than 64");  // mixed [ and {
  // The 65th part of a dotted key begins at the 64th dot: "a" then ".a" 63 times is 127 characters.
  expect_refused("a" + repeat(".a", 64) + " = 1\n", 1, 128, "a dotted key has more than 64 parts");
  expect_refused("[a" + repeat(".a", 64) + "]\n", 1, 129, "dotted key has more than 64 parts");
  expect_refused("[[a" + repeat(".a", 64) + "]]\n", 1, 130, "dotted key has more than 64 parts");
  // Quoted parts count too.
  expect_refused("\"a\"" + repeat(".\"a\"", 64) + " = 1\n", 1, 256, "dotted key has more than 64 parts");
  expect_refused("x = { " + repeat("a.", 70) + "a = 1 }\n", 1, 134, "dotted key has more than 64 parts");
}

BOOST_AUTO_TEST_CASE(prepare_survives_pathological_nesting) {
  // The inputs that overflow toml++ 3.3's stack are refused here, quickly and with one error each.
  expect_refused("a" + repeat(".a", 49999) + " = 1\n", 1, 128, "dotted key");
  expect_refused("x = " + repeat("[", 100000) + "\n", 1, 69, "nest deeper");
  expect_refused(repeat("[", 100000), 1, 67, "nest deeper");
  expect_refused("x = " + repeat("{a=", 100000) + "\n", 1, 196, "nest deeper");
}

// ---- prepare_toml_text: strings and comments do not count toward nesting --------------------------------------

BOOST_AUTO_TEST_CASE(prepare_ignores_brackets_and_dots_inside_strings) {
  const std::string deep = repeat("[[[[{{{{....", 20);
  expect_accepted("a = \"" + deep + "\"\n");
  expect_accepted("a = '" + deep + "'\n");
  expect_accepted("\"" + deep + "\" = 1\n");  // a quoted key
  expect_accepted("a = \"" + repeat(".", 500) + "\"\n");
  expect_accepted("a = [\"" + deep + "\", '" + deep + "']\n");
}

BOOST_AUTO_TEST_CASE(prepare_ignores_brackets_in_comments) {
  expect_accepted("a = 1 # " + repeat("[", 200) + repeat(".", 200) + "\n");
  expect_accepted("# " + repeat("{", 200) + "\n[t]\n");
}

BOOST_AUTO_TEST_CASE(prepare_does_not_treat_a_hash_in_a_string_as_a_comment) {
  // If '#' in a string started a comment, the brackets on the same line after the string would be missed.
  expect_refused("a = \"#\", b = " + repeat("[", 65) + "\n", 1, 78, "nest deeper");
  expect_refused("a = '#' " + repeat("[", 65) + "\n", 1, 73, "nest deeper");
}

BOOST_AUTO_TEST_CASE(prepare_handles_escaped_quotes) {
  // \" does not end a basic string, so the brackets after it are still inside the string.
  expect_accepted("a = \"say \\\"" + repeat("[", 100) + "\\\" ok\"\n");
  // \\ ends with a real backslash; the quote after it closes the string, and the brackets after count.
  expect_refused("a = \"C:\\\\\" " + repeat("[", 65) + "\n", 1, 76, "nest deeper");
  // A literal string has no escapes: the backslash before the quote is a character, and the quote closes it.
  expect_refused("a = 'C:\\' " + repeat("[", 65) + "\n", 1, 75, "nest deeper");
  // Other escapes are single characters and do not swallow the closing quote.
  expect_refused("a = \"tab\\t\" " + repeat("[", 65) + "\n", 1, 77, "nest deeper");
}

BOOST_AUTO_TEST_CASE(prepare_handles_multiline_strings) {
  // Brackets, dots, quotes and '#' inside multi-line strings do not count, across several lines.
  expect_accepted("a = \"\"\"\n" + repeat("[", 100) + "\n\"quoted\" and \"\" two # not a comment\n" +
                  repeat("a.", 100) + "\n\"\"\"\n");
  expect_accepted("a = '''\n" + repeat("{", 100) + "\n'quoted' '' \\ \n'''\n");
  expect_accepted("a = \"\"\"x \\\"\"\" still inside " + repeat("[", 100) + "\"\"\"\n");
  // Up to two quotes right before the closing delimiter belong to the string.
  expect_accepted("a = \"\"\"\"x\"\"\"\"\"\nb = '''''y'''''\n");
  // After a multi-line string, counting resumes with the right line and column.
  expect_refused("a = \"\"\"\nline two\nline \xC3\xA9three\"\"\"\nb = " + repeat("[", 65) + "\n", 4, 69,
                 "nest deeper");
  expect_refused("a = '''\n" + repeat("[", 70) + "\n'''\nb = \xC3\xA9\xEF\xBB\xBF\n", 4, 6, "byte-order mark");
}

BOOST_AUTO_TEST_CASE(prepare_leaves_unterminated_strings_to_the_parser) {
  // An unterminated basic or literal string ends at the end of its line as far as the guard is concerned:
  // toml++ reports it with its own position.
  expect_accepted("a = \"open\nb = 1\n");
  expect_accepted("a = 'open\nb = 1\n");
  expect_refused("a = \"open\nb = " + repeat("[", 65) + "\n", 2, 69, "nest deeper");
}

BOOST_AUTO_TEST_SUITE_END()
