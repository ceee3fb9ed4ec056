#include <fstream>
#include <sstream>

#include <boost/test/unit_test.hpp>
#include <fmt/format.h>

#include "partnerpulse/compare.hpp"
#include "partnerpulse/files.hpp"
#include "util/decimal_format.hpp"

using namespace partnerpulse;
namespace tt = boost::test_tools;

namespace {

const DimensionResult& time_together(const ComparisonInput& input) {
  return input.results.groups.at(0).dimensions.at(0);
}

ComparisonInput example_report(const std::string& year) {
  const std::string path = std::string(PARTNERPULSE_SOURCE_DIR) + "/examples/reports/" + year + ".json";
  return read_results_json(read_text_file(path, 64u << 20), path);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(welch)

BOOST_AUTO_TEST_CASE(worked_example_matches_a_hand_computation_and_the_page) {
  const ComparisonInput y2023 = example_report("2023"), y2024 = example_report("2024");
  const DimensionResult& a = time_together(y2023);
  const DimensionResult& b = time_together(y2024);
  BOOST_REQUIRE(a.id == "time-together");
  const auto test = welch_test({*a.index, a.sd, a.n}, {*b.index, b.sd, b.n});
  BOOST_REQUIRE(test);
  // By hand, from the formulas of docs/scoring.md.
  const double v1 = *a.sd * *a.sd / 13.0, v2 = *b.sd * *b.sd / 12.0;
  BOOST_TEST(test->se == std::sqrt(v1 + v2), tt::tolerance(1e-12));
  BOOST_TEST(*test->df == (v1 + v2) * (v1 + v2) / (v1 * v1 / 12.0 + v2 * v2 / 11.0), tt::tolerance(1e-12));
  BOOST_TEST(*test->margin / test->se == 2.0771, tt::tolerance(1e-4));  // t(0.975, 21.43): a t table, interpolated
  const double change = printed_change(*a.index, *b.index);
  BOOST_TEST(change == 21.7);
  BOOST_TEST(*beyond_noise(change, test));

  std::ifstream doc(std::string(PARTNERPULSE_SOURCE_DIR) + "/docs/scoring.md");
  std::stringstream page;
  page << doc.rdbuf();
  for (const std::string& shown :
       {fmt::format("| 2023 | {} | {} | {} |", format_fixed(*a.index, 2), format_fixed(*a.sd, 2), a.n),
        fmt::format("| 2024 | {} | {} | {} |", format_fixed(*b.index, 2), format_fixed(*b.sd, 2), b.n),
        fmt::format("v1 = {}² / {} = {}", format_fixed(*a.sd, 2), a.n, format_fixed(v1, 2)),
        fmt::format("v2 = {}² / {} = {}", format_fixed(*b.sd, 2), b.n, format_fixed(v2, 2)),
        fmt::format("= **{}**", format_fixed(test->se, 2)), fmt::format("= **{}**", format_fixed(*test->df, 2)),
        fmt::format("t(0.975, {}) = {}", format_fixed(*test->df, 2), format_fixed(*test->margin / test->se, 2)),
        fmt::format("**{}**, printed {}", format_fixed(*test->margin, 2), format_fixed(*test->margin, 1)),
        fmt::format("= **{}**", format_change(change, 1, ""))}) {
    BOOST_TEST_INFO("docs/scoring.md shows " << shown);
    BOOST_TEST(page.str().find(shown) != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(not_computable_with_fewer_than_two_or_no_sd_or_no_variation) {
  BOOST_TEST(!welch_test({50.0, 10.0, 1}, {60.0, 10.0, 5}));
  BOOST_TEST(!welch_test({50.0, std::nullopt, 5}, {60.0, 10.0, 5}));
  const auto flat = welch_test({50.0, 0.0, 5}, {60.0, 0.0, 5});
  BOOST_REQUIRE(flat);
  BOOST_TEST(flat->se == 0.0);
  BOOST_TEST(!flat->df);
  BOOST_TEST(!beyond_noise(10.0, flat));
}

BOOST_AUTO_TEST_CASE(the_threshold_is_decided_on_printed_figures) {
  WelchTest test;
  test.se = 1.0;
  test.df = 10.0;
  test.margin = 4.26;  // printed 4.3
  BOOST_TEST(*beyond_noise(4.3, test));
  BOOST_TEST(!*beyond_noise(4.2, test));
  BOOST_TEST(*beyond_noise(-4.3, test));
  BOOST_TEST(printed_change(50.04, 60.06) == 10.1);  // 60.1 - 50.0 as printed
}

BOOST_AUTO_TEST_SUITE_END()
