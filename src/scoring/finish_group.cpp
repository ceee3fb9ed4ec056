#include "scoring/finish_group.hpp"

#include <algorithm>
#include <tuple>

#include "partnerpulse/scoring.hpp"
#include "scoring/anonymity.hpp"
#include "util/decimal_format.hpp"

namespace partnerpulse::scoring {

namespace {

// The scale all of a dimension's scored items share, or nullptr when they use more than one.
const Scale* common_scale(const Questionnaire& questionnaire, const std::vector<std::size_t>& scored_items) {
  const Scale* common = nullptr;
  for (const std::size_t i : scored_items) {
    const Scale* scale = questionnaire.find_scale(questionnaire.items[i].scale);
    if (common && common != scale) return nullptr;
    common = scale;
  }
  return common;
}

// Appends each shown role's cell for dimension slot `slot`: withheld when small, or when the people it leaves
// out (with those of the withheld roles) would be a small group.
void finish_role_cells(const std::string& questionnaire, const DimensionResult& dimension, std::size_t slot,
                       const GroupFigures& figures, const GroupTotals& totals, std::size_t min_group,
                       std::vector<RoleResult>& roles) {
  std::vector<Cell> cells;
  std::size_t shown_total = 0;
  for (const RoleResult& role : roles) {
    const auto found = figures.roles.find(role.role);
    const std::size_t n = found == figures.roles.end() ? 0 : found->second.dimensions[slot].count();
    cells.emplace_back(role.role, n);
    shown_total += n;
  }
  const std::vector<bool> withheld = cells_to_withhold(cells, dimension.n - shown_total, min_group);
  for (std::size_t r = 0; r < roles.size(); ++r) {
    RoleDimensionResult cell{questionnaire, dimension.id, cells[r].second, std::nullopt, std::nullopt};
    if (!dimension.withheld && !withheld[r]) {
      cell.index = figures.roles.at(roles[r].role).dimensions[slot].mean();
      const auto answers = totals.role_dimension_answers.find(roles[r].role);
      if (answers != totals.role_dimension_answers.end()) cell.dont_know_share = notable_share(answers->second[slot]);
    }
    roles[r].dimensions.push_back(std::move(cell));
  }
}

// The mean of the role indexes of the roles shown, each role's index the mean of its dimension cells shown; empty
// unless at least two roles have a cell shown.
std::optional<double> balanced_index(const std::vector<RoleResult>& roles) {
  double sum = 0.0;
  std::size_t count = 0;
  for (const RoleResult& role : roles) {
    double role_sum = 0.0;
    std::size_t cells = 0;
    for (const RoleDimensionResult& cell : role.dimensions) {
      if (!cell.index) continue;
      role_sum += *cell.index;
      ++cells;
    }
    if (cells == 0) continue;
    sum += role_sum / static_cast<double>(cells);
    ++count;
  }
  if (count < 2) return std::nullopt;
  return sum / static_cast<double>(count);
}

}  // namespace

std::optional<double> notable_share(const AnswerCounts& counts) {
  if (counts.answers == 0) return std::nullopt;
  const double share = static_cast<double>(counts.dont_know) / static_cast<double>(counts.answers);
  if (rounded_as_printed(share * 100.0, 0) < dont_know_notable_share * 100.0) return std::nullopt;
  return share;
}

namespace {

bool same_bands(const std::vector<Band>& a, const std::vector<Band>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const Band& x, const Band& y) { return x.id == y.id && x.upper == y.upper; });
}

// The overall index (the mean of the dimension indexes shown) and its band: the questionnaires' bands when all
// answered questionnaires share them, else the default bands.
void finish_overall(const std::vector<const Questionnaire*>& answered, GroupResult& result) {
  double sum = 0.0;
  std::size_t count = 0;
  for (const DimensionResult& d : result.dimensions) {
    if (!d.index) continue;
    sum += *d.index;
    ++count;
  }
  if (count == 0) return;
  result.overall_index = sum / static_cast<double>(count);
  const bool agree = !answered.empty() && std::all_of(answered.begin(), answered.end(), [&](const Questionnaire* q) {
    return same_bands(q->bands, answered.front()->bands);
  });
  result.overall_band = band_of(agree ? answered.front()->bands : default_bands(), *result.overall_index);
}

