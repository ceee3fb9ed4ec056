#include <ostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "partnerpulse/catalog.hpp"
#include "partnerpulse/files.hpp"
#include "partnerpulse/questionnaire_loader.hpp"
#include "partnerpulse/response.hpp"

namespace partnerpulse {

void setup_validate(CLI::App& app, ValidateOptions& options) {
  app.add_option("paths", options.paths, "Questionnaire or response files, or folders to search for *.toml")
      ->required()
      ->type_name("FILE");
  add_questionnaire_folders_option(app, options.questionnaire_folders);
  app.add_flag("--quiet", options.quiet, "Print nothing for valid files");
  app.description(
      "Check questionnaire and response files. A file is a questionnaire when it has a [questionnaire] table and a "
      "response when it has a [respondent] table; responses are checked against the questionnaires they name, "
      "including questionnaires given on the same command line. Every problem is printed as "
      "FILE:LINE:COLUMN: error: MESSAGE.");
}

int run_validate(const ValidateOptions& options, Console& console) {
  const std::vector<std::string> files = collect_toml_files(options.paths);
  struct Pending {
    std::string path;
    std::string text;
  };
  std::vector<Pending> responses;
  std::vector<Questionnaire> questionnaires;
  std::size_t invalid = 0;

  const auto report_invalid = [&](const InputError& error) {
    for (const auto& diagnostic : error.diagnostics()) console.err << format_diagnostic(diagnostic) << '\n';
    ++invalid;
  };

  // Questionnaires first, so that responses on the same command line can be checked against them.
  for (const auto& file : files) {
    try {
      std::string text = read_text_file(file);
      if (detect_input_kind(text) == InputKind::response) {
        responses.push_back({file, std::move(text)});
        continue;
      }
      Questionnaire q = parse_questionnaire(text, file);
      if (!options.quiet) {
        console.err << fmt::format("{}: ok: questionnaire '{}' version {}, {} scored items in {} dimensions\n", file,
                                   q.id, q.version, q.scored_item_count(), q.dimensions.size());
      }
      questionnaires.push_back(std::move(q));
    } catch (const InputError& error) {
      report_invalid(error);
    } catch (const IoError& error) {
      console.err << "partnerpulse: error: " << error.what() << '\n';
      ++invalid;
    }
  }

  if (!responses.empty()) {
    const Catalog catalog =
        Catalog::from_folders(questionnaire_search_path(options.questionnaire_folders), std::move(questionnaires));
    for (const auto& pending : responses) {
      try {
        const Response response = parse_response(pending.text, pending.path, catalog);
        if (!options.quiet) {
          std::size_t answered = 0;
          for (const auto& q : response.questionnaires) answered += q.answers.size();
          console.err << fmt::format("{}: ok: response to {} questionnaire(s), {} answers{}\n", pending.path,
                                     response.questionnaires.size(), answered,
                                     response.complete ? "" : " (marked incomplete)");
        }
      } catch (const InputError& error) {
        report_invalid(error);
      }
    }
  }
  if (invalid > 0) {
    console.err << fmt::format("{} of {} files invalid\n", invalid, files.size());
    return exit_invalid;
  }
  return exit_ok;
}

}  // namespace partnerpulse
