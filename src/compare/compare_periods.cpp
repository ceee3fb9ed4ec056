// The comparison of each partnership across the periods of the inputs (docs/compare.md).

#include <algorithm>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "compare/dimension_change.hpp"
#include "partnerpulse/compare.hpp"
#include "partnerpulse/interface_text.hpp"
#include "util/decimal_format.hpp"
#include "util/natural_order.hpp"
#include "partnerpulse/interface_text.hpp"

namespace partnerpulse {

namespace {

using compare::dimension_change;
using compare::shown_index;

struct NaturalOrder {
  bool operator()(const std::string& a, const std::string& b) const { return natural_less(a, b); }
};

// Every period of the inputs, oldest first. Each input's periods are taken in natural order; a period given twice,
// or one older than a period of an earlier input, is a problem positioned where the later input writes it.
std::vector<std::string> periods_in_order(const std::vector<ComparisonInput>& inputs) {
  std::vector<std::string> periods;
  std::map<std::string, std::string> given_by;  // period -> the input that gave it
  std::vector<Diagnostic> problems;
  for (const ComparisonInput& input : inputs) {
    std::map<std::string, SourceLocation, NaturalOrder> own;
    for (std::size_t g = 0; g < input.results.groups.size(); ++g) {
      own.try_emplace(input.results.groups[g].period, input.period_locations.at(g));
    }
    for (const auto& [period, where] : own) {
      Diagnostic problem;
      problem.location = where;
      if (const auto found = given_by.find(period); found != given_by.end()) {
        problem.message =
            fmt::format(fmt::runtime(tr("period '{}' is also in {}: give each period once")), period, found->second);
      } else if (!periods.empty() && natural_less(period, periods.back())) {
        problem.message =
            fmt::format(fmt::runtime(tr("period '{}' comes before period '{}' of {}: give the inputs oldest first "
                                        "(periods in natural order, e.g. 2023 < 2024 < 2024-q2)")),
                        period, periods.back(), given_by.at(periods.back()));
      } else {
        periods.push_back(period);
        given_by.emplace(period, input.path);
        continue;
      }
      problems.push_back(std::move(problem));
    }
  }
  if (!problems.empty()) throw InputError(std::move(problems));
  return periods;
}

// One partnership's group in each period of the comparison (nullptr where absent), and where each is written.
struct Timeline {
  std::vector<const GroupResult*> groups;
  std::vector<SourceLocation> locations;
};

std::map<std::string, Timeline> timelines(const std::vector<ComparisonInput>& inputs,
                                          const std::vector<std::string>& periods) {
  std::map<std::string, Timeline> out;
  for (const ComparisonInput& input : inputs) {
    for (std::size_t g = 0; g < input.results.groups.size(); ++g) {
      const GroupResult& group = input.results.groups[g];
      Timeline& timeline = out[group.partnership];
      timeline.groups.resize(periods.size(), nullptr);
      timeline.locations.resize(periods.size());
      const auto p = static_cast<std::size_t>(std::find(periods.begin(), periods.end(), group.period) - periods.begin());
      timeline.groups[p] = &group;
      timeline.locations[p] = input.period_locations.at(g);
    }
  }
  return out;
}

const DimensionResult* find_dimension(const GroupResult* group, const std::string& questionnaire,
                                      const std::string& id) {
  if (group == nullptr || group->withheld) return nullptr;
  for (const DimensionResult& d : group->dimensions) {
    if (d.questionnaire == questionnaire && d.id == id) return &d;
  }
  return nullptr;
}

// What a withheld group's dimensions are: withheld (its report shows none of them, so none is "not measured").
const DimensionResult* withheld_dimension() {
  static const DimensionResult withheld = [] {
    DimensionResult d;
    d.withheld = true;
    return d;
  }();
  return &withheld;
}

// The dimension of `group` the change is worked out from: withheld for a withheld group, else find_dimension.
const DimensionResult* dimension_to_compare(const GroupResult* group, const std::string& questionnaire,
                                            const std::string& id) {
  return group->withheld ? withheld_dimension() : find_dimension(group, questionnaire, id);
}

bool share_a_dimension(const GroupResult& a, const GroupResult& b) {
  return std::any_of(a.dimensions.begin(), a.dimensions.end(), [&](const DimensionResult& d) {
    return find_dimension(&b, d.questionnaire, d.id) != nullptr;
  });
}

const LocalizedText& questionnaire_title(const GroupResult& group, const std::string& id) {
  static const LocalizedText none;
  for (const QuestionnaireUse& use : group.questionnaires) {
    if (use.id == id) return use.title;
  }
  return none;
}

// Builds the comparison of one partnership from its groups, oldest first (only the periods it appears in).
class PartnershipComparer {
public:
  PartnershipComparer(std::vector<const GroupResult*> groups, PartnershipComparison& out)
      : groups_(std::move(groups)), out_(out), first_(groups_.front()), last_(groups_.back()) {}

