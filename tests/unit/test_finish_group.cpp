#include <boost/test/unit_test.hpp>

#include "partnerpulse/scoring.hpp"
#include "scoring/finish_group.hpp"

using namespace partnerpulse;
using namespace partnerpulse::scoring;

namespace {

// Shown roles, each with one cell for the dimension being finished.
std::vector<RoleResult> roles_with(const std::vector<std::pair<std::string, std::optional<double>>>& cells) {
  std::vector<RoleResult> roles;
  for (const auto& [name, index] : cells) roles.push_back({name, 5, {{"q", "d", 5, index, {}}}});
  return roles;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(finish_group)

BOOST_AUTO_TEST_CASE(a_gap_exactly_at_the_threshold_is_flagged) {
  // 65.1 - 50.1 is 14.999999999999993 in double arithmetic; printed, it is 15.0, and so it is flagged.
  const GapResult gap = finish_gap("q", "d", roles_with({{"funder", 65.1}, {"partner", 50.1}}), 15.0);
  BOOST_TEST(*gap.gap == 15.0);
  BOOST_TEST(gap.flagged);
  BOOST_TEST(gap.highest_role == "funder");
  BOOST_TEST(gap.lowest_role == "partner");
}

BOOST_AUTO_TEST_CASE(a_gap_is_the_difference_of_the_printed_role_indexes) {
  // 65.06 and 50.1 print as 65.1 and 50.1: the gap shown beside them is 15.0, not 15.0 by luck of rounding 14.96.
  BOOST_TEST(*finish_gap("q", "d", roles_with({{"a", 65.06}, {"b", 50.1}}), 15.0).gap == 15.0);
  // 65.04 prints as 65.0: the gap is 14.9, below the threshold.
  const GapResult below = finish_gap("q", "d", roles_with({{"a", 65.04}, {"b", 50.1}}), 15.0);
  BOOST_TEST(*below.gap == 14.9);
  BOOST_TEST(!below.flagged);
}

BOOST_AUTO_TEST_CASE(ties_name_the_first_role_and_withheld_cells_take_no_part) {
  const GapResult gap = finish_gap("q", "d", roles_with({{"a", 40.0}, {"b", 60.04}, {"c", 59.96}, {"d", std::nullopt}}),
                                   15.0);
  BOOST_TEST(*gap.gap == 20.0);
  BOOST_TEST(gap.highest_role == "b");  // b and c both print 60.0: the first in name order
  BOOST_TEST(gap.lowest_role == "a");
  const GapResult one = finish_gap("q", "d", roles_with({{"a", 40.0}, {"b", std::nullopt}}), 15.0);
  BOOST_TEST(!one.gap.has_value());
  BOOST_TEST(one.highest_role.empty());
}

BOOST_AUTO_TEST_CASE(bands_are_decided_on_the_printed_index_and_the_top_band_is_marked) {
  const std::vector<Band> bands = {{"low", LocalizedText("en", "Low"), 40.0},
                                   {"mid", LocalizedText("en", "Mid"), 70.0},
                                   {"high", LocalizedText("en", "High"), 100.0}};
  BOOST_TEST(band_of(bands, 69.96).id == "high");  // printed 70.0
  BOOST_TEST(band_of(bands, 69.96).top);
  BOOST_TEST(band_of(bands, 69.94).id == "mid");
  BOOST_TEST(!band_of(bands, 69.94).top);
  BOOST_TEST(!band_of(bands, 69.94).bottom);
  BOOST_TEST(band_of(bands, 0.0).bottom);
}

BOOST_AUTO_TEST_CASE(attention_items_tie_break_on_questionnaire_then_item_order) {
  const Catalog catalog = Catalog::from_folders({std::string(PARTNERPULSE_TEST_DATA) + "/worked-example"});
  const Layout layout(catalog);
  GroupFigures figures(layout);
  figures.questionnaire_respondents[0] = 3;
  GroupTotals totals = figures.totals(layout);
  // Items i1, i2, i3: i3 and i1 tie at 50, i2 is lowest.
  for (int r = 0; r < 3; ++r) {
    totals.items[0].add(50.0);
    totals.items[1].add(25.0);
    totals.items[2].add(50.0);
  }
  GroupResult result;
  finish_attention_items(layout, figures, totals, 3, 5, result);
  BOOST_REQUIRE_EQUAL(result.attention_items.size(), 3u);
  BOOST_TEST(result.attention_items[0].id == "i2");
  BOOST_TEST(result.attention_items[1].id == "i1");
  BOOST_TEST(result.attention_items[2].id == "i3");
  GroupResult limited;
  finish_attention_items(layout, figures, totals, 4, 5, limited);  // fewer than 4 answers each: all withheld
  BOOST_TEST(limited.attention_items.empty());
  BOOST_TEST(limited.items_withheld == 3u);
}

BOOST_AUTO_TEST_SUITE_END()
