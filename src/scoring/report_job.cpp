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
  std::size_t rows = 0;  // survey export rows
  std::size_t partnership_files = 0;
  std::size_t files = 0;  // files in the chunk
  RoleSpellings role_spellings;
};

Diagnostic io_problem(const IoError& error) {
  Diagnostic problem;  // built field by field: g++ 12 -O3 warns (falsely) about a braced temporary here
  problem.location.path = error.path();
  problem.message = error.what();
  return problem;
}

constexpr const char* misnamed_partnership_file =
    "a partnership file among the responses is read before them only when it is named partnership.toml or "
    "NAME.partnership.toml: rename it, or give its folder with --partnerships DIR";

// A file to score, and whether a folder listing saw it as a regular file.
struct ChunkFile {
  std::string path;
  bool listed = false;
};

// Scores `files` into a scorer made by `prototype.empty_like()`.
ChunkOutcome score_chunk(const std::vector<ChunkFile>& files, const Catalog& catalog, const Scorer& prototype,
                         const PartnershipSet& partnerships) {
  ChunkOutcome outcome;
  outcome.files = files.size();
  outcome.scorer = std::make_unique<Scorer>(prototype.empty_like());
  ResponseSink sink(*outcome.scorer, partnerships, outcome.role_spellings);
  std::string buffer;  // one buffer for the whole chunk
  for (const auto& [file, listed] : files) {
    try {
      const std::string_view text = read_text_file_into(file, buffer, max_input_bytes, listed);
      const InputKind kind = detect_input_kind(text);
      if (kind == InputKind::partnership && !is_partnership_file_name(file)) {
        outcome.problems.push_back(Diagnostic{SourceLocation{file, 1, 1}, Severity::error, misnamed_partnership_file});
        continue;
      }
      if (kind == InputKind::questionnaire || kind == InputKind::partnership) {
        ++(kind == InputKind::questionnaire ? outcome.questionnaire_files : outcome.partnership_files);
        continue;
      }
      Response response = parse_response(text, file, catalog);
      std::vector<Diagnostic> conflicts = sink.add(response);
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
                               const ScoringOptions& options, ThreadPool& pool, const PartnershipSet& partnerships,
                               const ScoreProgress& progress = {}) {
  ScoreFilesOutcome outcome;
  std::size_t scored = 0;
  const Scorer prototype(catalog, options);  // every chunk's scorer shares its slots
  Scorer total = prototype.empty_like();
  std::deque<std::future<ChunkOutcome>> in_flight;
  const auto merge_oldest = [&] {
    ChunkOutcome part = in_flight.front().get();
    in_flight.pop_front();
    scored += part.files;
    outcome.problems.insert(outcome.problems.end(), part.problems.begin(), part.problems.end());
    outcome.questionnaire_files_skipped += part.questionnaire_files;
    outcome.rows_read += part.rows;
    outcome.partnership_files_skipped += part.partnership_files;
    for (auto& [role, spellings] : part.role_spellings) outcome.role_spellings[role].merge(spellings);
    // Merged even after problems, so that every respondent seen in two chunks is found.
    const std::vector<Diagnostic> conflicts = total.merge(std::move(*part.scorer));
    outcome.problems.insert(outcome.problems.end(), conflicts.begin(), conflicts.end());
    if (progress) progress(scored, outcome.files_read);
  };
  try {
    const std::size_t window = 2 * pool.size();
    for (std::vector<ChunkFile> chunk; read_chunk(next_file, chunk);) {
      outcome.files_read += chunk.size();
      in_flight.push_back(pool.submit(
          [files = std::move(chunk), &catalog, &prototype, &partnerships] {
            return score_chunk(files, catalog, prototype, partnerships);
          }));
      chunk = {};
      if (in_flight.size() >= window) merge_oldest();
    }
    for (ScoreTask task; more && more(task);) {
      in_flight.push_back(pool.submit([task = std::move(task), &prototype, &partnerships] {
        ChunkOutcome part;
        part.scorer = std::make_unique<Scorer>(prototype.empty_like());
        ResponseSink sink(*part.scorer, partnerships, part.role_spellings);
        ScoreTaskOutcome done = task(sink);
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

ResponseSink::ResponseSink(Scorer& scorer, const PartnershipSet& partnerships, RoleSpellings& spellings)
    : scorer_(scorer), partnerships_(partnerships), spellings_(spellings) {}

std::vector<Diagnostic> ResponseSink::add(Response& response) {
  if (auto undeclared = resolve_role(response, partnerships_, spellings_)) return {std::move(*undeclared)};
  return scorer_.add(response);
}

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
                              ThreadPool& pool, const PartnershipSet& partnerships) {
  return score_files(files, catalog, options, pool, partnerships, {});
}

ScoreFilesOutcome score_files(TomlFileStream& files, const Catalog& catalog, const ScoringOptions& options,
                              ThreadPool& pool, const PartnershipSet& partnerships, const ScoreProgress& progress) {
  return score_files(files, NextScoreTask{}, catalog, options, pool, partnerships, progress);
}

ScoreFilesOutcome score_files(TomlFileStream& files, const NextScoreTask& more, const Catalog& catalog,
                              const ScoringOptions& options, ThreadPool& pool, const PartnershipSet& partnerships,
                              const ScoreProgress& progress) {
  return score_source(
      [&](ChunkFile& file) {
        if (!files.next(file.path)) return false;
        file.listed = files.listed();
        return true;
      },
      more, catalog, options, pool, partnerships, progress);
}

ScoreFilesOutcome score_paths(const std::vector<std::string>& paths, const std::vector<std::string>& search_path,
                              const ScoringOptions& options, ThreadPool& pool, const ScoreTasksFor& more,
                              const PartnershipSet& partnerships, const ScoreProgress& progress) {
  const auto score = [&](const std::vector<std::string>& folders) {
    TomlFileStream files(paths);
    const Catalog catalog = Catalog::from_folders(folders);
    return score_files(files, more ? more(catalog) : NextScoreTask{}, catalog, options, pool, partnerships, progress);
  };
  ScoreFilesOutcome outcome = score(search_path);
  if (outcome.problems.empty()) return outcome;
  std::vector<std::string> wider = search_path;
  for (auto& folder : folders_of(paths)) wider.push_back(std::move(folder));
  return score(wider);
}

ScoreFilesOutcome score_files(const std::vector<std::string>& files, const Catalog& catalog,
                              const ScoringOptions& options, ThreadPool& pool, const PartnershipSet& partnerships) {
  std::size_t next = 0;
  return score_source(
      [&](ChunkFile& file) {
        if (next == files.size()) return false;
        file = {files[next++], false};
        return true;
      },
      NextScoreTask{}, catalog, options, pool, partnerships);
}

}  // namespace partnerpulse
