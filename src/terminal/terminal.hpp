#pragma once
// Terminal facts (is it a terminal, how wide), the colour decision, and small styling helpers that return plain
// text when colour is off.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace partnerpulse {

// Widths outside this range are clamped: narrower makes text unreadable, wider makes lines too long to read.
inline constexpr std::size_t min_terminal_width = 20;
inline constexpr std::size_t max_terminal_width = 1000;

// True when the file descriptor is a terminal.
bool is_terminal(int fd) noexcept;

// The width to lay text out in: the terminal's width (TIOCGWINSZ on `fd`) when `fd` is a terminal, else $COLUMNS
// when it is a positive number, else 80; clamped to [min_terminal_width, max_terminal_width].
std::size_t terminal_width(int fd);

// The same decision as terminal_width, from the facts alone (for tests): `window_columns` is the width reported by
// the terminal (0 when unknown), `columns_variable` the value of $COLUMNS (nullptr when unset).
std::size_t choose_width(std::size_t window_columns, const char* columns_variable) noexcept;

// A terminal's size in character cells; 0 for what is unknown.
struct TerminalSize {
  std::size_t columns = 0;
  std::size_t rows = 0;
};

// The size to lay text out in: columns as terminal_width chooses them, and the terminal's rows (TIOCGWINSZ on
// `fd`), else $LINES when it is a positive number, else 0 (unknown: no limit).
TerminalSize terminal_size(int fd);

// `word` quoted for a POSIX shell: unchanged when it holds only letters, digits and -_./=:,+@%^ (and is not
// empty), else in single quotes, with each ' written as '\''.
std::string shell_quote(std::string_view word);

// `words` quoted with shell_quote and joined by spaces: a command to copy and paste.
std::string shell_command(const std::vector<std::string>& words);

// Whether to use colour: only when standard output is a terminal, NO_COLOR is unset or empty (https://no-color.org),
// TERM is not "dumb", and --plain was not given. `no_color` and `term` are the variables' values (nullptr when
// unset).
bool use_colour(bool out_is_terminal, bool plain, const char* no_color, const char* term) noexcept;
// use_colour with the process's environment.
bool use_colour_from_environment(bool out_is_terminal, bool plain);

// ANSI styling that degrades to plain text: with colour off, every helper returns its argument unchanged.
class Style {
public:
  explicit Style(bool colour = false) noexcept : colour_(colour) {}
  bool colour() const noexcept { return colour_; }

  std::string bold(std::string_view text) const { return wrap("1", text); }
  std::string dim(std::string_view text) const { return wrap("2", text); }
  std::string good(std::string_view text) const { return wrap("32", text); }     // green
  std::string warning(std::string_view text) const { return wrap("33", text); }  // yellow
  std::string bad(std::string_view text) const { return wrap("31", text); }      // red
  std::string accent(std::string_view text) const { return wrap("36", text); }   // cyan

  // Clears the screen and moves the cursor to the top left; empty with colour off.
  std::string clear_screen() const { return colour_ ? "\x1b[H\x1b[2J" : ""; }

private:
  std::string wrap(std::string_view code, std::string_view text) const;
  bool colour_;
};

}  // namespace partnerpulse
