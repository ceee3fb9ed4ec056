#include "partnerpulse/scoring.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <mutex>
#include <numeric>
#include <thread>
#include <unordered_map>

#include <fmt/format.h>

#include "partnerpulse/statistics.hpp"

namespace partnerpulse {

double item_score(const Scale& scale, bool reverse, int value) {
  const int keyed = reverse ? scale.min + scale.max - value : value;
  return static_cast<double>(keyed - scale.min) / static_cast<double>(scale.max - scale.min) * 100.0;
}

namespace {

// Per dimension of a questionnaire: the indexes (into questionnaire.items) of its scored items.
std::vector<std::vector<std::size_t>> scored_items_by_dimension(const Questionnaire& questionnaire) {
  std::vector<std::vector<std::size_t>> result(questionnaire.dimensions.size());
  for (std::size_t i = 0; i < questionnaire.items.size(); ++i) {
    const Item& item = questionnaire.items[i];
    if (!item.scored()) continue;
    for (std::size_t d = 0; d < questionnaire.dimensions.size(); ++d) {
      if (questionnaire.dimensions[d].id == item.dimension) result[d].push_back(i);
    }
  }
  return result;
}

// A respondent's dimension score from its answered items' scores and weights, or nothing when fewer than half
// of the `scored_items` are answered.
std::optional<double> weighted_score(double weighted_sum, double weight_sum, std::size_t answered,
                                     std::size_t scored_items) {
  if (answered == 0 || answered * 2 < scored_items) return std::nullopt;
  return weighted_sum / weight_sum;
}

}  // namespace

std::vector<std::optional<double>> dimension_scores(const Questionnaire& questionnaire,
                                                    const QuestionnaireAnswers& answers) {
  const auto by_dimension = scored_items_by_dimension(questionnaire);
  std::vector<std::optional<double>> scores;
  for (const auto& item_indexes : by_dimension) {
    double weighted_sum = 0.0, weight_sum = 0.0;
    std::size_t answered = 0;
    for (const std::size_t i : item_indexes) {
      const Item& item = questionnaire.items[i];
      const Answer* answer = answers.find(item.id);
      if (!answer || !answer->value) continue;
      const Scale* scale = questionnaire.find_scale(item.scale);
      weighted_sum += item.weight * item_score(*scale, item.reverse, *answer->value);
      weight_sum += item.weight;
      ++answered;
    }
    scores.push_back(weighted_score(weighted_sum, weight_sum, answered, item_indexes.size()));
  }
  return scores;
}

// ---------------------------------------------------------------------------------------------------------------
// Accumulation. Every questionnaire, dimension and item of the catalog gets a fixed slot, so a group's figures are
// flat vectors of streaming statistics.

namespace {

struct QuestionnaireSlots {
  const Questionnaire* questionnaire = nullptr;
  std::size_t first_dimension = 0;  // slot of its first dimension
  std::size_t first_item = 0;       // slot of its first item (all items, scored or not)
  std::vector<std::vector<std::size_t>> scored_items;  // per dimension, item indexes
  std::vector<const Scale*> item_scales;               // per item, its scale (nullptr for an open question)
  std::vector<std::size_t> items_by_id;                // item indexes, ordered by item id

  // The index of item `id`, or items.size() when there is none. Answers read from a file come ordered by id, so
  // the search resumes at `cursor` (a position in items_by_id) and moves it on; answers in any order still work.
  std::size_t find_item(std::string_view id, std::size_t& cursor) const {
    const std::vector<Item>& items = questionnaire->items;
    while (cursor < items_by_id.size()) {
      const int order = std::string_view(items[items_by_id[cursor]].id).compare(id);
      if (order == 0) return items_by_id[cursor++];
      if (order > 0) break;
      ++cursor;
    }
    const Item* item = questionnaire->find_item(id);
    return item ? static_cast<std::size_t>(item - items.data()) : items.size();
  }
};

std::vector<std::size_t> item_indexes_by_id(const Questionnaire& questionnaire) {
  std::vector<std::size_t> order(questionnaire.items.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return questionnaire.items[a].id < questionnaire.items[b].id; });
  return order;
}

std::vector<const Scale*> scales_by_item(const Questionnaire& questionnaire) {
  std::vector<const Scale*> scales;
  for (const Item& item : questionnaire.items) {
    scales.push_back(item.scored() ? questionnaire.find_scale(item.scale) : nullptr);
  }
  return scales;
}

struct Layout {
  std::vector<QuestionnaireSlots> questionnaires;  // sorted by id
  std::size_t dimension_count = 0;
  std::size_t item_count = 0;

