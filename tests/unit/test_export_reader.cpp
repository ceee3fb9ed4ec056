#include <boost/test/unit_test.hpp>

#include "import/export_reader.hpp"
#include "import_fixture.hpp"

using namespace partnerpulse;

namespace {

// An export in a fresh temporary folder, removed at the end of the test.
struct TempExport {
  test::TempFolder folder;
  std::string path;
  explicit TempExport(const std::string& text) : path(folder.write("export.csv", text)) {}
};

// Every row of the export read block by block (blocks of `block_bytes`): "LINE ROW ID|partnership|answers".
std::vector<std::string> rows_of(const std::string& path, std::size_t block_bytes,
                                 std::vector<std::string>* problems = nullptr) {
  ExportStream stream(path);
  const auto layout = read_layout(stream, test::import_catalog(), nullptr);
  Pseudonymizer pseudonymizer(std::array<unsigned char, 32>{});
  DiagnosticList list;
  std::vector<std::string> out;
  for (ExportBlock block; stream.next_block(block, block_bytes);) {
    read_block(*layout, block, pseudonymizer, list, [&](RowOutcome outcome, const Response& response, std::uint32_t line) {
      const char* kind = outcome == RowOutcome::response ? " ok " : outcome == RowOutcome::blank ? " blank" : " invalid";
      std::string text = std::to_string(line) + kind;
      if (outcome == RowOutcome::response) {
        text += response.respondent.id + "|" + response.respondent.partnership;
        for (const auto& q : response.questionnaires) {
          for (const auto& a : q.answers) text += "|" + a.item + "=" + (a.value ? std::to_string(*a.value) : "na");
        }
      }
      out.push_back(text);
    });
  }
  if (problems != nullptr) {
    for (const Diagnostic& d : list.items()) problems->push_back(format_diagnostic(d));
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(export_reader)

BOOST_AUTO_TEST_CASE(a_bom_crlf_semicolons_and_an_hxl_row_are_read) {
  const TempExport file("\xEF\xBB\xBF\"partnership\";\"role\";\"period\";\"trust/knows-people\"\r\n"
                        "\"#org\";\"#group\";\"\";\"\"\r\n\"p\";\"north\";\"2024\";\"4\"\r\n\"q\";\"south\";\"2024\";\"na\"\r\n");
  ExportStream stream(file.path);
  BOOST_TEST(stream.separator() == ';');
  BOOST_TEST((stream.header() == std::vector<std::string>{"partnership", "role", "period", "trust/knows-people"}));
  BOOST_TEST(stream.header_at()[1].column == 15u);
  BOOST_TEST((rows_of(file.path, 1024) ==
              std::vector<std::string>{"3 ok row-3|p|knows-people=4", "4 ok row-4|q|knows-people=na"}));
}

BOOST_AUTO_TEST_CASE(the_template_row_of_allowed_answers_is_skipped_but_an_ordinary_row_is_not) {
  const TempExport skipped("partnership,role,period,trust.knows-people\n#allowed,text,text,1-5 or na\np,n,1,2\n");
  BOOST_TEST((rows_of(skipped.path, 1024) == std::vector<std::string>{"3 ok row-3|p|knows-people=2"}));
  const TempExport kept("partnership,role,period,trust.knows-people\np,n,1,2\n");
  BOOST_TEST((rows_of(kept.path, 1024) == std::vector<std::string>{"2 ok row-2|p|knows-people=2"}));
}

BOOST_AUTO_TEST_CASE(blocks_of_any_size_give_the_same_rows_lines_and_row_numbers) {
  std::string text = "partnership,role,period,id,trust.knows-people,trust.knows-people_comment\n";
  for (int row = 0; row < 40; ++row) {
    text += "p" + std::to_string(row % 3) + ",north,2024,id-" + std::to_string(row) + "," + std::to_string(1 + row % 5) +
            (row % 4 == 0 ? ",\"two\nlines, \"\"quoted\"\"\"\n" : ",\n");
  }
  text += "\n,,,,,\n";  // blank rows are not responses
  const TempExport file(text);
  const auto whole = rows_of(file.path, 1 << 20);
  BOOST_TEST(whole.size() == 42u);
  BOOST_TEST(whole[1] .starts_with("4 ok "));  // row 2 spans lines 2 and 3
  BOOST_TEST(whole.back() == "53 blank");
  for (const std::size_t size : {1u, 7u, 64u, 300u}) BOOST_TEST((rows_of(file.path, size) == whole));
}

BOOST_AUTO_TEST_CASE(row_problems_are_positioned_and_make_the_row_invalid) {
  const TempExport file("partnership,role,period,id,trust.knows-people\np,,2024,a,4\np,n,2024,b,9,extra\n"
                        "p,n,2024,c,5\"\np,n,2024,d,\xFF\np,n,2024,e,\n");
  std::vector<std::string> problems;
  const auto rows = rows_of(file.path, 1024, &problems);
  BOOST_TEST((rows == std::vector<std::string>{"2 invalid", "3 invalid", "4 invalid", "5 invalid", "6 invalid"}));
  BOOST_REQUIRE(problems.size() == 6u);
  BOOST_TEST(problems[0] == file.path + ":2:3: error: required field 'role' is empty (column 'role')");
  BOOST_TEST(problems[1] == file.path + ":3:1: error: this row has 6 fields; the header has 5");
  BOOST_TEST(problems[2].starts_with(file.path + ":4:13: error: a quote inside a field"));
  BOOST_TEST(problems[3].starts_with(file.path + ":4:12: error: column 'trust.knows-people': answer \"5\"\""));
  BOOST_TEST(problems[4] == file.path + ":5:12: error: this row is not valid UTF-8: save the export as UTF-8");
  BOOST_TEST(problems[5] == file.path + ":6:1: error: this row answers no item: every answer column is empty");
}

BOOST_AUTO_TEST_CASE(an_empty_export_or_header_problems_are_refused) {
  const TempExport empty("");
  BOOST_CHECK_THROW(ExportStream{empty.path}, InputError);
  const TempExport bad("part\xFFnership,role\n");
  BOOST_CHECK_THROW(ExportStream{bad.path}, InputError);
  BOOST_CHECK_THROW(ExportStream{"/nonexistent/export.csv"}, IoError);
}

BOOST_AUTO_TEST_SUITE_END()
