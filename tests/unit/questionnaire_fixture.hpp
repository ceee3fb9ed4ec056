#pragma once
// A small questionnaire built in code, for the tests of measures and questionnaire diffs: scales s5 (1-5) and s7
// (1-7), dimensions trust and power, scored items t1 t2 (trust) and p1 (power) on s5, and an open question.

#include <string>
#include <utility>

#include "partnerpulse/questionnaire.hpp"

namespace partnerpulse::test {

inline Item scale_item(std::string id, std::string dimension, std::string text, std::string scale = "s5") {
  Item item;
  item.id = std::move(id);
  item.dimension = std::move(dimension);
  item.scale = std::move(scale);
  item.text = LocalizedText("en", std::move(text));
  return item;
}

inline Questionnaire small_questionnaire(std::string version = "1.0") {
  Questionnaire q;
  q.id = "pulse";
  q.version = std::move(version);
  q.path = "pulse-" + q.version + ".toml";
  q.scales = {{"s5", 1, 5, {}, false}, {"s7", 1, 7, {}, false}};
  q.bands = default_bands();
  Dimension trust{"trust", LocalizedText("en", "Trust"), {}, {{"attention", LocalizedText("en", "Meet more.")}}};
  Dimension power{"power", LocalizedText("en", "Power"), {}, {}};
  q.dimensions = {trust, power};
  q.items = {scale_item("t1", "trust", "We trust them."), scale_item("t2", "trust", "They trust us."),
             scale_item("p1", "power", "We decide together.")};
  Item open;
  open.id = "story";
  open.kind = ItemKind::text;
  open.text = LocalizedText("en", "Tell us a story.");
  q.items.push_back(open);
  return q;
}

inline Item* item_of(Questionnaire& q, const std::string& id) {
  for (Item& item : q.items) {
    if (item.id == id) return &item;
  }
  return nullptr;
}

}  // namespace partnerpulse::test
