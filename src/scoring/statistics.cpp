#include "partnerpulse/statistics.hpp"

#include <cmath>
#include <stdexcept>

namespace partnerpulse {

void RunningStats::add(double value) noexcept {
  ++count_;
  const double delta = value - mean_;
  mean_ += delta / static_cast<double>(count_);
  squared_deviations_ += delta * (value - mean_);
}

void RunningStats::merge(const RunningStats& other) noexcept {
  if (other.count_ == 0) return;
  if (count_ == 0) {
    *this = other;
    return;
  }
  const double n_a = static_cast<double>(count_);
  const double n_b = static_cast<double>(other.count_);
  const double n = n_a + n_b;
  const double delta = other.mean_ - mean_;
  mean_ += delta * n_b / n;
  squared_deviations_ += other.squared_deviations_ + delta * delta * n_a * n_b / n;
  count_ += other.count_;
}

std::optional<double> RunningStats::mean() const noexcept {
  if (count_ == 0) return std::nullopt;
  return mean_;
}

std::optional<double> RunningStats::sample_variance() const noexcept {
  if (count_ < 2) return std::nullopt;
  return std::max(0.0, squared_deviations_) / static_cast<double>(count_ - 1);
}

std::optional<double> RunningStats::sample_sd() const noexcept {
  const auto variance = sample_variance();
  if (!variance) return std::nullopt;
  return std::sqrt(*variance);
}

CronbachAlpha::CronbachAlpha(std::size_t item_count) : items_(item_count) {}

void CronbachAlpha::add(const std::vector<double>& item_values) {
  if (item_values.size() != items_.size()) throw std::logic_error("CronbachAlpha::add: wrong number of items");
  double total = 0.0;
  for (std::size_t i = 0; i < item_values.size(); ++i) {
    items_[i].add(item_values[i]);
    total += item_values[i];
  }
  totals_.add(total);
}

void CronbachAlpha::merge(const CronbachAlpha& other) {
  if (other.items_.size() != items_.size()) throw std::logic_error("CronbachAlpha::merge: different item counts");
  for (std::size_t i = 0; i < items_.size(); ++i) items_[i].merge(other.items_[i]);
  totals_.merge(other.totals_);
}

std::optional<double> CronbachAlpha::value(std::size_t min_respondents) const {
  const std::size_t k = items_.size();
  if (k < 2 || totals_.count() < std::max<std::size_t>(min_respondents, 2)) return std::nullopt;
  const auto total_variance = totals_.sample_variance();
  if (!total_variance || *total_variance <= 1e-12) return std::nullopt;
  double item_variances = 0.0;
  for (const auto& item : items_) item_variances += item.sample_variance().value_or(0.0);
  const double kd = static_cast<double>(k);
  return kd / (kd - 1.0) * (1.0 - item_variances / *total_variance);
}

}  // namespace partnerpulse
