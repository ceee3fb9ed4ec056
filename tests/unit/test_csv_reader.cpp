#include <random>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "import/csv_reader.hpp"

using namespace partnerpulse;

namespace {

// Every record of `text` as its fields' text.
std::vector<std::vector<std::string>> records_of(std::string_view text, char separator, DiagnosticList& problems) {
  CsvParser parser(text, separator, 1, "e.csv");
  CsvRecord record;
  std::vector<std::vector<std::string>> out;
  while (parser.next(record, problems)) {
    std::vector<std::string> fields;
    for (std::size_t i = 0; i < record.size(); ++i) fields.emplace_back(record.text(i));
    out.push_back(fields);
  }
  return out;
}

using Rows = std::vector<std::vector<std::string>>;

}  // namespace

BOOST_AUTO_TEST_SUITE(csv_reader)

BOOST_AUTO_TEST_CASE(the_separator_is_the_most_frequent_outside_quotes) {
  BOOST_TEST(detect_separator("a,b,c") == ',');
  BOOST_TEST(detect_separator("\"a\";\"b\";\"c,d,e\"") == ';');
  BOOST_TEST(detect_separator("a\tb\tc") == '\t');
  BOOST_TEST(detect_separator("a|b") == '|');
  BOOST_TEST(detect_separator("single") == ',');
  BOOST_TEST(detect_separator("a;b,c") == ',');  // a tie: ',' first
  BOOST_TEST(detect_separator("a;b\nc,d,e,f") == ';');  // the first line only
}

BOOST_AUTO_TEST_CASE(quoted_fields_hold_separators_quotes_and_line_breaks) {
  DiagnosticList problems;
  const Rows rows = records_of("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",,x\n", ',', problems);
  BOOST_TEST(!problems.has_errors());
  BOOST_TEST((rows == Rows{{"a", "b,c", "say \"hi\""}, {"two\nlines", "", "x"}}));
}

BOOST_AUTO_TEST_CASE(crlf_lf_and_a_missing_final_line_break_end_records) {
  DiagnosticList problems;
  BOOST_TEST((records_of("a;b\r\nc;d\ne;f", ';', problems) == Rows{{"a", "b"}, {"c", "d"}, {"e", "f"}}));
  BOOST_TEST((records_of("a\r", ',', problems) == Rows{{"a"}}));
  BOOST_TEST((records_of("a\rb\n", ',', problems) == Rows{{"a\rb"}}));  // a lone CR is text
  BOOST_TEST((records_of("\n", ',', problems) == Rows{{""}}));
  BOOST_TEST(records_of("", ',', problems).empty());
  BOOST_TEST(!problems.has_errors());
}

BOOST_AUTO_TEST_CASE(fields_know_their_line_and_column_in_code_points) {
  const std::string text = "h1,h2\n\"multi\nline\",é,\"x\"\nlast,\"é\"";
  CsvParser parser(text, ',', 10, "e.csv");
  CsvRecord record;
  DiagnosticList problems;
  BOOST_TEST(parser.next(record, problems));
  BOOST_TEST(parser.next(record, problems));
  BOOST_TEST(record.line() == 11u);
  BOOST_TEST(parser.location(record, 0).line == 11u);
  BOOST_TEST(parser.location(record, 0).column == 1u);
  BOOST_TEST(parser.location(record, 1).line == 12u);
  BOOST_TEST(parser.location(record, 1).column == 7u);
  BOOST_TEST(parser.location(record, 2).column == 9u);  // é counts one
  BOOST_TEST(parser.next(record, problems));
  BOOST_TEST(record.line() == 13u);
  BOOST_TEST(parser.location(record, 1).column == 6u);
  BOOST_TEST(parser.location(record, 1).path == "e.csv");
}

BOOST_AUTO_TEST_CASE(malformed_quoting_is_reported_at_its_position_and_read_as_well_as_it_can) {
  DiagnosticList problems;
  const Rows rows = records_of("a,5\"\nb,\"x\"y,z\nc,\"open", ',', problems);
  BOOST_TEST((rows == Rows{{"a", "5\""}, {"b", "xy", "z"}, {"c", "open"}}));
  BOOST_REQUIRE(problems.items().size() == 3u);
  BOOST_TEST(problems.items()[0].location.line == 1u);
  BOOST_TEST(problems.items()[0].location.column == 4u);
  BOOST_TEST(problems.items()[1].location.line == 2u);
  BOOST_TEST(problems.items()[1].location.column == 6u);
  BOOST_TEST(problems.items()[2].location.line == 3u);
  BOOST_TEST(problems.items()[2].location.column == 3u);
  BOOST_TEST(problems.items()[2].message.find("not closed") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(blocks_are_cut_at_the_record_ends_the_parser_finds) {
  BOOST_TEST(cut_whole_records("a,\"b\nc\"\nd", ',', false).length == 8u);
  BOOST_TEST(cut_whole_records("a,\"b\nc\"\nd", ',', false).records == 1u);
  BOOST_TEST(cut_whole_records("a,\"b\nc\"\nd", ',', false).line_breaks == 2u);
  BOOST_TEST(cut_whole_records("a,\"b\nc\"\nd", ',', true).length == 9u);
  BOOST_TEST(cut_whole_records("a,\"b\nc\"\nd", ',', true).records == 2u);
  BOOST_TEST(cut_whole_records("\"open\n", ',', false).records == 0u);
  // Random texts of quotes, separators, line breaks and letters: every cut ends where a parsed record ends.
  std::mt19937 random(42);
  const std::string alphabet = "\",\n\r a";
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const auto length = random() % 30;
    for (std::size_t i = 0; i < length; ++i) text += alphabet[random() % alphabet.size()];
    CsvParser parser(text, ',', 1, "r.csv");
    CsvRecord record;
    DiagnosticList problems;
    std::vector<std::size_t> ends;
    while (parser.next(record, problems)) ends.push_back(record.end());
    for (std::size_t prefix = 0; prefix <= text.size(); ++prefix) {
      const CsvBlockCut cut = cut_whole_records(std::string_view(text).substr(0, prefix), ',', prefix == text.size());
      if (cut.records == 0) continue;
      BOOST_TEST_REQUIRE(cut.records <= ends.size(), text);
      BOOST_TEST_REQUIRE(cut.length == ends[cut.records - 1], text);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
