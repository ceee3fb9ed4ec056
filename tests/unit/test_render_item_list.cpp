// The item list of `list --items` and docs/questionnaires.md (src/report/render_item_list.cpp).

#include <boost/test/unit_test.hpp>

#include "partnerpulse/questionnaire_loader.hpp"
#include "partnerpulse/render.hpp"

using namespace partnerpulse;

namespace {

const std::string text = R"([questionnaire]
id = "demo"
version = "2.0"
title = "Demo | check"
language = "en"
source = "tests"

[scales.s]
min = 1
max = 5
labels = ["1", "2", "3", "4", "5"]

[[dimensions]]
id = "d"
title = "Meetings"
[dimensions.advice]
attention = "a"
progressing = "p"
strength = "s"

[[items]]
id = "met"
dimension = "d"
text = "We meet | often."
scale = "s"
basis = "ACTIF North–South lessons: \"set aside regular time to meet\""

[[items]]
id = "rare"
dimension = "d"
text = "We meet only when there is a problem."
scale = "s"
reverse = true

[[items]]
id = "wish"
kind = "text"
text = "What would help?"
basis = "Rwanda workshop: how members \"would like to be helped\""
)";

}  // namespace

BOOST_AUTO_TEST_SUITE(render_item_list_tests)

BOOST_AUTO_TEST_CASE(every_item_with_its_basis_escaped_for_markdown) {
  const Questionnaire q = parse_questionnaire(text, "demo.toml");
  const std::string out = render_item_list({&q});
  BOOST_TEST(out.starts_with("## Demo \\| check\n\nId demo, version 2.0, 2 scored items.\n\n### demo: Meetings\n\n"));
  BOOST_TEST(out.find("| met | We meet \\| often. | | ACTIF North–South lessons: \"set aside regular time to meet\" |") !=
             std::string::npos);
  BOOST_TEST(out.find("| rare | We meet only when there is a problem. | yes | (none given) |") != std::string::npos);
  BOOST_TEST(out.find("- What would help? (wish). Basis: Rwanda workshop: how members \"would like to be helped\"") !=
             std::string::npos);
  BOOST_TEST(out.ends_with("\"\n"));  // one newline at the end, no blank line
  BOOST_TEST(render_item_list({&q, &q}) == out + "\n" + out);  // a blank line between questionnaires
}

BOOST_AUTO_TEST_SUITE_END()
