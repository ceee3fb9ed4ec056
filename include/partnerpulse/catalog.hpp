#pragma once
// Finds questionnaires by id along a search path.

#include <memory>
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
  const std::vector<std::string>& folders() const noexcept { return folders_; }
  // The folders searched, for messages: "a, b", or "no folder found" when none exists.
  std::string searched_folders() const;

private:
  std::vector<std::shared_ptr<const Questionnaire>> items_;
  std::vector<std::shared_ptr<const Questionnaire>> search_order_;  // every one loaded, current or archived
  std::vector<std::string> folders_;
};

// The default search path: `extra` folders, then ./questionnaires, then the installed share folder
// ($PARTNERPULSE_SHARE_DIR, else share/partnerpulse beside the binary's bin/ folder, else the configured one).
std::vector<std::string> questionnaire_search_path(const std::vector<std::string>& extra);

}  // namespace partnerpulse
