#pragma once
// What a dimension was measured with: the questionnaire version and its scored items, each with its scale range,
// reverse flag, weight and the earlier item it replaces. Recorded per dimension in the results (and in the JSON
// report), so that two periods can be checked for comparability (compare.hpp) without the questionnaire files.

#include <string>
#include <string_view>
#include <vector>

namespace partnerpulse {

struct Questionnaire;

// One scored item as far as comparability goes (its text does not count: rewording keeps the measure).
struct MeasuredItem {
  std::string id;
  int min = 1;             // the item's scale range
  int max = 5;
  bool reverse = false;
  double weight = 1.0;
  std::string replaces;    // the id of an earlier item with the same meaning (`replaces = "..."`); empty if none
};

struct DimensionMeasure {
  std::string questionnaire_version;
  std::vector<MeasuredItem> items;  // the dimension's scored items, in questionnaire order
};

// The measure of dimension `dimension_id` of `questionnaire`: its scored items in file order. An unknown
// dimension has no items.
DimensionMeasure measure_of(const Questionnaire& questionnaire, std::string_view dimension_id);

}  // namespace partnerpulse
