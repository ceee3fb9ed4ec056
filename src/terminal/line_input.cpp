#include "terminal/line_input.hpp"

#include <cerrno>
#include <csignal>
#include <istream>

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

namespace partnerpulse {

bool read_input_line(std::istream& in, InputLine& line, std::size_t max_bytes) {
  line.text.clear();
  line.truncated = false;
  std::streambuf* buffer = in.rdbuf();
  if (!buffer || !in.good()) return false;
  bool any = false;
  while (true) {
    const int c = buffer->sbumpc();
    if (c == std::char_traits<char>::eof()) {
      in.setstate(std::ios::eofbit);
      break;
    }
    any = true;
    if (c == '\n') break;
    if (line.text.size() < max_bytes) {
      line.text.push_back(static_cast<char>(c));
    } else {
      line.truncated = true;
    }
  }
  if (!line.text.empty() && line.text.back() == '\r') line.text.pop_back();
  return any;
}

InputEvent StreamInput::read(InputLine& line) { return read_input_line(in_, line) ? InputEvent::line : InputEvent::ended; }

namespace {

constexpr int stop_signals[] = {SIGINT, SIGTERM, SIGHUP};
constexpr int watched_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGWINCH};
constexpr std::size_t watched_count = sizeof watched_signals / sizeof watched_signals[0];

// Written by the signal handler, read by TerminalInput: the last stop signal, a resize, and a pipe to wake poll().
volatile std::sig_atomic_t stop_received = 0;
volatile std::sig_atomic_t resize_received = 0;
int wake_pipe[2] = {-1, -1};
struct sigaction previous_actions[watched_count];
bool installed[watched_count] = {};

extern "C" void note_signal(int signal) {
  const int saved_errno = errno;
  if (signal == SIGWINCH) {
    resize_received = 1;
  } else {
    stop_received = signal;
  }
  if (wake_pipe[1] >= 0) {
    const char byte = 's';
    [[maybe_unused]] const ssize_t written = ::write(wake_pipe[1], &byte, 1);
  }
  errno = saved_errno;
}

void install_handlers() {
  stop_received = 0;
  resize_received = 0;
  if (::pipe2(wake_pipe, O_CLOEXEC | O_NONBLOCK) != 0) wake_pipe[0] = wake_pipe[1] = -1;
  for (std::size_t i = 0; i < watched_count; ++i) {
    installed[i] = false;
    if (::sigaction(watched_signals[i], nullptr, &previous_actions[i]) != 0) continue;
    if (previous_actions[i].sa_handler == SIG_IGN) continue;  // nohup, a background job: keep ignoring
    struct sigaction action {};
    action.sa_handler = note_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: poll() returns at once
    installed[i] = ::sigaction(watched_signals[i], &action, nullptr) == 0;
  }
}

void restore_handlers() {
  for (std::size_t i = 0; i < watched_count; ++i) {
    if (installed[i]) ::sigaction(watched_signals[i], &previous_actions[i], nullptr);
    installed[i] = false;
  }
  for (int& end : wake_pipe) {
    if (end >= 0) ::close(end);
    end = -1;
  }
}

void drain_wake_pipe() {
  char bytes[64];
  while (wake_pipe[0] >= 0 && ::read(wake_pipe[0], bytes, sizeof bytes) > 0) {
  }
}

}  // namespace

TerminalInput::TerminalInput(int fd) : fd_(fd) {
  restore_mode_ = ::isatty(fd) == 1 && ::tcgetattr(fd, &mode_) == 0;
  install_handlers();
}

TerminalInput::~TerminalInput() {
  restore_handlers();
  if (restore_mode_) ::tcsetattr(fd_, TCSANOW, &mode_);
}

void TerminalInput::feed(const char* bytes, std::size_t size) {
  for (std::size_t i = 0; i < size; ++i) {
    const char c = bytes[i];
    if (c == '\n') {
      if (!current_.text.empty() && current_.text.back() == '\r') current_.text.pop_back();
      ready_.push_back(std::move(current_));
      current_ = InputLine{};
      current_started_ = false;
      continue;
    }
    current_started_ = true;
    if (current_.text.size() < max_line_bytes) {
      current_.text.push_back(c);
    } else {
      current_.truncated = true;
    }
  }
}

bool TerminalInput::wait_for_input() {
  pollfd fds[2] = {{fd_, POLLIN, 0}, {wake_pipe[0], POLLIN, 0}};
  const nfds_t count = wake_pipe[0] >= 0 ? 2 : 1;
  if (stop_received || resize_received) return false;
  if (::poll(fds, count, -1) < 0) return errno != EINTR;
  if (count == 2 && (fds[1].revents & POLLIN)) {
    drain_wake_pipe();
    return false;
  }
  return true;
}

InputEvent TerminalInput::read(InputLine& line) {
  while (true) {
    if (!ready_.empty()) {
      line = std::move(ready_.front());
      ready_.pop_front();
      return InputEvent::line;
    }
    if (stop_received) return InputEvent::stopped;
    if (resize_received && !current_started_) {
      resize_received = 0;
      return InputEvent::resized;
    }
    if (ended_) {
      if (!current_started_) return InputEvent::ended;
      if (!current_.text.empty() && current_.text.back() == '\r') current_.text.pop_back();
      line = std::move(current_);
      current_ = InputLine{};
      current_started_ = false;
      return InputEvent::line;
    }
    if (!wait_for_input()) {
      if (resize_received && current_started_) resize_received = 0;  // mid-line: redrawn with the next question
      continue;
    }
    char bytes[4096];
    const ssize_t got = ::read(fd_, bytes, sizeof bytes);
    if (got > 0) {
      feed(bytes, static_cast<std::size_t>(got));
    } else if (got == 0 || (errno != EINTR && errno != EAGAIN)) {
      ended_ = true;
    }
  }
}

StopSignalsHeld::StopSignalsHeld() {
  sigset_t held;
  sigemptyset(&held);
  for (const int signal : stop_signals) sigaddset(&held, signal);
  ::pthread_sigmask(SIG_BLOCK, &held, &previous_);
}

StopSignalsHeld::~StopSignalsHeld() { ::pthread_sigmask(SIG_SETMASK, &previous_, nullptr); }

}  // namespace partnerpulse
