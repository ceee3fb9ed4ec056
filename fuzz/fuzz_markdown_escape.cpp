// libFuzzer target: the Markdown escaper on any bytes. Beyond crashes and sanitizer reports, checks what its
// contract promises: valid UTF-8 out, one line, and (for the Markdown functions, not single_line, which only
// flattens) no raw '<' that could start HTML.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "report/markdown_escape.hpp"
#include "util/text_encoding.hpp"

namespace {

void check(const char* function, std::string_view input, const std::string& output, bool markdown = true) {
  const bool one_line = output.find_first_of("\r\n") == std::string::npos;
  const bool no_html = !markdown || output.find('<') == std::string::npos;
  if (partnerpulse::is_valid_utf8(output) && one_line && no_html) return;
  std::fprintf(stderr, "finding: %s broke its contract (utf8 %d, one line %d, no '<' %d)\ninput: %.*s\noutput: %s\n",
               function, partnerpulse::is_valid_utf8(output), one_line, no_html, static_cast<int>(input.size()),
               input.data(), output.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  check("single_line", text, partnerpulse::single_line(text), false);
  check("markdown_inline", text, partnerpulse::markdown_inline(text));
  check("markdown_table_cell", text, partnerpulse::markdown_table_cell(text));
  check("markdown_heading", text, partnerpulse::markdown_heading(text, text));
  return 0;
}