  explicit Layout(const Catalog& catalog) {
    std::vector<const Questionnaire*> sorted;
    for (const auto& q : catalog.all()) sorted.push_back(q.get());
    std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->id < b->id; });
    for (const Questionnaire* q : sorted) {
      questionnaires.push_back({q, dimension_count, item_count, scored_items_by_dimension(*q), scales_by_item(*q),
                                item_indexes_by_id(*q)});
      dimension_count += q->dimensions.size();
      item_count += q->items.size();
    }
  }
  std::size_t find(const std::string& id) const {
    for (std::size_t i = 0; i < questionnaires.size(); ++i) {
      if (questionnaires[i].questionnaire->id == id) return i;
    }
    return questionnaires.size();
  }
};

// What is remembered of each respondent: enough to count them once and to refuse duplicates, nothing more.
struct RespondentSeen {
  std::uint32_t role = 0;
  std::uint32_t row = 0;  // in GroupAccumulator::answered
};

// Where add() read a respondent, for the messages of a later merge() that finds it again. merge() keeps none for
// the respondents it adds, so a Scorer that only merges (the total of score_files) holds no origins at all.
struct RespondentOrigin {
  struct Entry {
    std::size_t slot;  // questionnaire slot
    std::uint32_t line, column;  // of its entry in [questionnaires], in location.path
  };
  std::string id;
  SourceLocation location;  // its [respondent] table
  std::vector<Entry> questionnaires;
};

struct GroupAccumulator {
  std::unordered_map<std::uint64_t, RespondentSeen> respondents;  // keyed by a hash of the respondent id
  std::vector<RespondentOrigin> origins;                          // by row, for rows that add() created
  // Row r, column q (r * questionnaire count + q): whether respondent row r has answered questionnaire slot q.
  // One flat vector rather than one per respondent: no allocation per respondent, 1 bit per answer.
  std::vector<bool> answered;
  std::size_t questionnaire_count = 0;
  std::vector<std::string> roles;                                  // role names, in order of first appearance
  std::vector<RunningStats> dimensions;
  std::vector<CronbachAlpha> alphas;
  std::map<std::string, std::vector<RunningStats>> role_dimensions;
  std::vector<RunningStats> items;
  std::vector<std::size_t> items_not_applicable;
  std::vector<std::vector<std::string>> comments;
  std::vector<std::size_t> questionnaire_respondents;
  std::size_t incomplete = 0;
  std::size_t missing_dimension_scores = 0;

  bool sized = false;
  void size_for(const Layout& layout) {
    if (sized) return;
    sized = true;
    dimensions.resize(layout.dimension_count);
    for (const auto& q : layout.questionnaires) {
      for (const auto& items_of_dimension : q.scored_items) alphas.emplace_back(items_of_dimension.size());
    }
    items.resize(layout.item_count);
    items_not_applicable.resize(layout.item_count);
    comments.resize(layout.item_count);
    questionnaire_respondents.resize(layout.questionnaires.size());
    questionnaire_count = layout.questionnaires.size();
  }

  // The respondent with this id hash: found, or added with `role` and nothing answered yet.
  std::pair<RespondentSeen&, bool> respondent(std::uint64_t id_hash, std::uint32_t role) {
    auto [entry, added] = respondents.try_emplace(id_hash);
    if (added) {
      entry->second = {role, static_cast<std::uint32_t>(respondents.size() - 1)};
      answered.resize(answered.size() + questionnaire_count);
    }
    return {entry->second, added};
  }
  std::vector<bool>::reference has_answered(const RespondentSeen& seen, std::size_t q_slot) {
    return answered[seen.row * questionnaire_count + q_slot];
  }
  const RespondentOrigin* origin(const RespondentSeen& seen) const {
    return seen.row < origins.size() && !origins[seen.row].id.empty() ? &origins[seen.row] : nullptr;
  }

