#include "util/progress_line.hpp"

#include <ostream>

namespace partnerpulse {

namespace {
constexpr auto delay = std::chrono::seconds(1);
constexpr auto interval = std::chrono::milliseconds(100);
constexpr const char* erase_line = "\r\x1b[K";  // carriage return, then erase to the end of the line
}  // namespace

ProgressLine::ProgressLine(std::ostream& err, bool enabled)
    : err_(err), enabled_(enabled), start_(std::chrono::steady_clock::now()), last_(start_) {}

ProgressLine::~ProgressLine() { clear(); }

void ProgressLine::clear() {
  const std::lock_guard<std::mutex> lock(mutex_);
  if (drawn_) err_ << erase_line << std::flush;
  drawn_ = false;
}

void ProgressLine::show(const std::string& text) {
  if (!enabled_) return;
  const std::lock_guard<std::mutex> lock(mutex_);
  const auto now = std::chrono::steady_clock::now();
  if (now - start_ < delay || (last_ != start_ && now - last_ < interval)) return;
  last_ = now;
  drawn_ = true;
  err_ << erase_line << text << std::flush;
}

}  // namespace partnerpulse
