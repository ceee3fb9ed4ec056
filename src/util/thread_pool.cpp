#include "partnerpulse/thread_pool.hpp"

#include <algorithm>

namespace partnerpulse {

ThreadPool::ThreadPool(std::size_t threads, std::size_t max_queued) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  max_queued_ = max_queued == 0 ? 2 * threads : max_queued;
  workers_.reserve(threads);
  for (std::size_t i = 0; i < threads; ++i) workers_.emplace_back([this] { work(); });
}

ThreadPool::~ThreadPool() {
  {
    const std::lock_guard lock(mutex_);
    shutting_down_ = true;
  }
  task_queued_or_shutting_down_.notify_all();
  task_taken_.notify_all();
  for (auto& worker : workers_) worker.join();
}

void ThreadPool::enqueue(std::function<void()> task) {
  {
    std::unique_lock lock(mutex_);
    task_taken_.wait(lock, [this] { return queue_.size() < max_queued_ || shutting_down_; });
    queue_.push(std::move(task));
  }
  task_queued_or_shutting_down_.notify_one();
}

void ThreadPool::work() {
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock lock(mutex_);
      task_queued_or_shutting_down_.wait(lock, [this] { return !queue_.empty() || shutting_down_; });
      if (queue_.empty()) return;  // shutting down, and nothing left to run
      task = std::move(queue_.front());
      queue_.pop();
    }
    task_taken_.notify_one();
    task();  // a packaged task: exceptions go to its future
  }
}

void parallel_for(ThreadPool& pool, std::size_t count, std::size_t batch,
                  const std::function<void(std::size_t)>& body) {
  batch = std::max<std::size_t>(batch, 1);
  std::vector<std::future<void>> tasks;
  tasks.reserve((count + batch - 1) / batch);
  try {
    for (std::size_t first = 0; first < count; first += batch) {
      const std::size_t last = std::min(count, first + batch);
      tasks.push_back(pool.submit([&body, first, last] {
        for (std::size_t i = first; i < last; ++i) body(i);
      }));
    }
  } catch (...) {
    for (auto& task : tasks) task.wait();  // they use `body`: never return while one runs
    throw;
  }
  for (auto& task : tasks) task.wait();
  for (auto& task : tasks) task.get();  // the first exception, in index order
}

}  // namespace partnerpulse
