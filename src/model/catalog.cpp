#include "partnerpulse/catalog.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include <fmt/ranges.h>

#include "partnerpulse/files.hpp"
#include "partnerpulse/questionnaire_loader.hpp"
#include "partnerpulse/response.hpp"
#include "util/name_suggestions.hpp"
#include "partnerpulse/interface_text.hpp"

#ifndef PARTNERPULSE_SHARE_DIR
#define PARTNERPULSE_SHARE_DIR "/usr/local/share/partnerpulse"
#endif

namespace partnerpulse {

namespace fs = std::filesystem;

namespace {

// The installed share folder: $PARTNERPULSE_SHARE_DIR, else share/partnerpulse beside the running binary's
// bin/ folder (so that an installation works under any prefix, and a package can be unpacked anywhere), else
// the folder the build was configured for.
fs::path share_folder() {
  const char* share = std::getenv("PARTNERPULSE_SHARE_DIR");
  if (share && *share) return share;
  std::error_code ec;
  const fs::path binary = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path beside = binary.parent_path().parent_path() / "share" / "partnerpulse";
    if (fs::is_directory(beside, ec)) return beside;
  }
  return PARTNERPULSE_SHARE_DIR;
}

}  // namespace

std::vector<std::string> questionnaire_search_path(const std::vector<std::string>& extra) {
  std::vector<std::string> folders = extra;
  folders.emplace_back("questionnaires");
  folders.push_back((share_folder() / "questionnaires").string());
  return folders;
}

namespace {

// Loads the questionnaires of one folder (passing each to `add`), collecting problems; ids must be unique within
// the folder, or with `archive`, ids and versions. Returns false when the folder is missing; one that cannot be
// listed holds nothing.
template <typename Add>
bool load_folder(const std::string& folder, bool archive, std::vector<Diagnostic>& problems, Add add) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) return false;
  std::vector<std::string> files;
  try {
    files = collect_toml_files({folder}, Subfolders::skip);
  } catch (const IoError&) {
    return true;
  }
  std::vector<std::pair<std::string, std::string>> seen_here;  // id (and version) -> file, within this folder
  for (const auto& file : files) {
    try {
      const std::string text = read_text_file(file);
      if (detect_input_kind(text) != InputKind::questionnaire) continue;
      Questionnaire questionnaire = parse_questionnaire(text, file);
      const std::string key = archive ? fmt::format("{} {}", questionnaire.id, questionnaire.version)
                                      : questionnaire.id;
      const auto same = std::find_if(seen_here.begin(), seen_here.end(),
                                     [&](const auto& entry) { return entry.first == key; });
      if (same != seen_here.end()) {
        Diagnostic duplicate;  // built field by field: g++ 12 -O3 warns (falsely) about a braced temporary here
        duplicate.location = SourceLocation{file, 1, 1};
        duplicate.message =
            archive
                ? fmt::format(
                      fmt::runtime(tr("questionnaire '{}' version \"{}\" is also defined by {}; each version may be "
                                      "archived once in a folder")),
                      questionnaire.id, questionnaire.version, same->second)
                : fmt::format(
                      fmt::runtime(tr("questionnaire id '{}' is also defined by {}; ids must be unique in a folder")),
                      questionnaire.id, same->second);
        problems.push_back(std::move(duplicate));
        continue;
      }
      seen_here.emplace_back(key, file);
      add(std::move(questionnaire));
    } catch (const InputError& error) {
      problems.insert(problems.end(), error.diagnostics().begin(), error.diagnostics().end());
    }
  }
  return true;
}

}  // namespace

Catalog Catalog::from_folders(const std::vector<std::string>& folders, std::vector<Questionnaire> first) {
  Catalog catalog;
  for (auto& questionnaire : first) catalog.add(std::move(questionnaire));
  std::vector<Diagnostic> problems;
  for (const auto& folder : folders) {
    if (std::find(catalog.searched_.begin(), catalog.searched_.end(), folder) == catalog.searched_.end()) {
      catalog.searched_.push_back(folder);
    }
    if (!load_folder(folder, false, problems, [&](Questionnaire q) { catalog.add(std::move(q)); })) continue;
    catalog.folders_.push_back(folder);
    load_folder((fs::path(folder) / "archive").string(), true, problems,
                [&](Questionnaire q) { catalog.add_archived(std::move(q)); });
  }
  if (!problems.empty()) throw InputError(std::move(problems));
  return catalog;
}

void Catalog::add(Questionnaire questionnaire) {
  auto shared = std::make_shared<const Questionnaire>(std::move(questionnaire));
  search_order_.push_back(shared);
  if (!find(shared->id)) items_.push_back(std::move(shared));
}

