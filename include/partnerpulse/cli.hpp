#pragma once
// The partnerpulse command line: parses arguments, runs a subcommand, maps errors to exit codes.

#include <iosfwd>

namespace partnerpulse {

// Standard streams and terminal facts a command runs with; tests pass their own.
struct Console {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
  bool in_is_terminal = false;
  bool out_is_terminal = false;
  bool quiet = false;  // -q/--quiet: no notes on `err` (errors and warnings still)
  bool err_is_terminal = false;  // a progress line is shown only then
};

// Runs the command line, the one place where errors become messages and exit codes (ExitCode in diagnostics.hpp):
// 0 ok, 1 invalid input or a failed check, 2 usage error, 70 internal error (any other exception: a bug, reported
// as "partnerpulse: internal error: WHAT" with a request to report it), 75 another session is writing the same file.
int run_cli(int argc, const char* const* argv, Console& console);

// run_cli with the process's own streams.
int run_main(int argc, const char* const* argv);

}  // namespace partnerpulse
