#pragma once
// Streaming statistics in exact arithmetic: constant memory however many values are added, and the same figures,
// bit for bit, whatever the order values are added or merged in.

#include <cstddef>
#include <optional>
#include <vector>

namespace partnerpulse {

__extension__ using ExactInt = __int128;  // g++'s 128-bit integer (__extension__: it is not ISO C++)

// A value as an exact fixed-point number: a whole number of 2^-80. Every double of magnitude 2^-27 to 2^40 (all
// scores, totals and their sums) is held exactly, so sums of such values do not depend on their order; smaller
// magnitudes are rounded to the nearest step, the same way every time.
struct FixedPoint {
  static constexpr int fraction_bits = 80;
  ExactInt units = 0;
  static FixedPoint from(double value);  // throws std::domain_error when not finite or 2^40 or more in magnitude
  double to_double() const noexcept;
  // Adds exactly; throws std::overflow_error when the sum leaves 128 bits.
  FixedPoint& operator+=(const FixedPoint& other);
};

// Count, mean and sample variance from exact sums: the sum of the values (FixedPoint) and the sum of their squares
// (each square computed exactly with fma, then held in steps of 2^-64). Adding the same values in any order, or in
// chunks merged in any order, gives identical results. Values must be below 2^31 in magnitude (std::domain_error
// otherwise); throws std::overflow_error when a sum leaves 128 bits (beyond about 2^40 values of magnitude 100).
class ExactStats {
public:
  // A value as ExactStats adds it: its fixed-point units and its square's. Computing it once lets one value go
  // into several statistics at the cost of one.
  struct Value {
    ExactInt units = 0;
    ExactInt square_units = 0;
  };
  static Value exact(double value);
  // The same for a value given exactly (a sum of values, say): its square is taken from its nearest double.
  static Value exact(FixedPoint value);

  void add(double value) { add(exact(value)); }
  void add(const Value& value);
  // Adds `value` `times` times: the same as that many add() calls.
  void add(const Value& value, std::size_t times);
  void merge(const ExactStats& other);
  std::size_t count() const noexcept { return count_; }
  // The mean, or nothing when no value was added.
  std::optional<double> mean() const noexcept;
  // The sample variance (divisor n - 1), or nothing when fewer than two values were added.
  std::optional<double> sample_variance() const noexcept;
  std::optional<double> sample_sd() const noexcept;

private:
  std::size_t count_ = 0;
  ExactInt sum_ = 0;          // in steps of 2^-80
  ExactInt sum_squares_ = 0;  // in steps of 2^-64
};

// Cronbach's alpha over respondents who answered every item of a scale: k/(k-1) * (1 - sum of item variances /
// variance of the totals), sample variances throughout, exact like ExactStats (each total is an exact sum).
class CronbachAlpha {
public:
  explicit CronbachAlpha(std::size_t item_count = 0);
  // The alpha of respondents whose item values went into `items` (one per item, in a fixed order) and whose totals
  // (the sum of their item values) went into `totals`: the same as add()ing each respondent's values.
  CronbachAlpha(std::vector<ExactStats> items, ExactStats totals);
  // Adds one respondent's item values, in a fixed item order; the size must equal item_count.
  void add(const std::vector<double>& item_values);
  // The same with the values already made exact.
  void add_exact(const std::vector<ExactStats::Value>& item_values);
  void merge(const CronbachAlpha& other);
  std::size_t respondents() const noexcept { return totals_.count(); }
  std::size_t item_count() const noexcept { return items_.size(); }
  // Nothing when fewer than `min_respondents` respondents, fewer than 2 items, or the totals do not vary.
  std::optional<double> value(std::size_t min_respondents = 3) const;

private:
  std::vector<ExactStats> items_;
  ExactStats totals_;
};

}  // namespace partnerpulse
