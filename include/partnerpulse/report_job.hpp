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
  // Every problem of every file, in file order, a message repeated word for word in several files (an unknown
  // questionnaire, a version mismatch) once, at its first position (collapse_repeated_problems); results are
  // unusable if any.
  std::vector<Diagnostic> problems;
  std::size_t files_read = 0;
  std::size_t rows_read = 0;                    // rows of survey exports scored by tasks (see NextScoreTask)
  std::size_t questionnaire_files_skipped = 0;  // questionnaire files met among the responses
  std::size_t partnership_files_skipped = 0;    // partnership files met among the responses (read beforehand)
  RoleSpellings role_spellings;  // the role labels met, by the role they are grouped under (resolve_role)
};

class Scorer;

// What one scoring task did: the problems it found and how many export rows it read.
struct ScoreTaskOutcome {
  std::vector<Diagnostic> problems;
  std::size_t rows = 0;
};
// Where a scoring task adds its responses: each one's role is resolved (resolve_role) before it is scored, as for
// response files. One per chunk or task, used on its pool thread only.
class ResponseSink {
public:
  ResponseSink(Scorer& scorer, const PartnershipSet& partnerships, RoleSpellings& spellings);
  // Resolves the role of `response` and scores it; returns its problems (an undeclared role, a duplicate).
  std::vector<Diagnostic> add(Response& response);

private:
  Scorer& scorer_;
  const PartnershipSet& partnerships_;
  RoleSpellings& spellings_;
};
// Work that adds responses from another source than response files (the rows of a survey export) to the sink it
// is given; run on a pool thread.
using ScoreTask = std::function<ScoreTaskOutcome(ResponseSink&)>;
// Stores the next task in its argument and returns true, or returns false at the end; called on the calling thread.
using NextScoreTask = std::function<bool(ScoreTask&)>;

// Keeps the first of the problems (those with a line) that have the same message, adding "(the same in N more
// files)" to it; the others keep their order.
void collapse_repeated_problems(std::vector<Diagnostic>& problems);

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
// The same, then the tasks `more` yields (the rows of survey exports), scored on `pool` in the same way.
ScoreFilesOutcome score_files(TomlFileStream& files, const NextScoreTask& more, const Catalog& catalog,
                              const ScoringOptions& options, ThreadPool& pool, const PartnershipSet& partnerships,
                              const ScoreProgress& progress);
// Makes the extra tasks to score with a catalog (the rows of survey exports, matched to its questionnaires); the
// tasks stay valid until the next call.
using ScoreTasksFor = std::function<NextScoreTask(const Catalog&)>;
// score_files on TomlFileStream(paths), then the tasks of `more` (when given), with the questionnaires of
// `search_path`; when problems remain, once more with the folders of `paths` (folders_of in catalog.hpp) searched
// last, so that questionnaires beside the responses are found, while a large folder of responses is read only once
// when they are not needed.
ScoreFilesOutcome score_paths(const std::vector<std::string>& paths, const std::vector<std::string>& search_path,
                              const ScoringOptions& options, ThreadPool& pool, const ScoreTasksFor& more = {},
                              const PartnershipSet& partnerships = {}, const ScoreProgress& progress = {});
// The same for a list of response files.
ScoreFilesOutcome score_files(const std::vector<std::string>& files, const Catalog& catalog,
                              const ScoringOptions& options, ThreadPool& pool, const PartnershipSet& partnerships = {});

}  // namespace partnerpulse
