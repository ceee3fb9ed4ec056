#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "partnerpulse/thread_pool.hpp"

using namespace partnerpulse;

BOOST_AUTO_TEST_SUITE(thread_pool)

BOOST_AUTO_TEST_CASE(submit_returns_each_task_result_through_its_future) {
  ThreadPool pool(3);
  BOOST_TEST(pool.size() == 3u);
  std::vector<std::future<int>> results;
  for (int i = 0; i < 100; ++i) results.push_back(pool.submit([i] { return i * i; }));
  for (int i = 0; i < 100; ++i) BOOST_TEST(results[static_cast<std::size_t>(i)].get() == i * i);
}

BOOST_AUTO_TEST_CASE(an_exception_reaches_the_caller_and_the_pool_goes_on) {
  ThreadPool pool(2);
  auto failing = pool.submit([]() -> int { throw std::runtime_error("boom"); });
  BOOST_CHECK_THROW(failing.get(), std::runtime_error);
  BOOST_TEST(pool.submit([] { return 7; }).get() == 7);
}

BOOST_AUTO_TEST_CASE(the_queue_is_bounded) {
  // One worker, at most one queued task: while the worker is held, a third submit blocks.
  ThreadPool pool(1, 1);
  std::atomic<bool> release{false};
  std::atomic<int> submitted{0};
  auto held = pool.submit([&] {
    while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  });
  std::thread producer([&] {
    for (int i = 0; i < 3; ++i) {
      pool.submit([] {});
      ++submitted;
    }
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  BOOST_TEST(submitted.load() <= 2);  // the queue holds one; the worker is busy
  release = true;
  producer.join();
  held.get();
  BOOST_TEST(submitted.load() == 3);
}

BOOST_AUTO_TEST_CASE(parallel_for_visits_every_index_once_and_rethrows_the_first_error) {
  ThreadPool pool(2);
  std::vector<std::atomic<int>> visits(1000);
  parallel_for(pool, visits.size(), 7, [&](std::size_t i) { ++visits[i]; });
  for (const auto& v : visits) BOOST_TEST(v.load() == 1);
  BOOST_CHECK_THROW(parallel_for(pool, 100, 3,
                                 [](std::size_t i) {
                                   if (i == 50) throw std::logic_error("at 50");
                                 }),
                    std::logic_error);
  parallel_for(pool, 0, 4, [](std::size_t) { BOOST_FAIL("no index to visit"); });
}

BOOST_AUTO_TEST_CASE(zero_threads_means_one_per_core) {
  ThreadPool pool(0);
  BOOST_TEST(pool.size() >= 1u);
}

BOOST_AUTO_TEST_SUITE_END()
