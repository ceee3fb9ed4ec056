// The JSON report (docs/json.md), written with nlohmann::ordered_json so that keys keep a fixed order.
// Texts from input files are passed through strip_control_characters; numbers keep full precision.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "partnerpulse/render.hpp"
#include "util/text_filters.hpp"

namespace partnerpulse {

namespace {

using Json = nlohmann::ordered_json;

Json number(const std::optional<double>& value) {
  if (!value || !std::isfinite(*value)) return nullptr;
  return *value;
}

// Builds an object whose keys keep the order they are added in. Room for every key is reserved first:
// ordered_json keeps its members in a vector of pairs with const keys, which it copies (values and all their
// subtrees) instead of moving whenever it grows. Keys must be distinct; they are literals here.
class ObjectBuilder {
public:
  explicit ObjectBuilder(std::size_t keys) : json_(Json::object()) {
    json_.get_ref<Json::object_t&>().reserve(keys);
  }
  ObjectBuilder& add(std::string_view key, Json value) {
    json_.get_ref<Json::object_t&>().emplace_back(std::string(key), std::move(value));
    return *this;
  }
  Json take() { return std::move(json_); }

private:
  Json json_;
};

Json array_with_room(std::size_t size) {
  Json array = Json::array();
  array.get_ref<Json::array_t&>().reserve(size);
  return array;
}

// A JSON array of to_json(element) for every element of `list`, room reserved first.
template <typename List, typename ToJson>
Json array_of(const List& list, ToJson&& to_json) {
  Json array = array_with_room(list.size());
  for (const auto& element : list) array.push_back(to_json(element));
  return array;
}

class JsonRenderer {
public:
  JsonRenderer(const Results& results, const RenderOptions& options) : results_(results), options_(options) {}

  // The document with an empty "groups" array, its last member: assemble_json splices the groups in.
  Json render_root() const {
    ObjectBuilder root(4);
    root.add("tool", ObjectBuilder(2).add("name", "partnerpulse").add("version", clean(options_.tool_version)).take());
    if (!options_.date.empty()) root.add("date", clean(options_.date));
    root.add("options", ObjectBuilder(2)
                            .add("min_group", results_.options.min_group)
                            .add("gap_threshold", results_.options.gap_threshold)
                            .take());
    root.add("groups", Json::array());
    return root.take();
  }

private:
  static std::string clean(std::string_view text) { return strip_control_characters(text); }

  std::string text(const LocalizedText& localized) const {
    return clean(options_.language.empty() ? localized.text() : localized.in(options_.language));
  }

  Json band_id(const std::optional<BandRef>& band) const {
    if (!band) return nullptr;
    return clean(band->id);
  }

  Json band_label(const std::optional<BandRef>& band) const {
    if (!band) return nullptr;
    return text(band->label);
  }

public:
  Json render_group(const GroupResult& group) const {
    // A withheld group shows no figures at all, whatever the results hold.
    const bool withheld = group.withheld;
    const auto shown = [&](const auto& list, auto&& to_json) { return withheld ? Json::array() : array_of(list, to_json); };
    ObjectBuilder out(16);
    out.add("partnership", clean(group.partnership));
    out.add("period", clean(group.period));
    out.add("respondents", group.respondents);
    out.add("withheld", withheld);
    out.add("role_counts", shown(group.role_counts, [&](const auto& count) {
              return ObjectBuilder(2).add("role", clean(count.first)).add("n", count.second).take();
            }));
    out.add("overall", ObjectBuilder(3)
                           .add("index", withheld ? Json(nullptr) : number(group.overall_index))
                           .add("band", withheld ? Json(nullptr) : band_id(group.overall_band))
                           .add("band_label", withheld ? Json(nullptr) : band_label(group.overall_band))
                           .take());
    out.add("dimensions", shown(group.dimensions, [&](const DimensionResult& d) { return dimension(d); }));
    out.add("roles", shown(group.roles, [&](const RoleResult& role) { return role_cells(role); }));
    out.add("gaps", shown(group.gaps, [&](const GapResult& gap) { return perception_gap(gap); }));
    out.add("withheld_roles", shown(group.withheld_roles, [&](const WithheldRole& role) {
              return ObjectBuilder(3).add("role", clean(role.role)).add("n", role.n).add("reason", clean(role.reason)).take();
            }));
    out.add("items", shown(group.attention_items, [&](const ItemResult& item) { return attention_item(item); }));
    out.add("items_withheld", withheld ? std::size_t{0} : group.items_withheld);
    if (options_.comments) out.add("comments", shown(group.comments, [&](const CommentGroup& c) { return comments(c); }));
    ObjectBuilder method(4);
    method.add("incomplete_skipped", group.incomplete_skipped);
    method.add("dimension_scores_missing", group.dimension_scores_missing);
    if (options_.comments) method.add("comments_withheld", group.comments_withheld);
    out.add("method", method.add("questionnaires", array_of(group.questionnaires, [&](const QuestionnaireUse& use) {
                                 return ObjectBuilder(4)
                                     .add("id", clean(use.id))
                                     .add("version", clean(use.version))
                                     .add("title", text(use.title))
                                     .add("respondents", use.respondents)
                                     .take();
                               }))
                          .take());
    return out.take();
  }

private:
  // A withheld dimension shows no figure, whatever the results hold.
  Json dimension(const DimensionResult& d) const {
    const auto shown = [&](const std::optional<double>& value) { return d.withheld ? Json(nullptr) : number(value); };
    const std::optional<BandRef> band = d.withheld ? std::nullopt : d.band;
    return ObjectBuilder(14)
        .add("questionnaire", clean(d.questionnaire))
        .add("id", clean(d.id))
        .add("title", text(d.title))
        .add("index", shown(d.index))
        .add("scale_mean", shown(d.scale_mean))
        .add("n", d.n)
        .add("sd", shown(d.sd))
        .add("alpha", shown(d.alpha))
        .add("alpha_n", d.alpha_n)
        .add("scored_items", d.scored_items)
        .add("band", band_id(band))
        .add("band_label", band_label(band))
        .add("advice", band ? Json(text(d.advice)) : Json(nullptr))
        .add("withheld", d.withheld)
        .take();
  }

