#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "partnerpulse/localized_text.hpp"
#include "partnerpulse/questionnaire.hpp"
#include "partnerpulse/questionnaire_texts.hpp"

using namespace partnerpulse;

BOOST_AUTO_TEST_SUITE(questionnaire_texts)

BOOST_AUTO_TEST_CASE(texts_of_names_every_text_a_person_reads_in_file_order) {
  Questionnaire q;
  q.title = LocalizedText("en", "Title");
  q.scales.push_back({"s", 1, 2, {LocalizedText("en", "no"), LocalizedText("en", "yes")}, false});
  q.bands = default_bands();
  q.dimensions.push_back({"d", LocalizedText("en", "Dim"), {}, {{"attention", LocalizedText("en", "do this")}}});
  q.items.push_back({"scored", ItemKind::scale, "d", "s", LocalizedText("en", "An item."), false, 1.0, {}, {}, {}});
  q.items.push_back({"open", ItemKind::text, "", "", LocalizedText("en", "Why?"), false, 1.0, {}, {}, {}});
  std::vector<std::string> names;
  for (const NamedText& named : texts_of(q)) names.push_back(named.where);
  // The empty description (questionnaire and dimension) is left out.
  const std::vector<std::string> expected = {
      "questionnaire title",      "scale 's' label 1",      "scale 's' label 2",   "band 'attention' label",
      "band 'progressing' label", "band 'strength' label",  "dimension 'd' title", "dimension 'd' advice 'attention'",
      "item 'scored' text",       "item 'open' text"};
  BOOST_TEST(names == expected, boost::test_tools::per_element());
  BOOST_TEST(texts_of(q).back().text == &q.items.back().text);
}

BOOST_AUTO_TEST_SUITE_END()
