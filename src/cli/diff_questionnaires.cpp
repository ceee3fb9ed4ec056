#include <filesystem>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "partnerpulse/catalog.hpp"
#include "partnerpulse/compare.hpp"
#include "partnerpulse/questionnaire_loader.hpp"
#include "partnerpulse/render_compare.hpp"
#include "util/name_suggestions.hpp"
#include "partnerpulse/interface_text.hpp"

namespace partnerpulse {

namespace {

// The values given to `partnerpulse diff-questionnaires`.
struct DiffOptions {
  std::string before;
  std::string now;
  std::vector<std::string> questionnaire_folders;
};

// A questionnaire named by a file path, or else by an id on the search path.
Questionnaire find_questionnaire(const std::string& name, const std::vector<std::string>& folders) {
  std::error_code error;
  if (std::filesystem::exists(name, error)) return load_questionnaire(name);
  const Catalog catalog = Catalog::from_folders(questionnaire_search_path(folders));
  if (const Questionnaire* found = catalog.find(name)) return *found;
  throw UsageError(fmt::format(fmt::runtime(tr("'{}' is not a file; {}")), name,
                               catalog.unknown_questionnaire_message(name, closest_name(name, catalog.ids()))));
}

// Prints what changed; exit 0 when results stay comparable, 1 when a dimension does not.
int run_diff(const DiffOptions& options, Console& console) {
  const Questionnaire before = find_questionnaire(options.before, options.questionnaire_folders);
  const Questionnaire now = find_questionnaire(options.now, options.questionnaire_folders);
  const QuestionnaireDiff diff = diff_questionnaires(before, now);
  console.out << render_questionnaire_diff(diff);
  return diff.comparable() ? exit_ok : exit_invalid;
}

}  // namespace

CommandRun setup_diff_questionnaires(CLI::App& command) {
  auto options = std::make_shared<DiffOptions>();
  command.description(
      "Show what changed between two versions of a questionnaire, per dimension (items added, removed, reworded, "
      "moved, rescaled, reversed, reweighted or replaced; title, bands and advice), and whether results measured "
      "with them stay comparable. Exits 0 when every dimension stays comparable and 1 when one does not, so a "
      "revision can be checked before a survey goes out. OLD and NEW are questionnaire files or ids on the search "
      "path.");
  command.add_option("OLD", options->before, "The earlier questionnaire: a file or an id")->required();
  command.add_option("NEW", options->now, "The revised questionnaire: a file or an id")->required();
  add_questionnaire_folders_option(command, options->questionnaire_folders);
  return run_with(options, run_diff);
}

}  // namespace partnerpulse
