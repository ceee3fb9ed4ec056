// Whether a change is more than noise: Welch's two-sample t-test at the 95% level, two-sided (docs/scoring.md).
// The t quantile comes from Boost.Math.

#include <cmath>

#include <boost/math/distributions/students_t.hpp>

#include "partnerpulse/compare.hpp"
#include "util/decimal_format.hpp"

namespace partnerpulse {

std::optional<WelchTest> welch_test(const Sample& from, const Sample& to) {
  if (from.n < 2 || to.n < 2 || !from.sd || !to.sd) return std::nullopt;
  const double v1 = *from.sd * *from.sd / static_cast<double>(from.n);
  const double v2 = *to.sd * *to.sd / static_cast<double>(to.n);
  WelchTest test;
  test.se = std::sqrt(v1 + v2);
  if (!(test.se > 0.0)) return test;  // neither period varies: the test has no degrees of freedom
  const double df = (v1 + v2) * (v1 + v2) /
                    (v1 * v1 / static_cast<double>(from.n - 1) + v2 * v2 / static_cast<double>(to.n - 1));
  test.df = df;
  const boost::math::students_t distribution(df);
  test.margin = boost::math::quantile(distribution, 0.975) * test.se;
  return test;
}

double printed_change(double from, double to) {
  return rounded_as_printed(rounded_as_printed(to, 1) - rounded_as_printed(from, 1), 1);
}

std::optional<bool> beyond_noise(double change, const std::optional<WelchTest>& test) {
  if (!test || !test->margin) return std::nullopt;
  return std::fabs(change) >= rounded_as_printed(*test->margin, 1);
}

}  // namespace partnerpulse
