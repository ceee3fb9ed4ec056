#include <string>

#include <boost/test/unit_test.hpp>

#include "terminal/display_width.hpp"
#include "util/bidi_isolation.hpp"

using namespace partnerpulse;

namespace {

const std::string fsi = "\xE2\x81\xA8";
const std::string pdi = "\xE2\x81\xA9";
std::string isolated(const std::string& run) { return fsi + run + pdi; }

const std::string save = "\xD8\xA7\xD8\xAD\xD9\x81\xD8\xB8";      // احفظ
const std::string in_file = "\xD9\x81\xD9\x8A";                      // في
const std::string question = "\xD8\xA7\xD9\x84\xD8\xB3\xD8\xA4\xD8\xA7\xD9\x84";  // السؤال
const std::string arabic_comma = "\xD8\x8C";                         // ،
const std::string hebrew = "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D";       // שלום

}  // namespace

BOOST_AUTO_TEST_SUITE(bidi_isolation)

BOOST_AUTO_TEST_CASE(right_to_left_languages) {
  BOOST_TEST(is_right_to_left_language("ar"));
  BOOST_TEST(is_right_to_left_language("ar-EG"));
  BOOST_TEST(is_right_to_left_language("ar_MA.UTF-8"));
  BOOST_TEST(is_right_to_left_language("he"));
  BOOST_TEST(is_right_to_left_language("fa"));
  BOOST_TEST(!is_right_to_left_language(""));
  BOOST_TEST(!is_right_to_left_language("en"));
  BOOST_TEST(!is_right_to_left_language("fr"));
  BOOST_TEST(!is_right_to_left_language("pt-BR"));
  BOOST_TEST(!is_right_to_left_language("arn"));  // Mapudungun, not Arabic
}

BOOST_AUTO_TEST_CASE(lines_without_right_to_left_letters_are_unchanged) {
  for (const std::string text : {"", "Saved 3 of 12 answers to out/r1.toml.", "1/15  Trust and relationships\n\n",
                                 "\x1b[1m3/12\x1b[0m  caf\xC3\xA9", "\xFF\xFE broken bytes"}) {
    BOOST_TEST(isolate_left_to_right_runs(text) == text);
  }
}

BOOST_AUTO_TEST_CASE(isolates_ids_numbers_and_keys_in_arabic_sentences) {
  BOOST_TEST(isolate_left_to_right_runs(save + " " + in_file + " out/r-01.toml.") ==
             save + " " + in_file + " " + isolated("out/r-01.toml") + ".");
  BOOST_TEST(isolate_left_to_right_runs(question + " 3/12") == question + " " + isolated("3/12"));
  BOOST_TEST(isolate_left_to_right_runs("q " + save) == isolated("q") + " " + save);
  BOOST_TEST(isolate_left_to_right_runs(save + " (1-5 " + in_file + " na)") ==
             save + " (" + isolated("1-5") + " " + in_file + " " + isolated("na") + ")");
  BOOST_TEST(isolate_left_to_right_runs(hebrew + " id-7") == hebrew + " " + isolated("id-7"));
}

BOOST_AUTO_TEST_CASE(runs_end_at_the_arabic_sentence_around_them) {
  const std::string semicolon = "\xD8\x9B", keeps = "\xD9\x8A\xD9\x8F\xD8\xA8\xD9\x82\xD9\x8A\xD9\x87\xD8\xA7";  // ؛ يُبقيها
  // A colon or comma and a space end a run: the file and the figure are two runs, the colon belongs to the sentence.
  BOOST_TEST(isolate_left_to_right_runs(save + " " + in_file + " out.toml: 1 " + in_file + " 15.") ==
             save + " " + in_file + " " + isolated("out.toml") + ": " + isolated("1") + " " + in_file + " " +
                 isolated("15") + ".");
  BOOST_TEST(isolate_left_to_right_runs(question + ": Trust (Roles)" + arabic_comma + " 56.3" + arabic_comma +
                                        " making progress") ==
             question + ": " + isolated("Trust (Roles)") + arabic_comma + " " + isolated("56.3") + arabic_comma + " " +
                 isolated("making progress"));
  // An opening bracket closed on the Arabic side: the run stops before it.
  BOOST_TEST(isolate_left_to_right_runs(question + ": 4 Agree (s " + keeps + ")") ==
             question + ": " + isolated("4 Agree") + " (" + isolated("s") + " " + keeps + ")");
  // Arabic punctuation against a figure stays outside its run.
  BOOST_TEST(isolate_left_to_right_runs(question + " (0-100" + semicolon + " " + save + ")") ==
             question + " (" + isolated("0-100") + semicolon + " " + save + ")");
  // Dashes and quotes written against a word go with it.
  BOOST_TEST(isolate_left_to_right_runs(save + " --review '" + save + "'") ==
             save + " " + isolated("--review") + " '" + save + "'");
}

BOOST_AUTO_TEST_CASE(a_command_is_one_run) {
  const std::string command = "partnerpulse ask trust -o 'my answers.toml' --language ar";
  BOOST_TEST(isolate_left_to_right_runs(save + ": " + command) == save + ": " + isolated(command));
  BOOST_TEST(isolate_left_to_right_runs(command + arabic_comma + " " + save) ==
             isolated(command) + arabic_comma + " " + save);
  // Neutral words between two Latin words stay inside; brackets that pair inside the run stay too.
  BOOST_TEST(isolate_left_to_right_runs(save + " a - b (c) d.") == save + " " + isolated("a - b (c) d") + ".");
  BOOST_TEST(isolate_left_to_right_runs(save + " [page 2 of 3]") == save + " " + isolated("[page 2 of 3]"));
  BOOST_TEST(isolate_left_to_right_runs(save + " (" + in_file + " page 2)") ==
             save + " (" + in_file + " " + isolated("page 2") + ")");
}

BOOST_AUTO_TEST_CASE(escape_sequences_stay_whole_and_outside_the_run) {
  const std::string bold = "\x1b[1m", reset = "\x1b[0m";
  BOOST_TEST(isolate_left_to_right_runs(bold + "3/12" + reset + "  " + question) ==
             bold + isolated("3/12") + reset + "  " + question);
  BOOST_TEST(isolate_left_to_right_runs("\x1b[H\x1b[2J" + question + " 1") ==
             "\x1b[H\x1b[2J" + question + " " + isolated("1"));
}

BOOST_AUTO_TEST_CASE(each_line_on_its_own) {
  BOOST_TEST(isolate_left_to_right_runs("keys: q\n" + save + " q\n") == "keys: q\n" + save + " " + isolated("q") + "\n");
}

BOOST_AUTO_TEST_CASE(isolating_keeps_the_width) {
  const std::string line = question + " 3/12 " + in_file + " out/r-01.toml (1-5, na)";
  BOOST_TEST(display_width(isolate_left_to_right_runs(line)) == display_width(line));
}

BOOST_AUTO_TEST_SUITE_END()
