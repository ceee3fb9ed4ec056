#pragma once
// Internal to scoring: who answered what in one partnership and period, to count each respondent once and to
// refuse a respondent who answers a questionnaire twice or with two roles.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "partnerpulse/diagnostics.hpp"
#include "partnerpulse/response.hpp"
#include "scoring/scoring_layout.hpp"

namespace partnerpulse::scoring {

// A partnership and a period: the group a response belongs to.
using GroupKey = std::pair<std::string, std::string>;

// The one text of each conflict, whichever path finds it; `before` is where the respondent was read first (its
// [respondent] table), named in the message as FILE:LINE:COLUMN ("another response file" when unknown).
std::string answered_twice_message(std::string_view id, std::string_view questionnaire, const GroupKey& group,
                                   const SourceLocation& before);
std::string two_roles_message(std::string_view id, std::string_view role_here, std::string_view role_before,
                              const GroupKey& group, const SourceLocation& before);

// Respondents are told apart by their exact id (never a hash of it; a byte of its hash only saves comparisons). Kept
// per respondent, as its row: its id's bytes in one arena and where they end (4 bytes), its role (4 bytes), a slot
// of an open-addressing table of rows (5 bytes: the row and a byte of the id's hash; at most three quarters full),
// one bit per questionnaire of the catalog, and where it was first read (12 bytes: its file, as an index in a list
// of files, and its [respondent] table, so that a conflict names both files): about 30 bytes beyond the id. A
// registry filled by add_answers() also keeps where each questionnaire entry of its respondents was read (16 bytes
// each, and 4 bytes per respondent: a chunk's registry holds at most a chunk's respondents), so that absorb() can
// position the conflicts it finds.
class RespondentRegistry {
public:
  using Row = std::uint32_t;

  explicit RespondentRegistry(std::size_t questionnaire_count = 0) : questionnaire_count_(questionnaire_count) {}

  // Records the respondent of `response` and sets `row` to it. Returns a conflict, positioned at the response's
  // [respondent] table, when the same id was recorded with another role.
  std::optional<Diagnostic> add_respondent(const Response& response, const GroupKey& group, Row& row);
  // Records that respondent `id` (at `row`) answers questionnaire slot `q`, whose entry stands at `where`.
  // Returns a conflict, positioned there, when it had answered it already.
  std::optional<Diagnostic> add_answers(std::string_view id, Row row, std::size_t q, const Layout& layout, const SourceLocation& where,
                                        const GroupKey& group);
  // Moves every respondent of `other` in, as if added after this registry's, and returns the conflicts, each
  // positioned where `other` read the respondent (when it did).
  std::vector<Diagnostic> absorb(RespondentRegistry&& other, const Layout& layout, const GroupKey& group);

  // Drops the entry positions kept for absorb()'s messages, keeping where each respondent was first read (a
  // registry moved whole into a total that only merges).
  void forget_positions();

  std::size_t size() const noexcept { return role_of_.size(); }
  // Respondents per role, sorted by role name; roles with no respondent are left out.
  std::vector<std::pair<std::string, std::size_t>> role_counts() const;

private:
  // Where add_answers() read one questionnaire entry of a respondent (in the file its row was first read from),
  // and the index in entries_ of the row's previous entry plus one (0: none).
  struct Entry {
    std::uint32_t slot = 0;
    std::uint32_t line = 0, column = 0;
    std::uint32_t previous = 0;
  };

  static constexpr std::uint32_t unknown_file = 0xFFFFFFFF;
  // Where a respondent was first read, compactly: an index of the file (unknown_file when not known) and the
  // [respondent] table's position.
  struct Seen {
    std::uint32_t file = unknown_file;
    std::uint32_t line = 0, column = 0;
  };
  // The same, as views: the file's path is folder + name, the folder up to its last '/' (both empty when the
  // position is unknown).
  struct SeenAt {
    std::string_view folder, name;
    std::uint32_t line = 0, column = 0;
    bool known() const noexcept { return !folder.empty() || !name.empty(); }
    std::string path() const { return std::string(folder).append(name); }
  };
  static SeenAt seen_at(const SourceLocation& where);
  // A slot of slots_ (from find_slot) and the byte of the id's hash that slot_tags_ keeps there.
  struct Probe {
    std::size_t slot = 0;
    std::uint8_t tag = 0;
  };

  std::uint32_t role_index(std::string_view role);
  void remember_first_seen(Row row, const SeenAt& where);
  SeenAt first_seen_at(Row row) const;
  SeenAt first_seen_at_file(std::size_t file) const;  // the file only (line and column 0)
  SourceLocation first_seen(Row row) const;
  // Where respondent `row` answered questionnaire slot `q` (line 0 when not known; empty when nothing is known).
  SourceLocation entry_location(Row row, std::size_t q) const;
  Row new_row();
  bool answered(Row row, std::size_t q) const { return answered_[row * questionnaire_count_ + q]; }
  void set_answered(Row row, std::size_t q) { answered_[row * questionnaire_count_ + q] = true; }
  std::optional<Diagnostic> absorb_one(Row theirs, const RespondentRegistry& other, Row ours, const Layout& layout,
                                       const GroupKey& group);

  std::string_view id(Row row) const;
  // The slot of `id` in slots_: the one holding its row, or the empty one where it would go.
  Probe find_slot(std::string_view id) const;
  // Appends a row for `id` with `role` into the slot `probe` found (an empty one) and returns it; the table grows
  // as needed.
  Row insert(const Probe& probe, std::string_view id, std::uint32_t role);
  void grow_table();

  std::size_t questionnaire_count_;
  std::string ids_;                    // every id, in row order
  std::vector<std::uint32_t> id_end_;  // by row: where its id ends in ids_
  std::vector<std::uint32_t> role_of_;  // by row: an index in roles_
  std::vector<Row> slots_;             // row + 1 (0: empty); a power of two in size, linear probing
  std::vector<std::uint8_t> slot_tags_;  // by slot: the top byte of its id's hash, compared before the id
  std::vector<std::string> roles_;  // in order of first appearance
  std::vector<bool> answered_;      // row * questionnaire_count_ + slot
  // The files seen_ names, each once in a row; each as its folder (an index in folders_, where each folder is once
  // in a row too) and its name (in file_names_, up to file_name_end_): a respondent file costs its name only.
  std::vector<std::string> folders_;
  std::vector<std::uint32_t> file_folder_;
  std::string file_names_;
  std::vector<std::uint32_t> file_name_end_;
  std::vector<Seen> seen_;          // by row: where it was first read (file 0, line 0 when unknown)
  std::vector<Entry> entries_;      // every entry add_answers() recorded
  std::vector<std::uint32_t> last_entry_;  // by row: the index in entries_ of its last entry plus one (0: none)
};

}  // namespace partnerpulse::scoring
