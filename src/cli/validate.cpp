#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "partnerpulse/catalog.hpp"
#include "partnerpulse/files.hpp"
#include "partnerpulse/partnership.hpp"
#include "partnerpulse/questionnaire_loader.hpp"
#include "partnerpulse/response.hpp"
#include "partnerpulse/interface_text.hpp"

namespace partnerpulse {

namespace {

// The values given to `partnerpulse validate`.
struct ValidateOptions {
  std::vector<std::string> paths;
  std::vector<std::string> questionnaire_folders;
};

// Checks every file given (questionnaires first), printing one line per valid file and every problem.
int run_validate(const ValidateOptions& options, Console& console) {
  std::vector<std::string> files;
  std::size_t invalid = 0;  // files with problems, and paths that do not exist
  std::size_t missing = 0;
  for (const auto& path : options.paths) {
    try {
      const auto found = collect_toml_files({path});
      files.insert(files.end(), found.begin(), found.end());
    } catch (const IoError& error) {
      console.err << "partnerpulse: error: " << error.what() << '\n';
      ++invalid;
      ++missing;
    }
  }
  struct Pending {
    std::string path;
    std::string text;
  };
  std::vector<Pending> responses;
  std::vector<Questionnaire> questionnaires;

  const auto report_invalid = [&](const InputError& error) {
    for (const auto& diagnostic : error.diagnostics()) console.err << format_diagnostic(diagnostic) << '\n';
    ++invalid;
  };

  // Questionnaires first, so that responses on the same command line can be checked against them.
  for (const auto& file : files) {
    try {
      std::string text = read_text_file(file);
      const InputKind kind = detect_input_kind(text);
      if (kind == InputKind::response) {
        responses.push_back({file, std::move(text)});
        continue;
      }
      if (kind == InputKind::partnership) {
        const Partnership partnership = parse_partnership(text, file);
        if (!console.quiet) {
          // "FILE: ok:" stays English: tools parse it.
          console.err << file << ": ok: "
                      << fmt::format(fmt::runtime(tr("partnership '{}', {} role(s), {} period(s)")), partnership.id,
                                     partnership.roles.size(), partnership.periods.size())
                      << '\n';
        }
        continue;
      }
      Questionnaire q = parse_questionnaire(text, file);
      if (!console.quiet) {
        const std::size_t items = q.scored_item_count();
        const std::string_view summary =
            q.dimensions.size() == 1
                ? tr_plural("questionnaire '{}' version {}, {} scored item in {} dimension",
                            "questionnaire '{}' version {}, {} scored items in {} dimension", items)
                : tr_plural("questionnaire '{}' version {}, {} scored item in {} dimensions",
                            "questionnaire '{}' version {}, {} scored items in {} dimensions", items);
        console.err << file << ": ok: "
                    << fmt::format(fmt::runtime(summary), q.id, q.version, items, q.dimensions.size()) << '\n';
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
        if (!console.quiet) {
          std::size_t answered = 0;
          for (const auto& q : response.questionnaires) answered += q.answers.size();
          console.err << pending.path << ": ok: "
                      << fmt::format(fmt::runtime(response.complete
                                                      ? tr("response to {} questionnaire(s), {} answers")
                                                      : tr("response to {} questionnaire(s), {} answers (marked "
                                                           "incomplete)")),
                                     response.questionnaires.size(), answered)
                      << '\n';
        }
      } catch (const InputError& error) {
        report_invalid(error);
      }
    }
  }
  if (invalid > 0) {
    const std::size_t total = files.size() + missing;
    console.err << fmt::format(fmt::runtime(tr_plural("{} of {} files invalid", "{} of {} files invalid", total)), invalid,
                               total)
                << '\n';
    return exit_invalid;
  }
  return exit_ok;
}

}  // namespace

CommandRun setup_validate(CLI::App& command) {
  auto options = std::make_shared<ValidateOptions>();
  command.add_option("FILE", options->paths, "Questionnaire or response files, or folders to search for *.toml")
      ->required()
      ->type_name("PATH");
  add_questionnaire_folders_option(command, options->questionnaire_folders);
  command.description(
      "Check questionnaire, response and partnership files. A file is a questionnaire when it has a [questionnaire] "
      "table, a response when it has a [respondent] table and a partnership file when it has a [partnership] table; "
      "responses are checked against the questionnaires they name, including questionnaires given on the same "
      "command line. With -q, nothing is printed for valid files. Every problem is printed as "
      "FILE:LINE:COLUMN: error: MESSAGE.");
  return run_with(options, run_validate);
}

}  // namespace partnerpulse
