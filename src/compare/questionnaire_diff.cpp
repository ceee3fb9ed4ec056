// What changed between two versions of a questionnaire, and whether results stay comparable
// (`partnerpulse diff-questionnaires`). Comparability is the rule of comparability.cpp, applied to measure_of.

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "partnerpulse/compare.hpp"
#include "partnerpulse/questionnaire.hpp"
#include "util/decimal_format.hpp"

namespace partnerpulse {

namespace {

std::string label(const Questionnaire& q) { return fmt::format("{} {} ({})", q.id, q.version, q.path); }

std::string bands_text(const std::vector<Band>& bands) {
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < bands.size(); ++i) {
    parts.push_back(i + 1 < bands.size() ? fmt::format("{} below {}", bands[i].id, format_fixed(bands[i].upper, 1))
                                         : bands[i].id);
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

bool same_bands(const std::vector<Band>& a, const std::vector<Band>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Band& x, const Band& y) {
    return x.id == y.id && x.upper == y.upper && x.label.same_wording(y.label);
  });
}

// The item of `q` that `now` counts as (its own id, else the one it replaces), or nullptr.
const Item* earlier_item(const Questionnaire& q, const Item& now) {
  if (const Item* same = q.find_item(now.id)) return same;
  return now.replaces.empty() ? nullptr : q.find_item(now.replaces);
}

// One measure difference in words, naming the other dimension when the item moved there (or came from there).
std::string change_in_words(const MeasureDifference& difference, const Questionnaire& before,
                            const Questionnaire& now) {
  if (difference.kind == MeasureChange::removed) {
    const Item* moved = now.find_item(difference.item);
    if (moved && moved->scored()) return fmt::format("item '{}' moved to dimension '{}'", difference.item, moved->dimension);
  }
  if (difference.kind == MeasureChange::added) {
    const Item* moved = before.find_item(difference.item);
    if (moved && moved->scored()) {
      return fmt::format("item '{}' moved from dimension '{}'", difference.item, moved->dimension);
    }
  }
  return describe(difference);
}

// Changes that keep results comparable: replaced and reworded items, the title, the advice.
void add_wording_changes(const Questionnaire& before, const Questionnaire& now, const Dimension& old_dimension,
                         const Dimension& new_dimension, std::vector<std::string>& changes) {
  for (const Item& item : now.items) {
    if (!item.scored() || item.dimension != new_dimension.id) continue;
    const Item* earlier = earlier_item(before, item);
    if (!earlier || earlier->dimension != old_dimension.id) continue;
    if (earlier->id != item.id) {
      changes.push_back(fmt::format("item '{}' replaces '{}' (counted as the same item)", item.id, earlier->id));
    }
    if (!earlier->text.same_wording(item.text)) {
      changes.push_back(fmt::format("item '{}' reworded", item.id));
    }
  }
  if (!old_dimension.title.same_wording(new_dimension.title)) changes.push_back("title changed");
  std::vector<std::string> bands;
  for (const auto& [band, advice] : new_dimension.advice) bands.push_back(band);
  for (const auto& [band, advice] : old_dimension.advice) {
    if (std::find(bands.begin(), bands.end(), band) == bands.end()) bands.push_back(band);
  }
  for (const std::string& band : bands) {
    if (!old_dimension.advice_for(band).same_wording(new_dimension.advice_for(band))) {
      changes.push_back(fmt::format("advice for band '{}' changed", band));
    }
  }
}

DimensionDiff diff_dimension(const Questionnaire& before, const Questionnaire& now, const Dimension& old_dimension) {
  DimensionDiff diff;
  diff.id = old_dimension.id;
  const Dimension* new_dimension = now.find_dimension(old_dimension.id);
  if (!new_dimension) {
    diff.status = DimensionDiff::Status::removed;
    diff.comparable = false;
    diff.changes.push_back("dimension removed");
    return diff;
  }
  const auto differences = measure_differences(measure_of(before, old_dimension.id), measure_of(now, old_dimension.id));
  diff.comparable = differences.empty() && before.id == now.id;
  for (const MeasureDifference& difference : differences) diff.changes.push_back(change_in_words(difference, before, now));
  add_wording_changes(before, now, old_dimension, *new_dimension, diff.changes);
  if (!diff.changes.empty()) diff.status = DimensionDiff::Status::changed;
  return diff;
}

}  // namespace

bool QuestionnaireDiff::comparable() const {
  return std::all_of(dimensions.begin(), dimensions.end(), [](const DimensionDiff& d) { return d.comparable; });
}

QuestionnaireDiff diff_questionnaires(const Questionnaire& before, const Questionnaire& now) {
  QuestionnaireDiff diff;
  diff.old_label = label(before);
  diff.new_label = label(now);
  if (before.id != now.id) {
    diff.changes.push_back(fmt::format("questionnaire id changed from '{}' to '{}': results are matched by id, so "
                                       "none can be compared",
                                       before.id, now.id));
  }
  if (before.version == now.version) diff.changes.push_back(fmt::format("the version is still {}", now.version));
  if (!same_bands(before.bands, now.bands)) {
    diff.changes.push_back(fmt::format("bands changed: {} -> {} (indexes stay comparable; their bands and advice "
                                       "may differ)",
                                       bands_text(before.bands), bands_text(now.bands)));
  }
  for (const Dimension& dimension : before.dimensions) diff.dimensions.push_back(diff_dimension(before, now, dimension));
  for (const Dimension& dimension : now.dimensions) {
    if (before.find_dimension(dimension.id)) continue;
    diff.dimensions.push_back({dimension.id, DimensionDiff::Status::added, true, {"dimension added"}});
  }
  return diff;
}

}  // namespace partnerpulse
