#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "partnerpulse/catalog.hpp"
#include "partnerpulse/files.hpp"
#include "partnerpulse/form.hpp"
#include "partnerpulse/interface_text.hpp"
#include "partnerpulse/partnership.hpp"

namespace partnerpulse {

namespace {

// The values given to `partnerpulse form`.
struct FormOptions {
  std::vector<std::string> questionnaires;
  std::vector<std::string> questionnaire_folders;
  std::vector<std::string> partnership_folders;
  std::string format = "xlsform";
  std::string output;
  bool force = false;
};

// Writes the form of the questionnaires named, as an XLSForm workbook or a CSV template, to -o FILE.
int run_form(const FormOptions& options, Console& console) {
  RunInputs inputs{questionnaire_search_path(options.questionnaire_folders)};  // never a questionnaire's place
  for (const auto& argument : options.questionnaires) {
    if (is_questionnaire_path(argument)) inputs.paths.push_back(argument);
  }
  const Overwrite overwrite = options.force ? Overwrite::allow : Overwrite::refuse;
  check_output_target(options.output, overwrite, inputs);  // before any work
  const NamedQuestionnaires named = find_named_questionnaires(options.questionnaires, options.questionnaire_folders);
  const RespondentChoices respondent = respondent_choices(load_partnerships({}, options.partnership_folders));
  std::size_t fields = 0;
  if (options.format == "csv-template") {
    const Sheet sheet = build_csv_template(named.questionnaires, respondent);
    fields = sheet.columns.size();
    write_file_atomically(options.output, render_sheet_csv(sheet), overwrite, inputs);
  } else {
    const XlsForm form = build_xlsform(named.questionnaires, respondent);
    fields = form.survey.rows.size();
    write_xlsform(form, options.output, overwrite, inputs);
  }
  console.err << "partnerpulse: "
              << fmt::format(fmt::runtime(options.format == "csv-template"
                                              ? tr("wrote {} ({}, {} questionnaire(s), {} columns)")
                                              : tr("wrote {} ({}, {} questionnaire(s), {} survey rows)")),
                             options.output, options.format, named.questionnaires.size(), fields)
              << '\n';
  return exit_ok;
}

}  // namespace

CommandRun setup_form(CLI::App& command) {
  auto options = std::make_shared<FormOptions>();
  command.description(
      "Write questionnaires as a survey form: an XLSForm workbook (.xlsx) to publish with KoBoToolbox, ODK Central "
      "or SurveyCTO, or a CSV template for data entry in a spreadsheet. QUESTIONNAIRE is an id found on the search "
      "path (see `partnerpulse list`) or the path of a questionnaire file. Respondent fields (partnership, role, "
      "period) come first, then one group of questions per questionnaire, with an optional comment per scored "
      "item. Fields are named so that `partnerpulse import` reads the survey's export back with no mapping; no "
      "name or e-mail address is asked (see docs/form.md).");
  command.add_option("QUESTIONNAIRE", options->questionnaires, "Questionnaire ids or .toml files, in this order")
      ->required()
      ->type_name("ID|PATH");
  command.add_option("-f,--format", options->format, "xlsform: an XLSForm workbook; csv-template: a CSV template")
      ->check(CLI::IsMember({"xlsform", "csv-template"}))
      ->capture_default_str();
  command.add_option("-o,--output", options->output, "The file to write (atomically); refuses to replace a file")
      ->required()
      ->type_name("FILE")
      ->check(non_empty_file());
  command.add_flag("--force", options->force, "Replace FILE if it exists");
  add_partnerships_option(command, options->partnership_folders,
                          "Their partnerships and declared roles (labelled by their titles) and periods become the choices of "
                          "the respondent fields, which are otherwise free text");
  add_questionnaire_folders_option(command, options->questionnaire_folders);
  return run_with(options, run_form);
}

}  // namespace partnerpulse
