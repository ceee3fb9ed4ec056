#pragma once
// Streaming statistics: constant memory however many values are added, and mergeable in a fixed order.

#include <cstddef>
#include <optional>
#include <vector>

namespace partnerpulse {

// Count, mean and variance by Welford's method; merge() uses Chan's formula, so splitting values into chunks and
// merging them back in order gives the same figures (to rounding) as adding them one by one.
class RunningStats {
public:
  void add(double value) noexcept;
  void merge(const RunningStats& other) noexcept;
  std::size_t count() const noexcept { return count_; }
  // The mean, or nothing when no value was added.
  std::optional<double> mean() const noexcept;
  // The sample variance (divisor n - 1), or nothing when fewer than two values were added.
  std::optional<double> sample_variance() const noexcept;
  std::optional<double> sample_sd() const noexcept;

private:
  std::size_t count_ = 0;
  double mean_ = 0.0;
  double squared_deviations_ = 0.0;
};

// Cronbach's alpha over respondents who answered every item of a scale: k/(k-1) * (1 - sum of item variances /
// variance of the totals), sample variances throughout.
class CronbachAlpha {
public:
  explicit CronbachAlpha(std::size_t item_count = 0);
  // Adds one respondent's item values, in a fixed item order; the size must equal item_count.
  void add(const std::vector<double>& item_values);
  void merge(const CronbachAlpha& other);
  std::size_t respondents() const noexcept { return totals_.count(); }
  std::size_t item_count() const noexcept { return items_.size(); }
  // Nothing when fewer than `min_respondents` respondents, fewer than 2 items, or the totals do not vary.
  std::optional<double> value(std::size_t min_respondents = 3) const;

private:
  std::vector<RunningStats> items_;
  RunningStats totals_;
};

}  // namespace partnerpulse
