#include "partnerpulse/report_job.hpp"

#include <atomic>
#include <condition_variable>
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

ChunkOutcome score_chunk(const std::vector<std::string>& files, std::size_t begin, std::size_t end,
                         const Catalog& catalog, const ScoringOptions& options) {
  ChunkOutcome outcome;
  outcome.scorer = std::make_unique<Scorer>(catalog, options);
  std::string text;  // one buffer for the whole chunk
  for (std::size_t i = begin; i < end; ++i) {
    try {
      read_text_file_into(files[i], text);
      if (detect_input_kind(text) == InputKind::questionnaire) {
        ++outcome.questionnaire_files;
        continue;
      }
      outcome.scorer->add(parse_response(text, files[i], catalog));
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

}  // namespace

ScoreFilesOutcome score_files(const std::vector<std::string>& files, const Catalog& catalog,
                              const ScoringOptions& options, unsigned threads) {
  const std::size_t chunk_count = (files.size() + files_per_chunk - 1) / files_per_chunk;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(chunk_count, 1)));

  // Workers claim chunks in order; the calling thread merges them in order as they complete. A worker may run at
  // most `window` chunks ahead of the merge, which bounds memory however many files there are.
  const std::size_t window = 2 * static_cast<std::size_t>(threads);
  std::vector<std::unique_ptr<ChunkOutcome>> done(chunk_count);
  std::mutex mutex;
  std::condition_variable changed;
  std::size_t next_chunk = 0;
  std::size_t merged = 0;
  bool failed = false;
  std::exception_ptr worker_error;

  const auto work = [&] {
    for (;;) {
      std::size_t chunk;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return next_chunk >= chunk_count || next_chunk < merged + window || failed; });
        if (next_chunk >= chunk_count || failed) return;
        chunk = next_chunk++;
      }
      std::unique_ptr<ChunkOutcome> outcome;
      try {
        const std::size_t begin = chunk * files_per_chunk;
        outcome = std::make_unique<ChunkOutcome>(
            score_chunk(files, begin, std::min(begin + files_per_chunk, files.size()), catalog, options));
      } catch (...) {
        std::lock_guard lock(mutex);
        if (!worker_error) worker_error = std::current_exception();
        failed = true;
        changed.notify_all();
        return;
      }
      std::lock_guard lock(mutex);
      done[chunk] = std::move(outcome);
      changed.notify_all();
    }
  };

  // With more than one thread, every worker scores and the calling thread only merges (it mostly sleeps).
  std::vector<std::thread> workers;
  if (threads > 1) {
    for (unsigned t = 0; t < threads; ++t) workers.emplace_back(work);
  }

  ScoreFilesOutcome outcome;
  outcome.files_read = files.size();
  Scorer total(catalog, options);
  std::exception_ptr merge_error;
  if (threads == 1) {
    for (std::size_t chunk = 0; chunk < chunk_count; ++chunk) {
      const std::size_t begin = chunk * files_per_chunk;
      done[chunk] = std::make_unique<ChunkOutcome>(
          score_chunk(files, begin, std::min(begin + files_per_chunk, files.size()), catalog, options));
      auto& part = *done[chunk];
      outcome.problems.insert(outcome.problems.end(), part.problems.begin(), part.problems.end());
      outcome.questionnaire_files_skipped += part.questionnaire_files;
      if (outcome.problems.empty()) total.merge(std::move(*part.scorer));
      done[chunk].reset();
    }
  } else {
    for (std::size_t chunk = 0; chunk < chunk_count; ++chunk) {
      std::unique_ptr<ChunkOutcome> part;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return done[chunk] != nullptr || failed; });
        if (!done[chunk]) break;
        part = std::move(done[chunk]);
        merged = chunk + 1;
        changed.notify_all();
      }
      outcome.problems.insert(outcome.problems.end(), part->problems.begin(), part->problems.end());
      outcome.questionnaire_files_skipped += part->questionnaire_files;
      try {
        if (outcome.problems.empty()) total.merge(std::move(*part->scorer));
      } catch (...) {
        merge_error = std::current_exception();
        std::lock_guard lock(mutex);
        failed = true;
        changed.notify_all();
        break;
      }
    }
  }
  for (auto& worker : workers) worker.join();
  if (worker_error) std::rethrow_exception(worker_error);
  if (merge_error) std::rethrow_exception(merge_error);
  if (outcome.problems.empty()) outcome.results = total.finish(threads);
  return outcome;
}

}  // namespace partnerpulse
