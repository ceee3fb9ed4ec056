#include "partnerpulse/statistics.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <utility>

namespace partnerpulse {

namespace {

constexpr int square_fraction_bits = 64;

ExactInt checked_add(ExactInt a, ExactInt b) {
  ExactInt sum = 0;
  if (__builtin_add_overflow(a, b, &sum)) throw std::overflow_error("statistics: a sum leaves 128 bits");
  return sum;
}

// `value` * 2^fraction_bits as a whole number, rounded half to even: exact when `value` has no bits below
// 2^-fraction_bits. Read from the double's bits (no floating-point rounding, no libm call). Throws
// std::domain_error when `value` is not finite, or is 2^(126 - fraction_bits) or more in magnitude.
inline ExactInt scaled(double value, int fraction_bits) {
  const auto bits = std::bit_cast<std::uint64_t>(value);
  const int exponent = static_cast<int>((bits >> 52) & 0x7ff);
  if (exponent == 0x7ff) throw std::domain_error("statistics: a value is not finite");
  std::uint64_t mantissa = bits & ((std::uint64_t{1} << 52) - 1);
  if (exponent != 0) mantissa |= std::uint64_t{1} << 52;
  // |value| = mantissa * 2^(exponent - 1075) (exponent 0: subnormal, scaled like exponent 1).
  const int shift = std::max(exponent, 1) - 1075 + fraction_bits;
  ExactInt units = 0;
  if (shift >= 0) {
    if (shift > 126 - 53) throw std::domain_error("statistics: a value is too large");
    units = static_cast<ExactInt>(mantissa) << shift;
  } else if (shift > -54) {
    const int drop = -shift;
    std::uint64_t kept = mantissa >> drop;
    const std::uint64_t rest = mantissa & ((std::uint64_t{1} << drop) - 1);
    const std::uint64_t half = std::uint64_t{1} << (drop - 1);
    if (rest > half || (rest == half && (kept & 1) != 0)) ++kept;
    units = static_cast<ExactInt>(kept);
  }
  return (bits >> 63) != 0 ? -units : units;
}

// value^2 in steps of 2^-64: the square's two parts (fma makes hi + lo exactly value^2), each scaled.
ExactInt square_units(double value) {
  const double hi = value * value;
  const double lo = std::fma(value, value, -hi);
  const ExactInt units = scaled(hi, square_fraction_bits);
  return lo == 0.0 ? units : units + scaled(lo, square_fraction_bits);  // lo is 0 for most scores (75^2, 62.5^2)
}

long double to_long_double(ExactInt units, int fraction_bits) {
  return std::ldexp(static_cast<long double>(units), -fraction_bits);
}

}  // namespace

FixedPoint FixedPoint::from(double value) {
  if (!std::isfinite(value) || std::fabs(value) >= 0x1p40) throw std::domain_error("statistics: value out of range");
  return FixedPoint{scaled(value, fraction_bits)};
}

double FixedPoint::to_double() const noexcept {
  return static_cast<double>(units) * 0x1p-80;  // one rounding, the same every time
}

FixedPoint& FixedPoint::operator+=(const FixedPoint& other) {
  units = checked_add(units, other.units);
  return *this;
}

ExactStats::Value ExactStats::exact(double value) { return {FixedPoint::from(value).units, square_units(value)}; }

ExactStats::Value ExactStats::exact(FixedPoint value) { return {value.units, square_units(value.to_double())}; }

void ExactStats::add(const Value& value) {
  sum_ = checked_add(sum_, value.units);
  sum_squares_ = checked_add(sum_squares_, value.square_units);
  ++count_;
}

void ExactStats::add(const Value& value, std::size_t times) {
  if (times == 0) return;
  ExactInt units = 0, square_units = 0;
  const auto n = static_cast<ExactInt>(times);
  if (__builtin_mul_overflow(value.units, n, &units) || __builtin_mul_overflow(value.square_units, n, &square_units)) {
    throw std::overflow_error("statistics: a sum leaves 128 bits");
  }
  sum_ = checked_add(sum_, units);
  sum_squares_ = checked_add(sum_squares_, square_units);
  count_ += times;
}

void ExactStats::merge(const ExactStats& other) {
  sum_ = checked_add(sum_, other.sum_);
  sum_squares_ = checked_add(sum_squares_, other.sum_squares_);
  count_ += other.count_;
}

std::optional<double> ExactStats::mean() const noexcept {
  if (count_ == 0) return std::nullopt;
  // The double nearest to sum / n. For a quotient of 2^54 units or more, the remainder only matters as a sticky
  // bit below the 53 bits kept, and the int128 -> double conversion rounds to nearest, ties to even: so the
  // result is correctly rounded. Smaller means (below 2^-26) go through long double.
  const auto n = static_cast<ExactInt>(count_);
  const bool negative = sum_ < 0;
  const ExactInt magnitude = negative ? -sum_ : sum_;
  const ExactInt quotient = magnitude / n, remainder = magnitude % n;
  double mean = 0.0;
  if (quotient >= (ExactInt{1} << 54)) {
    mean = static_cast<double>(quotient | (remainder != 0 ? 1 : 0)) * 0x1p-80;
  } else {
    mean = static_cast<double>(to_long_double(magnitude, FixedPoint::fraction_bits) / static_cast<long double>(count_));
  }
  return negative ? -mean : mean;
}

std::optional<double> ExactStats::sample_variance() const noexcept {
  if (count_ < 2) return std::nullopt;
  // (sum of squares - sum^2 / n) / (n - 1), in long double from the exact sums: the same inputs always give the
  // same bits.
  const long double n = static_cast<long double>(count_);
  const long double sum = to_long_double(sum_, FixedPoint::fraction_bits);
  const long double squares = to_long_double(sum_squares_, square_fraction_bits);
  return static_cast<double>(std::max(0.0L, squares - sum * sum / n) / (n - 1.0L));
}

std::optional<double> ExactStats::sample_sd() const noexcept {
  const auto variance = sample_variance();
  if (!variance) return std::nullopt;
  return std::sqrt(*variance);
}

CronbachAlpha::CronbachAlpha(std::size_t item_count) : items_(item_count) {}

CronbachAlpha::CronbachAlpha(std::vector<ExactStats> items, ExactStats totals)
    : items_(std::move(items)), totals_(totals) {}

void CronbachAlpha::add(const std::vector<double>& item_values) {
  std::vector<ExactStats::Value> exact;
  exact.reserve(item_values.size());
  for (const double value : item_values) exact.push_back(ExactStats::exact(value));
  add_exact(exact);
}

void CronbachAlpha::add_exact(const std::vector<ExactStats::Value>& item_values) {
  if (item_values.size() != items_.size()) throw std::logic_error("CronbachAlpha::add: wrong number of items");
  FixedPoint total;
  for (std::size_t i = 0; i < item_values.size(); ++i) {
    items_[i].add(item_values[i]);
    total += FixedPoint{item_values[i].units};
  }
  totals_.add(ExactStats::exact(total));
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
