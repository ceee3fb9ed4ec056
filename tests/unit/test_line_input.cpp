#include <csignal>
#include <sstream>
#include <string>

#include <boost/test/unit_test.hpp>
#include <fcntl.h>
#include <unistd.h>

#include "terminal/line_input.hpp"

using namespace partnerpulse;

namespace {

// A pipe whose read end a TerminalInput reads.
struct Pipe {
  int ends[2] = {-1, -1};
  Pipe() {
    BOOST_REQUIRE(::pipe(ends) == 0);
    ::fcntl(ends[1], F_SETPIPE_SZ, 1 << 20);  // room for a line longer than max_line_bytes before it is read
  }
  ~Pipe() {
    for (const int end : ends) {
      if (end >= 0) ::close(end);
    }
  }
  void write(const std::string& text) const {
    BOOST_REQUIRE(::write(ends[1], text.data(), text.size()) == static_cast<ssize_t>(text.size()));
  }
  void close_writer() {
    ::close(ends[1]);
    ends[1] = -1;
  }
};

using Handler = void (*)(int);
Handler handler_of(int signal) {
  struct sigaction action {};
  ::sigaction(signal, nullptr, &action);
  return action.sa_handler;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(line_input)

BOOST_AUTO_TEST_CASE(stream_lines_are_read_whole_or_capped) {
  std::istringstream in("one\r\ntwo\n" + std::string(100, 'x') + "\nlast");
  InputLine line;
  BOOST_TEST(read_input_line(in, line, 10));
  BOOST_TEST(line.text == "one");
  BOOST_TEST(read_input_line(in, line, 10));
  BOOST_TEST(read_input_line(in, line, 10));
  BOOST_TEST((line.text == std::string(10, 'x') && line.truncated));
  StreamInput rest(in);
  BOOST_TEST(static_cast<int>(rest.read(line)) == static_cast<int>(InputEvent::line));
  BOOST_TEST(line.text == "last");
  BOOST_TEST(static_cast<int>(rest.read(line)) == static_cast<int>(InputEvent::ended));
}

BOOST_AUTO_TEST_CASE(file_descriptor_lines) {
  Pipe pipe;
  pipe.write("4\r\nna\n" + std::string(max_line_bytes + 10, 'y') + "\nlast");
  pipe.close_writer();
  TerminalInput input(pipe.ends[0]);
  InputLine line;
  BOOST_TEST(static_cast<int>(input.read(line)) == static_cast<int>(InputEvent::line));
  BOOST_TEST(line.text == "4");
  BOOST_TEST(static_cast<int>(input.read(line)) == static_cast<int>(InputEvent::line));
  BOOST_TEST(line.text == "na");
  BOOST_TEST(static_cast<int>(input.read(line)) == static_cast<int>(InputEvent::line));
  BOOST_TEST((line.text.size() == max_line_bytes && line.truncated));
  BOOST_TEST(static_cast<int>(input.read(line)) == static_cast<int>(InputEvent::line));
  BOOST_TEST((line.text == "last" && !line.truncated));
  BOOST_TEST(static_cast<int>(input.read(line)) == static_cast<int>(InputEvent::ended));
}

BOOST_AUTO_TEST_CASE(stop_signals_and_resizes_wake_the_reader) {
  const Handler term_before = handler_of(SIGTERM), int_before = handler_of(SIGINT);
  Pipe pipe;
  {
    TerminalInput input(pipe.ends[0]);
    InputLine line;
    ::raise(SIGWINCH);
    BOOST_TEST(static_cast<int>(input.read(line)) == static_cast<int>(InputEvent::resized));
    pipe.write("3\n");
    BOOST_TEST(static_cast<int>(input.read(line)) == static_cast<int>(InputEvent::line));
    ::raise(SIGTERM);  // handled: the process goes on
    BOOST_TEST(static_cast<int>(input.read(line)) == static_cast<int>(InputEvent::stopped));
    BOOST_TEST(static_cast<int>(input.read(line)) == static_cast<int>(InputEvent::stopped));
  }
  BOOST_TEST((handler_of(SIGTERM) == term_before));  // restored when the reader ends
  BOOST_TEST((handler_of(SIGINT) == int_before));
}

BOOST_AUTO_TEST_CASE(held_signals_wait) {
  Pipe pipe;
  TerminalInput input(pipe.ends[0]);
  {
    const StopSignalsHeld held;
    ::raise(SIGINT);
    sigset_t pending;
    sigpending(&pending);
    BOOST_TEST(sigismember(&pending, SIGINT) == 1);
  }
  InputLine line;
  BOOST_TEST(static_cast<int>(input.read(line)) == static_cast<int>(InputEvent::stopped));
}

BOOST_AUTO_TEST_SUITE_END()
