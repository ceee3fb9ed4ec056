#include "terminal/terminal.hpp"

#include <charconv>
#include <cstdlib>
#include <cstring>

#include <sys/ioctl.h>
#include <unistd.h>

namespace partnerpulse {

bool is_terminal(int fd) noexcept { return ::isatty(fd) == 1; }

namespace {

// The value of an environment variable such as $COLUMNS as a whole number; 0 when unset or not a number.
std::size_t count_from_variable(const char* value) noexcept {
  if (!value || !*value) return 0;
  const char* end = value + std::strlen(value);
  std::size_t parsed = 0;
  const auto [ptr, ec] = std::from_chars(value, end, parsed);
  return ec == std::errc() && ptr == end ? parsed : 0;
}

}  // namespace

std::size_t choose_width(std::size_t window_columns, const char* columns_variable) noexcept {
  std::size_t width = window_columns;
  if (width == 0) width = count_from_variable(columns_variable);
  if (width == 0) width = 80;
  if (width < min_terminal_width) width = min_terminal_width;
  if (width > max_terminal_width) width = max_terminal_width;
  return width;
}

std::size_t terminal_width(int fd) {
  std::size_t columns = 0;
  if (is_terminal(fd)) {
    winsize size{};
    if (::ioctl(fd, TIOCGWINSZ, &size) == 0) columns = size.ws_col;
  }
  return choose_width(columns, std::getenv("COLUMNS"));
}

TerminalSize terminal_size(int fd) {
  TerminalSize size;
  size.columns = terminal_width(fd);
  winsize window{};
  if (is_terminal(fd) && ::ioctl(fd, TIOCGWINSZ, &window) == 0) size.rows = window.ws_row;
  if (size.rows == 0) size.rows = count_from_variable(std::getenv("LINES"));
  return size;
}

std::string shell_quote(std::string_view word) {
  static constexpr std::string_view safe = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%^";
  if (!word.empty() && word.find_first_not_of(safe) == std::string_view::npos) return std::string(word);
  std::string quoted = "'";
  for (const char c : word) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  quoted += '\'';
  return quoted;
}

std::string shell_command(const std::vector<std::string>& words) {
  std::string command;
  for (const auto& word : words) {
    if (!command.empty()) command += ' ';
    command += shell_quote(word);
  }
  return command;
}

bool use_colour(bool out_is_terminal, bool plain, const char* no_color, const char* term) noexcept {
  if (!out_is_terminal || plain) return false;
  if (no_color && *no_color) return false;
  if (term && std::strcmp(term, "dumb") == 0) return false;
  return true;
}

bool use_colour_from_environment(bool out_is_terminal, bool plain) {
  return use_colour(out_is_terminal, plain, std::getenv("NO_COLOR"), std::getenv("TERM"));
}

std::string Style::wrap(std::string_view code, std::string_view text) const {
  if (!colour_ || text.empty()) return std::string(text);
  std::string out = "\x1b[";
  out += code;
  out += 'm';
  out += text;
  out += "\x1b[0m";
  return out;
}

}  // namespace partnerpulse
