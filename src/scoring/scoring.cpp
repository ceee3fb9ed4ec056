#include "partnerpulse/scoring.hpp"

#include <map>

#include "scoring/finish_group.hpp"
#include "util/natural_order.hpp"

namespace partnerpulse {

using scoring::GroupAccumulator;
using scoring::GroupKey;

namespace {

// The order of Results: by partnership (bytes), then period in natural order (util/natural_order.hpp).
struct GroupOrder {
  bool operator()(const GroupKey& a, const GroupKey& b) const {
    if (a.first != b.first) return a.first < b.first;
    return natural_less(a.second, b.second);
  }
};

}  // namespace

struct Scorer::State {
  const Catalog& catalog;
  ScoringOptions options;
  std::shared_ptr<const scoring::Layout> shared_layout;  // read-only: shared by the scorers of empty_like()
  const scoring::Layout& layout;
  std::map<GroupKey, GroupAccumulator, GroupOrder> groups;  // the order of Results
  scoring::ScoringScratch scratch;

  State(const Catalog& c, ScoringOptions o, std::shared_ptr<const scoring::Layout> l)
      : catalog(c), options(o), shared_layout(std::move(l)), layout(*shared_layout) {}

  GroupAccumulator& group(const GroupKey& key) { return groups.try_emplace(key, layout).first->second; }
  std::vector<Diagnostic> add(const Response& response);
  std::vector<Diagnostic> merge(State& other);
  Results finish(ThreadPool* pool) const;
};

Scorer::Scorer(const Catalog& catalog, ScoringOptions options)
    : state_(std::make_unique<State>(catalog, options, std::make_shared<const scoring::Layout>(catalog))) {}

Scorer Scorer::empty_like() const {
  Scorer scorer;
  scorer.state_ = std::make_unique<State>(state_->catalog, state_->options, state_->shared_layout);
  return scorer;
}
Scorer::~Scorer() = default;
Scorer::Scorer(Scorer&&) noexcept = default;
Scorer& Scorer::operator=(Scorer&&) noexcept = default;

std::vector<Diagnostic> Scorer::add(const Response& response) { return state_->add(response); }
std::vector<Diagnostic> Scorer::merge(Scorer&& other) { return state_->merge(*other.state_); }
Results Scorer::finish(ThreadPool* pool) const { return state_->finish(pool); }

std::vector<Diagnostic> Scorer::State::add(const Response& response) {
  const GroupKey key{response.respondent.partnership, response.respondent.period};
  GroupAccumulator& accumulator = group(key);
  if (!response.complete) {
    ++accumulator.figures.incomplete;
    return {};
  }
  std::vector<Diagnostic> conflicts;
  scoring::RespondentRegistry::Row row = 0;
  if (auto conflict = accumulator.respondents.add_respondent(response, key, row)) {
    conflicts.push_back(std::move(*conflict));
    return conflicts;
  }
  for (const QuestionnaireAnswers& answers : response.questionnaires) {
    const std::size_t q = layout.find(catalog.find(answers.questionnaire, answers.version));
    if (q == layout.questionnaires.size()) continue;  // the loader has already refused unknown ids
    if (auto conflict =
            accumulator.respondents.add_answers(response.respondent.id, row, layout.questionnaires[q].id_slot, layout,
                                                answers.location, key)) {
      conflicts.push_back(std::move(*conflict));
      continue;
    }
    accumulator.figures.add_answers(layout, q, answers, response.respondent.role, options.collect_comments, scratch);
  }
  return conflicts;
}

std::vector<Diagnostic> Scorer::State::merge(State& other) {
  std::vector<Diagnostic> conflicts;
  for (auto it = other.groups.begin(); it != other.groups.end();) {
    auto theirs = other.groups.extract(it++);
    const auto ours = groups.find(theirs.key());
    if (ours == groups.end()) {  // a group new here: taken whole
      theirs.mapped().respondents.forget_positions();
      groups.insert(std::move(theirs));
      continue;
    }
    auto found = ours->second.respondents.absorb(std::move(theirs.mapped().respondents), layout, theirs.key());
    conflicts.insert(conflicts.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
    ours->second.figures.merge(std::move(theirs.mapped().figures));
  }
  sort_by_position(conflicts);
  return conflicts;
}

Results Scorer::State::finish(ThreadPool* pool) const {
  Results results;
  results.options = options;
  std::vector<decltype(groups)::const_iterator> entries;
  for (auto it = groups.begin(); it != groups.end(); ++it) entries.push_back(it);
  results.groups.resize(entries.size());
  const auto finish_one = [&](std::size_t i) {
    results.groups[i] = scoring::finish_group(layout, options, entries[i]->first, entries[i]->second);
  };
  if (pool && entries.size() > 16) {
    parallel_for(*pool, entries.size(), 16, finish_one);
  } else {
    for (std::size_t i = 0; i < entries.size(); ++i) finish_one(i);
  }
  return results;
}

}  // namespace partnerpulse
