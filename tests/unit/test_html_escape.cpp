#include <string>

#include <boost/test/unit_test.hpp>

#include "report/html_escape.hpp"

using namespace partnerpulse;

BOOST_AUTO_TEST_SUITE(html_escape_tests)

BOOST_AUTO_TEST_CASE(escapes_markup_characters) {
  BOOST_TEST(html_escape("<script>alert('x')</script> & \"q\"") ==
             "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
  BOOST_TEST(html_escape("</svg><img src=x onerror=alert(1)>") == "&lt;/svg&gt;&lt;img src=x onerror=alert(1)&gt;");
  BOOST_TEST(html_escape("&amp;") == "&amp;amp;");
}

BOOST_AUTO_TEST_CASE(strips_control_and_bidi_characters) {
  BOOST_TEST(html_escape("\x1b[31mred\x1b[0m") == "red");
  BOOST_TEST(html_escape("a\xE2\x80\xAE"
                         "b\xE2\x81\xA6"
                         "c") == "abc");
  BOOST_TEST(html_escape(std::string("nul\0byte", 8)) == "nulbyte");
  BOOST_TEST(html_escape("bad \xff byte") == "bad \xEF\xBF\xBD byte");
}

BOOST_AUTO_TEST_CASE(html_line_is_one_line_never_empty) {
  BOOST_TEST(html_line("one\ntwo <b>") == "one two &lt;b&gt;");
  BOOST_TEST(html_line("\x1b[2J", "fallback") == "fallback");
  BOOST_TEST(html_line("") == "(untitled)");
}

BOOST_AUTO_TEST_CASE(shortened_line_cuts_at_code_points) {
  BOOST_TEST(shortened_line("abcdef", 4) == "abc…");
  BOOST_TEST(shortened_line("abcd", 4) == "abcd");
  BOOST_TEST(shortened_line("ééééé", 3) == "éé…");
  BOOST_TEST(shortened_line("مرحبا بالعالم", 6) == "مرحبا…");
}

BOOST_AUTO_TEST_SUITE_END()
