#include "scoring/respondent_registry.hpp"

#include <algorithm>
#include <functional>
#include <limits>
#include <map>
#include <stdexcept>

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

RespondentRegistry::SeenAt RespondentRegistry::seen_at(const SourceLocation& where) {
  const std::string_view path = where.path;
  const std::size_t slash = path.rfind('/');
  const std::size_t split = slash == std::string_view::npos ? 0 : slash + 1;
  return {path.substr(0, split), path.substr(split), where.line, where.column};
}

void RespondentRegistry::remember_first_seen(Row row, const SeenAt& where) {
  if (seen_.size() <= row) seen_.resize(row + 1);
  if (!where.known()) return;  // stays unknown
  const SeenAt last = file_name_end_.empty() ? SeenAt{} : first_seen_at_file(file_name_end_.size() - 1);
  if (file_name_end_.empty() || last.folder != where.folder || last.name != where.name) {
    if (folders_.empty() || folders_.back() != where.folder) folders_.emplace_back(where.folder);
    if (file_names_.size() + where.name.size() > std::numeric_limits<std::uint32_t>::max()) {
      throw std::length_error("more than 4 GiB of file names in one partnership and period");
    }
    file_folder_.push_back(static_cast<std::uint32_t>(folders_.size() - 1));
    file_names_.append(where.name);
    file_name_end_.push_back(static_cast<std::uint32_t>(file_names_.size()));
  }
  seen_[row] = {static_cast<std::uint32_t>(file_name_end_.size() - 1), where.line, where.column};
}

RespondentRegistry::SeenAt RespondentRegistry::first_seen_at_file(std::size_t file) const {
  const std::size_t begin = file == 0 ? 0 : file_name_end_[file - 1];
  return {folders_[file_folder_[file]], std::string_view(file_names_).substr(begin, file_name_end_[file] - begin)};
}

RespondentRegistry::SeenAt RespondentRegistry::first_seen_at(Row row) const {
  if (row >= seen_.size() || seen_[row].file == unknown_file) return {};
  SeenAt where = first_seen_at_file(seen_[row].file);
  where.line = seen_[row].line;
  where.column = seen_[row].column;
  return where;
}

SourceLocation RespondentRegistry::first_seen(Row row) const {
  const SeenAt where = first_seen_at(row);
  return {where.path(), where.line, where.column};
}

SourceLocation RespondentRegistry::entry_location(Row row, std::size_t q) const {
  const SeenAt where = first_seen_at(row);
  if (!where.known()) return {};
  for (std::uint32_t at = row < last_entry_.size() ? last_entry_[row] : 0; at != 0; at = entries_[at - 1].previous) {
    if (entries_[at - 1].slot == q) return {where.path(), entries_[at - 1].line, entries_[at - 1].column};
  }
  return {where.path(), 0, 0};
}

void RespondentRegistry::forget_positions() {
  entries_ = {};
  last_entry_ = {};
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

std::string_view RespondentRegistry::id(Row row) const {
  const std::size_t begin = row == 0 ? 0 : id_end_[row - 1];
  return std::string_view(ids_).substr(begin, id_end_[row] - begin);
}

RespondentRegistry::Probe RespondentRegistry::find_slot(std::string_view id) const {
  const std::size_t hash = std::hash<std::string_view>{}(id);
  const auto tag = static_cast<std::uint8_t>(hash >> (std::numeric_limits<std::size_t>::digits - 8));
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
    if (slots_[slot] == 0 || (slot_tags_[slot] == tag && this->id(slots_[slot] - 1) == id)) return {slot, tag};
  }
}

void RespondentRegistry::grow_table() {
  std::vector<Row> old = std::move(slots_);
  slots_.assign(std::max<std::size_t>(16, 2 * old.size()), 0);
  slot_tags_.assign(slots_.size(), 0);
  for (const Row entry : old) {
    if (entry == 0) continue;
    const Probe probe = find_slot(id(entry - 1));
    slots_[probe.slot] = entry;
    slot_tags_[probe.slot] = probe.tag;
  }
}

RespondentRegistry::Row RespondentRegistry::insert(const Probe& probe, std::string_view id, std::uint32_t role) {
  if (ids_.size() + id.size() > std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error("more than 4 GiB of respondent ids in one partnership and period");
  }
  const Row row = new_row();
  ids_.append(id);
  id_end_.push_back(static_cast<std::uint32_t>(ids_.size()));
  role_of_.push_back(role);
  slots_[probe.slot] = row + 1;
  slot_tags_[probe.slot] = probe.tag;
  if (4 * (role_of_.size() + 1) > 3 * slots_.size()) grow_table();  // at most three quarters full
  return row;
}

