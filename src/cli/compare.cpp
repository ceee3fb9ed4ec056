#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "partnerpulse/catalog.hpp"
#include "partnerpulse/compare.hpp"
#include "partnerpulse/interface_text.hpp"
#include "partnerpulse/render_compare.hpp"
#include "partnerpulse/thread_pool.hpp"
#include "partnerpulse/version.hpp"
#include "partnerpulse/interface_text.hpp"

namespace partnerpulse {

namespace {

// The values given to `partnerpulse compare`.
struct CompareOptions {
  std::vector<std::string> inputs;
  std::vector<std::string> questionnaire_folders;
  std::vector<std::string> partnership_folders;
  OutputArguments output;
  ScoringArguments scoring;
};

// Reads every input (results files, or responses scored like `report` does), compares them and writes the
// comparison. Nothing is written when any input is invalid.
int run_compare(const CompareOptions& options, Console& console) {
  const RunInputs run_inputs{options.inputs};
  check_output_arguments(options.output, run_inputs);
  warn_if_small_groups_shown(options.scoring, console);
  const Catalog catalog = Catalog::from_folders(questionnaire_search_path(options.questionnaire_folders));
  ThreadPool pool(static_cast<std::size_t>(options.scoring.jobs));
  const PartnershipSet partnerships = load_partnerships(options.inputs, options.partnership_folders);
  std::vector<ComparisonInput> inputs;
  RoleSpellings spellings;
  for (const std::string& path : options.inputs) {
    inputs.push_back(load_comparison_input(path, catalog, options.scoring.scoring_options(false), pool, partnerships));
    for (auto& [role, seen] : inputs.back().role_spellings) spellings[role].merge(seen);
  }
  console.err << role_folding_warnings(spellings);
  const Comparison comparison = compare_periods(inputs);

  RenderOptions render;
  render.language = interface_language();  // resolved from --language or the environment
  render.tool_version = version();
  std::string text;
  if (options.output.format == "json") {
    text = render_comparison_json(comparison, render);
  } else if (options.output.format == "csv") {
    text = render_comparison_csv(comparison, render);
  } else {
    text = render_comparison_markdown(comparison, render);
  }
  write_output(options.output, text,
               fmt::format(fmt::runtime(tr("{} partnership(s), {} period(s)")), comparison.partnerships.size(),
                           comparison.periods.size()),
               console, run_inputs);
  return exit_ok;
}

}  // namespace

CommandRun setup_compare(CLI::App& command) {
  auto options = std::make_shared<CompareOptions>();
  command.description(
      "Compare periods, oldest first: per partnership, each dimension's index in every period, the change from the "
      "first to the last, and whether it is more than noise (Welch's t-test, 95%), with roles, perception gaps and "
      "items. An input is a results file written by 'report --format json' (keeping only those is safer for "
      "respondents than keeping their responses), or response files or folders, scored like 'report' does. Only "
      "figures each period's report shows appear; a change is shown only where both periods measured the dimension "
      "with the same items. Free-text comments never appear.");
  command.add_option("INPUTS", options->inputs, "Results files (JSON) or response files or folders, oldest first")
      ->required()
      ->expected(2, -1)
      ->type_name("PATH");
  add_questionnaire_folders_option(command, options->questionnaire_folders);
  add_partnerships_option(command, options->partnership_folders,
                          "Files named partnership.toml or *.partnership.toml among response folders are read too");
  add_output_options(command, options->output, "the comparison");
  add_scoring_options(command, options->scoring);
  return run_with(options, run_compare);
}

}  // namespace partnerpulse
