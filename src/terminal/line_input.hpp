#pragma once
// Where `ask` reads its lines from: any std::istream (pipes in tests and scripts), or a file descriptor watched
// together with the signals that stop a session (SIGINT, SIGTERM, SIGHUP) and the one that resizes the terminal
// (SIGWINCH), so that a session can save before it stops and redraw when the window changes size.

#include <cstddef>
#include <deque>
#include <iosfwd>
#include <string>

#include <signal.h>
#include <termios.h>

namespace partnerpulse {

// At most this much of one input line is kept; the rest of the line is read and discarded.
inline constexpr std::size_t max_line_bytes = 64u * 1024u;

// One line of input.
struct InputLine {
  std::string text;        // without the newline and a trailing carriage return; at most max_bytes bytes
  bool truncated = false;  // the line was longer and its rest was discarded
};

// Reads one line, keeping at most `max_bytes` bytes of it. Returns false at end of input when nothing was read;
// a last line without a newline is still returned.
bool read_input_line(std::istream& in, InputLine& line, std::size_t max_bytes = max_line_bytes);

// What waiting for a line ended with.
enum class InputEvent {
  line,     // a line was read
  ended,    // end of input, nothing more to read
  resized,  // the terminal changed size (no line was read; read again after redrawing)
  stopped,  // a stop signal arrived (SIGINT, SIGTERM, SIGHUP): save and end
};

// A source of input lines.
class LineInput {
public:
  virtual ~LineInput() = default;
  // Waits for the next line (see InputEvent).
  virtual InputEvent read(InputLine& line) = 0;
};

// Lines from a stream: only `line` and `ended`.
class StreamInput final : public LineInput {
public:
  explicit StreamInput(std::istream& in) : in_(in) {}
  InputEvent read(InputLine& line) override;

private:
  std::istream& in_;
};

// Lines from a file descriptor (standard input), waking for SIGINT, SIGTERM and SIGHUP (`stopped`; signals the
// process ignored at start stay ignored) and SIGWINCH (`resized`, only between lines). While it lives it handles
// these signals instead of their usual action; when destroyed it restores their handling and, on a terminal, the
// terminal's mode as it found it. One at a time per process.
class TerminalInput final : public LineInput {
public:
  explicit TerminalInput(int fd);
  ~TerminalInput() override;
  TerminalInput(const TerminalInput&) = delete;
  TerminalInput& operator=(const TerminalInput&) = delete;
  InputEvent read(InputLine& line) override;

private:
  void feed(const char* bytes, std::size_t size);
  bool wait_for_input();  // false when a signal woke it
  int fd_;
  bool ended_ = false;
  bool restore_mode_ = false;
  termios mode_{};
  std::deque<InputLine> ready_;
  InputLine current_;
  bool current_started_ = false;
};

// Holds SIGINT, SIGTERM and SIGHUP while it lives (they are delivered when it ends), so that what runs meanwhile,
// such as a save, is never cut short.
class StopSignalsHeld {
public:
  StopSignalsHeld();
  ~StopSignalsHeld();
  StopSignalsHeld(const StopSignalsHeld&) = delete;
  StopSignalsHeld& operator=(const StopSignalsHeld&) = delete;

private:
  sigset_t previous_{};
};

}  // namespace partnerpulse
