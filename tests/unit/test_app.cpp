// The command line's one table of commands and its one catch site (src/cli/app.cpp), run in-process.

#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "partnerpulse/cli.hpp"
#include "partnerpulse/diagnostics.hpp"

using namespace partnerpulse;

namespace {

const std::string shipped_questionnaires = std::string(PARTNERPULSE_SOURCE_DIR) + "/questionnaires";

// A stream buffer that refuses every byte, like a full disk or a closed pipe.
class RefusingBuffer : public std::streambuf {
protected:
  int_type overflow(int_type) override { return traits_type::eof(); }
};

// What one run of the command line printed, and its exit code.
struct Run {
  int code = -1;
  std::string out;
  std::string err;
};

// Runs `partnerpulse ARGUMENTS...` with empty input; standard output goes to `out` when given.
Run run(const std::vector<std::string>& arguments, std::ostream* out = nullptr) {
  std::vector<const char*> argv{"partnerpulse"};
  for (const auto& argument : arguments) argv.push_back(argument.c_str());
  std::istringstream in;
  std::ostringstream captured_out, captured_err;
  Console console{in, out ? *out : captured_out, captured_err};
  Run result;
  result.code = run_cli(static_cast<int>(argv.size()), argv.data(), console);
  result.out = captured_out.str();
  result.err = captured_err.str();
  return result;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_app)

BOOST_AUTO_TEST_CASE(an_unexpected_exception_is_an_internal_error_with_its_own_exit_code) {
  // A standard output that throws on writing (std::ios_base::failure) is no input error and no usage error.
  RefusingBuffer refusing;
  std::ostream out(&refusing);
  out.exceptions(std::ios::badbit);
  const Run result = run({"list", "--questionnaires", shipped_questionnaires}, &out);
  BOOST_TEST(result.code == 70);
  BOOST_TEST(exit_internal == 70);
  BOOST_TEST(result.err.rfind("partnerpulse: internal error: ", 0) == 0u, result.err);
  BOOST_TEST(result.err.find("\nThis is a bug in partnerpulse. Please report it") != std::string::npos, result.err);
}

BOOST_AUTO_TEST_CASE(the_same_command_runs_normally_with_a_working_output) {
  const Run result = run({"list", "--questionnaires", shipped_questionnaires});
  BOOST_TEST(result.code == 0);
  BOOST_TEST(result.out.find("trust") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_unknown_command_lists_the_commands_and_suggests_a_near_one) {
  const Run typo = run({"valdiate", "x.toml"});
  BOOST_TEST(typo.code == 2);
  BOOST_TEST(typo.err == "partnerpulse: error: unknown command 'valdiate'; did you mean 'validate'? (commands: "
                         "validate, list, report, compare, diff-questionnaires, form, import, ask, completion, help)\n"
                         "Run 'partnerpulse --help' for usage.\n");
  const Run unrelated = run({"frobnicate"});
  BOOST_TEST(unrelated.err == "partnerpulse: error: unknown command 'frobnicate' (commands: validate, list, report, "
                              "compare, diff-questionnaires, form, import, ask, completion, help)\n"
                              "Run 'partnerpulse --help' for usage.\n");
}

BOOST_AUTO_TEST_CASE(the_help_lists_each_command_with_its_summary_and_the_exit_codes) {
  const Run result = run({"--help"});
  BOOST_TEST(result.code == 0);
  BOOST_TEST(result.out.find("\n  validate                    Check questionnaire and response files; report every "
                             "problem\n  list ") != std::string::npos, result.out);
  BOOST_TEST(result.out.find("2 usage error; 3 report --fail-under") != std::string::npos, result.out);
  BOOST_TEST(result.out.find("130 ask stopped") != std::string::npos, result.out);
}

BOOST_AUTO_TEST_CASE(every_command_has_version_and_usage_errors_name_it) {
  for (const char* command : {"validate", "list", "report", "ask"}) {
    BOOST_TEST_CONTEXT(command) {
      const Run version = run({command, "--version"});
      BOOST_TEST(version.code == 0);
      BOOST_TEST(version.out.rfind("partnerpulse ", 0) == 0u);
      const Run usage = run({command, "--no-such-option"});
      BOOST_TEST(usage.code == 2);
      BOOST_TEST(usage.err.find(std::string("Run 'partnerpulse ") + command + " --help' for usage.") !=
                 std::string::npos);
    }
  }
}

BOOST_AUTO_TEST_CASE(every_command_takes_quiet_and_help_shows_the_help_of_a_command) {
  for (const char* command : {"validate", "list", "report", "compare", "diff-questionnaires", "ask", "completion",
                              "help"}) {
    BOOST_TEST_CONTEXT(command) {
      const Run help = run({"help", command});
      BOOST_TEST(help.code == 0);
      BOOST_TEST(help.out == run({command, "--help"}).out);
      BOOST_TEST(help.out.find("-q,--quiet") != std::string::npos, help.out);
    }
  }
  BOOST_TEST(run({"help"}).out == run({"--help"}).out);
  const Run unknown = run({"help", "reprot"});
  BOOST_TEST(unknown.code == 2);
  BOOST_TEST(unknown.err.find("unknown command 'reprot'; did you mean 'report'?") != std::string::npos, unknown.err);
}

BOOST_AUTO_TEST_CASE(quiet_keeps_errors_and_drops_notes) {
  const Run valid = run({"validate", "-q", shipped_questionnaires});
  BOOST_TEST(valid.code == 0);
  BOOST_TEST(valid.err.empty(), valid.err);
  const Run missing = run({"validate", "-q", "/nonexistent/file.toml"});
  BOOST_TEST(missing.code == 1);
  BOOST_TEST(missing.err.find("/nonexistent/file.toml") != std::string::npos, missing.err);
}

BOOST_AUTO_TEST_CASE(unknown_options_and_values_get_the_project_wording_and_a_suggestion) {
  BOOST_TEST(run({"report", "--formt", "json", "x"}).err.find("unknown option '--formt'; did you mean '--format'?") !=
             std::string::npos);
  BOOST_TEST(run({"report", "--format", "jsn", "x"}).err.find("'jsn' is not one of markdown, json, csv, html; did "
                                                               "you mean 'json'?") != std::string::npos);
  BOOST_TEST(run({"report", "--min-group", "0", "x"}).err.find("must be a whole number from 1 to 1000, not '0'") !=
             std::string::npos);
  BOOST_TEST(run({"compare", "x"}).err.find("INPUTS needs at least 2 values, but 1 was given") != std::string::npos);
  BOOST_TEST(run({}).err.find("no command given (commands: validate,") != std::string::npos);
  const Run folder = run({"list", "--questionnaires", "/nonexistent/folder"});
  BOOST_TEST(folder.code == 2);
  BOOST_TEST(folder.err.find("--questionnaires: no such folder: '/nonexistent/folder'") != std::string::npos,
             folder.err);
}

BOOST_AUTO_TEST_SUITE_END()