  std::uint32_t role_index(const std::string& role) {
    const auto found = std::find(roles.begin(), roles.end(), role);
    if (found != roles.end()) return static_cast<std::uint32_t>(found - roles.begin());
    roles.push_back(role);
    return static_cast<std::uint32_t>(roles.size() - 1);
  }

  std::vector<RunningStats>& role_figures(const std::string& role, std::size_t dimension_count) {
    auto& figures = role_dimensions[role];
    if (figures.empty()) figures.resize(dimension_count);
    return figures;
  }
};

using GroupKey = std::pair<std::string, std::string>;  // partnership, period

}  // namespace

struct Scorer::State {
  const Catalog& catalog;
  ScoringOptions options;
  Layout layout;
  std::map<GroupKey, GroupAccumulator> groups;
  std::vector<double> scores_buffer;         // reused by add(): one respondent's item scores
  std::vector<double> complete_case_buffer;  // reused by add(): a dimension's scores when all items are answered

  State(const Catalog& c, ScoringOptions o) : catalog(c), options(o), layout(c) {}

  void add(const Response& response);
  std::vector<Diagnostic> merge(State& other);
  Results finish(unsigned threads) const;
  GroupResult finish_group(const GroupKey& key, const GroupAccumulator& group) const;
};

Scorer::Scorer(const Catalog& catalog, ScoringOptions options)
    : state_(std::make_unique<State>(catalog, options)) {}
Scorer::~Scorer() = default;
Scorer::Scorer(Scorer&&) noexcept = default;
Scorer& Scorer::operator=(Scorer&&) noexcept = default;

void Scorer::add(const Response& response) { state_->add(response); }
std::vector<Diagnostic> Scorer::merge(Scorer&& other) { return state_->merge(*other.state_); }
Results Scorer::finish(unsigned threads) const { return state_->finish(threads); }

void Scorer::State::add(const Response& response) {
  GroupAccumulator& group = groups[{response.respondent.partnership, response.respondent.period}];
  group.size_for(layout);
  if (!response.complete) {
    ++group.incomplete;
    return;
  }
  const std::uint64_t key = std::hash<std::string>{}(response.respondent.id);
  const std::uint32_t role = group.role_index(response.respondent.role);
  auto [seen, first_time] = group.respondent(key, role);
  if (!first_time && seen.role != role) {
    throw InputError(response.location,
                     fmt::format("respondent '{}' has role '{}' here but '{}' in another response file of "
                                 "partnership '{}', period '{}'; a respondent has one role",
                                 response.respondent.id, response.respondent.role, group.roles[seen.role],
                                 response.respondent.partnership, response.respondent.period));
  }
  if (group.origins.size() <= seen.row) group.origins.resize(seen.row + 1);
  RespondentOrigin& origin = group.origins[seen.row];
  if (origin.id.empty()) {
    origin = {response.respondent.id, response.location, {}};
    origin.questionnaires.reserve(response.questionnaires.size());
  }
  auto& role_figures = group.role_figures(response.respondent.role, layout.dimension_count);

  for (const QuestionnaireAnswers& answers : response.questionnaires) {
    const std::size_t q_slot = layout.find(answers.questionnaire);
    if (q_slot == layout.questionnaires.size()) continue;  // the loader has already refused unknown ids
    if (group.has_answered(seen, q_slot)) {
      throw InputError(answers.location,
                       fmt::format("respondent '{}' answers questionnaire '{}' a second time in partnership '{}', "
                                   "period '{}'; another response file already holds these answers",
                                   response.respondent.id, answers.questionnaire, response.respondent.partnership,
                                   response.respondent.period));
    }
    group.has_answered(seen, q_slot) = true;
    origin.questionnaires.push_back({q_slot, answers.location.line, answers.location.column});
    ++group.questionnaire_respondents[q_slot];
    const QuestionnaireSlots& slots = layout.questionnaires[q_slot];
    const Questionnaire& q = *slots.questionnaire;

    // Item scores, kept per item slot for this respondent (NaN = not answered).
    std::vector<double>& scores = scores_buffer;
    scores.assign(q.items.size(), std::numeric_limits<double>::quiet_NaN());
    std::size_t cursor = 0;
    for (const Answer& answer : answers.answers) {
      const std::size_t index = slots.find_item(answer.item, cursor);
      if (index == q.items.size() || !q.items[index].scored()) continue;
      if (!answer.value) {
        ++group.items_not_applicable[slots.first_item + index];
        continue;
      }
      scores[index] = item_score(*slots.item_scales[index], q.items[index].reverse, *answer.value);
      group.items[slots.first_item + index].add(scores[index]);
    }
    if (options.collect_comments) {
      for (const auto* texts : {&answers.open_answers, &answers.comments}) {
        for (const Comment& comment : *texts) {
          const Item* item = q.find_item(comment.item);
          if (!item || comment.text.empty()) continue;
          group.comments[slots.first_item + static_cast<std::size_t>(item - q.items.data())].push_back(comment.text);
        }
      }
    }

    for (std::size_t d = 0; d < q.dimensions.size(); ++d) {
      const auto& item_indexes = slots.scored_items[d];
      double weighted_sum = 0.0, weight_sum = 0.0;
      std::size_t answered = 0;
      std::vector<double>& complete_case = complete_case_buffer;
      complete_case.clear();
      for (const std::size_t i : item_indexes) {
        if (std::isnan(scores[i])) continue;
        weighted_sum += q.items[i].weight * scores[i];
        weight_sum += q.items[i].weight;
        ++answered;
        complete_case.push_back(scores[i]);
      }
      const auto score = weighted_score(weighted_sum, weight_sum, answered, item_indexes.size());
      if (!score) {
        ++group.missing_dimension_scores;
        continue;
      }
      group.dimensions[slots.first_dimension + d].add(*score);
      role_figures[slots.first_dimension + d].add(*score);
      if (answered == item_indexes.size()) group.alphas[slots.first_dimension + d].add(complete_case);
    }
  }
}

