#pragma once
// Partnership files (docs/partnership-format.md): a partnership's title, the roles its responses use (each with a
// title and the other spellings that mean it) and, per period, how many people of each role were invited; and the
// one rule that turns a role label found in a response into the role it is grouped under.

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "partnerpulse/diagnostics.hpp"
#include "partnerpulse/response.hpp"
#include "partnerpulse/results.hpp"

namespace partnerpulse {

struct PartnershipRole {
  std::string id;                    // the canonical role label, as responses are grouped under it
  std::string title;                 // how reports name the role
  std::vector<std::string> aliases;  // other labels that mean this role, as written in the file
};

struct PartnershipPeriod {
  std::string id;
  std::map<std::string, std::size_t> invited;  // people asked, per role id (declared roles only)
};

struct Partnership {
  std::string id;
  std::string title;
  std::vector<PartnershipRole> roles;      // by id (the order TOML tables are read in)
  std::vector<PartnershipPeriod> periods;  // in file order
  std::string path;                        // the file it was read from
  std::map<std::string, std::string, std::less<>> labels;  // every role id and alias, folded -> the role id
  const PartnershipRole* role(std::string_view id) const;
  const PartnershipPeriod* period(std::string_view id) const;
};

// A role label compared as labels are compared: surrounding whitespace trimmed, Unicode NFC normalisation and case
// folding (utf8proc), so that "North", "north" and " NORTH " are one role. The label `label` becomes in a report
// when no partnership file declares it. `label` must be valid UTF-8 (as every respondent detail is).
std::string fold_role_label(std::string_view label);

// Parses a partnership file's text. Throws InputError listing every problem, each at its position.
Partnership parse_partnership(std::string_view text, const std::string& path);
// Reads and parses a partnership file. Throws IoError or InputError.
Partnership load_partnership(const std::string& path);

// Whether a file found among responses is a partnership file by its name: `partnership.toml`, or a name ending
// in `.partnership.toml`.
bool is_partnership_file_name(std::string_view path);

// The partnership files of a run, by partnership id.
class PartnershipSet {
public:
  // Adds a parsed file; throws InputError (at the second file's [partnership] table) when its id is already known.
  void add(Partnership partnership);
  const Partnership* find(std::string_view id) const;
  bool empty() const noexcept { return by_id_.empty(); }
  const std::map<std::string, Partnership, std::less<>>& all() const noexcept { return by_id_; }

private:
  std::map<std::string, Partnership, std::less<>> by_id_;
};

// Every partnership file of a run: the files named like one (is_partnership_file_name) among `response_paths`,
// then every *.toml file with a [partnership] table in the folders `partnership_folders` (searched recursively). Throws InputError with every problem of every
// file, IoError for a folder that cannot be read.
PartnershipSet load_partnerships(const std::vector<std::string>& response_paths,
                                 const std::vector<std::string>& partnership_folders);

// The spellings of role labels met in responses, per folded label, to warn once about each folding.
using RoleSpellings = std::map<std::string, std::set<std::string>>;

// Replaces the role of `response` by the role it is grouped under: its declared role (by id or alias, folded)
// when `partnerships` has a file for its partnership, else its folded label; records the spelling in `spellings`.
// Returns an error at the role's position when the partnership file declares no such role.
std::optional<Diagnostic> resolve_role(Response& response, const PartnershipSet& partnerships,
                                       RoleSpellings& spellings);

// One warning line per folded label met with more than one spelling, in label order:
// `partnerpulse: warning: role labels "North", "north" are one role, "north" (case, spaces and Unicode form are
// ignored)`, each ending in a line break.
std::string role_folding_warnings(const RoleSpellings& spellings);

// What `partnerpulse ask` offers when it asks for the role and the period of a response to `partnership`: the
// declared role ids in the file's order, and the declared periods, newest first (natural order).
struct PartnershipChoices {
  std::vector<std::string> roles;
  std::vector<std::string> periods;
};
PartnershipChoices partnership_choices(const Partnership& partnership);

// The partnership `ask` offers choices from: the one named `id` in `partnerships`, or, when `id` is empty, the
// only one there; nullptr otherwise.
const Partnership* partnership_for_ask(const PartnershipSet& partnerships, std::string_view id);

// Fills each group's title, role_responses and missing_roles (results.hpp) from the partnership files, and, for a
// partnership without a file, names the roles that answered in another of its periods but not in this one.
void add_partnership_details(Results& results, const PartnershipSet& partnerships);

}  // namespace partnerpulse
