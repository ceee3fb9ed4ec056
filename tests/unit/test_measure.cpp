// What a dimension was measured with (src/model/measure.cpp).

#include <boost/test/unit_test.hpp>

#include "partnerpulse/measure.hpp"
#include "questionnaire_fixture.hpp"

using namespace partnerpulse;
using namespace partnerpulse::test;

BOOST_AUTO_TEST_SUITE(measure)

BOOST_AUTO_TEST_CASE(the_scored_items_of_the_dimension_in_file_order_with_their_scales) {
  Questionnaire q = small_questionnaire("2.1");
  item_of(q, "t2")->scale = "s7";
  item_of(q, "t2")->reverse = true;
  item_of(q, "t2")->weight = 1.5;
  item_of(q, "t2")->replaces = "old-t2";
  q.items.push_back(scale_item("t0", "trust", "Added last, listed last."));
  const DimensionMeasure m = measure_of(q, "trust");
  BOOST_TEST(m.questionnaire_version == "2.1");
  BOOST_TEST_REQUIRE(m.items.size() == 3u);
  BOOST_TEST(m.items[0].id == "t1");
  BOOST_TEST(m.items[0].min == 1);
  BOOST_TEST(m.items[0].max == 5);
  BOOST_TEST(!m.items[0].reverse);
  BOOST_TEST(m.items[0].weight == 1.0);
  BOOST_TEST(m.items[0].replaces.empty());
  BOOST_TEST(m.items[1].id == "t2");
  BOOST_TEST(m.items[1].max == 7);
  BOOST_TEST(m.items[1].reverse);
  BOOST_TEST(m.items[1].weight == 1.5);
  BOOST_TEST(m.items[1].replaces == "old-t2");
  BOOST_TEST(m.items[2].id == "t0");
}

BOOST_AUTO_TEST_CASE(other_dimensions_and_open_questions_are_left_out) {
  Questionnaire q = small_questionnaire();
  item_of(q, "story")->dimension = "power";  // an open question tied to a dimension is still not scored
  const DimensionMeasure m = measure_of(q, "power");
  BOOST_TEST_REQUIRE(m.items.size() == 1u);
  BOOST_TEST(m.items[0].id == "p1");
  BOOST_TEST(measure_of(q, "unknown").items.empty());
  BOOST_TEST(measure_of(q, "unknown").questionnaire_version == "1.0");
}

BOOST_AUTO_TEST_SUITE_END()
