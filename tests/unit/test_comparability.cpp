#include <boost/test/unit_test.hpp>

#include "partnerpulse/compare.hpp"

using namespace partnerpulse;

namespace {

DimensionMeasure measure(std::vector<MeasuredItem> items) { return {"1.0", std::move(items)}; }

MeasuredItem item(std::string id, int max = 5, bool reverse = false, double weight = 1.0, std::string replaces = "") {
  return {std::move(id), 1, max, reverse, weight, std::move(replaces)};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(comparability)

BOOST_AUTO_TEST_CASE(the_same_items_are_comparable_whatever_the_version) {
  DimensionMeasure later = measure({item("a"), item("b")});
  later.questionnaire_version = "2.0";
  BOOST_TEST(measure_differences(measure({item("a"), item("b")}), later).empty());
}

BOOST_AUTO_TEST_CASE(each_difference_is_named) {
  const auto differences = measure_differences(measure({item("a"), item("b"), item("c"), item("d"), item("e")}),
                                               measure({item("b", 7), item("c", 5, true), item("d", 5, false, 2.0),
                                                        item("e"), item("f")}));
  std::vector<std::string> described;
  for (const auto& d : differences) described.push_back(describe(d));
  BOOST_TEST((described == std::vector<std::string>{"item 'a' removed", "item 'b' rescaled (1-5 -> 1-7)",
                                                    "item 'c' reversed", "item 'd' reweighted (1 -> 2)",
                                                    "item 'f' added"}));
}

BOOST_AUTO_TEST_CASE(replaces_counts_as_the_same_item) {
  BOOST_TEST(measure_differences(measure({item("a"), item("old")}), measure({item("a"), item("new", 5, false, 1.0, "old")}))
                 .empty());
  BOOST_TEST(same_item(item("old"), item("new", 5, false, 1.0, "old")));
  BOOST_TEST(!same_item(item("new", 5, false, 1.0, "old"), item("old")));
}

BOOST_AUTO_TEST_SUITE_END()
