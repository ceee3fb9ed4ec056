#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "partnerpulse/catalog.hpp"
#include "partnerpulse/interface_text.hpp"
#include "partnerpulse/render.hpp"
#include "partnerpulse/interface_text.hpp"

namespace partnerpulse {

namespace {

// The values given to `partnerpulse list`.
struct ListOptions {
  std::vector<std::string> questionnaire_folders;
  bool items = false;  // list every item with its basis instead of one line per questionnaire
};

// Prints every questionnaire on the search path, one line each, to standard output.
int run_list(const ListOptions& options, Console& console) {
  const Catalog catalog = Catalog::from_folders(questionnaire_search_path(options.questionnaire_folders));
  if (catalog.all().empty()) {
    console.err << "partnerpulse: error: "
                << fmt::format(
                       fmt::runtime(tr("no questionnaires found; searched: {}; put questionnaire files (*.toml) in "
                                       "./questionnaires, or name their folder with --questionnaires DIR")),
                       catalog.searched_folders())
                << '\n';
    return exit_invalid;
  }
  if (options.items) {
    std::vector<const Questionnaire*> questionnaires;
    for (const auto& q : catalog.all()) questionnaires.push_back(q.get());
    console.out << render_item_list(questionnaires);
    return exit_ok;
  }
  console.out << fmt::format("{:<20} {:<8} {:>5}  {:<40} {}\n", "ID", "VERSION", "ITEMS", "TITLE", "PATH");
  for (const auto& q : catalog.all()) {
    console.out << fmt::format("{:<20} {:<8} {:>5}  {:<40} {}\n", q->id, q->version, q->scored_item_count(),
                               q->title.in(interface_language()), q->path);
  }
  return exit_ok;
}

}  // namespace

CommandRun setup_list(CLI::App& command) {
  auto options = std::make_shared<ListOptions>();
  add_questionnaire_folders_option(command, options->questionnaire_folders);
  command.add_flag("--items", options->items,
                   "List every item of each questionnaire, with the practice document it draws on (its basis), as "
                   "Markdown");
  command.description("List the questionnaires found on the search path: --questionnaires folders, then "
                      "./questionnaires, then the installed share folder. The first folder that holds an id wins. "
                      "Exits 1 when no questionnaire is found.");
  return run_with(options, run_list);
}

}  // namespace partnerpulse
