// The portfolio: each partnership at its latest period, its benchmarks, and the portfolio's quartiles.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <tuple>

#include <fmt/format.h>

#include "partnerpulse/portfolio.hpp"
#include "util/decimal_format.hpp"

namespace partnerpulse {

namespace {

std::optional<double> printed(const std::optional<double>& value) {
  if (!value || !std::isfinite(*value)) return std::nullopt;
  return rounded_as_printed(*value, 1);
}

std::optional<double> shown_index(const DimensionResult& dimension) {
  return dimension.withheld ? std::nullopt : printed(dimension.index);
}

const LocalizedText* questionnaire_title(const GroupResult& group, const std::string& id) {
  for (const QuestionnaireUse& use : group.questionnaires) {
    if (use.id == id) return &use.title;
  }
  return nullptr;
}

void add_invitations(const GroupResult& group, PortfolioRow& row) {
  if (group.role_responses.empty()) return;
  std::size_t invited = 0;
  for (const RoleResponse& role : group.role_responses) {
    if (!role.invited) return;
    invited += *role.invited;
  }
  row.invited = invited;
  if (invited > 0) row.response_rate = static_cast<double>(group.respondents) / static_cast<double>(invited);
}

PortfolioRow row_of(const GroupResult& group) {
  PortfolioRow row;
  row.partnership = group.partnership;
  row.title = group.title;
  row.file = safe_file_stem(group.partnership);
  row.period = group.period;
  row.respondents = group.respondents;
  row.withheld = group.withheld;
  if (group.withheld) return row;  // its respondent count only
  add_invitations(group, row);
  row.overall = printed(group.overall_index);
  row.band = group.overall_band;
  row.change = group.overall_change;
  row.previous_period = group.previous_period;
  row.missing_roles = group.missing_roles;
  for (const DimensionResult& d : group.dimensions) {
    PortfolioDimension dimension{d.questionnaire, d.id, d.title, shown_index(d), std::nullopt};
    if (dimension.index && (!row.weakest || *dimension.index < *row.weakest->index)) row.weakest = dimension;
    if (!d.withheld && d.significant.value_or(false)) ++row.significant_changes;
    row.dimensions.push_back(std::move(dimension));
  }
  row.flagged_gaps = static_cast<std::size_t>(
      std::count_if(group.gaps.begin(), group.gaps.end(), [](const GapResult& gap) { return gap.flagged; }));
  return row;
}

// Every shown index of dimension (questionnaire, id) among `rows` of `period` (all periods when empty), except
// the row `skip`.
std::vector<double> indexes_of(const std::vector<PortfolioRow>& rows, const PortfolioDimension& dimension,
                               const std::string* period, const PortfolioRow* skip) {
  std::vector<double> values;
  for (const PortfolioRow& row : rows) {
    if (&row == skip || (period && row.period != *period)) continue;
    for (const PortfolioDimension& other : row.dimensions) {
      if (other.questionnaire == dimension.questionnaire && other.id == dimension.id && other.index) {
        values.push_back(*other.index);
      }
    }
  }
  return values;
}

std::optional<double> percentile_of_counts(std::size_t below, std::size_t ties, std::size_t count) {
  if (count < min_partnerships_for_percentile) return std::nullopt;
  const double rank = static_cast<double>(below) + static_cast<double>(ties) / 2.0;
  return rounded_as_printed(100.0 * rank / static_cast<double>(count - 1), 1);
}

// Each shown dimension's percentile among the rows of the same period: one sorted list per period and dimension.
void add_percentiles(std::vector<PortfolioRow>& rows) {
  using Key = std::tuple<std::string, std::string, std::string>;  // period, questionnaire, dimension
  std::map<Key, std::vector<double>> values;
  for (const PortfolioRow& row : rows) {
    for (const PortfolioDimension& d : row.dimensions) {
      if (d.index) values[Key{row.period, d.questionnaire, d.id}].push_back(*d.index);
    }
  }
  for (auto& [key, list] : values) std::sort(list.begin(), list.end());
  for (PortfolioRow& row : rows) {
    for (PortfolioDimension& d : row.dimensions) {
      if (!d.index) continue;
      const std::vector<double>& list = values[Key{row.period, d.questionnaire, d.id}];
      const auto [low, high] = std::equal_range(list.begin(), list.end(), *d.index);
      const auto below = static_cast<std::size_t>(low - list.begin());
      const auto equal = static_cast<std::size_t>(high - low);
      d.percentile = percentile_of_counts(below, equal - 1, list.size());  // the row itself is not a tie
    }
  }
}

void add_summaries(Portfolio& portfolio, const std::vector<const GroupResult*>& latest) {
  for (std::size_t r = 0; r < portfolio.rows.size(); ++r) {
    for (const PortfolioDimension& dimension : portfolio.rows[r].dimensions) {
      const bool known = std::any_of(portfolio.dimensions.begin(), portfolio.dimensions.end(), [&](const auto& s) {
        return s.questionnaire == dimension.questionnaire && s.id == dimension.id;
      });
      if (known) continue;
      PortfolioDimensionSummary summary{dimension.questionnaire, dimension.id, dimension.title, {}, 0, {}, {}, {}};
      if (const LocalizedText* title = questionnaire_title(*latest[r], dimension.questionnaire)) {
        summary.questionnaire_title = *title;
      }
      std::vector<double> values = indexes_of(portfolio.rows, dimension, nullptr, nullptr);
      std::sort(values.begin(), values.end());
      summary.partnerships = values.size();
      summary.q1 = quantile(values, 0.25);
      summary.median = quantile(values, 0.5);
      summary.q3 = quantile(values, 0.75);
      portfolio.dimensions.push_back(std::move(summary));
    }
  }
}

bool lower_first(const PortfolioRow& a, const PortfolioRow& b) {
  if (a.overall.has_value() != b.overall.has_value()) return a.overall.has_value();
  if (a.overall && *a.overall != *b.overall) return *a.overall < *b.overall;
  return a.partnership < b.partnership;
}

std::uint64_t fnv1a(std::string_view bytes) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

bool is_reserved_stem(std::string_view stem) {
  static const char* const fixed[] = {"con", "prn", "aux", "nul", "index", "portfolio"};
  if (std::find(std::begin(fixed), std::end(fixed), stem) != std::end(fixed)) return true;
  return stem.size() == 4 && (stem.substr(0, 3) == "com" || stem.substr(0, 3) == "lpt") && stem[3] >= '1' &&
         stem[3] <= '9';
}

std::string escaped_byte(unsigned char byte) { return fmt::format("_{:02x}", byte); }

}  // namespace

std::optional<double> percentile_rank(double value, const std::vector<double>& others) {
  const auto below = static_cast<std::size_t>(std::count_if(others.begin(), others.end(), [&](double o) { return o < value; }));
  const auto ties = static_cast<std::size_t>(std::count(others.begin(), others.end(), value));
  return percentile_of_counts(below, ties, others.size() + 1);
}

std::optional<double> quantile(const std::vector<double>& sorted_values, double p) {
  if (sorted_values.empty()) return std::nullopt;
  const double h = static_cast<double>(sorted_values.size() - 1) * p;
  const auto low = static_cast<std::size_t>(std::floor(h));
  const std::size_t high = std::min(low + 1, sorted_values.size() - 1);
  const double value = sorted_values[low] + (h - static_cast<double>(low)) * (sorted_values[high] - sorted_values[low]);
  return rounded_as_printed(value, 1);
}

std::string safe_file_stem(std::string_view partnership) {
  std::string stem;
  for (const char c : partnership) {
    const bool kept = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    stem += kept ? std::string(1, c) : escaped_byte(static_cast<unsigned char>(c));
  }
  // A leading '-' would read as an option on a command line.
  if (is_reserved_stem(stem) || stem[0] == '-') stem = escaped_byte(static_cast<unsigned char>(stem[0])) + stem.substr(1);
  constexpr std::size_t longest = 100;
  constexpr std::size_t kept_when_long = 80;
  if (stem.size() > longest) {
    std::size_t cut = kept_when_long;
    // Never cut an escape in two: an escape is '_' and two hex digits.
    if (stem[cut - 1] == '_') cut -= 1;
    else if (cut >= 2 && stem[cut - 2] == '_') cut -= 2;
    stem = fmt::format("{}~{:016x}", stem.substr(0, cut), fnv1a(partnership));
  }
  return stem;
}

Portfolio build_portfolio(const Results& results) {
  Portfolio portfolio;
  portfolio.min_group = results.options.min_group;
  std::vector<const GroupResult*> latest;  // groups are sorted by partnership, then period: the last one is latest
  for (std::size_t i = 0; i < results.groups.size(); ++i) {
    const bool last = i + 1 == results.groups.size() ||
                      results.groups[i + 1].partnership != results.groups[i].partnership;
    if (last) latest.push_back(&results.groups[i]);
  }
  for (const GroupResult* group : latest) portfolio.rows.push_back(row_of(*group));
  add_percentiles(portfolio.rows);
  add_summaries(portfolio, latest);
  std::vector<std::size_t> order(portfolio.rows.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return lower_first(portfolio.rows[a], portfolio.rows[b]); });
  std::vector<PortfolioRow> sorted;
  for (const std::size_t i : order) sorted.push_back(std::move(portfolio.rows[i]));
  portfolio.rows = std::move(sorted);
  return portfolio;
}

Results partnership_results(const Results& results, std::string_view partnership) {
  Results own;
  own.options = results.options;
  for (auto it = results.groups.rbegin(); it != results.groups.rend(); ++it) {
    if (it->partnership == partnership) own.groups.push_back(*it);
  }
  return own;
}

}  // namespace partnerpulse
