#pragma once
// A progress line on standard error for long runs: shown only on a terminal, and only once the run has taken
// more than a second, redrawn at most ten times a second, and erased when the run ends.

#include <chrono>
#include <iosfwd>
#include <mutex>
#include <string>

namespace partnerpulse {

class ProgressLine {
public:
  // Draws nothing at all unless `enabled` (standard error is a terminal).
  ProgressLine(std::ostream& err, bool enabled);
  ~ProgressLine();  // erases the line if one was drawn
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  // Replaces the line with `text` (one line, no line break) when it is time to; safe from any thread.
  void show(const std::string& text);
  // Erases the line, if one is drawn, before other output on standard error; a later show() draws it again.
  void clear();

private:
  std::ostream& err_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_;
  std::mutex mutex_;
};

}  // namespace partnerpulse