  void compare() {
    for (const std::pair<std::string, std::string>& key : dimension_keys()) add_dimension(key.first, key.second);
    add_overall();
    add_roles();
    add_items();
  }

private:
  // Every dimension of the partnership's groups: those of the latest period first, then older ones; grouped by
  // questionnaire (by id), keeping that order within each.
  std::vector<std::pair<std::string, std::string>> dimension_keys() const {
    std::vector<std::pair<std::string, std::string>> keys;
    for (auto group = groups_.rbegin(); group != groups_.rend(); ++group) {
      if ((*group)->withheld) continue;
      for (const DimensionResult& d : (*group)->dimensions) {
        if (std::find(keys.begin(), keys.end(), std::pair(d.questionnaire, d.id)) == keys.end()) {
          keys.emplace_back(d.questionnaire, d.id);
        }
      }
    }
    std::stable_sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    return keys;
  }

  void add_dimension(const std::string& questionnaire, const std::string& id) {
    DimensionComparison out;
    out.questionnaire = questionnaire;
    out.id = id;
    for (const GroupResult* group : groups_) {
      const DimensionResult* d = find_dimension(group, questionnaire, id);
      out.series.push_back(shown_index(d));
      if (d) {
        out.title = d->title;
        out.questionnaire_title = questionnaire_title(*group, questionnaire);
      }
    }
    const DimensionResult* before = dimension_to_compare(first_, questionnaire, id);
    const DimensionResult* after = dimension_to_compare(last_, questionnaire, id);
    const compare::DimensionChange change = dimension_change(before, after, first_->period, last_->period);
    out.from = shown_index(before);
    out.to = shown_index(after);
    out.comparable = change.comparable;
    out.note = change.note;
    out.change = change.change;
    if (change.test) {
      out.se = change.test->se;
      out.df = change.test->df;
      out.margin = change.test->margin;
    }
    out.significant = change.significant;
    add_gap(questionnaire, id, change.comparable);
    out_.dimensions.push_back(std::move(out));
  }

  static std::optional<double> gap_of(const GroupResult* group, const std::string& questionnaire,
                                      const std::string& id) {
    if (group->withheld) return std::nullopt;
    for (const GapResult& gap : group->gaps) {
      if (gap.questionnaire == questionnaire && gap.dimension == id) return gap.gap;
    }
    return std::nullopt;
  }

  void add_gap(const std::string& questionnaire, const std::string& id, bool comparable) {
    GapComparison gap{questionnaire, id, gap_of(first_, questionnaire, id), gap_of(last_, questionnaire, id), {}};
    gap.change = compare::gap_change(gap.from, gap.to, comparable);
    out_.gaps.push_back(std::move(gap));
  }

  // The overall change only when both overall indexes are the mean of the same dimensions, each comparable.
  void add_overall() {
    out_.overall_from = first_->withheld ? std::nullopt : first_->overall_index;
    out_.overall_to = last_->withheld ? std::nullopt : last_->overall_index;
    if (!out_.overall_from || !out_.overall_to) return;
    const bool same_basis = std::all_of(out_.dimensions.begin(), out_.dimensions.end(), [](const DimensionComparison& d) {
      return d.from.has_value() == d.to.has_value() && (!d.from || d.comparable);
    });
    if (same_basis) {
      out_.overall_change = printed_change(*out_.overall_from, *out_.overall_to);
    } else {
      out_.overall_note = tr("the two overall indexes are not the mean of the same dimensions measured the same way");
    }
  }

  static std::optional<double> role_index(const RoleResult& role, const std::string& questionnaire,
                                          const std::string& id) {
    for (const RoleDimensionResult& cell : role.dimensions) {
      if (cell.questionnaire == questionnaire && cell.dimension == id) return cell.index;
    }
    return std::nullopt;
  }

