// Options shared by the commands that score responses (`report`, `compare`) and write an output file.

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "partnerpulse/diagnostics.hpp"
#include "partnerpulse/files.hpp"
#include "partnerpulse/interface_text.hpp"

namespace partnerpulse {

ScoringOptions ScoringArguments::scoring_options(bool collect_comments) const {
  ScoringOptions scoring;
  scoring.gap_threshold = gap_threshold;
  scoring.min_group = static_cast<std::size_t>(min_group);
  scoring.collect_comments = collect_comments;
  scoring.attention_items = static_cast<std::size_t>(attention_items);
  return scoring;
}

void add_scoring_options(CLI::App& app, ScoringArguments& arguments) {
  app.add_option("--gap-threshold", arguments.gap_threshold,
                 "Flag perception gaps between roles of at least this many index points")
      ->check(finite_range(0.0, 100.0))
      ->capture_default_str();
  app.add_option("--min-group", arguments.min_group,
                 "Withhold figures for groups (roles, items, dimensions) with fewer respondents than this")
      ->check(whole_number_range(1, 1000))
      ->capture_default_str();  // below recommended_min_group: warned about (warn_if_small_groups_shown)
  app.add_option("--attention-items", arguments.attention_items, "How many lowest-scoring items to list")
      ->check(whole_number_range(0, 1000))
      ->capture_default_str();
  add_language_option(app, arguments.language);
  app.add_option("-j,--jobs", arguments.jobs, "Threads to read files with (0: one per core); output is the same")
      ->check(whole_number_range(0, 256))
      ->capture_default_str();
}

void warn_if_small_groups_shown(const ScoringArguments& arguments, Console& console) {
  const std::size_t min_group = static_cast<std::size_t>(arguments.min_group);
  if (min_group >= recommended_min_group) return;
  console.err << fmt::format("partnerpulse: warning: {}\n", small_groups_warning(min_group));
}

void add_partnerships_option(CLI::App& app, std::vector<std::string>& folders, const std::string& also) {
  app.add_option("--partnerships", folders,
                 fmt::format("Folder of partnership files (roles, aliases, invitations); repeatable. {}", also))
      ->type_name("DIR");
}

void add_output_options(CLI::App& app, OutputArguments& arguments, const std::string& what, bool with_html) {
  app.add_option("-f,--format", arguments.format, "Output format")
      ->check(with_html ? one_of({"markdown", "json", "csv", "html"}) : one_of({"markdown", "json", "csv"}))
      ->capture_default_str();
  app.add_option("-o,--output", arguments.output,
                 fmt::format("Write {} to FILE (atomically) instead of standard output; refuses to replace a file",
                             what))
      ->type_name("FILE")
      ->check(non_empty_file());
  app.add_flag("--force", arguments.force, "With -o: replace FILE if it exists");
}

void check_output_arguments(const OutputArguments& arguments, const RunInputs& inputs) {
  if (arguments.force && arguments.output.empty()) {
    throw UsageError(std::string(tr("--force only applies with -o FILE")));
  }
  if (!arguments.output.empty()) {
    check_output_target(arguments.output, arguments.force ? Overwrite::allow : Overwrite::refuse, inputs);
  }
}

void write_output(const OutputArguments& arguments, const std::string& text, const std::string& summary,
                  Console& console, const RunInputs& inputs) {
  if (arguments.output.empty()) {
    console.out << text;
    return;
  }
  write_file_atomically(arguments.output, text, arguments.force ? Overwrite::allow : Overwrite::refuse, inputs);
  if (!console.quiet) {
    console.err << "partnerpulse: " << fmt::format(fmt::runtime(tr("wrote {} ({})")), arguments.output, summary)
                << '\n';
  }
}

}  // namespace partnerpulse
