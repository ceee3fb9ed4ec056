// Reading results back from a JSON report (src/compare/results_reader.cpp): every field compare uses, nulls where
// a figure is withheld, numbers exactly as written, and a positioned error for each kind of bad file.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "compare_fixture.hpp"
#include "partnerpulse/catalog.hpp"
#include "partnerpulse/compare.hpp"
#include "partnerpulse/render.hpp"
#include "partnerpulse/thread_pool.hpp"

using namespace partnerpulse;
using namespace partnerpulse::test;

namespace {

// Results with one shown group (a withheld dimension among its figures) and one withheld group.
Results results_to_write() {
  Results results;
  results.options.min_group = 4;
  results.options.gap_threshold = 12.5;
  DimensionResult shown = shown_dimension("d1", 100.0 / 3.0, 0.1 + 0.2, 11);
  DimensionMeasure measure{"1.1", {{"a", 1, 5, false, 1.0, ""}, {"b", 0, 10, true, 2.5, "old-b"}}};
  shown.measure = std::make_shared<const DimensionMeasure>(measure);
  DimensionResult small = shown_dimension("d2", 47.5, 3.25, 3);
  small.withheld = true;
  GroupResult group = group_of("p1", "2024", {shown, small});
  group.respondents = 11;
  group.overall_index = 2.0 / 3.0 * 100.0;
  group.roles.push_back({"north", 5, {{"q", "d1", 5, 60.125, {}}, {"q", "d2", 2, std::nullopt, {}}}});
  group.gaps.push_back({"q", "d1", 12.3, "north", "south", false, std::nullopt});
  group.gaps.push_back({"q", "d2", std::nullopt, "", "", false, std::nullopt});
  ItemResult item;
  item.questionnaire = "q";
  item.id = "b";
  item.dimension = "d1";
  item.text = LocalizedText("en", "An item's text");
  item.reverse = true;
  item.n = 9;
  item.not_applicable = 2;
  item.index = 1e-7;
  item.sd = std::nullopt;
  group.attention_items.push_back(item);
  results.groups.push_back(group);
  results.groups.push_back(withheld_group("p2", "2024"));
  return results;
}

std::string report_json(const Results& results) {
  RenderOptions options;
  options.tool_version = "0.3.0";
  return render_json(results, options);
}

// The valid header of a results file with no group, one key per line (so positions are easy to read).
const std::string empty_results = R"({
  "format_version": 1,
  "tool": {"name": "partnerpulse", "version": "0.3.0"},
  "options": {"min_group": 3, "gap_threshold": 15.0},
  "groups": []
}
)";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  BOOST_TEST_REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

// The single problem read_results_json reports for `text`, as "LINE:COLUMN: message".
std::string problem_of(const std::string& text) {
  try {
    read_results_json(text, "in.json");
  } catch (const InputError& error) {
    BOOST_TEST_REQUIRE(error.diagnostics().size() == 1u);
    const Diagnostic& d = error.diagnostics().front();
    BOOST_TEST(d.location.path == "in.json");
    return std::to_string(d.location.line) + ":" + std::to_string(d.location.column) + ": " + d.message;
  }
  BOOST_FAIL("no error for: " << text);
  return {};
}

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

}  // namespace

BOOST_AUTO_TEST_SUITE(results_reader)

