// libFuzzer target: the response loader end to end. Parses any bytes as a response against the shipped
// questionnaires and the worked example's; an accepted response is written back with write_response, which must
// parse again to the same text, then scored (minimum group 1, comments kept, so that every figure is computed) and
// rendered in every format. A crash, a sanitizer report, an unexpected exception or a failed round trip is a
// finding.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "partnerpulse/catalog.hpp"
#include "partnerpulse/diagnostics.hpp"
#include "partnerpulse/render.hpp"
#include "partnerpulse/response.hpp"
#include "partnerpulse/scoring.hpp"

namespace {

const partnerpulse::Catalog* catalog = nullptr;

[[noreturn]] void finding(const char* what, const std::string& detail) {
  std::fprintf(stderr, "finding: %s\n%s\n", what, detail.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  catalog = new partnerpulse::Catalog(partnerpulse::Catalog::from_folders(
      {PARTNERPULSE_SOURCE_DIR "/questionnaires", PARTNERPULSE_SOURCE_DIR "/tests/data/worked-example"}));
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace partnerpulse;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Response response;
  try {
    response = parse_response(text, "fuzz.toml", *catalog);
  } catch (const InputError&) {
    return 0;
  }
  const std::string written = write_response(response);
  try {
    const Response again = parse_response(written, "fuzz.toml", *catalog);
    if (write_response(again) != written) finding("write_response does not round-trip", written);
  } catch (const InputError& error) {
    finding("write_response wrote a file parse_response refuses", format_diagnostic(error.diagnostics().front()) +
                                                                       "\n" + written);
  }
  ScoringOptions options;
  options.min_group = 1;
  options.collect_comments = true;
  Scorer scorer(*catalog, options);
  if (!scorer.add(response).empty()) finding("one response conflicts with itself", written);
  const Results results = scorer.finish();
  RenderOptions render;
  render.comments = true;
  render.tool_version = "fuzz";
  (void)render_markdown(results, render);
  (void)render_json(results, render);
  (void)render_csv(results, render);
  return 0;
}