void Catalog::add_archived(Questionnaire questionnaire) {
  search_order_.push_back(std::make_shared<const Questionnaire>(std::move(questionnaire)));
}

const Questionnaire* Catalog::find(std::string_view id, std::string_view version) const {
  for (const auto& item : search_order_) {
    if (item->id == id && item->version == version) return item.get();
  }
  return find(id);
}

std::vector<const Questionnaire*> Catalog::versions() const {
  std::vector<const Questionnaire*> reachable;
  for (const auto& item : search_order_) {
    if (find(item->id, item->version) == item.get()) reachable.push_back(item.get());
  }
  return reachable;
}

std::vector<std::string> Catalog::ids() const {
  std::vector<std::string> ids;
  ids.reserve(items_.size());
  for (const auto& item : items_) ids.push_back(item->id);
  return ids;
}

std::string Catalog::searched_folders() const {
  if (searched_.empty()) return std::string(tr("no folder"));
  std::vector<std::string> shown;
  for (const auto& folder : searched_) {
    const bool exists = std::find(folders_.begin(), folders_.end(), folder) != folders_.end();
    shown.push_back(exists ? folder : fmt::format(fmt::runtime(tr("{} (missing)")), folder));
  }
  return fmt::format("{}", fmt::join(shown, ", "));
}

std::string Catalog::unknown_questionnaire_message(std::string_view id,
                                                   const std::optional<std::string>& suggestion) const {
  if (suggestion) {
    return fmt::format(
        fmt::runtime(tr("unknown questionnaire '{}' (did you mean '{}'?); searched: {}; to add it, put its "
                        "questionnaire file in one of these folders, or name its folder with "
                        "--questionnaires DIR")),
        name_for_message(id), *suggestion, searched_folders());
  }
  return fmt::format(
      fmt::runtime(tr("unknown questionnaire '{}'; searched: {}; to add it, put its questionnaire file in "
                      "one of these folders, or name its folder with --questionnaires DIR")),
      name_for_message(id), searched_folders());
}

std::vector<std::string> folders_of(const std::vector<std::string>& paths) {
  std::vector<std::string> folders;
  for (const auto& path : paths) {
    std::error_code ec;
    const fs::path parent = fs::is_directory(path, ec) ? fs::path(path) : fs::path(path).parent_path();
    std::string folder = parent.empty() ? fs::path(".").string() : parent.string();
    if (std::find(folders.begin(), folders.end(), folder) == folders.end()) folders.push_back(std::move(folder));
  }
  return folders;
}

const Questionnaire* Catalog::find(std::string_view id) const {
  for (const auto& item : items_) {
    if (item->id == id) return item.get();
  }
  return nullptr;
}

bool is_questionnaire_path(const std::string& argument) {
  return argument.find('/') != std::string::npos ||
         (argument.size() > 5 && argument.compare(argument.size() - 5, 5, ".toml") == 0);
}

namespace {

// The questionnaires with these ids, in order. Throws UsageError for an unknown id or one given twice.
std::vector<const Questionnaire*> find_questionnaires(const Catalog& catalog, const std::vector<std::string>& ids) {
  std::vector<const Questionnaire*> questionnaires;
  for (const auto& id : ids) {
    const Questionnaire* questionnaire = catalog.find(id);
    if (!questionnaire) throw UsageError(catalog.unknown_questionnaire_message(id, closest_name(id, catalog.ids())));
    for (const auto* seen : questionnaires) {
      if (seen->id == id) throw UsageError(fmt::format(fmt::runtime(tr("questionnaire '{}' is given twice")), id));
    }
    questionnaires.push_back(questionnaire);
  }
  return questionnaires;
}

}  // namespace

NamedQuestionnaires find_named_questionnaires(const std::vector<std::string>& arguments,
                                              const std::vector<std::string>& folders,
                                              const std::vector<std::string>& beside) {
  std::vector<Questionnaire> from_paths;
  std::vector<std::string> ids;
  for (const auto& argument : arguments) {
    if (is_questionnaire_path(argument)) {
      Questionnaire questionnaire = load_questionnaire(argument);
      ids.push_back(questionnaire.id);
      from_paths.push_back(std::move(questionnaire));
    } else {
      ids.push_back(argument);
    }
  }
  std::vector<std::string> search = questionnaire_search_path(folders);
  search.insert(search.end(), beside.begin(), beside.end());
  NamedQuestionnaires named{Catalog::from_folders(search, std::move(from_paths)), {}};
  named.questionnaires = find_questionnaires(named.catalog, ids);
  return named;
}

}  // namespace partnerpulse
