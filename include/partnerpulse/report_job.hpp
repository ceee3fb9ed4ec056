#pragma once
// Loading many response files and scoring them in parallel, with results that depend neither on the number of
// threads nor on the order of the files.

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "partnerpulse/catalog.hpp"
#include "partnerpulse/diagnostics.hpp"
#include "partnerpulse/files.hpp"
#include "partnerpulse/results.hpp"
#include "partnerpulse/thread_pool.hpp"

namespace partnerpulse {

// Files scored together by one task before their figures are merged.
inline constexpr std::size_t files_per_chunk = 32;

struct ScoreFilesOutcome {
  Results results;
  std::vector<Diagnostic> problems;  // every problem of every file, in file order; results are unusable if any
  std::size_t files_read = 0;
  std::size_t rows_read = 0;                    // rows of survey exports scored by tasks (see NextScoreTask)
  std::size_t questionnaire_files_skipped = 0;  // questionnaire files met among the responses
};

class Scorer;

// What one scoring task did: the problems it found and how many export rows it read.
struct ScoreTaskOutcome {
  std::vector<Diagnostic> problems;
  std::size_t rows = 0;
};
// Work that adds responses from another source than response files (the rows of a survey export) to the Scorer it
// is given; run on a pool thread.
using ScoreTask = std::function<ScoreTaskOutcome(Scorer&)>;
// Stores the next task in its argument and returns true, or returns false at the end; called on the calling thread.
using NextScoreTask = std::function<bool(ScoreTask&)>;

// Reads, checks and scores the response files `files` yields, as it yields them: the calling thread walks the
// folders and merges, `pool` scores chunks of files_per_chunk files. Throws the IoError of a folder that cannot be
// read; problems in files are collected. The results are the same for any pool size and any order of the files.
ScoreFilesOutcome score_files(TomlFileStream& files, const Catalog& catalog, const ScoringOptions& options,
                              ThreadPool& pool);
// The same, then the tasks `more` yields (the rows of survey exports), scored on `pool` in the same way.
ScoreFilesOutcome score_files(TomlFileStream& files, const NextScoreTask& more, const Catalog& catalog,
                              const ScoringOptions& options, ThreadPool& pool);
// The same for a list of response files.
ScoreFilesOutcome score_files(const std::vector<std::string>& files, const Catalog& catalog,
                              const ScoringOptions& options, ThreadPool& pool);

}  // namespace partnerpulse