BOOST_AUTO_TEST_CASE(every_field_compare_uses_reads_back) {
  const std::string text = report_json(results_to_write());
  const ComparisonInput input = read_results_json(text, "r.json");
  BOOST_TEST(input.path == "r.json");
  BOOST_TEST(input.results.options.min_group == 4u);
  BOOST_TEST(input.results.options.gap_threshold == 12.5);
  BOOST_TEST_REQUIRE(input.results.groups.size() == 2u);
  const GroupResult& g = input.results.groups[0];
  BOOST_TEST(g.partnership == "p1");
  BOOST_TEST(g.period == "2024");
  BOOST_TEST(g.respondents == 11u);
  BOOST_TEST(!g.withheld);
  BOOST_TEST_REQUIRE(g.dimensions.size() == 2u);
  const DimensionResult& d = g.dimensions[0];
  BOOST_TEST(d.questionnaire == "q");
  BOOST_TEST(d.id == "d1");
  BOOST_TEST(d.title.text() == "Title of d1");
  BOOST_TEST(d.n == 11u);
  BOOST_TEST(!d.withheld);
  BOOST_TEST_REQUIRE(d.measure != nullptr);
  BOOST_TEST(d.measure->questionnaire_version == "1.1");
  BOOST_TEST_REQUIRE(d.measure->items.size() == 2u);
  BOOST_TEST(d.measure->items[0].id == "a");
  BOOST_TEST(!d.measure->items[0].reverse);
  BOOST_TEST(d.measure->items[0].weight == 1.0);
  BOOST_TEST(d.measure->items[0].replaces.empty());
  BOOST_TEST(d.measure->items[1].min == 0);
  BOOST_TEST(d.measure->items[1].max == 10);
  BOOST_TEST(d.measure->items[1].reverse);
  BOOST_TEST(d.measure->items[1].weight == 2.5);
  BOOST_TEST(d.measure->items[1].replaces == "old-b");
  BOOST_TEST_REQUIRE(g.roles.size() == 1u);
  BOOST_TEST(g.roles[0].role == "north");
  BOOST_TEST(g.roles[0].n == 5u);
  BOOST_TEST_REQUIRE(g.roles[0].dimensions.size() == 2u);
  BOOST_TEST(g.roles[0].dimensions[0].dimension == "d1");
  BOOST_TEST(*g.roles[0].dimensions[0].index == 60.125);
  BOOST_TEST(g.roles[0].dimensions[1].n == 2u);
  BOOST_TEST_REQUIRE(g.gaps.size() == 2u);
  BOOST_TEST(g.gaps[0].dimension == "d1");
  BOOST_TEST(*g.gaps[0].gap == 12.3);
  BOOST_TEST_REQUIRE(g.attention_items.size() == 1u);
  const ItemResult& item = g.attention_items[0];
  BOOST_TEST(item.id == "b");
  BOOST_TEST(item.dimension == "d1");
  BOOST_TEST(item.text.text() == "An item's text");
  BOOST_TEST(item.reverse);
  BOOST_TEST(item.n == 9u);
  BOOST_TEST(item.not_applicable == 2u);
  BOOST_TEST(*item.index == 1e-7);
  BOOST_TEST(!item.sd);
  BOOST_TEST_REQUIRE(g.questionnaires.size() == 1u);
  BOOST_TEST(g.questionnaires[0].id == "q");
  BOOST_TEST(g.questionnaires[0].version == "1.0");
  BOOST_TEST(g.questionnaires[0].title.text() == "The questionnaire");
  BOOST_TEST(g.questionnaires[0].respondents == 10u);
}

BOOST_AUTO_TEST_CASE(full_precision_numbers_read_back_exactly) {
  const ComparisonInput input = read_results_json(report_json(results_to_write()), "r.json");
  const GroupResult& g = input.results.groups[0];
  BOOST_TEST(*g.overall_index == 2.0 / 3.0 * 100.0);  // compared bit for bit, not with a tolerance
  BOOST_TEST(*g.dimensions[0].index == 100.0 / 3.0);
  BOOST_TEST(*g.dimensions[0].sd == 0.1 + 0.2);
  BOOST_TEST(*g.dimensions[0].sd != 0.3);
}

BOOST_AUTO_TEST_CASE(withheld_figures_read_back_as_nulls) {
  const ComparisonInput input = read_results_json(report_json(results_to_write()), "r.json");
  const DimensionResult& small = input.results.groups[0].dimensions[1];
  BOOST_TEST(small.withheld);
  BOOST_TEST(!small.index);  // 47.5 was in the results, never in the file
  BOOST_TEST(!small.sd);
  BOOST_TEST(small.n == 3u);
  BOOST_TEST(!input.results.groups[0].roles[0].dimensions[1].index);
  BOOST_TEST(!input.results.groups[0].gaps[1].gap);
  const GroupResult& withheld = input.results.groups[1];
  BOOST_TEST(withheld.partnership == "p2");
  BOOST_TEST(withheld.withheld);
  BOOST_TEST(withheld.respondents == 2u);
  BOOST_TEST(!withheld.overall_index);
  BOOST_TEST(withheld.dimensions.empty());
  BOOST_TEST(withheld.roles.empty());
  BOOST_TEST(withheld.gaps.empty());
  BOOST_TEST(withheld.attention_items.empty());
}