std::vector<Diagnostic> Scorer::State::merge(State& other) {
  std::vector<Diagnostic> conflicts;
  const auto conflict = [&](const SourceLocation& where, std::string message) {
    Diagnostic problem;  // built field by field: g++ 12 -O3 warns (falsely) about a braced temporary here
    problem.location = where;
    problem.message = std::move(message);
    conflicts.push_back(std::move(problem));
  };
  for (auto& [key, theirs] : other.groups) {
    GroupAccumulator& ours = groups[key];
    ours.size_for(layout);
    theirs.size_for(layout);
    for (auto& [respondent, seen] : theirs.respondents) {
      const std::string& role = theirs.roles[seen.role];
      const std::uint32_t role_here = ours.role_index(role);
      auto [mine, first_time] = ours.respondent(respondent, role_here);
      const RespondentOrigin* origin = theirs.origin(seen);
      if (!first_time && mine.role != role_here) {
        conflict(origin ? origin->location : SourceLocation{},
                 origin ? fmt::format("respondent '{}' has role '{}' here but '{}' in another response file of "
                                      "partnership '{}', period '{}'; a respondent has one role",
                                      origin->id, role, ours.roles[mine.role], key.first, key.second)
                        : fmt::format("a respondent of partnership '{}', period '{}' has two roles ('{}' and '{}') in "
                                      "different response files; a respondent has one role",
                                      key.first, key.second, ours.roles[mine.role], role));
        continue;
      }
      for (std::size_t q = 0; q < ours.questionnaire_count; ++q) {
        if (!theirs.has_answered(seen, q)) continue;
        if (!ours.has_answered(mine, q)) {
          ours.has_answered(mine, q) = true;
          continue;
        }
        const std::string& questionnaire = layout.questionnaires[q].questionnaire->id;
        SourceLocation entry;
        if (origin) {
          for (const auto& [slot, line, column] : origin->questionnaires) {
            if (slot == q) entry = {origin->location.path, line, column};
          }
        }
        conflict(entry,
                 origin ? fmt::format("respondent '{}' answers questionnaire '{}' a second time in partnership '{}', "
                                      "period '{}'; another response file already holds these answers",
                                      origin->id, questionnaire, key.first, key.second)
                        : fmt::format("a respondent of partnership '{}', period '{}' answers questionnaire '{}' in "
                                      "two response files",
                                      key.first, key.second, questionnaire));
      }
    }
    for (std::size_t i = 0; i < ours.dimensions.size(); ++i) {
      ours.dimensions[i].merge(theirs.dimensions[i]);
      ours.alphas[i].merge(theirs.alphas[i]);
    }
    for (auto& [role, figures] : theirs.role_dimensions) {
      auto& mine = ours.role_figures(role, layout.dimension_count);
      for (std::size_t i = 0; i < figures.size(); ++i) mine[i].merge(figures[i]);
    }
    for (std::size_t i = 0; i < ours.items.size(); ++i) {
      ours.items[i].merge(theirs.items[i]);
      ours.items_not_applicable[i] += theirs.items_not_applicable[i];
      auto& comments = ours.comments[i];
      comments.insert(comments.end(), std::make_move_iterator(theirs.comments[i].begin()),
                      std::make_move_iterator(theirs.comments[i].end()));
    }
    for (std::size_t q = 0; q < ours.questionnaire_respondents.size(); ++q) {
      ours.questionnaire_respondents[q] += theirs.questionnaire_respondents[q];
    }
    ours.incomplete += theirs.incomplete;
    ours.missing_dimension_scores += theirs.missing_dimension_scores;
  }
  other.groups.clear();
  sort_by_position(conflicts);
  return conflicts;
}

