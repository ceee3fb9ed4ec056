#pragma once
// Issue 15's bound on work: any input within the documented limits is answered within 2 s and 200 MB on one core.
// Tests run a generated worst case through within_budget(), which checks the time it took and the process's peak
// memory. Sanitizer builds run several times slower and hold more memory: there the time allowed is 10 times as
// long and memory is not checked.

#include <chrono>
#include <string>

#include <sys/resource.h>

#include <boost/test/unit_test.hpp>

namespace partnerpulse::testing {

#ifdef PARTNERPULSE_SANITIZED
inline constexpr double budget_seconds = 20.0;
inline constexpr bool check_memory = false;
#else
inline constexpr double budget_seconds = 2.0;
inline constexpr bool check_memory = true;
#endif
inline constexpr long budget_megabytes = 200;

// Runs `work` and checks that it took at most budget_seconds and that the process never held more than
// budget_megabytes (its peak resident memory, which includes the test's own input).
template <typename Work>
void within_budget(const std::string& what, Work&& work) {
  const auto start = std::chrono::steady_clock::now();
  work();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  BOOST_TEST_MESSAGE(what << ": " << seconds << " s");
  BOOST_TEST(seconds <= budget_seconds, what << " took " << seconds << " s; the budget is " << budget_seconds << " s");
  if (check_memory) {
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    const long megabytes = usage.ru_maxrss / 1024;  // kilobytes on Linux
    BOOST_TEST(megabytes <= budget_megabytes, what << ": peak memory " << megabytes << " MB; the budget is "
                                                   << budget_megabytes << " MB");
  }
}

}  // namespace partnerpulse::testing
