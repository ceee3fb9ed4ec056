#include "partnerpulse/questionnaire_loader.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/ranges.h>

#include "model/toml_document.hpp"
#include "partnerpulse/files.hpp"
#include "util/name_suggestions.hpp"
#include "partnerpulse/interface_text.hpp"

namespace partnerpulse {

namespace {

// Widest scale accepted: 101 points is already more than any published instrument uses.
constexpr std::int64_t max_scale_span = 100;

bool is_language_code(std::string_view code) {
  if (code.empty() || code.size() > 16) return false;
  return std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

// Remembers where each id was first defined, to report duplicates with both places.
class IdRegistry {
public:
 // `bad_id` and `duplicate` are the messages for one kind of id: "{id}" and "{id} {first line}" placeholders.
 IdRegistry(std::string_view bad_id, std::string_view duplicate, DiagnosticList& diagnostics)
     : bad_id_(bad_id), duplicate_(duplicate), diagnostics_(diagnostics) {}
 // Checks the id's form and uniqueness; returns false (after reporting) when it is unusable.
 bool add(const std::string& id, const SourceLocation& where) {
   if (!is_valid_id(id)) {
     diagnostics_.error(where, fmt::format(fmt::runtime(bad_id_), id));
     return false;
   }
   const auto [found, inserted] = first_.emplace(id, where);
   if (!inserted) {
     diagnostics_.error(where, fmt::format(fmt::runtime(duplicate_), id, found->second.line));
     return false;
   }
   return true;
  }
  bool contains(const std::string& id) const { return first_.count(id) > 0; }

private:
 std::string_view bad_id_;
 std::string_view duplicate_;
 DiagnosticList& diagnostics_;
 std::map<std::string, SourceLocation> first_;
};

// What an item's `dimension` or `scale` refers to, for messages.
enum class Reference { dimension, scale };

// The ids defined for one kind of thing an item refers to (dimensions, scales), with suggestions among them.
struct DefinedIds {
  explicit DefinedIds(std::vector<std::string> defined) : ids(std::move(defined)), suggester(ids) {}
  std::vector<std::string> ids;
  NameSuggester suggester;
};

class QuestionnaireReader {
public:
 QuestionnaireReader(const toml::table& root, const std::string& path, DiagnosticList& diagnostics)
     : root_table_(root),
       root_(root, path, std::string(tr("the file")), diagnostics),
       path_(path),
       diagnostics_(diagnostics) {}

 Questionnaire read() {
   Questionnaire q;
   q.path = path_;
   read_header(q);
   if (!root_table_.contains("questionnaire")) return q;  // not a questionnaire at all: one error says so
   read_scales(q);
   read_bands(q);
   read_dimensions(q);
   read_items(q);
   check_every_dimension_scored(q);
   check_replacements(q);
   root_.finish();
   return q;
  }

private:
  // Each element of an array of tables, or an error for elements that are not tables.
  template <typename Visit>
  void for_each_table(const toml::array& array, const std::string& name, Visit visit) {
    for (std::size_t i = 0; i < array.size(); ++i) {
      const auto* table = array[i].as_table();
      if (!table) {
        diagnostics_.error(location_of(array[i].source(), path_),
                           fmt::format(fmt::runtime(tr("'{}' must hold tables ([[{}]]), not {}")), name, name,
                                       describe_type(array[i])));
        continue;
      }
      visit(*table, i);
    }
  }

  // Reads the `id` of element `index` of the [[KIND]]s into `id` (left empty when `ids` refuses it) and returns a
  // reader of the element whose messages name it by that id ("item 'x'"), or by its number when it has none.
  // `numbered_name` and `named_name` name the kind with a number or an id: "item {}", "item '{}'".
  TableReader read_id_then_name(const toml::table& table, std::string_view numbered_name, std::string_view named_name,
                                std::size_t index, IdRegistry& ids, std::string& id) {
    TableReader numbered(table, path_, fmt::format(fmt::runtime(numbered_name), index + 1), diagnostics_);
    if (auto read = numbered.string("id", Need::required)) {
      if (ids.add(*read, numbered.where("id"))) id = *read;
    }
    TableReader named(table, path_, id.empty() ? numbered.context() : fmt::format(fmt::runtime(named_name), id),
                      diagnostics_);
    named.node("id");
    return named;
  }

  void read_header(Questionnaire& q) {
    if (!root_table_.contains("questionnaire")) {
      root_.node("questionnaire");
      diagnostics_.error({path_, 1, 1}, root_table_.contains("respondent")
                                            ? std::string(tr("this is a response file ([respondent]), not a "
                                                             "questionnaire"))
                                            : std::string(tr("the file has no [questionnaire] table; a questionnaire "
                                                             "starts with [questionnaire] (a response file with "
                                                             "[respondent])")));
      q.language = "en";
      return;
    }
    const toml::table* header = root_.table("questionnaire", Need::required);
    if (!header) {
      q.language = "en";
      return;
    }
    TableReader reader(*header, path_, "[questionnaire]", diagnostics_);
    if (auto language = reader.string("language", Need::required)) {
      if (is_language_code(*language)) {
        q.language = *language;
      } else {
        diagnostics_.error(
            reader.where("language"),
            fmt::format(fmt::runtime(tr("[questionnaire]: 'language' must be a language code such as \"en\" or "
                                        "\"pt-BR\", not \"{}\"")),
                        *language));
      }
    }
    if (q.language.empty()) q.language = "en";
    language_ = q.language;
    if (auto id = reader.string("id", Need::required)) {
      if (is_valid_id(*id)) {
        q.id = *id;
      } else {
        diagnostics_.error(
            reader.where("id"),
            fmt::format(fmt::runtime(tr("[questionnaire]: 'id' must be lowercase letters, digits and '-' (at most 64), "
                                        "not \"{}\"")),
                        *id));
      }
    }
    if (auto version = reader.string("version", Need::required)) {
      if (version->empty()) {
        diagnostics_.error(reader.where("version"), std::string(tr("[questionnaire]: 'version' is empty")));
      }
      q.version = *version;
    }
    if (auto title = reader.text("title", Need::required, language_)) q.title = *title;
    if (auto description = reader.text("description", Need::optional, language_)) q.description = *description;
    if (auto source = reader.string("source", Need::required)) q.source = *source;
    reader.finish();
  }

  void read_scales(Questionnaire& q) {
    const toml::table* scales = root_.table("scales", Need::required);
    if (!scales) return;
    if (scales->empty()) diagnostics_.error(root_.where("scales"), std::string(tr("[scales] defines no scale")));
    IdRegistry ids(tr("scale id '{}' must be lowercase letters, digits and '-' (at most 64)"),
                   tr("duplicate scale id '{}' (first defined at line {})"), diagnostics_);
    for (const auto& [key, node] : *scales) {
      const std::string id(key.str());
      const std::string context = fmt::format("[scales.{}]", id);
      ids.add(id, location_of(key.source(), path_));
      const auto* table = node.as_table();
      if (!table) {
        diagnostics_.error(location_of(node.source(), path_),
                           fmt::format(fmt::runtime(tr("{} must be a table, not {}")), context, describe_type(node)));
        continue;
      }
      TableReader reader(*table, path_, context, diagnostics_);
      Scale scale;
      scale.id = id;
      const auto min = reader.integer("min", Need::required);
      const auto max = reader.integer("max", Need::required);
      bool bounds_ok = min && max;
      if (bounds_ok && *min >= *max) {
        diagnostics_.error(
            reader.where("max"),
            fmt::format(fmt::runtime(tr("{}: 'max' ({}) must be greater than 'min' ({})")), context, *max, *min));
        bounds_ok = false;
      } else if (bounds_ok && (*min < -1000000 || *max > 1000000 || *max - *min > max_scale_span)) {
        diagnostics_.error(reader.where("max"),
                           fmt::format(fmt::runtime(tr("{}: a scale may have at most {} points and values "
                                                       "within +-1000000")),
                                       context, max_scale_span + 1));
        bounds_ok = false;
      }
      if (bounds_ok) {
        scale.min = static_cast<int>(*min);
        scale.max = static_cast<int>(*max);
      }
      if (const toml::array* labels = reader.array("labels", Need::required)) {
        for (std::size_t i = 0; i < labels->size(); ++i) {
          if (auto label = read_text((*labels)[i], path_, fmt::format(fmt::runtime(tr("{}: label {}")), context, i + 1),
                                     language_, diagnostics_)) {
            scale.labels.push_back(*label);
          }
        }
        if (bounds_ok && labels->size() != static_cast<std::size_t>(scale.points())) {
          diagnostics_.error(
              reader.where("labels"),
              fmt::format(fmt::runtime(tr("{}: 'labels' has {} entries but the scale {}..{} has {} points; give one "
                                          "label per point")),
                          context, labels->size(), scale.min, scale.max, scale.points()));
        }
      }
      scale.allow_na = reader.boolean("allow_na", Need::optional).value_or(false);
      scale.allow_dont_know = reader.boolean("allow_dont_know", Need::optional).value_or(false);
      reader.finish();
      q.scales.push_back(std::move(scale));
    }
  }

  void read_bands(Questionnaire& q) {
    const toml::array* bands = root_.array("bands", Need::optional);
    if (!bands) {
      q.bands = default_bands();
      return;
    }
    if (bands->empty()) {
      diagnostics_.error(root_.where("bands"), std::string(tr("'bands' is empty; remove it to use the default bands")));
      q.bands = default_bands();
      return;
    }
    uses_default_bands_ = false;
    IdRegistry ids(tr("band id '{}' must be lowercase letters, digits and '-' (at most 64)"),
                   tr("duplicate band id '{}' (first defined at line {})"), diagnostics_);
    double previous = 0.0;
    for_each_table(*bands, "bands", [&](const toml::table& table, std::size_t index) {
      const std::string context = fmt::format(fmt::runtime(tr("band {}")), index + 1);
      TableReader reader(table, path_, context, diagnostics_);
      Band band;
      if (auto id = reader.string("id", Need::required)) {
        if (ids.add(*id, reader.where("id"))) band.id = *id;
      }
      if (auto label = reader.text("label", Need::required, language_)) band.label = *label;
      const bool last = index + 1 == bands->size();
      const auto below = reader.number("below", last ? Need::optional : Need::required);
      if (last && below) {
        diagnostics_.error(
            reader.where("below"),
            fmt::format(fmt::runtime(tr("{}: the last band must not set 'below'; it covers everything up to 100")),
                        context));
      } else if (below) {
        if (!std::isfinite(*below) || *below <= 0.0 || *below > 100.0) {
          diagnostics_.error(
              reader.where("below"),
              fmt::format(fmt::runtime(tr("{}: 'below' must be within the 0-100 index (above 0, at most 100), not {}")),
                          context, *below));
        } else if (*below <= previous) {
          diagnostics_.error(
              reader.where("below"),
              fmt::format(fmt::runtime(tr("{}: bands must be in increasing order; 'below' = {} is not above the "
                                          "previous band's {}")),
                          context, *below, previous));
        } else {
          previous = *below;
        }
        band.upper = *below;
      }
      if (last) band.upper = 100.0;
      reader.finish();
      q.bands.push_back(std::move(band));
    });
    if (q.bands.empty()) q.bands = default_bands();
  }

  void read_dimensions(Questionnaire& q) {
    const toml::array* dimensions = root_.array("dimensions", Need::required);
    if (!dimensions) return;
    if (dimensions->empty()) {
      diagnostics_.error(root_.where("dimensions"), std::string(tr("'dimensions' defines no dimension")));
    }
    IdRegistry ids(tr("dimension id '{}' must be lowercase letters, digits and '-' (at most 64)"),
                   tr("duplicate dimension id '{}' (first defined at line {})"), diagnostics_);
    std::vector<std::string> band_ids;
    for (const auto& band : q.bands) {
      if (!band.id.empty()) band_ids.push_back(band.id);
    }
    for_each_table(*dimensions, "dimensions", [&](const toml::table& table, std::size_t index) {
      Dimension dimension;
      TableReader named = read_id_then_name(table, tr("dimension {}"), tr("dimension '{}'"), index, ids, dimension.id);
      const std::string& context = named.context();
      if (auto title = named.text("title", Need::required, language_)) dimension.title = *title;
      if (auto description = named.text("description", Need::optional, language_)) {
        dimension.description = *description;
      }
      if (const toml::table* advice = named.table("advice", Need::required)) {
        TableReader advice_reader(*advice, path_, fmt::format(fmt::runtime(tr("{} advice")), context), diagnostics_);
        for (const auto& band_id : band_ids) {
          if (auto text = advice_reader.text(advice_key(*advice, band_id), Need::required, language_)) {
            dimension.advice.emplace_back(band_id, *text);
          }
        }
        advice_reader.finish();
      }
      named.finish();
      dimension_locations_.push_back(named.where("id"));
      q.dimensions.push_back(std::move(dimension));
    });
  }

  // The advice key for `band_id`: the band id itself, except that with the default bands a file written before
  // the middle band was renamed may still call it "developing" (the old id is read as "progressing").
  std::string advice_key(const toml::table& advice, const std::string& band_id) const {
    if (uses_default_bands_ && band_id == "progressing" && !advice.contains("progressing") &&
        advice.contains("developing")) {
      return "developing";
    }
    return band_id;
  }

  void read_items(Questionnaire& q) {
    const toml::array* items = root_.array("items", Need::required);
    if (!items) return;
    IdRegistry ids(tr("item id '{}' must be lowercase letters, digits and '-' (at most 64)"),
                   tr("duplicate item id '{}' (first defined at line {})"), diagnostics_);
    std::vector<std::string> defined_dimensions, defined_scales;
    for (const auto& d : q.dimensions) {
      if (!d.id.empty()) defined_dimensions.push_back(d.id);
    }
    for (const auto& s : q.scales) defined_scales.push_back(s.id);
    const DefinedIds dimension_ids(std::move(defined_dimensions)), scale_ids(std::move(defined_scales));
    for_each_table(*items, "items", [&](const toml::table& table, std::size_t index) {
      Item item;
      TableReader reader = read_id_then_name(table, tr("item {}"), tr("item '{}'"), index, ids, item.id);
      const std::string& context = reader.context();
      item.location = reader.where();
      if (auto kind = reader.string("kind", Need::optional)) {
        if (*kind == "text") {
          item.kind = ItemKind::text;
        } else if (*kind != "scale") {
          diagnostics_.error(
              reader.where("kind"),
              fmt::format(fmt::runtime(tr("{}: 'kind' must be \"scale\" or \"text\", not \"{}\"")), context, *kind));
        }
      }
      if (auto text = reader.text("text", Need::required, language_)) item.text = *text;
      if (auto basis = reader.string("basis", Need::optional)) item.basis = *basis;
      const bool scored = item.scored();
      if (auto dimension = reader.string("dimension", scored ? Need::required : Need::optional)) {
        item.dimension = *dimension;
        if (!q.find_dimension(*dimension) && !q.dimensions.empty()) {
          report_unknown_reference(reader.where("dimension"), context, Reference::dimension, *dimension, dimension_ids);
        }
      }
      if (scored) {
        if (auto scale = reader.string("scale", Need::required)) {
          item.scale = *scale;
          if (!q.find_scale(*scale) && !q.scales.empty()) {
            report_unknown_reference(reader.where("scale"), context, Reference::scale, *scale, scale_ids);
          }
        }
        item.reverse = reader.boolean("reverse", Need::optional).value_or(false);
        if (auto weight = reader.number("weight", Need::optional)) {
          if (!std::isfinite(*weight) || *weight <= 0.0) {
            diagnostics_.error(
                reader.where("weight"),
                fmt::format(fmt::runtime(tr("{}: 'weight' must be a positive number, not {}")), context, *weight));
          } else {
            item.weight = *weight;
          }
        }
        if (auto replaces = reader.string("replaces", Need::optional)) {
          item.replaces = *replaces;
          replacements_.push_back({q.items.size(), reader.where("replaces")});
        }
      } else {
        for (const char* key : {"scale", "reverse", "weight", "replaces"}) {
          if (table.contains(key)) {
            reader.node(key);
            diagnostics_.error(
                reader.where(key),
                fmt::format(fmt::runtime(tr("{}: '{}' does not apply to an open question (kind = \"text\")")), context,
                            key));
          }
        }
      }
      reader.finish();
      q.items.push_back(std::move(item));
    });
    if (q.scored_item_count() == 0 && !items->empty()) {
      diagnostics_.error(root_.where("items"),
                         std::string(tr("the questionnaire has no scored item (every item is kind = \"text\")")));
    }
  }

  // Reports that `value` names no defined dimension or scale, with a suggestion, or else the list of those defined.
  void report_unknown_reference(const SourceLocation& where, const std::string& context, Reference kind,
                                const std::string& value, const DefinedIds& defined) {
    const bool dimension = kind == Reference::dimension;
    if (const auto suggestion = defined.suggester.closest(value)) {
      diagnostics_.error(where,
                         fmt::format(fmt::runtime(dimension ? tr("{}: no dimension '{}' is defined; did you mean '{}'?")
                                                            : tr("{}: no scale '{}' is defined; did you mean '{}'?")),
                                     context, value, *suggestion));
    } else if (defined.ids.empty()) {
      diagnostics_.error(where, fmt::format(fmt::runtime(dimension ? tr("{}: no dimension '{}' is defined")
                                                                   : tr("{}: no scale '{}' is defined")),
                                            context, value));
    } else {
      diagnostics_.error(where,
                         fmt::format(fmt::runtime(dimension ? tr("{}: no dimension '{}' is defined (defined: {})")
                                                            : tr("{}: no scale '{}' is defined (defined: {})")),
                                     context, value, fmt::join(defined.ids, ", ")));
    }
  }

  void check_every_dimension_scored(const Questionnaire& q) {
    for (std::size_t i = 0; i < q.dimensions.size(); ++i) {
      const auto& dimension = q.dimensions[i];
      if (dimension.id.empty()) continue;
      const bool has_item = std::any_of(q.items.begin(), q.items.end(), [&](const Item& item) {
        return item.scored() && item.dimension == dimension.id;
      });
      if (!has_item) {
        diagnostics_.error(
            dimension_locations_[i],
            fmt::format(fmt::runtime(tr("dimension '{}' has no scored item; add one or remove the dimension")),
                        dimension.id));
      }
    }
  }

  // `replaces` names an id that is no longer in the file, and no two items replace the same one.
  void check_replacements(const Questionnaire& q) {
    std::map<std::string, std::string> replaced_by;
    for (const auto& [index, where] : replacements_) {
      const Item& item = q.items[index];
      const std::string context = fmt::format(fmt::runtime(tr("item '{}'")), item.id);
      if (!is_valid_id(item.replaces)) {
        diagnostics_.error(
            where, fmt::format(fmt::runtime(tr("{}: 'replaces' must be an item id (lowercase letters, digits and '-'), "
                                               "not '{}'")),
                               context, item.replaces));
      } else if (q.find_item(item.replaces) != nullptr) {
        diagnostics_.error(
            where, fmt::format(fmt::runtime(tr("{}: 'replaces' names '{}', an item of this file; an item can only "
                                               "replace one that was removed")),
                               context, item.replaces));
      } else if (const auto [found, inserted] = replaced_by.emplace(item.replaces, item.id); !inserted) {
        diagnostics_.error(where, fmt::format(fmt::runtime(tr("{}: '{}' is already replaced by item '{}'")), context,
                                              item.replaces, found->second));
      }
    }
  }

  const toml::table& root_table_;
  TableReader root_;
  std::string path_;
  DiagnosticList& diagnostics_;
  std::string language_ = "en";
  std::vector<SourceLocation> dimension_locations_;
  std::vector<std::pair<std::size_t, SourceLocation>> replacements_;  // item index, where its `replaces` is
  bool uses_default_bands_ = true;  // the file defines no [[bands]]
};

}  // namespace

Questionnaire parse_questionnaire(std::string_view text, const std::string& path) {
  DiagnosticList diagnostics;
  std::optional<toml::table> root = parse_toml(text, path, diagnostics);
  if (!root) throw InputError(diagnostics.items());
  Questionnaire questionnaire = QuestionnaireReader(*root, path, diagnostics).read();
  if (diagnostics.has_errors()) {
    diagnostics.sort_by_position();
    throw InputError(diagnostics.items());
  }
  return questionnaire;
}

Questionnaire load_questionnaire(const std::string& path) { return parse_questionnaire(read_text_file(path), path); }

}  // namespace partnerpulse
