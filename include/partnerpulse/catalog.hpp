#pragma once
// Finds questionnaires by id along a search path.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "partnerpulse/questionnaire.hpp"

namespace partnerpulse {

// Questionnaires loaded from a list of folders. The lookup rule: an id names the first questionnaire with that id
// in the folders (not their archive/ sub-folders); an id and a version (a response's [questionnaires] entry) name
// the first with that id and version, each folder searched before its archive/ sub-folder, else the id alone.
class Catalog {
public:
  // Loads every *.toml questionnaire in `folders` and in each folder's archive/ sub-folder (no other sub-folders;
  // hidden files skipped, as TomlFileStream does), in order, after `first` (which takes precedence); missing or
  // unreadable folders are skipped. Invalid questionnaire files throw InputError (a search path must not hide a
  // broken file).
  static Catalog from_folders(const std::vector<std::string>& folders, std::vector<Questionnaire> first = {});

  // Adds a current questionnaire; one with the same id already present wins and this one is only found by version.
  void add(Questionnaire questionnaire);
  // Adds an earlier version, found only by id and version.
  void add_archived(Questionnaire questionnaire);
  // The current questionnaire with this id, or nullptr.
  const Questionnaire* find(std::string_view id) const;
  // The questionnaire with this id and version (the search path's first), else find(id).
  const Questionnaire* find(std::string_view id, std::string_view version) const;
  // The current questionnaires, one per id.
  const std::vector<std::shared_ptr<const Questionnaire>>& all() const noexcept { return items_; }
  // Every questionnaire find(id, version) can return, one per id and version, in search order.
  std::vector<const Questionnaire*> versions() const;
  // The ids of all(), in the same order.
  std::vector<std::string> ids() const;
  // The folders that exist among those searched.
  const std::vector<std::string>& folders() const noexcept { return folders_; }
  // Every folder searched, for messages: "a, b (missing)", or "no folder" when none was given.
  std::string searched_folders() const;
  // The one wording for an id not found: "unknown questionnaire 'ID' (did you mean 'X'?); searched: ...; how to
  // add one". `suggestion` is the closest id (from NameSuggester over ids()), if any.
  std::string unknown_questionnaire_message(std::string_view id, const std::optional<std::string>& suggestion) const;

private:
  std::vector<std::shared_ptr<const Questionnaire>> items_;
  std::vector<std::shared_ptr<const Questionnaire>> search_order_;  // every one loaded, current or archived
  std::vector<std::string> folders_;
  std::vector<std::string> searched_;  // every folder given to from_folders, existing or not
};

// True when a QUESTIONNAIRE argument names a file (it holds a '/' or ends in .toml) rather than an id.
bool is_questionnaire_path(const std::string& argument);

// The questionnaires a command line names, and the catalog they were found in.
struct NamedQuestionnaires {
  Catalog catalog;
  std::vector<const Questionnaire*> questionnaires;  // in the order named; they live in `catalog`
};

// Looks up `arguments` (questionnaire ids, or files as is_questionnaire_path tells) in a catalog of the files
// first, then questionnaire_search_path(`folders`), then the `beside` folders (such as the folder of the file a
// command writes). Throws UsageError for an unknown id (Catalog::unknown_questionnaire_message) or one named twice;
// InputError for an invalid file; IoError for a missing one.
NamedQuestionnaires find_named_questionnaires(const std::vector<std::string>& arguments,
                                              const std::vector<std::string>& folders,
                                              const std::vector<std::string>& beside = {});

// The default search path: `extra` folders, then ./questionnaires, then the installed share folder
// ($PARTNERPULSE_SHARE_DIR, else share/partnerpulse beside the binary's bin/ folder, else the configured one).
std::vector<std::string> questionnaire_search_path(const std::vector<std::string>& extra);

// The folders of input `paths`, each once, in order: a folder itself, a file's parent ("." for a bare name); the
// last places `report` and `ask` look questionnaires up in, after the search path.
std::vector<std::string> folders_of(const std::vector<std::string>& paths);

}  // namespace partnerpulse