Results Scorer::State::finish(unsigned threads) const {
  Results results;
  results.options = options;
  std::vector<std::map<GroupKey, GroupAccumulator>::const_iterator> entries;
  for (auto it = groups.begin(); it != groups.end(); ++it) entries.push_back(it);
  results.groups.resize(entries.size());
  // Thread t finishes groups t, t + threads, ...; a thread is worth starting for at least 16 groups.
  threads = static_cast<unsigned>(std::clamp<std::size_t>(entries.size() / 16, 1, std::max(threads, 1u)));
  std::exception_ptr error;
  std::mutex error_mutex;
  const auto finish_share = [&](unsigned share) {
    try {
      for (std::size_t i = share; i < entries.size(); i += threads) {
        results.groups[i] = finish_group(entries[i]->first, entries[i]->second);
      }
    } catch (...) {
      const std::lock_guard lock(error_mutex);
      if (!error) error = std::current_exception();
    }
  };
  std::vector<std::thread> workers;
  for (unsigned t = 1; t < threads; ++t) workers.emplace_back(finish_share, t);
  finish_share(0);
  for (auto& worker : workers) worker.join();
  if (error) std::rethrow_exception(error);
  return results;
}

namespace {

// Which of `cells` (name, n) to withhold so that no withheld cell, and no difference between the total and the
// shown cells, describes fewer than `min_group` people. `hidden_elsewhere` counts people already not shown.
std::vector<bool> cells_to_withhold(const std::vector<std::pair<std::string, std::size_t>>& cells,
                                    std::size_t hidden_elsewhere, std::size_t min_group) {
  std::vector<bool> withheld(cells.size(), false);
  std::size_t hidden = hidden_elsewhere;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (cells[i].second < min_group) {
      withheld[i] = true;
      hidden += cells[i].second;
    }
  }
  // Complementary disclosure: total minus the shown cells would reveal a small hidden remainder.
  while (hidden > 0 && hidden < min_group) {
    std::size_t smallest = cells.size();
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (withheld[i]) continue;
      if (smallest == cells.size() || cells[i].second < cells[smallest].second) smallest = i;
    }
    if (smallest == cells.size()) break;
    withheld[smallest] = true;
    hidden += cells[smallest].second;
  }
  return withheld;
}

bool same_bands(const std::vector<Band>& a, const std::vector<Band>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].id != b[i].id || a[i].upper != b[i].upper) return false;
  }
  return true;
}

}  // namespace