// Whether comments by respondents of `role` on an item of dimension `dimension` (empty for an open question) of
// `questionnaire` may be shown: the role must be shown on its own, and for an item of a dimension, so must the
// role's cell of that dimension. Otherwise a comment could be traced to a group too small to hide its author.
bool comments_shown(const GroupResult& result, const std::string& questionnaire, const std::string& dimension,
                    const std::string& role) {
  const auto shown = std::find_if(result.roles.begin(), result.roles.end(),
                                  [&](const RoleResult& r) { return r.role == role; });
  if (shown == result.roles.end()) return false;
  if (dimension.empty()) return true;
  for (const RoleDimensionResult& cell : shown->dimensions) {
    if (cell.questionnaire == questionnaire && cell.dimension == dimension) return cell.index.has_value();
  }
  return false;
}

// The comments of every item, of shown roles and cells only, sorted; the others are counted in
// result.comments_withheld. Needs result.roles finished.
void finish_comments(const Layout& layout, const GroupFigures& figures, GroupResult& result) {
  if (figures.comments.empty()) return;
  for (std::size_t q = 0; q < layout.questionnaires.size(); ++q) {
    if (figures.questionnaire_respondents[q] == 0) continue;
    const QuestionnaireSlots& slots = layout.questionnaires[q];
    for (std::size_t i = 0; i < slots.questionnaire->items.size(); ++i) {
      const Item& item = slots.questionnaire->items[i];
      CommentGroup group{slots.questionnaire->id, item.id, item.text, {}};
      for (const auto& [role, texts] : figures.comments[slots.first_item + i]) {
        if (!comments_shown(result, group.questionnaire, item.dimension, role)) {
          result.comments_withheld += texts.size();
          continue;
        }
        group.comments.insert(group.comments.end(), texts.begin(), texts.end());
      }
      if (group.comments.empty()) continue;
      std::sort(group.comments.begin(), group.comments.end());
      result.comments.push_back(std::move(group));
    }
  }
}

}  // namespace

DimensionResult finish_dimension(const QuestionnaireSlots& slots, std::size_t d, const GroupFigures& figures,
                                 const GroupTotals& totals, std::size_t min_group) {
  const Questionnaire& questionnaire = *slots.questionnaire;
  const Dimension& dimension = questionnaire.dimensions[d];
  const std::size_t slot = slots.first_dimension + d;
  DimensionResult out;
  out.questionnaire = questionnaire.id;
  out.id = dimension.id;
  out.title = dimension.title;
  out.n = figures.dimensions[slot].count();
  out.scored_items = slots.scored_items[d].size();
  out.alpha_n = totals.alphas[slot].respondents();
  out.measure = slots.measures[d];
  for (const Band& band : questionnaire.bands) out.bands.push_back(BandLimit{band.id, band.label, band.upper});
  out.withheld = out.n < min_group;
  if (out.withheld) return out;
  out.index = figures.dimensions[slot].mean();
  out.sd = figures.dimensions[slot].sample_sd();
  out.alpha = totals.alphas[slot].value(std::max<std::size_t>(min_group, 3));
  out.dont_know_share = notable_share(totals.dimension_answers[slot]);
  if (!out.index) return out;
  if (const Scale* scale = common_scale(questionnaire, slots.scored_items[d])) {
    out.scale_mean = scale->min + *out.index / 100.0 * (scale->max - scale->min);
  }
  out.band = band_of(questionnaire.bands, *out.index);
  out.advice = dimension.advice_for(out.band->id);
  return out;
}

GapResult finish_gap(const std::string& questionnaire, const std::string& dimension,
                     const std::vector<RoleResult>& roles, double threshold) {
  GapResult gap{questionnaire, dimension, std::nullopt, {}, {}, false, std::nullopt};
  std::optional<double> highest, lowest;
  std::size_t shown = 0;
  for (const RoleResult& role : roles) {
    const std::optional<double>& index = role.dimensions.back().index;
    if (!index) continue;
    ++shown;
    const double printed = rounded_as_printed(*index, 1);
    if (!highest || printed > *highest) {
      highest = printed;
      gap.highest_role = role.role;
    }
    if (!lowest || printed < *lowest) {
      lowest = printed;
      gap.lowest_role = role.role;
    }
  }
  if (shown < 2) return {questionnaire, dimension, std::nullopt, {}, {}, false, std::nullopt};
  gap.gap = rounded_as_printed(*highest - *lowest, 1);  // exact in tenths: no drift below the printed digit
  gap.flagged = *gap.gap >= threshold;
  return gap;
}

