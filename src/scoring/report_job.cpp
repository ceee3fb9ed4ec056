#include "partnerpulse/report_job.hpp"

#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "partnerpulse/files.hpp"
#include "partnerpulse/response.hpp"
#include "partnerpulse/scoring.hpp"

namespace partnerpulse {

namespace {

struct ChunkOutcome {
  std::unique_ptr<Scorer> scorer;
  std::vector<Diagnostic> problems;
  std::size_t questionnaire_files = 0;
};

ChunkOutcome score_chunk(const std::vector<std::string>& files, const Catalog& catalog,
                         const ScoringOptions& options) {
  ChunkOutcome outcome;
  outcome.scorer = std::make_unique<Scorer>(catalog, options);
  std::string text;  // one buffer for the whole chunk
  for (const std::string& file : files) {
    try {
      read_text_file_into(file, text);
      if (detect_input_kind(text) == InputKind::questionnaire) {
        ++outcome.questionnaire_files;
        continue;
      }
      outcome.scorer->add(parse_response(text, file, catalog));
    } catch (const InputError& error) {
      outcome.problems.insert(outcome.problems.end(), error.diagnostics().begin(), error.diagnostics().end());
    } catch (const IoError& error) {
      Diagnostic problem;  // built field by field: g++ 12 -O3 warns (falsely) about a braced temporary here
      problem.location.path = error.path();
      problem.message = error.what();
      outcome.problems.push_back(std::move(problem));
    }
  }
  return outcome;
}

// Stores the next file to score in its argument and returns true, or returns false at the end.
using NextFile = std::function<bool(std::string&)>;

// Reads the next chunk's paths (up to files_per_chunk) into `chunk`; false when there were none left.
bool read_chunk(const NextFile& next_file, std::vector<std::string>& chunk) {
  chunk.clear();
  std::string path;
  while (chunk.size() < files_per_chunk && next_file(path)) chunk.push_back(std::move(path));
  return !chunk.empty();
}

// Scores the files `next_file` yields. Files are taken in chunks of files_per_chunk; each chunk is scored on its
// own and the chunks are merged in order, so the results do not depend on `threads`. With more than one thread,
// the calling thread reads the chunks' paths ahead (at most `window` chunks ahead of the merge, which bounds
// memory however many files there are) and merges, and `threads` workers score.
ScoreFilesOutcome score_source(const NextFile& next_file, const Catalog& catalog, const ScoringOptions& options,
                               unsigned threads) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  ScoreFilesOutcome outcome;
  Scorer total(catalog, options);
  const auto take = [&](ChunkOutcome& part) {
    outcome.problems.insert(outcome.problems.end(), part.problems.begin(), part.problems.end());
    outcome.questionnaire_files_skipped += part.questionnaire_files;
    // Merged even after problems, so that every respondent seen in two chunks is found.
    const std::vector<Diagnostic> conflicts = total.merge(std::move(*part.scorer));
    outcome.problems.insert(outcome.problems.end(), conflicts.begin(), conflicts.end());
  };

  if (threads == 1) {
    for (std::vector<std::string> chunk; read_chunk(next_file, chunk);) {
      outcome.files_read += chunk.size();
      ChunkOutcome part = score_chunk(chunk, catalog, options);
      take(part);
    }
    if (outcome.problems.empty()) outcome.results = total.finish(threads);
    return outcome;
  }

  const std::size_t window = 2 * static_cast<std::size_t>(threads);
  std::mutex mutex;
  std::condition_variable changed;
  std::deque<std::vector<std::string>> queued;                   // read, not yet claimed by a worker
  std::map<std::size_t, std::unique_ptr<ChunkOutcome>> scored;  // scored, waiting for their turn to merge
  std::size_t claimed = 0, produced = 0, merged = 0;            // chunk counts
  bool source_done = false;
  bool failed = false;
  std::exception_ptr error;

  const auto work = [&] {
    for (;;) {
      std::vector<std::string> files;
      std::size_t number = 0;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return !queued.empty() || source_done || failed; });
        if (failed || queued.empty()) return;
        files = std::move(queued.front());
        queued.pop_front();
        number = claimed++;
      }
      try {
        auto part = std::make_unique<ChunkOutcome>(score_chunk(files, catalog, options));
        const std::lock_guard lock(mutex);
        scored.emplace(number, std::move(part));
      } catch (...) {
        const std::lock_guard lock(mutex);
        if (!error) error = std::current_exception();
        failed = true;
      }
      changed.notify_all();
    }
  };
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t) workers.emplace_back(work);

  try {
    bool more = true;
    std::vector<std::string> chunk;
    for (;;) {
      while (more && produced < merged + window) {
        more = read_chunk(next_file, chunk);  // outside the lock: the folder walk runs beside the workers
        outcome.files_read += chunk.size();
        {
          const std::lock_guard lock(mutex);
          if (more) {
            queued.push_back(std::move(chunk));
            ++produced;
          } else {
            source_done = true;
          }
        }
        changed.notify_all();
      }
      std::unique_ptr<ChunkOutcome> part;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return failed || scored.count(merged) > 0 || (source_done && merged == produced); });
        if (failed || (source_done && merged == produced)) break;
        part = std::move(scored.at(merged));
        scored.erase(merged);
        ++merged;
      }
      take(*part);
    }
  } catch (...) {
    {
      const std::lock_guard lock(mutex);
      if (!error) error = std::current_exception();
      failed = true;
    }
    changed.notify_all();
  }
  for (auto& worker : workers) worker.join();
  if (error) std::rethrow_exception(error);
  if (outcome.problems.empty()) outcome.results = total.finish(threads);
  return outcome;
}

}  // namespace

ScoreFilesOutcome score_files(TomlFileStream& files, const Catalog& catalog, const ScoringOptions& options,
                              unsigned threads) {
  return score_source([&](std::string& path) { return files.next(path); }, catalog, options, threads);
}

ScoreFilesOutcome score_files(const std::vector<std::string>& files, const Catalog& catalog,
                              const ScoringOptions& options, unsigned threads) {
  std::size_t next = 0;
  return score_source(
      [&](std::string& path) {
        if (next == files.size()) return false;
        path = files[next++];
        return true;
      },
      catalog, options, threads);
}

}  // namespace partnerpulse