GroupResult Scorer::State::finish_group(const GroupKey& key, const GroupAccumulator& group) const {
  GroupResult result;
  result.partnership = key.first;
  result.period = key.second;
  result.respondents = group.respondents.size();
  result.incomplete_skipped = group.incomplete;
  const std::size_t min_group = std::max<std::size_t>(options.min_group, 1);

  std::map<std::string, std::size_t> role_counts;
  for (const auto& role : group.roles) role_counts[role] = 0;
  for (const auto& [respondent, seen] : group.respondents) ++role_counts[group.roles[seen.role]];
  for (const auto& [role, n] : role_counts) {
    if (n > 0) result.role_counts.emplace_back(role, n);
  }

  for (std::size_t q = 0; q < layout.questionnaires.size(); ++q) {
    if (group.questionnaire_respondents.empty() || group.questionnaire_respondents[q] == 0) continue;
    const Questionnaire& questionnaire = *layout.questionnaires[q].questionnaire;
    result.questionnaires.push_back(
        {questionnaire.id, questionnaire.version, questionnaire.title, group.questionnaire_respondents[q]});
  }

  if (result.respondents < min_group) {
    result.withheld = true;
    result.role_counts.clear();
    return result;
  }
  result.dimension_scores_missing = group.missing_dimension_scores;

  // Roles shown on their own, and those withheld (small, or needed to protect a small one).
  const std::vector<bool> role_withheld = cells_to_withhold(result.role_counts, 0, min_group);
  std::vector<std::string> shown_roles;
  for (std::size_t r = 0; r < result.role_counts.size(); ++r) {
    const auto& [role, n] = result.role_counts[r];
    if (!role_withheld[r]) {
      shown_roles.push_back(role);
      result.roles.push_back({role, n, {}});
    } else if (n < min_group) {
      result.withheld_roles.push_back({role, n, fmt::format("fewer than {} respondents", min_group)});
    } else {
      result.withheld_roles.push_back(
          {role, n, "withheld too, so that a smaller withheld role cannot be worked out from the totals"});
    }
  }

  // Dimensions, role cells and gaps.
  const std::vector<Band>* overall_bands = nullptr;
  bool bands_agree = true;
  double index_sum = 0.0;
  std::size_t index_count = 0;
  for (std::size_t q = 0; q < layout.questionnaires.size(); ++q) {
    if (group.questionnaire_respondents[q] == 0) continue;
    const QuestionnaireSlots& slots = layout.questionnaires[q];
    const Questionnaire& questionnaire = *slots.questionnaire;
    if (!overall_bands) {
      overall_bands = &questionnaire.bands;
    } else if (!same_bands(*overall_bands, questionnaire.bands)) {
      bands_agree = false;
    }
    for (std::size_t d = 0; d < questionnaire.dimensions.size(); ++d) {
      const std::size_t slot = slots.first_dimension + d;
      const Dimension& dimension = questionnaire.dimensions[d];
      const RunningStats& stats = group.dimensions[slot];
      DimensionResult out;
      out.questionnaire = questionnaire.id;
      out.id = dimension.id;
      out.title = dimension.title;
      out.n = stats.count();
      out.scored_items = slots.scored_items[d].size();
      out.alpha_n = group.alphas[slot].respondents();
      out.withheld = out.n < min_group;
      if (!out.withheld) {
        out.index = stats.mean();
        out.sd = stats.sample_sd();
        out.alpha = group.alphas[slot].value(std::max<std::size_t>(min_group, 3));
        const Scale* common = nullptr;
        bool one_scale = true;
        for (const std::size_t i : slots.scored_items[d]) {
          const Scale* scale = questionnaire.find_scale(questionnaire.items[i].scale);
          if (common && common != scale) one_scale = false;
          common = scale;
        }
        if (one_scale && common && out.index) {
          out.scale_mean = common->min + *out.index / 100.0 * (common->max - common->min);
        }
        if (out.index) {
          const Band& band = band_for(questionnaire.bands, *out.index);
          out.band = BandRef{band.id, band.label};
          out.advice = dimension.advice_for(band.id);
          index_sum += *out.index;
          ++index_count;
        }
      }

      // Role cells: withhold small ones and any whose complement would be small.
      std::vector<std::pair<std::string, std::size_t>> cells;
      std::size_t shown_total = 0;
      for (const auto& role : shown_roles) {
        const auto found = group.role_dimensions.find(role);
        const std::size_t n = found == group.role_dimensions.end() ? 0 : found->second[slot].count();
        cells.emplace_back(role, n);
        shown_total += n;
      }
      const std::vector<bool> cell_withheld = cells_to_withhold(cells, out.n - shown_total, min_group);
      GapResult gap{questionnaire.id, dimension.id, std::nullopt, {}, {}, false};
      std::optional<double> highest, lowest;
      for (std::size_t r = 0; r < shown_roles.size(); ++r) {
        RoleDimensionResult cell{questionnaire.id, dimension.id, cells[r].second, std::nullopt};
        if (!out.withheld && !cell_withheld[r]) {
          cell.index = group.role_dimensions.at(shown_roles[r])[slot].mean();
          if (cell.index && (!highest || *cell.index > *highest)) {
            highest = cell.index;
            gap.highest_role = shown_roles[r];
          }
          if (cell.index && (!lowest || *cell.index < *lowest)) {
            lowest = cell.index;
            gap.lowest_role = shown_roles[r];
          }
        }
        result.roles[r].dimensions.push_back(cell);
      }
      const auto shown_cells = std::count_if(result.roles.begin(), result.roles.end(), [&](const RoleResult& role) {
        return role.dimensions.back().index.has_value();
      });
      if (shown_cells >= 2) {
        gap.gap = *highest - *lowest;
        gap.flagged = *gap.gap >= options.gap_threshold;
      } else {
        gap.highest_role.clear();
        gap.lowest_role.clear();
      }
      result.gaps.push_back(gap);
      result.dimensions.push_back(std::move(out));
    }
  }
  if (index_count > 0) {
    result.overall_index = index_sum / static_cast<double>(index_count);
    const std::vector<Band> defaults = default_bands();
    const Band& band = band_for(bands_agree && overall_bands ? *overall_bands : defaults, *result.overall_index);
    result.overall_band = BandRef{band.id, band.label};
  }

  // Items: the lowest-scoring ones with enough answers to be shown. Candidates are sorted as (slot, index)
  // pairs; only those kept become ItemResults, with their texts.
  struct Candidate {
    std::size_t questionnaire;  // layout slot
    std::size_t item;           // index in the questionnaire's items
    double index;
  };
  std::vector<Candidate> candidates;
  for (std::size_t q = 0; q < layout.questionnaires.size(); ++q) {
    if (group.questionnaire_respondents[q] == 0) continue;
    const QuestionnaireSlots& slots = layout.questionnaires[q];
    const Questionnaire& questionnaire = *slots.questionnaire;
    for (std::size_t i = 0; i < questionnaire.items.size(); ++i) {
      const Item& item = questionnaire.items[i];
      const std::size_t slot = slots.first_item + i;
      if (options.collect_comments && !group.comments[slot].empty()) {
        CommentGroup comments{questionnaire.id, item.id, item.text, group.comments[slot]};
        std::sort(comments.comments.begin(), comments.comments.end());
        result.comments.push_back(std::move(comments));
      }
      if (!item.scored()) continue;
      const RunningStats& stats = group.items[slot];
      if (stats.count() < min_group) {
        ++result.items_withheld;
        continue;
      }
      candidates.push_back({q, i, *stats.mean()});
    }
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.index < b.index; });
  if (candidates.size() > options.attention_items) candidates.resize(options.attention_items);
  std::vector<ItemResult> items;
  items.reserve(candidates.size());
  for (const Candidate& candidate : candidates) {
    const QuestionnaireSlots& slots = layout.questionnaires[candidate.questionnaire];
    const Item& item = slots.questionnaire->items[candidate.item];
    const RunningStats& stats = group.items[slots.first_item + candidate.item];
    items.push_back({slots.questionnaire->id, item.id, item.dimension, item.text, item.reverse, stats.count(),
                     group.items_not_applicable[slots.first_item + candidate.item], stats.mean(), stats.sample_sd()});
  }
  result.attention_items = std::move(items);
  return result;
}

}  // namespace partnerpulse