  void add_roles() {
    if (first_->withheld || last_->withheld) return;
    for (const RoleResult& after : last_->roles) {
      const auto before = std::find_if(first_->roles.begin(), first_->roles.end(),
                                       [&](const RoleResult& r) { return r.role == after.role; });
      if (before == first_->roles.end()) continue;
      RoleComparison role{after.role, {}};
      for (const DimensionComparison& d : out_.dimensions) {
        RoleDimensionChange cell{d.questionnaire, d.id, role_index(*before, d.questionnaire, d.id),
                                 role_index(after, d.questionnaire, d.id), {}};
        if (d.comparable && cell.from && cell.to) cell.change = printed_change(*cell.from, *cell.to);
        role.dimensions.push_back(std::move(cell));
      }
      out_.roles.push_back(std::move(role));
    }
    std::sort(out_.roles.begin(), out_.roles.end(),
              [](const RoleComparison& a, const RoleComparison& b) { return a.role < b.role; });
  }

  // The measured item `id` of `group`'s dimension `dimension`, or nullptr.
  static const MeasuredItem* measured(const GroupResult& group, const ItemResult& item) {
    const DimensionResult* d = find_dimension(&group, item.questionnaire, item.dimension);
    if (!d || !d->measure) return nullptr;
    for (const MeasuredItem& m : d->measure->items) {
      if (m.id == item.id) return &m;
    }
    return nullptr;
  }

  // The same item, unchanged: the same id (or one that replaces it), scale range and reverse flag.
  bool unchanged(const ItemResult& before, const ItemResult& after) const {
    if (before.questionnaire != after.questionnaire || before.reverse != after.reverse) return false;
    const MeasuredItem* a = measured(*first_, before);
    const MeasuredItem* b = measured(*last_, after);
    if (!a || !b) return before.id == after.id;
    return same_item(*a, *b) && a->min == b->min && a->max == b->max;
  }

  void add_items() {
    if (first_->withheld || last_->withheld) return;
    for (const ItemResult& after : last_->attention_items) {
      for (const ItemResult& before : first_->attention_items) {
        if (!unchanged(before, after)) continue;
        ItemComparison item{after.questionnaire, after.id, after.dimension, after.text, after.reverse,
                            before.index, after.index, {}};
        if (item.from && item.to) item.change = printed_change(*item.from, *item.to);
        out_.items.push_back(std::move(item));
        break;
      }
    }
  }

  std::vector<const GroupResult*> groups_;
  PartnershipComparison& out_;
  const GroupResult* first_;
  const GroupResult* last_;
};

}  // namespace

Comparison compare_periods(const std::vector<ComparisonInput>& inputs) {
  Comparison comparison;
  comparison.periods = periods_in_order(inputs);
  std::vector<Diagnostic> problems;
  for (const auto& [partnership, timeline] : timelines(inputs, comparison.periods)) {
    PartnershipComparison out;
    out.partnership = partnership;
    std::vector<const GroupResult*> present;
    SourceLocation last_location;
    for (std::size_t p = 0; p < comparison.periods.size(); ++p) {
      const GroupResult* group = timeline.groups[p];
      if (!group) {
        out.absent_from.push_back(comparison.periods[p]);
        continue;
      }
      present.push_back(group);
      out.periods.push_back(group->period);
      if (group->withheld) out.withheld_periods.push_back(group->period);
      last_location = timeline.locations[p];
    }
    out.from = present.front()->period;
    out.to = present.back()->period;
    if (present.size() >= 2) {
      const GroupResult& first = *present.front();
      const GroupResult& last = *present.back();
      if (!first.withheld && !last.withheld && !share_a_dimension(first, last)) {
        problems.push_back(
            {last_location, Severity::error,
             fmt::format(fmt::runtime(tr("partnership '{}' has no dimension in common between {} and {}: nothing to "
                                         "compare (were other questionnaires answered?)")),
                         partnership, first.period, last.period)});
        continue;
      }
      PartnershipComparer(present, out).compare();
    }
    comparison.partnerships.push_back(std::move(out));
  }
  if (!problems.empty()) throw InputError(std::move(problems));
  return comparison;
}

}  // namespace partnerpulse
