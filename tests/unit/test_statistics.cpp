#include <cmath>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "partnerpulse/statistics.hpp"

using partnerpulse::CronbachAlpha;
using partnerpulse::ExactStats;
using partnerpulse::FixedPoint;

BOOST_AUTO_TEST_SUITE(statistics)

BOOST_AUTO_TEST_CASE(empty_stats_have_no_mean_or_variance) {
  ExactStats stats;
  BOOST_TEST(!stats.mean().has_value());
  BOOST_TEST(!stats.sample_variance().has_value());
  stats.add(4.0);
  BOOST_TEST(*stats.mean() == 4.0);
  BOOST_TEST(!stats.sample_sd().has_value());
}

BOOST_AUTO_TEST_CASE(mean_and_sample_variance_match_the_textbook) {
  ExactStats stats;
  for (double v : {2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0}) stats.add(v);
  BOOST_TEST(stats.count() == 8u);
  BOOST_TEST(*stats.mean() == 5.0, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(*stats.sample_variance() == 32.0 / 7.0, boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(merge_equals_adding_one_by_one) {
  ExactStats all, left, right, empty;
  const std::vector<double> values{1e6 + 1, 1e6 + 4, 1e6 + 9, 1e6 + 16, 1e6 + 25};
  for (std::size_t i = 0; i < values.size(); ++i) {
    all.add(values[i]);
    (i < 2 ? left : right).add(values[i]);
  }
  left.merge(right);
  left.merge(empty);
  BOOST_TEST(left.count() == all.count());
  BOOST_TEST(*left.mean() == *all.mean(), boost::test_tools::tolerance(1e-12));
  BOOST_TEST(*left.sample_variance() == *all.sample_variance(), boost::test_tools::tolerance(1e-9));
  empty.merge(all);
  BOOST_TEST(*empty.mean() == *all.mean());
}

BOOST_AUTO_TEST_CASE(figures_are_identical_whatever_the_order_of_adds_and_merges) {
  // Thirds and sevenths: values whose double sums depend on the order they are added in.
  std::vector<double> values;
  for (int i = 0; i < 60; ++i) values.push_back(100.0 * (i % 7) / 7.0 + 100.0 * (i % 3) / 3.0 / 10.0);
  ExactStats forward, backward, chunked, part;
  for (const double v : values) forward.add(v);
  for (auto it = values.rbegin(); it != values.rend(); ++it) backward.add(*it);
  for (std::size_t i = 0; i < values.size(); ++i) {
    part.add(values[i]);
    if (i % 7 == 6) {
      chunked.merge(part);
      part = {};
    }
  }
  chunked.merge(part);
  for (const ExactStats* other : {&backward, &chunked}) {
    BOOST_TEST(*forward.mean() == *other->mean());  // bit for bit, not within a tolerance
    BOOST_TEST(*forward.sample_variance() == *other->sample_variance());
  }
  double naive = 0.0;
  for (const double v : values) naive += v;
  BOOST_TEST(*forward.mean() == naive / 60.0, boost::test_tools::tolerance(1e-14));
}

BOOST_AUTO_TEST_CASE(the_mean_of_exact_values_is_the_correctly_rounded_quotient) {
  ExactStats stats;
  for (const double v : {100.0 / 3.0, 100.0 / 3.0, 100.0 / 3.0}) stats.add(v);
  BOOST_TEST(*stats.mean() == 100.0 / 3.0);
  BOOST_TEST(*stats.sample_variance() == 0.0);
  BOOST_TEST(FixedPoint::from(0.1).to_double() == 0.1);
  BOOST_CHECK_THROW(FixedPoint::from(1e13), std::domain_error);
  BOOST_CHECK_THROW(FixedPoint::from(std::nan("")), std::domain_error);
}

BOOST_AUTO_TEST_CASE(alpha_matches_the_standard_formula) {
  // The worked example of docs/scoring.md: item variances 437.5, 812.5, 750; variance of totals 5187.5.
  CronbachAlpha alpha(3);
  for (const auto& row : std::vector<std::vector<double>>{
           {75, 75, 100}, {50, 50, 75}, {25, 25, 25}, {50, 75, 75}, {75, 100, 75}}) {
    alpha.add(row);
  }
  BOOST_TEST(alpha.respondents() == 5u);
  BOOST_TEST(*alpha.value() == 1.5 * (1.0 - 2000.0 / 5187.5), boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(alpha_is_not_computable_with_too_few_respondents_items_or_no_variance) {
  CronbachAlpha two_respondents(3);
  two_respondents.add({1, 2, 3});
  two_respondents.add({2, 3, 4});
  BOOST_TEST(!two_respondents.value().has_value());
  CronbachAlpha one_item(1);
  for (double v : {1.0, 2.0, 3.0, 4.0}) one_item.add({v});
  BOOST_TEST(!one_item.value().has_value());
  CronbachAlpha constant(2);
  for (int i = 0; i < 4; ++i) constant.add({3, 3});
  BOOST_TEST(!constant.value().has_value());
  CronbachAlpha wrong(2);
  BOOST_CHECK_THROW(wrong.add({1, 2, 3}), std::logic_error);
}

BOOST_AUTO_TEST_CASE(alpha_merge_equals_adding_one_by_one) {
  CronbachAlpha all(2), left(2), right(2);
  const std::vector<std::vector<double>> rows{{1, 2}, {2, 2}, {3, 4}, {4, 5}, {5, 4}};
  for (std::size_t i = 0; i < rows.size(); ++i) {
    all.add(rows[i]);
    (i < 3 ? left : right).add(rows[i]);
  }
  left.merge(right);
  BOOST_TEST(*left.value() == *all.value(), boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_SUITE_END()