std::optional<Diagnostic> RespondentRegistry::add_respondent(const Response& response, const GroupKey& group,
                                                             Row& row) {
  const Respondent& respondent = response.respondent;
  const std::uint32_t role = role_index(respondent.role);
  if (slots_.empty()) grow_table();
  const Probe probe = find_slot(respondent.id);
  if (slots_[probe.slot] == 0) {
    row = insert(probe, respondent.id, role);
    remember_first_seen(row, seen_at(response.location));
    return std::nullopt;
  }
  row = slots_[probe.slot] - 1;
  if (role_of_[row] == role) return std::nullopt;
  return conflict_at(response.location,
                     two_roles_message(respondent.id, respondent.role, roles_[role_of_[row]], group, first_seen(row)));
}

std::optional<Diagnostic> RespondentRegistry::add_answers(std::string_view id, Row row, std::size_t q, const Layout& layout,
                                                          const SourceLocation& where, const GroupKey& group) {
  if (answered(row, q)) {
    return conflict_at(where, answered_twice_message(id, layout.questionnaires[q].questionnaire->id, group,
                                                     first_seen(row)));
  }
  set_answered(row, q);
  if (last_entry_.size() <= row) last_entry_.resize(row + 1);
  if (entries_.size() >= std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error("more than 4 billion questionnaire entries in one chunk");
  }
  entries_.push_back({static_cast<std::uint32_t>(q), where.line, where.column, last_entry_[row]});
  last_entry_[row] = static_cast<std::uint32_t>(entries_.size());
  return std::nullopt;
}

std::optional<Diagnostic> RespondentRegistry::absorb_one(Row theirs, const RespondentRegistry& other, Row ours,
                                                         const Layout& layout, const GroupKey& group) {
  const std::string& their_role = other.roles_[other.role_of_[theirs]];
  if (role_of_[ours] != role_index(their_role)) {
    return conflict_at(other.first_seen(theirs),
                       two_roles_message(other.id(theirs), their_role, roles_[role_of_[ours]], group,
                                         first_seen(ours)));
  }
  for (std::size_t q = 0; q < questionnaire_count_; ++q) {
    if (!other.answered(theirs, q)) continue;
    if (answered(ours, q)) {
      return conflict_at(other.entry_location(theirs, q),
                         answered_twice_message(other.id(theirs), layout.questionnaires[q].questionnaire->id, group,
                                                first_seen(ours)));
    }
    set_answered(ours, q);
  }
  return std::nullopt;
}

std::vector<Diagnostic> RespondentRegistry::absorb(RespondentRegistry&& other, const Layout& layout,
                                                   const GroupKey& group) {
  std::vector<Diagnostic> conflicts;
  if (slots_.empty()) grow_table();
  for (Row theirs = 0; theirs < other.size(); ++theirs) {
    const std::string_view id = other.id(theirs);
    const Probe probe = find_slot(id);
    if (slots_[probe.slot] != 0) {
      if (auto conflict = absorb_one(theirs, other, slots_[probe.slot] - 1, layout, group)) {
        conflicts.push_back(std::move(*conflict));
      }
      continue;
    }
    const Row ours = insert(probe, id, role_index(other.roles_[other.role_of_[theirs]]));
    remember_first_seen(ours, other.first_seen_at(theirs));
    for (std::size_t q = 0; q < questionnaire_count_; ++q) {
      if (other.answered(theirs, q)) set_answered(ours, q);
    }
  }
  other = RespondentRegistry(other.questionnaire_count_);
  return conflicts;
}

std::vector<std::pair<std::string, std::size_t>> RespondentRegistry::role_counts() const {
  std::vector<std::size_t> counts(roles_.size(), 0);
  for (const std::uint32_t role : role_of_) ++counts[role];
  std::map<std::string, std::size_t> by_name;
  for (std::size_t r = 0; r < roles_.size(); ++r) {
    if (counts[r] > 0) by_name[roles_[r]] += counts[r];
  }
  return {by_name.begin(), by_name.end()};
}

}  // namespace partnerpulse::scoring
