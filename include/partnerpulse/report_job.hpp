#pragma once
// Loading many response files and scoring them in parallel, with results that depend neither on the number of
// threads nor on the order of the files.

#include <cstddef>
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
  // Every problem of every file, in file order, a message repeated word for word in several files (an unknown
  // questionnaire, a version mismatch) once, at its first position (collapse_repeated_problems); results are
  // unusable if any.
  std::vector<Diagnostic> problems;
  std::size_t files_read = 0;
  std::size_t questionnaire_files_skipped = 0;  // questionnaire files met among the responses
};

// Keeps the first of the problems (those with a line) that have the same message, adding "(the same in N more
// files)" to it; the others keep their order.
void collapse_repeated_problems(std::vector<Diagnostic>& problems);

// Reads, checks and scores the response files `files` yields, as it yields them: the calling thread walks the
// folders and merges, `pool` scores chunks of files_per_chunk files. Throws the IoError of a folder that cannot be
// read; problems in files are collected. The results are the same for any pool size and any order of the files.
ScoreFilesOutcome score_files(TomlFileStream& files, const Catalog& catalog, const ScoringOptions& options,
                              ThreadPool& pool);
// score_files on TomlFileStream(paths) with the questionnaires of `search_path`; when problems remain, once more
// with the folders of `paths` (folders_of in catalog.hpp) searched last, so that questionnaires beside the
// responses are found, while a large folder of responses is read only once when they are not needed.
ScoreFilesOutcome score_paths(const std::vector<std::string>& paths, const std::vector<std::string>& search_path,
                              const ScoringOptions& options, ThreadPool& pool);
// The same for a list of response files.
ScoreFilesOutcome score_files(const std::vector<std::string>& files, const Catalog& catalog,
                              const ScoringOptions& options, ThreadPool& pool);

}  // namespace partnerpulse
