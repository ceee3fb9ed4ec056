#include <memory>
#include <ostream>
#include <string>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "partnerpulse/catalog.hpp"
#include "partnerpulse/import.hpp"
#include "partnerpulse/interface_text.hpp"

namespace partnerpulse {

namespace {

// The values given to `partnerpulse import`.
struct ImportArguments {
  std::string export_path;
  std::vector<std::string> questionnaire_folders;
  ImportOptions options;
};

// Imports one export and says what was done: the column plan with --dry-run, every problem, and the files written.
int run_import(const ImportArguments& arguments, Console& console) {
  const ImportOptions& options = arguments.options;
  if (options.out_dir.empty() && !options.dry_run) {
    throw UsageError(std::string(tr("--out-dir DIR is required (or --dry-run)")));
  }
  if (options.dry_run && (options.force || options.skip_invalid)) {
    throw UsageError(std::string(tr("--dry-run writes nothing: --force and --skip-invalid do not apply")));
  }
  const Catalog catalog = Catalog::from_folders(questionnaire_search_path(arguments.questionnaire_folders));
  const ImportOutcome outcome = import_export(arguments.export_path, catalog, options);
  if (options.dry_run) console.out << outcome.column_plan;
  if (!outcome.problems.empty() && !options.skip_invalid) throw InputError(outcome.problems);
  for (const Diagnostic& problem : outcome.problems) console.err << format_diagnostic(problem) << '\n';
  if (options.dry_run) {
    console.err << "partnerpulse: "
                << fmt::format(fmt::runtime(tr("dry run: {} row(s) read, all valid; nothing written")), outcome.rows)
                << '\n';
    return exit_ok;
  }
  console.err << "partnerpulse: "
              << (outcome.skipped > 0
                      ? fmt::format(fmt::runtime(tr("wrote {} response file(s) to {}; skipped {} invalid row(s), "
                                                    "listed above")),
                                    outcome.written, options.out_dir, outcome.skipped)
                      : fmt::format(fmt::runtime(tr("wrote {} response file(s) to {}")), outcome.written,
                                    options.out_dir))
              << '\n';
  return outcome.skipped > 0 ? exit_invalid : exit_ok;
}

}  // namespace

void add_export_reading_options(CLI::App& app, ExportReading& reading) {
  app.add_option("--mapping", reading.mapping_path,
                 "Mapping file (TOML) saying which export column gives which item or respondent detail")
      ->type_name("FILE")
      ->check(non_empty_file());
  app.add_option("--key", reading.key_path,
                 "Key file for respondent pseudonyms (default: $XDG_CONFIG_HOME/partnerpulse/import.key, created on "
                 "first use)")
      ->type_name("FILE")
      ->check(non_empty_file());
}

CommandRun setup_import(CLI::App& command) {
  auto arguments = std::make_shared<ImportArguments>();
  command.description(
      "Read a survey export (CSV from KoBoToolbox, ODK Central or Briefcase, LimeSurvey, Google Forms, or the CSV "
      "template) and write one response file per row into --out-dir, named by the respondent's pseudonym. Columns "
      "are matched by the naming rule of `partnerpulse form`, then by a mapping file, then by item texts; columns "
      "that match nothing (names, e-mail addresses, metadata) are never copied. Respondent ids become pseudonyms "
      "(a keyed hash). Nothing is written when any row is invalid, unless --skip-invalid. See docs/import.md.");
  command.add_option("EXPORT", arguments->export_path, "The survey export (CSV)")->required()->type_name("FILE");
  add_questionnaire_folders_option(command, arguments->questionnaire_folders);
  add_export_reading_options(command, arguments->options.reading);
  command.add_option("--out-dir", arguments->options.out_dir, "Folder to write the response files into")
      ->type_name("DIR")
      ->check(non_empty_file());
  command.add_flag("--dry-run", arguments->options.dry_run,
                   "Check every row and print which column gives what and which are left out; write nothing");
  command.add_flag("--force", arguments->options.force, "Replace response files that exist");
  command.add_flag("--skip-invalid", arguments->options.skip_invalid,
                   "Write the valid rows and list the invalid ones (exit code 1 when any was skipped)");
  return run_with(arguments, run_import);
}

}  // namespace partnerpulse
