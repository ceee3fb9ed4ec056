#include <algorithm>
#include <filesystem>
#include <unordered_map>

#include <fmt/format.h>

#include "import/export_reader.hpp"
#include "import/mapping_file.hpp"
#include "import/pseudonym.hpp"
#include "partnerpulse/files.hpp"
#include "partnerpulse/import.hpp"
#include "partnerpulse/scoring.hpp"
#include "util/text_encoding.hpp"
#include "partnerpulse/interface_text.hpp"

namespace partnerpulse {

namespace {

std::array<unsigned char, 32> key_for(const ExportReading& reading) {
  if (reading.without_key) return {};  // pseudonyms that are neither written nor shown
  return load_or_create_key(reading.key_path.empty() ? default_key_path() : reading.key_path);
}

std::optional<ImportMapping> mapping_for(const ExportReading& reading, const Catalog& catalog) {
  if (reading.mapping_path.empty()) return std::nullopt;
  return load_mapping(reading.mapping_path, catalog);
}

// Calls on_row for every record of the export after the header.
void for_each_row(ExportStream& stream, const ExportLayout& layout, Pseudonymizer& pseudonymizer,
                  DiagnosticList& problems, const RowHandler& on_row) {
  for (ExportBlock block; stream.next_block(block);) read_block(layout, block, pseudonymizer, problems, on_row);
}

std::string target_path(const std::string& folder, const std::string& id) {
  return (std::filesystem::path(folder) / (id + ".toml")).string();
}

}  // namespace

bool is_export_path(const std::string& path) {
  if (path.size() < 4) return false;
  std::string ending = path.substr(path.size() - 4);
  std::transform(ending.begin(), ending.end(), ending.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; });
  return ending == ".csv";
}

ImportOutcome import_export(const std::string& path, const Catalog& catalog, const ImportOptions& options) {
  const std::optional<ImportMapping> mapping = mapping_for(options.reading, catalog);
  const ImportMapping* mapping_used = mapping ? &*mapping : nullptr;
  ImportOutcome outcome;
  RunInputs inputs{{path}};
  if (!options.reading.mapping_path.empty()) inputs.paths.push_back(options.reading.mapping_path);
  std::vector<std::uint32_t> bad_lines;  // the lines of invalid rows, in order
  {
    ExportStream stream(path);
    const auto layout = read_layout(stream, catalog, mapping_used);
    outcome.column_plan = describe_plan(layout->plan);
    ExportReading reading = options.reading;
    reading.without_key = reading.without_key || options.dry_run;
    Pseudonymizer pseudonymizer(key_for(reading));
    DiagnosticList problems;
    std::unordered_map<std::string, std::uint32_t> first_line_of_id;
    for_each_row(stream, *layout, pseudonymizer, problems, [&](RowOutcome row, const Response& response, std::uint32_t line) {
      if (row == RowOutcome::blank) return;
      ++outcome.rows;
      if (row == RowOutcome::response) {
        const auto [seen, added] = first_line_of_id.emplace(response.respondent.id, line);
        if (!added) {
          const auto column = layout->plan.field(RespondentField::id).column;
          problems.error(response.location,
                         fmt::format(fmt::runtime(tr("duplicate id: column '{}' holds the same id as on line {}; "
                                                     "one row per respondent")),
                                     layout->plan.header[column.value_or(0)], seen->second));
          row = RowOutcome::invalid;
        } else if (!options.dry_run) {
          try {
            check_output_target(target_path(options.out_dir, response.respondent.id),
                                options.force ? Overwrite::allow : Overwrite::refuse, inputs);
          } catch (const IoError& error) {
            problems.error(response.location,
                           fmt::format(fmt::runtime(tr("this row's response file {}")), error.what()));
            row = RowOutcome::invalid;
          }
        }
      }
      if (row == RowOutcome::invalid) bad_lines.push_back(line);
    });
    outcome.problems = problems.items();
  }
  outcome.skipped = bad_lines.size();
  if (options.dry_run || (!bad_lines.empty() && !options.skip_invalid)) return outcome;

  std::error_code error;
  std::filesystem::create_directories(options.out_dir, error);
  if (error) {
    throw IoError(options.out_dir, fmt::format(fmt::runtime(tr("cannot create the folder: {}")), error.message()));
  }
  ExportStream stream(path);
  const auto layout = read_layout(stream, catalog, mapping_used);
  Pseudonymizer pseudonymizer(key_for(options.reading));
  DiagnosticList again;  // the same problems as the first pass
  for_each_row(stream, *layout, pseudonymizer, again, [&](RowOutcome row, const Response& response, std::uint32_t line) {
    if (row != RowOutcome::response || std::binary_search(bad_lines.begin(), bad_lines.end(), line)) return;
    write_file_atomically(target_path(options.out_dir, response.respondent.id), write_response(response),
                          options.force ? Overwrite::allow : Overwrite::refuse, inputs);
    ++outcome.written;
  });
  return outcome;
}

struct ExportScoring::State {
  std::optional<ImportMapping> mapping;
  std::vector<std::unique_ptr<ExportStream>> streams;
  std::vector<std::shared_ptr<const ExportLayout>> layouts;
  std::unique_ptr<Pseudonymizer> pseudonymizer;
  std::size_t current = 0;
};

ExportScoring::ExportScoring(const std::vector<std::string>& paths, const Catalog& catalog,
                             const ExportReading& reading)
    : state_(std::make_unique<State>()) {
  state_->mapping = mapping_for(reading, catalog);
  std::vector<Diagnostic> problems;
  bool any_id = false;
  for (const std::string& path : paths) {
    try {
      auto stream = std::make_unique<ExportStream>(path);
      state_->layouts.push_back(read_layout(*stream, catalog, state_->mapping ? &*state_->mapping : nullptr));
      any_id = any_id || state_->layouts.back()->plan.field(RespondentField::id).given();
      state_->streams.push_back(std::move(stream));
    } catch (const InputError& error) {
      problems.insert(problems.end(), error.diagnostics().begin(), error.diagnostics().end());
    }
  }
  if (!problems.empty()) throw InputError(std::move(problems));
  ExportReading used = reading;
  used.without_key = reading.without_key || !any_id;  // no id column: no key needed, none created
  state_->pseudonymizer = std::make_unique<Pseudonymizer>(key_for(used));
}

ExportScoring::~ExportScoring() = default;

NextScoreTask ExportScoring::tasks() {
  return [state = state_.get()](ScoreTask& task) {
    ExportBlock block;
    while (state->current < state->streams.size() && !state->streams[state->current]->next_block(block)) ++state->current;
    if (state->current == state->streams.size()) return false;
    task = [block = std::move(block), layout = state->layouts[state->current],
            pseudonymizer = *state->pseudonymizer](ResponseSink& sink) mutable {
      ScoreTaskOutcome outcome;
      DiagnosticList problems;
      read_block(*layout, block, pseudonymizer, problems, [&](RowOutcome row, Response& response, std::uint32_t) {
        if (row != RowOutcome::response) return;
        ++outcome.rows;
        for (Diagnostic& conflict : sink.add(response)) {
          if (!problems.full()) problems.error(conflict.location, std::move(conflict.message));
        }
      });
      outcome.problems = problems.items();
      return outcome;
    };
    return true;
  };
}

}  // namespace partnerpulse
