#include <boost/test/unit_test.hpp>

#include "partnerpulse/diagnostics.hpp"
#include "partnerpulse/interface_text.hpp"

using namespace partnerpulse;

BOOST_AUTO_TEST_SUITE(diagnostics)

BOOST_AUTO_TEST_CASE(diagnostics_read_like_a_compilers) {
  BOOST_TEST(format_diagnostic({{"q.toml", 3, 7}, Severity::error, "bad"}) == "q.toml:3:7: error: bad");
  BOOST_TEST(format_diagnostic({{"q.toml", 0, 0}, Severity::warning, "w"}) == "q.toml: warning: w");
  BOOST_TEST(format_diagnostic({{"", 0, 0}, Severity::error, "no file"}) == "partnerpulse: error: no file");
  BOOST_TEST(format_diagnostic({{"q.toml", 2, 0}, Severity::note, "n"}) == "q.toml:2:1: note: n");
}

// The position and the severity word are for tools: they stay as they are in every interface language.
BOOST_AUTO_TEST_CASE(the_position_and_severity_word_are_never_translated) {
  for (const std::string language : {"fr", "es", "pt", "ar"}) {
    set_interface_language(language);
    const std::string error = format_diagnostic({{"q.toml", 3, 7}, Severity::error, "m"});
    const std::string warning = format_diagnostic({{"q.toml", 0, 0}, Severity::warning, "m"});
    const std::string note = format_diagnostic({{"", 0, 0}, Severity::note, "m"});
    set_interface_language("");
    BOOST_TEST(error == "q.toml:3:7: error: m");
    BOOST_TEST(warning == "q.toml: warning: m");
    BOOST_TEST(note == "partnerpulse: note: m");
  }
}

BOOST_AUTO_TEST_CASE(a_list_sorts_by_file_line_and_column_keeping_ties_in_order) {
  DiagnosticList list;
  list.error({"b.toml", 1, 1}, "b");
  list.error({"a.toml", 5, 2}, "a52");
  list.error({"a.toml", 5, 1}, "first");
  list.error({"a.toml", 5, 1}, "second");
  list.warning({"a.toml", 1, 9}, "w");
  list.sort_by_position();
  std::vector<std::string> order;
  for (const auto& d : list.items()) order.push_back(d.message);
  BOOST_TEST(order == (std::vector<std::string>{"w", "first", "second", "a52", "b"}), boost::test_tools::per_element());
  BOOST_TEST(list.has_errors());
  DiagnosticList warnings_only;
  warnings_only.warning({"x", 1, 1}, "w");
  BOOST_TEST(!warnings_only.has_errors());
}

BOOST_AUTO_TEST_CASE(errors_carry_their_diagnostics_and_a_readable_what) {
  const InputError error({"r.toml", 4, 2}, "off the scale");
  BOOST_TEST(error.diagnostics().size() == 1u);
  BOOST_TEST(std::string(error.what()) == "r.toml:4:2: error: off the scale");
  const IoError io("out.md", "already exists");
  BOOST_TEST(std::string(io.what()) == "out.md: already exists");
  BOOST_TEST(io.path() == "out.md");
}

BOOST_AUTO_TEST_CASE(a_list_keeps_50_problems_and_counts_the_rest_in_a_last_line) {
  DiagnosticList list;
  for (std::uint32_t line = 1000; line > 0; --line) list.error({"f.toml", line, 1}, "problem");
  BOOST_TEST(list.full());
  list.sort_by_position();
  BOOST_REQUIRE_EQUAL(list.items().size(), max_diagnostics_per_input + 1);
  BOOST_TEST(list.items().front().location.line == 951u);  // the first 50 added, sorted
  BOOST_TEST(format_diagnostic(list.items().back()) ==
             "f.toml: error: and 950 more problems in this file (only the first 50 are listed)");
  DiagnosticList merged;
  merged.error({"f.toml", 1, 1}, "first");
  merged.append(list);
  BOOST_REQUIRE_EQUAL(merged.items().size(), max_diagnostics_per_input + 1);
  BOOST_TEST(merged.items().back().message == "and 951 more problems in this file (only the first 50 are listed)");
  DiagnosticList one_more;
  for (int i = 0; i < 51; ++i) one_more.error({"g.toml", 1, 1}, "problem");
  BOOST_TEST(one_more.items().back().message == "and 1 more problem in this file (only the first 50 are listed)");
}

BOOST_AUTO_TEST_SUITE_END()