  Json role_cells(const RoleResult& role) const {
    Json cells = array_of(role.dimensions, [&](const RoleDimensionResult& cell) {
      return ObjectBuilder(4)
          .add("questionnaire", clean(cell.questionnaire))
          .add("id", clean(cell.dimension))
          .add("n", cell.n)
          .add("index", number(cell.index))
          .take();
    });
    return ObjectBuilder(3).add("role", clean(role.role)).add("n", role.n).add("dimensions", std::move(cells)).take();
  }

  Json perception_gap(const GapResult& gap) const {
    return ObjectBuilder(6)
        .add("questionnaire", clean(gap.questionnaire))
        .add("dimension", clean(gap.dimension))
        .add("gap", number(gap.gap))
        .add("flagged", gap.flagged)
        .add("highest_role", gap.gap ? Json(clean(gap.highest_role)) : Json(nullptr))
        .add("lowest_role", gap.gap ? Json(clean(gap.lowest_role)) : Json(nullptr))
        .take();
  }

  Json attention_item(const ItemResult& item) const {
    return ObjectBuilder(9)
        .add("questionnaire", clean(item.questionnaire))
        .add("id", clean(item.id))
        .add("dimension", clean(item.dimension))
        .add("text", text(item.text))
        .add("reverse", item.reverse)
        .add("index", number(item.index))
        .add("sd", number(item.sd))
        .add("n", item.n)
        .add("not_applicable", item.not_applicable)
        .take();
  }

  Json comments(const CommentGroup& group) const {
    return ObjectBuilder(4)
        .add("questionnaire", clean(group.questionnaire))
        .add("item", clean(group.item))
        .add("item_text", text(group.item_text))
        .add("comments", array_of(group.comments, [&](const std::string& comment) { return Json(clean(comment)); }))
        .take();
  }

  const Results& results_;
  const RenderOptions& options_;
};

// The offset of the first `<`, `>`, U+2028 or U+2029 in text[from...], or text.size().
std::size_t next_to_escape(const std::string& text, std::size_t from) {
  for (std::size_t i = from; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '<' || c == '>') return i;
    if (c == '\xE2' && text.compare(i + 1, 2, "\x80\xA8") == 0) return i;
    if (c == '\xE2' && text.compare(i + 1, 2, "\x80\xA9") == 0) return i;
  }
  return text.size();
}

// `json` dumped with an indent of 2 (invalid UTF-8 replaced: a second line of defence after
// strip_control_characters), `<`, `>`, U+2028 and U+2029 written as \u escapes. They can only occur inside strings;
// escaped, the JSON can be embedded in an HTML <script> element or a JavaScript source without ending it, and any
// JSON parser reads back the same text.
std::string dump_escaped(const Json& json) {
  std::string text = json.dump(2, ' ', false, Json::error_handler_t::replace);
  std::size_t next = next_to_escape(text, 0);
  if (next == text.size()) return text;
  std::string out;
  out.reserve(text.size() + text.size() / 64 + 1);
  std::size_t done = 0;  // text[0, done) is in `out`
  for (; next < text.size(); next = next_to_escape(text, done)) {
    out.append(text, done, next - done);
    const char c = text[next];
    out += c == '<' ? "\\u003c" : c == '>' ? "\\u003e" : text[next + 2] == '\xA8' ? "\\u2028" : "\\u2029";
    done = next + (c == '\xE2' ? 3 : 1);
  }
  out.append(text, done, std::string::npos);
  return out;
}

}  // namespace

std::string render_json_group(const Results& results, std::size_t group, const RenderOptions& options) {
  const std::string text = dump_escaped(JsonRenderer(results, options).render_group(results.groups.at(group)));
  // Indented as a member of "groups", two levels deep: four more spaces at the start of every line.
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (std::size_t line = 0; line < text.size();) {
    const std::size_t end = std::min(text.find('\n', line), text.size() - 1) + 1;
    out.append("    ").append(text, line, end - line);
    line = end;
  }
  return out;
}

std::string assemble_json(const Results& results, const RenderOptions& options,
                          const std::vector<std::string>& groups) {
  const std::string root = dump_escaped(JsonRenderer(results, options).render_root());
  if (groups.empty()) return root + '\n';
  // The root ends with its last member, `"groups": []`, then a newline and `}`: the groups go between the brackets.
  const std::size_t empty_array = root.rfind("[]");
  std::size_t size = root.size() + 8;
  for (const std::string& group : groups) size += group.size() + 2;
  std::string text;
  text.reserve(size);
  text.append(root, 0, empty_array).append("[\n");
  for (std::size_t i = 0; i < groups.size(); ++i) text.append(groups[i]).append(i + 1 < groups.size() ? ",\n" : "\n");
  text.append("  ]").append(root, empty_array + 2, std::string::npos).append("\n");
  return text;
}

std::string render_json(const Results& results, const RenderOptions& options) {
  std::vector<std::string> groups;
  groups.reserve(results.groups.size());
  for (std::size_t i = 0; i < results.groups.size(); ++i) groups.push_back(render_json_group(results, i, options));
  return assemble_json(results, options, groups);
}

}  // namespace partnerpulse
