#pragma once
// Where input came from, what is wrong with it, and the error types the CLI maps to exit codes.

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace partnerpulse {

// A position in an input file; line and column are 1-based, column counts Unicode code points.
struct SourceLocation {
  std::string path;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

enum class Severity { error, warning, note };

// One problem found in an input file.
struct Diagnostic {
  SourceLocation location;
  Severity severity = Severity::error;
  std::string message;
};

// Formats "FILE:LINE:COLUMN: error: MESSAGE"; line and column are omitted when 0, and a diagnostic with no file
// reads "partnerpulse: error: MESSAGE".
std::string format_diagnostic(const Diagnostic& diagnostic);

// Orders diagnostics by file, then line, then column; keeps the order of those at the same position.
void sort_by_position(std::vector<Diagnostic>& diagnostics);

// How many problems of one input are kept and printed; the rest are counted in one last line, so that a file of a
// million mistakes costs neither the memory nor the output of a million messages.
inline constexpr std::size_t max_diagnostics_per_input = 50;

// Collects the problems of one input so that all of them can be reported in one run: the first
// max_diagnostics_per_input of them, then (when there were more) one error with no line, "and N more problems in
// this file (only the first 50 are listed)".
class DiagnosticList {
public:
  void error(const SourceLocation& where, std::string message);
  void warning(const SourceLocation& where, std::string message);
  bool has_errors() const noexcept;
  // True once max_diagnostics_per_input problems are kept: further ones are only counted, so callers may skip
  // the work of composing their messages.
  bool full() const noexcept { return items_.size() >= max_diagnostics_per_input; }
  const std::vector<Diagnostic>& items() const noexcept { return items_; }
  void append(const DiagnosticList& other);
  // Sorts by file, line and column (stable), so reports read top to bottom; the "and N more" line stays last.
  void sort_by_position();

private:
  void add(Diagnostic diagnostic);
  void count_omitted(const std::string& path, std::size_t count);

  std::vector<Diagnostic> items_;
  std::size_t omitted_ = 0;
};

// Invalid input: carries every problem found. Exit code 1.
class InputError : public std::runtime_error {
public:
  explicit InputError(std::vector<Diagnostic> diagnostics);
  InputError(const SourceLocation& where, const std::string& message);
  const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }

private:
  std::vector<Diagnostic> diagnostics_;
};

// A file or stream could not be read or written. Exit code 1.
class IoError : public std::runtime_error {
public:
  IoError(std::string path, const std::string& message);
  const std::string& path() const noexcept { return path_; }

private:
  std::string path_;
};

// A command line that cannot be carried out (conflicting or missing arguments). Exit code 2.
class UsageError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

// Another process is writing the same file (FileLock in files.hpp): nothing was done. Exit code 75.
class BusyError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

// Exit codes of the partnerpulse executable: 0 success; 1 invalid input or a file that cannot be read or written;
// 2 a usage error; 3 `report --fail-under` found a partnership below the threshold (everything was written);
// 70 an internal error, a bug (EX_SOFTWARE in BSD's sysexits.h); 75 another partnerpulse session is writing the
// same file, try again when it has ended (EX_TEMPFAIL); 130 `ask` was stopped by Ctrl-C, SIGTERM or SIGHUP after
// saving every answer given (128 + SIGINT, as shells report Ctrl-C).
enum ExitCode : int { exit_ok = 0, exit_invalid = 1, exit_usage = 2, exit_below_threshold = 3, exit_internal = 70,
                      exit_busy = 75, exit_stopped = 130 };

}  // namespace partnerpulse
