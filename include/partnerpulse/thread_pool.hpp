#pragma once
// The one pool of worker threads a command runs its parallel work on (modelled on ccache's util/ThreadPool).
// The command that runs a job owns it, sized by --jobs; library functions that can use threads take it by
// reference, and renderers never do.

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <queue>
#include <thread>
#include <type_traits>
#include <vector>

namespace partnerpulse {

class ThreadPool {
public:
  // Starts `threads` workers (0: one per core). At most `max_queued` tasks wait for a worker (0: twice the
  // number of workers); submit() blocks while the queue is full, which bounds the work read ahead.
  explicit ThreadPool(std::size_t threads, std::size_t max_queued = 0);
  // Runs the tasks still queued, then joins the workers.
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  std::size_t size() const noexcept { return workers_.size(); }

  // Queues `task` (first in, first out) and returns the future of its result; an exception it throws is
  // rethrown by the future's get().
  template <typename Task>
  auto submit(Task task) -> std::future<std::invoke_result_t<Task&>> {
    using Result = std::invoke_result_t<Task&>;
    auto packaged = std::make_shared<std::packaged_task<Result()>>(std::move(task));
    std::future<Result> result = packaged->get_future();
    enqueue([packaged] { (*packaged)(); });
    return result;
  }

private:
  void enqueue(std::function<void()> task);
  void work();

  std::vector<std::thread> workers_;
  std::queue<std::function<void()>> queue_;
  std::size_t max_queued_;
  bool shutting_down_ = false;
  std::mutex mutex_;
  std::condition_variable task_queued_or_shutting_down_;
  std::condition_variable task_taken_;
};

// Calls body(i) for every i in [0, count) on the pool, `batch` indexes per task, and waits for all of them.
// Rethrows the first exception (by index) after every task has ended.
void parallel_for(ThreadPool& pool, std::size_t count, std::size_t batch, const std::function<void(std::size_t)>& body);

}  // namespace partnerpulse
