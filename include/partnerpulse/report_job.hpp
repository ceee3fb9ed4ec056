#pragma once
// Loading many response files and scoring them: in parallel, with results that do not depend on the number of
// threads (files are scored in fixed-size chunks that are merged in file order).

#include <cstddef>
#include <string>
#include <vector>

#include "partnerpulse/catalog.hpp"
#include "partnerpulse/diagnostics.hpp"
#include "partnerpulse/files.hpp"
#include "partnerpulse/results.hpp"

namespace partnerpulse {

// Files scored together by one thread before their figures are merged; fixed, so output never depends on threads.
inline constexpr std::size_t files_per_chunk = 32;

struct ScoreFilesOutcome {
  Results results;
  std::vector<Diagnostic> problems;  // every problem of every file, in file order; results are unusable if any
  std::size_t files_read = 0;
  std::size_t questionnaire_files_skipped = 0;  // questionnaire files met among the responses
};

// Reads, checks and scores the response files `files` yields, as it yields them, with `threads` threads scoring
// (0: one per core). Throws the IoError of a folder that cannot be read; problems in files are collected.
ScoreFilesOutcome score_files(TomlFileStream& files, const Catalog& catalog, const ScoringOptions& options,
                              unsigned threads);
// The same for a list of response files.
ScoreFilesOutcome score_files(const std::vector<std::string>& files, const Catalog& catalog,
                              const ScoringOptions& options, unsigned threads);

}  // namespace partnerpulse
