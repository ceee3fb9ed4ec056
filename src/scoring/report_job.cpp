#include "partnerpulse/report_job.hpp"

#include <deque>
#include <string>
#include <unordered_map>
#include <functional>
#include <future>
#include <memory>

#include <fmt/format.h>

#include "partnerpulse/files.hpp"
#include "partnerpulse/response.hpp"
#include "partnerpulse/scoring.hpp"

namespace partnerpulse {

namespace {

struct ChunkOutcome {
  std::unique_ptr<Scorer> scorer;
  std::vector<Diagnostic> problems;
  std::size_t questionnaire_files = 0;
  std::size_t rows = 0;
};

Diagnostic io_problem(const IoError& error) {
  Diagnostic problem;  // built field by field: g++ 12 -O3 warns (falsely) about a braced temporary here
  problem.location.path = error.path();
  problem.message = error.what();
  return problem;
}

// A file to score, and whether a folder listing saw it as a regular file.
struct ChunkFile {
  std::string path;
  bool listed = false;
};

ChunkOutcome score_chunk(const std::vector<ChunkFile>& files, const Catalog& catalog,
                         const ScoringOptions& options) {
  ChunkOutcome outcome;
  outcome.scorer = std::make_unique<Scorer>(catalog, options);
  std::string buffer;  // one buffer for the whole chunk
  for (const auto& [file, listed] : files) {
    try {
      const std::string_view text = read_text_file_into(file, buffer, max_input_bytes, listed);
      if (detect_input_kind(text) == InputKind::questionnaire) {
        ++outcome.questionnaire_files;
        continue;
      }
      std::vector<Diagnostic> conflicts = outcome.scorer->add(parse_response(text, file, catalog));
      outcome.problems.insert(outcome.problems.end(), conflicts.begin(), conflicts.end());
    } catch (const InputError& error) {
      outcome.problems.insert(outcome.problems.end(), error.diagnostics().begin(), error.diagnostics().end());
    } catch (const IoError& error) {
      outcome.problems.push_back(io_problem(error));
    }
  }
  return outcome;
}

// Stores the next file to score (and whether a folder listing found it) in its argument and returns true, or
// returns false at the end.
using NextFile = std::function<bool(ChunkFile&)>;

// Reads the next chunk's files (up to files_per_chunk) into `chunk`; false when there were none left.
bool read_chunk(const NextFile& next_file, std::vector<ChunkFile>& chunk) {
  chunk.clear();
  ChunkFile file;
  while (chunk.size() < files_per_chunk && next_file(file)) chunk.push_back(std::move(file));
  return !chunk.empty();
}

// Scores the files `next_file` yields. The calling thread walks the files, a chunk (files_per_chunk) at a time,
// and hands each chunk to the pool; the chunks' scorers are merged in chunk order as they finish. At most two
// chunks per worker are in flight, which bounds memory however many files there are.
ScoreFilesOutcome score_source(const NextFile& next_file, const NextScoreTask& more, const Catalog& catalog,
                               const ScoringOptions& options, ThreadPool& pool) {
  ScoreFilesOutcome outcome;
  Scorer total(catalog, options);
  std::deque<std::future<ChunkOutcome>> in_flight;
  const auto merge_oldest = [&] {
    ChunkOutcome part = in_flight.front().get();
    in_flight.pop_front();
    outcome.problems.insert(outcome.problems.end(), part.problems.begin(), part.problems.end());
    outcome.questionnaire_files_skipped += part.questionnaire_files;
    outcome.rows_read += part.rows;
    // Merged even after problems, so that every respondent seen in two chunks is found.
    const std::vector<Diagnostic> conflicts = total.merge(std::move(*part.scorer));
    outcome.problems.insert(outcome.problems.end(), conflicts.begin(), conflicts.end());
  };
  try {
    const std::size_t window = 2 * pool.size();
    for (std::vector<ChunkFile> chunk; read_chunk(next_file, chunk);) {
      outcome.files_read += chunk.size();
      in_flight.push_back(pool.submit(
          [files = std::move(chunk), &catalog, &options] { return score_chunk(files, catalog, options); }));
      chunk = {};
      if (in_flight.size() >= window) merge_oldest();
    }
    for (ScoreTask task; more && more(task);) {
      in_flight.push_back(pool.submit([task = std::move(task), &catalog, &options] {
        ChunkOutcome part;
        part.scorer = std::make_unique<Scorer>(catalog, options);
        ScoreTaskOutcome done = task(*part.scorer);
        part.problems = std::move(done.problems);
        part.rows = done.rows;
        return part;
      }));
      task = {};
      if (in_flight.size() >= window) merge_oldest();
    }
    while (!in_flight.empty()) merge_oldest();
  } catch (...) {
    for (auto& task : in_flight) task.wait();  // they use catalog and options: never return while one runs
    throw;
  }
  collapse_repeated_problems(outcome.problems);
  if (outcome.problems.empty()) outcome.results = total.finish(&pool);
  return outcome;
}

}  // namespace

void collapse_repeated_problems(std::vector<Diagnostic>& problems) {
  std::unordered_map<std::string, std::size_t> first;  // message -> index in `kept`
  std::vector<Diagnostic> kept;
  std::vector<std::size_t> more;  // by index in `kept`: files beyond the first with the same message
  for (Diagnostic& problem : problems) {
    if (problem.location.line == 0) {  // "and N more problems in this file": about its own file only
      kept.push_back(std::move(problem));
      more.push_back(0);
      continue;
    }
    const auto [at, added] = first.try_emplace(problem.message, kept.size());
    if (!added && kept[at->second].location.path != problem.location.path) {
      ++more[at->second];
      continue;
    }
    kept.push_back(std::move(problem));
    more.push_back(0);
  }
  for (std::size_t i = 0; i < kept.size(); ++i) {
    if (more[i] > 0) kept[i].message += fmt::format(" (the same in {} more file{})", more[i], more[i] == 1 ? "" : "s");
  }
  problems = std::move(kept);
}

ScoreFilesOutcome score_files(TomlFileStream& files, const Catalog& catalog, const ScoringOptions& options,
                              ThreadPool& pool) {
  return score_files(files, NextScoreTask{}, catalog, options, pool);
}

ScoreFilesOutcome score_files(TomlFileStream& files, const NextScoreTask& more, const Catalog& catalog,
                              const ScoringOptions& options, ThreadPool& pool) {
  return score_source(
      [&](ChunkFile& file) {
        if (!files.next(file.path)) return false;
        file.listed = files.listed();
        return true;
      },
      more, catalog, options, pool);
}

ScoreFilesOutcome score_paths(const std::vector<std::string>& paths, const std::vector<std::string>& search_path,
                              const ScoringOptions& options, ThreadPool& pool, const ScoreTasksFor& more) {
  const auto score = [&](const std::vector<std::string>& folders) {
    TomlFileStream files(paths);
    const Catalog catalog = Catalog::from_folders(folders);
    return score_files(files, more ? more(catalog) : NextScoreTask{}, catalog, options, pool);
  };
  ScoreFilesOutcome outcome = score(search_path);
  if (outcome.problems.empty()) return outcome;
  std::vector<std::string> wider = search_path;
  for (auto& folder : folders_of(paths)) wider.push_back(std::move(folder));
  return score(wider);
}

ScoreFilesOutcome score_files(const std::vector<std::string>& files, const Catalog& catalog,
                              const ScoringOptions& options, ThreadPool& pool) {
  std::size_t next = 0;
  return score_source(
      [&](ChunkFile& file) {
        if (next == files.size()) return false;
        file = {files[next++], false};
        return true;
      },
      NextScoreTask{}, catalog, options, pool);
}

}  // namespace partnerpulse
