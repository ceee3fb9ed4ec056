#include "scoring/respondent_registry.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

namespace partnerpulse::scoring {

namespace {

Diagnostic conflict_at(const SourceLocation& where, std::string message) {
  Diagnostic problem;  // built field by field: g++ 12 -O3 warns (falsely) about a braced temporary here
  problem.location = where;
  problem.message = std::move(message);
  return problem;
}

}  // namespace

namespace {

// "FILE:LINE:COLUMN" of the response read first, or "another response file" when its position is unknown.
std::string other_file(const SourceLocation& before) {
  if (before.path.empty()) return "another response file";
  if (before.line == 0) return before.path;
  return fmt::format("{}:{}:{}", before.path, before.line, before.column);
}

}  // namespace

std::string answered_twice_message(std::string_view id, std::string_view questionnaire, const GroupKey& group,
                                   const SourceLocation& before) {
  return fmt::format("respondent '{}' answers questionnaire '{}' a second time in partnership '{}', period '{}'; "
                     "{} already holds these answers",
                     id, questionnaire, group.first, group.second, other_file(before));
}

std::string two_roles_message(std::string_view id, std::string_view role_here, std::string_view role_before,
                              const GroupKey& group, const SourceLocation& before) {
  return fmt::format("respondent '{}' has role '{}' here but '{}' in {} (partnership '{}', period '{}'); a "
                     "respondent has one role",
                     id, role_here, role_before, other_file(before), group.first, group.second);
}

void RespondentRegistry::remember_first_seen(Row row, const SourceLocation& where) {
  if (files_.empty() || files_.back() != where.path) files_.push_back(where.path);
  if (seen_.size() <= row) seen_.resize(row + 1);
  seen_[row] = {static_cast<std::uint32_t>(files_.size() - 1), where.line, where.column};
}

SourceLocation RespondentRegistry::first_seen(Row row) const {
  if (row < origins_.size() && !origins_[row].respondent.path.empty()) return origins_[row].respondent;
  if (row < seen_.size() && !files_.empty()) {
    const Seen& seen = seen_[row];
    return {files_[seen.file], seen.line, seen.column};
  }
  return {};
}

void RespondentRegistry::forget_positions() {
  for (Row row = 0; row < origins_.size(); ++row) {
    if (!origins_[row].respondent.path.empty()) remember_first_seen(row, origins_[row].respondent);
  }
  origins_ = {};
}

SourceLocation RespondentRegistry::Origin::entry(std::size_t q) const {
  for (const Entry& entry : entries) {
    if (entry.slot == q) return {respondent.path, entry.line, entry.column};
  }
  return {respondent.path, 0, 0};
}

std::uint32_t RespondentRegistry::role_index(std::string_view role) {
  const auto found = std::find(roles_.begin(), roles_.end(), role);
  if (found != roles_.end()) return static_cast<std::uint32_t>(found - roles_.begin());
  roles_.emplace_back(role);
  return static_cast<std::uint32_t>(roles_.size() - 1);
}

RespondentRegistry::Row RespondentRegistry::new_row() {
  const auto row = static_cast<Row>(answered_.size() / std::max<std::size_t>(questionnaire_count_, 1));
  answered_.resize(answered_.size() + std::max<std::size_t>(questionnaire_count_, 1));
  return row;
}

std::optional<Diagnostic> RespondentRegistry::add_respondent(const Response& response, const GroupKey& group,
                                                             Row& row) {
  const Respondent& respondent = response.respondent;
  const std::uint32_t role = role_index(respondent.role);
  auto [entry, added] = entries_.try_emplace(respondent.id);
  if (added) {
    entry->second = {role, new_row()};
    origins_.resize(entry->second.row + 1);
    origins_.back().respondent = response.location;
    origins_.back().entries.reserve(response.questionnaires.size());
  }
  row = entry->second.row;
  if (entry->second.role == role) return std::nullopt;
  return conflict_at(response.location, two_roles_message(respondent.id, respondent.role, roles_[entry->second.role],
                                                          group, first_seen(row)));
}

std::optional<Diagnostic> RespondentRegistry::add_answers(std::string_view id, Row row, std::size_t q, const Layout& layout,
                                                          const SourceLocation& where, const GroupKey& group) {
  if (answered(row, q)) {
    return conflict_at(where, answered_twice_message(id, layout.questionnaires[q].questionnaire->id, group,
                                                     first_seen(row)));
  }
  set_answered(row, q);
  if (row < origins_.size()) origins_[row].entries.push_back({q, where.line, where.column});
  return std::nullopt;
}

std::optional<Diagnostic> RespondentRegistry::absorb_one(std::string_view id, const Entry& theirs,
                                                         const RespondentRegistry& other, Entry& ours,
                                                         const Layout& layout, const GroupKey& group) {
  const Origin* origin = theirs.row < other.origins_.size() ? &other.origins_[theirs.row] : nullptr;
  if (ours.role != role_index(other.roles_[theirs.role])) {
    return conflict_at(origin ? origin->respondent : SourceLocation{},
                       two_roles_message(id, other.roles_[theirs.role], roles_[ours.role], group,
                                         first_seen(ours.row)));
  }
  for (std::size_t q = 0; q < questionnaire_count_; ++q) {
    if (!other.answered(theirs.row, q)) continue;
    if (answered(ours.row, q)) {
      return conflict_at(origin ? origin->entry(q) : SourceLocation{},
                         answered_twice_message(id, layout.questionnaires[q].questionnaire->id, group,
                                                first_seen(ours.row)));
    }
    set_answered(ours.row, q);
  }
  return std::nullopt;
}

std::vector<Diagnostic> RespondentRegistry::absorb(RespondentRegistry&& other, const Layout& layout,
                                                   const GroupKey& group) {
  std::vector<Diagnostic> conflicts;
  // Grown geometrically: reserving the exact sum at every merge would rehash the whole table each time.
  const std::size_t needed = entries_.size() + other.entries_.size();
  if (static_cast<double>(needed) > static_cast<double>(entries_.bucket_count()) * double{entries_.max_load_factor()}) {
    entries_.reserve(std::max(needed, 2 * entries_.size()));
  }
  for (auto it = other.entries_.begin(); it != other.entries_.end();) {
    auto node = other.entries_.extract(it++);  // moves the id: no copy
    const Entry theirs = node.mapped();
    const auto found = entries_.find(node.key());
    if (found != entries_.end()) {
      if (auto conflict = absorb_one(node.key(), theirs, other, found->second, layout, group)) {
        conflicts.push_back(std::move(*conflict));
      }
      continue;
    }
    node.mapped() = {role_index(other.roles_[theirs.role]), new_row()};
    const SourceLocation where = other.first_seen(theirs.row);
    if (!where.path.empty()) remember_first_seen(node.mapped().row, where);
    for (std::size_t q = 0; q < questionnaire_count_; ++q) {
      if (other.answered(theirs.row, q)) set_answered(node.mapped().row, q);
    }
    entries_.insert(std::move(node));
  }
  return conflicts;
}

std::vector<std::pair<std::string, std::size_t>> RespondentRegistry::role_counts() const {
  std::vector<std::size_t> counts(roles_.size(), 0);
  for (const auto& [id, entry] : entries_) ++counts[entry.role];
  std::map<std::string, std::size_t> by_name;
  for (std::size_t r = 0; r < roles_.size(); ++r) {
    if (counts[r] > 0) by_name[roles_[r]] += counts[r];
  }
  return {by_name.begin(), by_name.end()};
}

}  // namespace partnerpulse::scoring
