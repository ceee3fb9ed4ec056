#pragma once
// Reading survey exports (CSV from KoBoToolbox, ODK, LimeSurvey, Google Forms, or the CSV template): writing one
// response file per row, or scoring the rows directly (docs/import.md).

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "partnerpulse/catalog.hpp"
#include "partnerpulse/report_job.hpp"

namespace partnerpulse {

// How exports are read: the same for `import` and `report`.
struct ExportReading {
  std::string mapping_path;  // empty: no mapping file
  std::string key_path;      // empty: default_key_path() (created on first use)
  bool without_key = false;  // pseudonyms with a throw-away key, for runs that write and show none (--dry-run)
};

// True for a path `report` reads as an export: one that ends in ".csv" (any case).
bool is_export_path(const std::string& path);

struct ImportOptions {
  ExportReading reading;
  std::string out_dir;
  bool dry_run = false;       // check every row and describe the columns; write nothing
  bool force = false;         // replace response files that exist
  bool skip_invalid = false;  // write the good rows even when some are bad
};

struct ImportOutcome {
  std::string column_plan;            // what each column gives and the columns left out (describe_plan)
  std::vector<Diagnostic> problems;   // every problem; with skip_invalid, those of the rows skipped
  std::size_t rows = 0;               // data rows read (blank rows not counted)
  std::size_t written = 0;            // response files written
  std::size_t skipped = 0;            // rows left out as invalid
};

// Imports one export: reads and checks every row, then (when no row is bad, or with skip_invalid) writes one
// response file per good row into options.out_dir (created when missing), named by the respondent's pseudonym,
// through write_file_atomically. Throws IoError, or InputError for a header that cannot be read (columns,
// mapping); problems in rows are returned. Without skip_invalid, nothing is written when any row is bad.
ImportOutcome import_export(const std::string& path, const Catalog& catalog, const ImportOptions& options);

// The rows of exports, as scoring tasks for score_files. Opens every export and matches its columns when made
// (throws InputError for an export whose columns cannot be read, IoError for one that cannot be opened); then
// reads them block by block as tasks are asked for.
class ExportScoring {
public:
  ExportScoring(const std::vector<std::string>& paths, const Catalog& catalog, const ExportReading& reading);
  ~ExportScoring();
  ExportScoring(const ExportScoring&) = delete;
  ExportScoring& operator=(const ExportScoring&) = delete;
  // The tasks, for score_files; valid while this object lives.
  NextScoreTask tasks();

private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace partnerpulse