BOOST_AUTO_TEST_CASE(each_period_is_located_where_the_file_writes_it) {
  const std::string text = report_json(results_to_write());
  const ComparisonInput input = read_results_json(text, "r.json");
  BOOST_TEST_REQUIRE(input.period_locations.size() == 2u);
  std::size_t from = 0;
  for (const SourceLocation& location : input.period_locations) {
    const std::size_t key = text.find("\"period\": ", from);
    BOOST_TEST_REQUIRE(key != std::string::npos);
    const std::size_t value = key + 10;
    const std::size_t line_start = text.rfind('\n', value) + 1;
    BOOST_TEST(location.path == "r.json");
    BOOST_TEST(location.line == 1 + static_cast<std::uint32_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(value), '\n')));
    BOOST_TEST(location.column == value - line_start + 1);
    from = value;
  }
}

BOOST_AUTO_TEST_CASE(reads_a_committed_report) {
  ThreadPool pool(1);
  const ComparisonInput input =
      load_comparison_input(PARTNERPULSE_TEST_DATA "/compare/2023-v1.0.json", Catalog::from_folders({}), {}, pool);
  BOOST_TEST(input.results.options.min_group == 3u);
  BOOST_TEST_REQUIRE(input.results.groups.size() == 1u);
  const GroupResult& g = input.results.groups[0];
  BOOST_TEST(g.partnership == "pulse-partnership");
  BOOST_TEST(g.period == "2023");
  BOOST_TEST(g.respondents == 6u);
  BOOST_TEST(*g.overall_index == 48.61111111111111);
  BOOST_TEST(g.dimensions[0].id == "trust");
  BOOST_TEST(*g.dimensions[0].index == 51.388888888888886);
  BOOST_TEST(*g.dimensions[0].sd == 20.01157072703097);
  BOOST_TEST(g.dimensions[0].measure->items[1].id == "t2");
}

BOOST_AUTO_TEST_CASE(a_folder_of_responses_is_scored_with_the_options_given) {
  ScoringOptions options;
  options.min_group = 7;  // the partnership's 6 respondents are too few
  ThreadPool pool(1);
  const ComparisonInput input = load_comparison_input(
      PARTNERPULSE_TEST_DATA "/compare/responses-2023-v1.0",
      Catalog::from_folders({PARTNERPULSE_TEST_DATA "/compare/v1.0"}), options, pool);
  BOOST_TEST_REQUIRE(input.results.groups.size() == 1u);
  BOOST_TEST(input.results.groups[0].withheld);
  BOOST_TEST(input.results.options.min_group == 7u);
  BOOST_TEST(input.period_locations.at(0).path == PARTNERPULSE_TEST_DATA "/compare/responses-2023-v1.0");
  BOOST_CHECK_THROW(load_comparison_input(PARTNERPULSE_TEST_DATA "/compare/v1.0", Catalog::from_folders({}), options,
                                          pool),
                    InputError);  // questionnaires only: no response, and not a results file
}

BOOST_AUTO_TEST_CASE(a_file_written_with_a_lower_min_group_is_refused_at_its_min_group) {
  const ComparisonInput input = read_results_json(replaced(empty_results, "\"min_group\": 3", "\"min_group\": 2"), "in.json");
  BOOST_REQUIRE(input.min_group_location.has_value());
  BOOST_TEST(input.min_group_location->path == "in.json");
  BOOST_TEST(input.min_group_location->line == 4u);
  BOOST_TEST(input.min_group_location->column == 28u);
  check_min_group(input, 2);  // the same setting: accepted
  check_min_group(input, 1);  // a lower one withholds less than the file already did: accepted
  try {
    check_min_group(input, 3);
    BOOST_FAIL("a file written with --min-group 2 was accepted by a comparison with --min-group 3");
  } catch (const InputError& error) {
    BOOST_TEST_REQUIRE(error.diagnostics().size() == 1u);
    const Diagnostic& d = error.diagnostics().front();
    BOOST_TEST(d.location.line == 4u);
    BOOST_TEST(d.location.column == 28u);
    BOOST_TEST(d.message.find("written with --min-group 2, lower than the --min-group 3 of this comparison") == 0u,
               d.message);
    BOOST_TEST(d.message.find("'partnerpulse report --format json --min-group 3'") != std::string::npos);
    BOOST_TEST(d.message.find("compare with --min-group 2") != std::string::npos);
  }
  ComparisonInput scored = input;
  scored.min_group_location.reset();  // scored from responses with the comparison's own setting
  check_min_group(scored, 3);
}

