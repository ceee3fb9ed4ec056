#include <boost/test/unit_test.hpp>

#include "partnerpulse/localized_text.hpp"
#include "partnerpulse/questionnaire.hpp"

using namespace partnerpulse;

BOOST_AUTO_TEST_SUITE(questionnaire_model)

BOOST_AUTO_TEST_CASE(default_bands_split_the_index_at_50_and_75) {
  const auto bands = default_bands();
  BOOST_REQUIRE_EQUAL(bands.size(), 3u);
  BOOST_TEST(band_for(bands, 0.0).id == "attention");
  BOOST_TEST(band_for(bands, 49.999).id == "attention");
  BOOST_TEST(band_for(bands, 50.0).id == "progressing");
  BOOST_TEST(band_for(bands, 74.99).id == "progressing");
  BOOST_TEST(band_for(bands, 75.0).id == "strength");
  BOOST_TEST(band_for(bands, 100.0).id == "strength");
  BOOST_TEST(band_for(bands, 75.0).label.text() == "strength");
}

BOOST_AUTO_TEST_CASE(a_single_band_covers_everything) {
  const std::vector<Band> one{{"all", LocalizedText("en", "all"), 100.0}};
  BOOST_TEST(band_for(one, 0.0).id == "all");
  BOOST_TEST(band_for(one, 100.0).id == "all");
}

BOOST_AUTO_TEST_CASE(localized_text_falls_back_to_its_default_language) {
  LocalizedText text("en", "Trust");
  text.set("fr", "Confiance");
  BOOST_TEST(text.in("fr") == "Confiance");
  BOOST_TEST(text.in("ar") == "Trust");
  BOOST_TEST(text.text() == "Trust");
  text.set("en", "Trust and relationships");
  BOOST_TEST(text.in("") == "Trust and relationships");
  BOOST_TEST(text.translations().size() == 2u);
  BOOST_TEST(LocalizedText().in("en").empty());
}

BOOST_AUTO_TEST_CASE(default_band_labels_in_the_five_languages) {
  for (const Band& band : default_bands()) {
    BOOST_TEST(band.label.translations().size() == 5u, band.id);
    for (const char* language : {"fr", "es", "pt", "ar"}) BOOST_TEST(band.label.in(language) != band.label.text());
  }
  BOOST_TEST(default_bands()[0].label.in("fr") == "à renforcer");
  BOOST_TEST(default_bands()[2].label.in("ar") == "نقطة قوة");
}

BOOST_AUTO_TEST_CASE(lookups_by_id) {
  Questionnaire q;
  q.scales.push_back({"s", 1, 3, {}, false});
  q.dimensions.push_back({"d", {}, {}, {{"attention", LocalizedText("en", "do this")}}});
  q.items.push_back({"scored", ItemKind::scale, "d", "s", {}, false, 1.0, {}, {}, {}});
  q.items.push_back({"open", ItemKind::text, "", "", {}, false, 1.0, {}, {}, {}});
  BOOST_TEST(q.find_scale("s")->points() == 3);
  BOOST_TEST(q.find_scale("x") == nullptr);
  BOOST_TEST(q.find_item("open")->scored() == false);
  BOOST_TEST(q.scored_item_count() == 1u);
  BOOST_TEST(q.find_dimension("d")->advice_for("attention").text() == "do this");
  BOOST_TEST(q.find_dimension("d")->advice_for("strength").empty());
}

BOOST_AUTO_TEST_CASE(default_band_labels_are_in_the_five_languages) {
  const auto bands = default_bands();
  BOOST_TEST(bands[0].label.text() == "needs attention");
  BOOST_TEST(bands[0].label.in("fr") == "\xC3\xA0 renforcer");
  BOOST_TEST(bands[1].label.in("es") == "en progreso");
  BOOST_TEST(bands[2].label.in("pt") == "ponto forte");
  for (const Band& band : bands) BOOST_TEST(band.label.translations().size() == 5u, band.id);
}

BOOST_AUTO_TEST_SUITE_END()
