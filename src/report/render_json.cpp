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
#include "report/json_writer.hpp"
#include "util/text_filters.hpp"

namespace partnerpulse {

namespace {

class JsonRenderer {
public:
  JsonRenderer(const Results& results, const RenderOptions& options) : results_(results), options_(options) {}

  // The document with an empty "groups" array, its last member: assemble_json splices the groups in.
  Json render_root() const {
    ObjectBuilder root(5);
    root.add("format_version", json_format_version);
    root.add("tool", ObjectBuilder(2).add("name", "partnerpulse").add("version", clean(options_.tool_version)).take());
    if (!options_.date.empty()) root.add("date", clean(options_.date));
    root.add("options", ObjectBuilder(3)
                            .add("min_group", results_.options.min_group)
                            .add("gap_threshold", results_.options.gap_threshold)
                            .add("small_groups_shown", shows_small_groups(results_.options))
                            .take());
    root.add("groups", Json::array());
    return root.take();
  }

private:
  // Input text as the JSON holds it; remembers whether any needs dump_escaped's escapes.
  std::string clean(std::string_view text) const {
    std::string out = strip_control_characters(text);
    if (!strings_need_escapes_ && needs_json_escapes(out)) strings_need_escapes_ = true;
    return out;
  }

public:
  // Whether a string rendered so far holds `<`, `>`, U+2028 or U+2029.
  bool strings_need_escapes() const noexcept { return strings_need_escapes_; }

private:

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
    ObjectBuilder out(20);
    out.add("partnership", clean(group.partnership));
    out.add("period", clean(group.period));
    out.add("previous_period", group.previous_period ? Json(clean(*group.previous_period)) : Json(nullptr));
    out.add("respondents", group.respondents);
    out.add("withheld", withheld);
    out.add("role_counts", shown(group.role_counts, [&](const auto& count) {
              return ObjectBuilder(2).add("role", clean(count.first)).add("n", count.second).take();
            }));
    add_partnership_details(group, out);
    out.add("overall", ObjectBuilder(4)
                           .add("index", withheld ? Json(nullptr) : number(group.overall_index))
                           .add("band", withheld ? Json(nullptr) : band_id(group.overall_band))
                           .add("band_label", withheld ? Json(nullptr) : band_label(group.overall_band))
                           .add("balanced_index", withheld ? Json(nullptr) : number(group.balanced_index))
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
  // What a partnership file adds (docs/partnership-format.md), only when there is something to add: the title,
  // each declared role's respondents and invitations, and the roles from which nobody answered (neither for a
  // withheld group).
  void add_partnership_details(const GroupResult& group, ObjectBuilder& out) const {
    if (!group.title.empty()) out.add("title", clean(group.title));
    if (group.withheld) return;  // its respondent count only, as role_counts
    if (!group.role_responses.empty()) {
      out.add("role_responses", array_of(group.role_responses, [&](const RoleResponse& role) {
                return ObjectBuilder(4)
                    .add("role", clean(role.role))
                    .add("title", clean(role.title))
                    .add("respondents", role.respondents)
                    .add("invited", role.invited ? Json(*role.invited) : Json(nullptr))
                    .take();
              }));
    }
    if (!group.missing_roles.empty()) {
      out.add("missing_roles", array_of(group.missing_roles, [&](const std::string& role) { return Json(clean(role)); }));
    }
  }

  // A withheld dimension shows no figure, whatever the results hold.
  Json dimension(const DimensionResult& d) const {
    const auto shown = [&](const std::optional<double>& value) { return d.withheld ? Json(nullptr) : number(value); };
    const std::optional<BandRef> band = d.withheld ? std::nullopt : d.band;
    return ObjectBuilder(18)
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
        .add("change", d.withheld ? Json(nullptr) : number(d.change))
        .add("significant", d.withheld || !d.significant ? Json(nullptr) : Json(*d.significant))
        .add("dont_know_share", shown(d.dont_know_share))
        .add("measured_with", measured_with(d.measure.get()))
        .take();
  }

  // The questionnaire version and scored items a dimension was measured with. Compact, as it is written for every
  // dimension of every group: `reverse` appears only when true, `weight` only when not 1, `replaces` only when
  // declared.
  Json measured_with(const DimensionMeasure* measure) const {
    if (measure == nullptr) return nullptr;
    Json items = array_of(measure->items, [&](const MeasuredItem& item) {
      ObjectBuilder out(6);
      out.add("id", clean(item.id)).add("min", item.min).add("max", item.max);
      if (item.reverse) out.add("reverse", true);
      if (item.weight != 1.0) out.add("weight", item.weight);
      if (!item.replaces.empty()) out.add("replaces", clean(item.replaces));
      return out.take();
    });
    return ObjectBuilder(2).add("version", clean(measure->questionnaire_version)).add("items", std::move(items)).take();
  }

  Json role_cells(const RoleResult& role) const {
    Json cells = array_of(role.dimensions, [&](const RoleDimensionResult& cell) {
      return ObjectBuilder(5)
          .add("questionnaire", clean(cell.questionnaire))
          .add("id", clean(cell.dimension))
          .add("n", cell.n)
          .add("index", number(cell.index))
          .add("dont_know_share", cell.index ? number(cell.dont_know_share) : Json(nullptr))
          .take();
    });
    return ObjectBuilder(3).add("role", clean(role.role)).add("n", role.n).add("dimensions", std::move(cells)).take();
  }

  Json perception_gap(const GapResult& gap) const {
    return ObjectBuilder(7)
        .add("questionnaire", clean(gap.questionnaire))
        .add("dimension", clean(gap.dimension))
        .add("gap", number(gap.gap))
        .add("flagged", gap.flagged)
        .add("highest_role", gap.gap ? Json(clean(gap.highest_role)) : Json(nullptr))
        .add("lowest_role", gap.gap ? Json(clean(gap.lowest_role)) : Json(nullptr))
        .add("change", number(gap.change))
        .take();
  }

  Json attention_item(const ItemResult& item) const {
    return ObjectBuilder(10)
        .add("questionnaire", clean(item.questionnaire))
        .add("id", clean(item.id))
        .add("dimension", clean(item.dimension))
        .add("text", text(item.text))
        .add("reverse", item.reverse)
        .add("index", number(item.index))
        .add("sd", number(item.sd))
        .add("n", item.n)
        .add("not_applicable", item.not_applicable)
        .add("dont_know", item.dont_know)
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
  mutable bool strings_need_escapes_ = false;
};

}  // namespace

std::string render_json_group(const Results& results, std::size_t group, const RenderOptions& options) {
  // Dumped two arrays deep, `[[GROUP]]`, the group is indented as it stands in the document's "groups" array;
  // the two arrays' lines ("[\n  [\n" and "\n  ]\n]") are then cut off.
  const JsonRenderer renderer(results, options);
  Json inner = Json::array();
  inner.push_back(renderer.render_group(results.groups.at(group)));
  Json outer = Json::array();
  outer.push_back(std::move(inner));
  const std::string text = dump_escaped(outer, renderer.strings_need_escapes());
  constexpr std::size_t cut = 6;  // "[\n  [\n" before, "\n  ]\n]" after
  return text.substr(cut, text.size() - 2 * cut);
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