BOOST_AUTO_TEST_CASE(a_truncated_file_is_refused_where_it_ends) {
  const std::string cut = empty_results.substr(0, empty_results.find("\"gap_threshold\""));
  const std::string problem = problem_of(cut);
  BOOST_TEST(starts_with(problem, "4:31: not valid JSON (is the file complete?): "), problem);
  // Cut inside the last group: the error is on the last line of what is left.
  const std::string text = report_json(results_to_write());
  const std::string half = text.substr(0, text.rfind("\"respondents\""));
  const auto lines = 1 + std::count(half.begin(), half.end(), '\n');
  BOOST_TEST(starts_with(problem_of(half), std::to_string(lines) + ":"), problem_of(half));
}

BOOST_AUTO_TEST_CASE(another_tools_json_is_refused_at_its_tool) {
  BOOST_TEST(problem_of(replaced(empty_results, "\"partnerpulse\"", "\"otherscore\"")) ==
             "3:11: not a partnerpulse results file (it has no \"tool\": {\"name\": \"partnerpulse\"}); give a file "
             "written by 'partnerpulse report --format json'");
  BOOST_TEST(starts_with(problem_of("{\"name\": \"x\", \"items\": []}"), "1:1: not a partnerpulse results file"));
  BOOST_TEST(problem_of("\n[1, 2]") == "2:1: not a partnerpulse results file: the JSON is not an object");
}

BOOST_AUTO_TEST_CASE(a_newer_or_missing_format_version_is_refused) {
  BOOST_TEST(problem_of(replaced(empty_results, "\"format_version\": 1", "\"format_version\": 2")) ==
             "2:21: format_version 2 is newer than this partnerpulse reads (up to 1): use a newer partnerpulse");
  BOOST_TEST(starts_with(problem_of(replaced(empty_results, "\"format_version\": 1,", "")),
                         "1:1: no \"format_version\": written by an older partnerpulse"));
  for (const char* bad : {"0", "-1", "1.5", "\"1\""}) {
    BOOST_TEST(problem_of(replaced(empty_results, "\"format_version\": 1", std::string("\"format_version\": ") + bad)) ==
               "2:21: \"format_version\" must be a whole number from 1");
  }
}

BOOST_AUTO_TEST_CASE(a_byte_order_mark_does_not_move_positions) {
  const std::string newer = replaced(empty_results, "\"format_version\": 1", "\"format_version\": 2");
  BOOST_TEST(problem_of("\xEF\xBB\xBF" + newer) == problem_of(newer));
  const ComparisonInput input = read_results_json("\xEF\xBB\xBF" + report_json(results_to_write()), "r.json");
  BOOST_TEST(input.period_locations.at(0).line == read_results_json(report_json(results_to_write()), "r.json")
                                                      .period_locations.at(0)
                                                      .line);
  BOOST_TEST(input.period_locations.at(0).line > 1u);
}

BOOST_AUTO_TEST_CASE(a_field_missing_or_of_the_wrong_type_is_refused_where_it_is) {
  BOOST_TEST(problem_of(replaced(empty_results, "\"min_group\": 3", "\"min_group\": \"3\"")) ==
             "4:28: \"min_group\" must be a whole number");
  BOOST_TEST(problem_of(replaced(empty_results, "\"groups\": []", "\"groups\": {}")) ==
             "5:13: \"groups\" must be an array");
  BOOST_TEST(problem_of(replaced(empty_results, "\"groups\": []", "\"groups\": [\n    {\"partnership\": \"p\"}]")) ==
             "6:5: missing field \"period\"");
  BOOST_TEST(problem_of(replaced(empty_results, "\"groups\": []", "\"groups\": [7]")) == "5:14: expected an object here");
}

BOOST_AUTO_TEST_CASE(json_nested_too_deeply_is_refused_before_it_is_parsed) {
  const std::string deep = "{\"a\": " + std::string(70, '[') + std::string(70, ']') + "}";
  BOOST_TEST(problem_of(deep) == "1:70: JSON nested deeper than 64 levels: not a results file");
  // Brackets inside strings do not count.
  const std::string quoted = replaced(empty_results, "\"0.3.0\"", "\"" + std::string(70, '[') + "\\\"\"");
  BOOST_TEST(read_results_json(quoted, "in.json").results.groups.empty());
}

BOOST_AUTO_TEST_SUITE_END()
