#pragma once
// The interactive self-assessment behind `partnerpulse ask`: asks the respondent's details, then every item of the
// questionnaires one at a time, saving the whole response after every answer, skip, step back and comment, and
// ends with the respondent's own dimension scores; or (review) lists the answers to change any of them. Reads lines
// from a LineInput (a stream, or the terminal with its signals) and writes to a std::ostream, so it runs the same on
// a terminal, from a pipe, and in tests. Each question is fitted to the screen's height when it is known.

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "partnerpulse/questionnaire.hpp"
#include "partnerpulse/response.hpp"
#include "terminal/line_input.hpp"
#include "terminal/terminal.hpp"

namespace partnerpulse {

// Comments and open answers are cut to this many bytes (at a character boundary), so that even a long
// questionnaire's response file stays far below the 4 MiB input limit.
inline constexpr std::size_t max_comment_bytes = 8u * 1024u;

// Layout and wording of a session.
struct AskSettings {
  std::string output_path;     // named in messages
  std::string language;        // the language to show questionnaire texts in; empty: each questionnaire's own
  std::size_t width = 80;      // columns to wrap text to
  std::size_t height = 0;      // rows on the screen; 0: unknown (no fitting to the screen, no pages)
  // When set, asked before each screen for the current size (a terminal may be resized during a session).
  std::function<TerminalSize()> measure_size;
  bool colour = false;         // ANSI colours
  bool redraw = false;         // clear the screen before each question (a terminal, colours allowed)
  bool echo_input = false;     // repeat each line read, for a readable transcript when input is piped
  std::string today;           // YYYY-MM-DD: the date written for a new response (empty: none)
  std::string default_id;      // offered when the respondent id is asked (empty: none, the id must be typed)
  std::string default_period;  // offered when the period is asked (empty: none)
  std::string resume_command;  // the shell command that resumes the session, printed after a save (empty: none)
  std::string review_command;  // the shell command that reviews the file, printed once it is complete (empty: none)
  bool pages = false;          // long screens wait for Enter between pages (input and output are a terminal)
  bool review = false;         // start with the list of answers (`ask --review`), not with the next question
  // The declared roles and periods (newest first) of the partnership file found (partnership_choices in
  // partnership.hpp), to offer as choices when the role and the period are asked; empty without one.
  std::vector<std::string> role_choices;
  std::vector<std::string> period_choices;
};

// How a session ended. Every outcome but nothing_saved and save_failed leaves every answer given in the file.
enum class AskOutcome {
  finished,       // every item was shown; feedback printed
  quit,           // `q`
  input_ended,    // end of input (Ctrl-D, a closed pipe)
  nothing_saved,  // input ended or `q` before the respondent's details were complete: no file written
  save_failed,    // the last save failed (see AskSession::last_save_error)
  stopped,        // a stop signal (Ctrl-C, SIGTERM, SIGHUP): every answer given saved (nothing, if no file yet)
};

// The names of the respondent details that are empty in `respondent`, as their options: "--organisation", ...
std::vector<std::string> missing_respondent_options(const Respondent& respondent);

// Receives the whole response after every change. Throws IoError when it cannot save.
using SaveResponse = std::function<void(const Response&)>;

// Saves with write_file_atomically(path, write_response(response), Overwrite::allow).
SaveResponse save_to_file(std::string path);

// Checks that `existing` (a response file loaded with parse_response) can be continued with these questionnaires
// and respondent details: the same questionnaires and versions (throws UsageError naming both lists otherwise),
// and every detail in `given` that is not empty equal to the file's (throws UsageError naming each difference).
void check_resumable(const Response& existing, const std::vector<const Questionnaire*>& questionnaires,
                     const Respondent& given, const std::string& path);

class AskSession {
public:
  // `questionnaires` must outlive the session. Respondent details left empty in `given` are asked first.
  AskSession(std::vector<const Questionnaire*> questionnaires, Respondent given, AskSettings settings,
             SaveResponse save);
  ~AskSession();
  AskSession(const AskSession&) = delete;
  AskSession& operator=(const AskSession&) = delete;

  // Continues `existing` instead of starting afresh: its details and answers are kept, and the session starts at
  // the furthest item reached: after the last one answered, or at one further on with a comment and no answer
  // (skipped scored items are offered again at the end). Runs check_resumable first (and throws what it throws).
  void resume(const Response& existing);

  // Runs the session until every item has been shown, `q`, the end of input or a stop signal (with
  // settings.review: until `q` in the list of answers). Its words are in interface_language() (interface_text.hpp);
  // when that language or settings.language is written right to left, every line written goes through
  // isolate_left_to_right_runs (util/bidi_isolation.hpp). Throws IoError only when the very first save fails (nothing
  // has been asked yet); later save failures are reported and retried.
  AskOutcome run(LineInput& in, std::ostream& out);
  // run() reading lines from a stream.
  AskOutcome run(std::istream& in, std::ostream& out);

  // The response as it stands (what the last save wrote, or would have written).
  Response response() const;
  // Items (scored and open) answered, and the total number of items.
  std::size_t answered() const;
  std::size_t total() const;
  // The message of the last failed save; empty when the last save succeeded.
  const std::string& last_save_error() const;

private:
  // run() without the isolation of left-to-right runs.
  AskOutcome run_session(LineInput& in, std::ostream& out);
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace partnerpulse
