#pragma once
// A questionnaire as plain values: scales, interpretation bands, dimensions and items.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "partnerpulse/diagnostics.hpp"
#include "partnerpulse/localized_text.hpp"

namespace partnerpulse {

// A closed answer scale of whole numbers min..max, one label per point.
struct Scale {
  std::string id;
  int min = 1;
  int max = 5;
  std::vector<LocalizedText> labels;  // labels[v - min] names value v
  bool allow_na = false;              // whether "na" (not applicable) is a valid answer
  bool allow_dont_know = false;       // whether "dont-know" is a valid answer
  int points() const noexcept { return max - min + 1; }
  const LocalizedText& label(int value) const { return labels.at(static_cast<std::size_t>(value - min)); }
};

// An interpretation band over the 0-100 index: indexes below `upper` (and at or above the previous band's
// upper) fall in it; the last band's upper is 100 and includes 100.
struct Band {
  std::string id;
  LocalizedText label;
  double upper = 100.0;
};

// The bands used when a questionnaire defines none: needs attention < 50 <= making progress < 75 <= strength.
std::vector<Band> default_bands();
// The band an index in 0..100 falls in; `bands` must be non-empty and ordered.
const Band& band_for(const std::vector<Band>& bands, double index);

struct Dimension {
  std::string id;
  LocalizedText title;
  LocalizedText description;
  std::vector<std::pair<std::string, LocalizedText>> advice;  // band id -> what to do next
  // The advice for a band; empty text when there is none.
  const LocalizedText& advice_for(std::string_view band_id) const;
};

enum class ItemKind { scale, text };

struct Item {
  std::string id;
  ItemKind kind = ItemKind::scale;
  std::string dimension;  // required for scale items, optional for text items
  std::string scale;      // scale items only
  LocalizedText text;
  bool reverse = false;
  double weight = 1.0;
  SourceLocation location;
  std::string replaces;   // scale items only: an earlier item with the same meaning, compared as this one
  std::string basis;      // the practice document and practice the item measures (not translated); may be empty
  bool scored() const noexcept { return kind == ItemKind::scale; }
};

struct Questionnaire {
  std::string id;
  std::string version;
  LocalizedText title;
  LocalizedText description;
  std::string language;
  std::string source;
  std::vector<Scale> scales;
  std::vector<Band> bands;
  std::vector<Dimension> dimensions;
  std::vector<Item> items;
  std::string path;  // the file it was loaded from

  const Scale* find_scale(std::string_view scale_id) const;
  const Dimension* find_dimension(std::string_view dimension_id) const;
  const Item* find_item(std::string_view item_id) const;
  std::size_t scored_item_count() const;
};

}  // namespace partnerpulse
