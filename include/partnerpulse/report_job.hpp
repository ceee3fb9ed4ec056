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
#include "partnerpulse/partnership.hpp"
#include "partnerpulse/results.hpp"
#include "partnerpulse/thread_pool.hpp"

namespace partnerpulse {

// Files scored together by one task before their figures are merged.
inline constexpr std::size_t files_per_chunk = 32;

struct ScoreFilesOutcome {
  Results results;
  std::vector<Diagnostic> problems;  // every problem of every file, in file order; results are unusable if any
  std::size_t files_read = 0;
  std::size_t questionnaire_files_skipped = 0;  // questionnaire files met among the responses
  std::size_t partnership_files_skipped = 0;    // partnership files met among the responses (read beforehand)
  RoleSpellings role_spellings;  // the role labels met, by the role they are grouped under (resolve_role)
};

// Reads, checks and scores the response files `files` yields, as it yields them: the calling thread walks the
// folders and merges, `pool` scores chunks of files_per_chunk files. Throws the IoError of a folder that cannot be
// read; problems in files are collected. Every response's role is resolved (resolve_role) with `partnerships`.
// The results are the same for any pool size and any order of the files.
ScoreFilesOutcome score_files(TomlFileStream& files, const Catalog& catalog, const ScoringOptions& options,
                              ThreadPool& pool, const PartnershipSet& partnerships = {});
// Called on the calling thread after each chunk is merged: files scored so far, and files found so far.
using ScoreProgress = std::function<void(std::size_t scored, std::size_t found)>;
// The same, reporting progress.
ScoreFilesOutcome score_files(TomlFileStream& files, const Catalog& catalog, const ScoringOptions& options,
                              ThreadPool& pool, const PartnershipSet& partnerships, const ScoreProgress& progress);
// The same for a list of response files.
ScoreFilesOutcome score_files(const std::vector<std::string>& files, const Catalog& catalog,
                              const ScoringOptions& options, ThreadPool& pool, const PartnershipSet& partnerships = {});

}  // namespace partnerpulse