void finish_attention_items(const Layout& layout, const GroupFigures& figures, const GroupTotals& totals,
                            std::size_t min_group, std::size_t limit, GroupResult& result) {
  struct Candidate {
    double index;
    std::size_t questionnaire;  // layout slot: questionnaires in id order
    std::size_t item;           // index in the questionnaire's items
  };
  std::vector<Candidate> candidates;
  for (std::size_t q = 0; q < layout.questionnaires.size(); ++q) {
    if (figures.questionnaire_respondents[q] == 0) continue;
    const QuestionnaireSlots& slots = layout.questionnaires[q];
    for (std::size_t i = 0; i < slots.questionnaire->items.size(); ++i) {
      if (!slots.questionnaire->items[i].scored()) continue;
      const ExactStats& stats = totals.items[slots.first_item + i];
      if (stats.count() < min_group) {
        ++result.items_withheld;
        continue;
      }
      candidates.push_back({*stats.mean(), q, i});
    }
  }
  const auto order = [](const Candidate& c) { return std::tie(c.index, c.questionnaire, c.item); };
  std::sort(candidates.begin(), candidates.end(),
            [&](const Candidate& a, const Candidate& b) { return order(a) < order(b); });
  if (candidates.size() > limit) candidates.resize(limit);
  for (const Candidate& c : candidates) {
    const QuestionnaireSlots& slots = layout.questionnaires[c.questionnaire];
    const Item& item = slots.questionnaire->items[c.item];
    const ExactStats& stats = totals.items[slots.first_item + c.item];
    result.attention_items.push_back({slots.questionnaire->id, item.id, item.dimension, item.text, item.reverse,
                                      stats.count(), totals.items_not_applicable[slots.first_item + c.item],
                                      stats.mean(), stats.sample_sd(),
                                      totals.items_dont_know[slots.first_item + c.item]});
  }
}

GroupResult finish_group(const Layout& layout, const ScoringOptions& options, const GroupKey& key,
                         const GroupAccumulator& group) {
  const GroupFigures& figures = group.figures;
  const std::size_t min_group = std::max<std::size_t>(options.min_group, 1);
  GroupResult result;
  result.partnership = key.first;
  result.period = key.second;
  result.respondents = group.respondents.size();
  result.incomplete_skipped = figures.incomplete;
  result.role_counts = group.respondents.role_counts();
  std::vector<const Questionnaire*> answered;
  for (std::size_t q = 0; q < layout.questionnaires.size(); ++q) {
    if (figures.questionnaire_respondents[q] == 0) continue;
    const Questionnaire& questionnaire = *layout.questionnaires[q].questionnaire;
    answered.push_back(&questionnaire);
    result.questionnaires.push_back(
        {questionnaire.id, questionnaire.version, questionnaire.title, figures.questionnaire_respondents[q]});
  }
  if (result.respondents < min_group) {
    result.withheld = true;
    result.role_counts.clear();
    return result;
  }
  result.dimension_scores_missing = figures.missing_dimension_scores;
  const GroupTotals totals = figures.totals(layout);
  RoleSplit roles = split_roles(result.role_counts, min_group);
  result.roles = std::move(roles.shown);
  result.withheld_roles = std::move(roles.withheld);
  for (std::size_t q = 0; q < layout.questionnaires.size(); ++q) {
    if (figures.questionnaire_respondents[q] == 0) continue;
    const QuestionnaireSlots& slots = layout.questionnaires[q];
    for (std::size_t d = 0; d < slots.questionnaire->dimensions.size(); ++d) {
      DimensionResult dimension = finish_dimension(slots, d, figures, totals, min_group);
      finish_role_cells(slots.questionnaire->id, dimension, slots.first_dimension + d, figures, totals, min_group,
                        result.roles);
      result.gaps.push_back(finish_gap(slots.questionnaire->id, dimension.id, result.roles, options.gap_threshold));
      result.dimensions.push_back(std::move(dimension));
    }
  }
  finish_overall(answered, result);
  result.balanced_index = balanced_index(result.roles);
  finish_attention_items(layout, figures, totals, min_group, options.attention_items, result);
  if (options.collect_comments) finish_comments(layout, figures, result);
  return result;
}

}  // namespace partnerpulse::scoring
