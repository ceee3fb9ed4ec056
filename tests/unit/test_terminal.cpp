#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "terminal/terminal.hpp"

using namespace partnerpulse;

BOOST_AUTO_TEST_SUITE(terminal)

BOOST_AUTO_TEST_CASE(words_are_quoted_only_when_a_shell_needs_it) {
  BOOST_TEST(shell_quote("trust") == "trust");
  BOOST_TEST(shell_quote("answers/r-1.toml") == "answers/r-1.toml");
  BOOST_TEST(shell_quote("my file.toml") == "'my file.toml'");
  BOOST_TEST(shell_quote("") == "''");
  BOOST_TEST(shell_quote("it's") == "'it'\\''s'");
  BOOST_TEST(shell_quote("$HOME") == "'$HOME'");
  BOOST_TEST(shell_quote("a*b") == "'a*b'");
  BOOST_TEST(shell_quote("r\xC3\xA9ponses.toml") == "'r\xC3\xA9ponses.toml'");
}

BOOST_AUTO_TEST_CASE(commands_join_quoted_words) {
  BOOST_TEST(shell_command({"partnerpulse", "ask", "trust", "power-balance", "-o", "my file.toml"}) ==
             "partnerpulse ask trust power-balance -o 'my file.toml'");
  BOOST_TEST(shell_command({}).empty());
}

BOOST_AUTO_TEST_CASE(size_of_something_that_is_not_a_terminal) {
  const TerminalSize size = terminal_size(-1);
  BOOST_TEST(size.columns >= min_terminal_width);
}

BOOST_AUTO_TEST_SUITE_END()
