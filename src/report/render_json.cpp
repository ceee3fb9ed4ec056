// The JSON report (docs/json.md): the root built with nlohmann::ordered_json, each group written straight to text by
// JsonStream (the same bytes, without building a document per group).
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

public:
  // Writes the group into `out` as the "groups" array holds it (depth 2); `out` starts with its indentation.
  void render_group(const GroupResult& group, JsonStream& out) const {
    // A withheld group shows no figures at all, whatever the results hold.
    const bool withheld = group.withheld;
    const auto shown = [&](std::string_view key, const auto& list, auto&& write) {
      out.key(key).begin_array();
      if (!withheld) {
        for (const auto& element : list) write(element);
      }
      out.end_array();
    };
    const auto or_null = [&](bool hide, const auto& value) -> JsonStream& {
      return hide ? out.value(nullptr) : out.value(value);
    };
    out.begin_object();
    out.member("partnership", clean(group.partnership));
    out.member("period", clean(group.period));
    out.key("previous_period");
    or_null(!group.previous_period, group.previous_period ? clean(*group.previous_period) : std::string());
    out.member("respondents", group.respondents);
    out.member("withheld", withheld);
    shown("role_counts", group.role_counts, [&](const auto& count) {
      out.begin_object().member("role", clean(count.first)).member("n", count.second).end_object();
    });
    add_partnership_details(group, out);
    out.key("overall").begin_object();
    out.key("index");
    or_null(withheld, group.overall_index);
    out.key("band");
    band_id(withheld ? std::nullopt : group.overall_band, out);
    out.key("band_label");
    band_label(withheld ? std::nullopt : group.overall_band, out);
    out.key("balanced_index");
    or_null(withheld, group.balanced_index);
    out.end_object();
    shown("dimensions", group.dimensions, [&](const DimensionResult& d) { dimension(d, out); });
    shown("roles", group.roles, [&](const RoleResult& role) { role_cells(role, out); });
    shown("gaps", group.gaps, [&](const GapResult& gap) { perception_gap(gap, out); });
    shown("withheld_roles", group.withheld_roles, [&](const WithheldRole& role) {
      out.begin_object().member("role", clean(role.role)).member("n", role.n).member("reason", clean(role.reason));
      out.end_object();
    });
    shown("items", group.attention_items, [&](const ItemResult& item) { attention_item(item, out); });
    out.member("items_withheld", withheld ? std::size_t{0} : group.items_withheld);
    if (options_.comments) shown("comments", group.comments, [&](const CommentGroup& c) { comments(c, out); });
    out.key("method").begin_object();
    out.member("incomplete_skipped", group.incomplete_skipped);
    out.member("dimension_scores_missing", group.dimension_scores_missing);
    if (options_.comments) out.member("comments_withheld", group.comments_withheld);
    out.key("questionnaires").begin_array();
    for (const QuestionnaireUse& use : group.questionnaires) {
      out.begin_object().member("id", clean(use.id)).member("version", clean(use.version));
      out.member("title", text(use.title)).member("respondents", use.respondents).end_object();
    }
    out.end_array().end_object();
    out.end_object();
  }

private:
  void band_id(const std::optional<BandRef>& band, JsonStream& out) const {
    if (!band) out.value(nullptr); else out.value(clean(band->id));
  }

  void band_label(const std::optional<BandRef>& band, JsonStream& out) const {
    if (!band) out.value(nullptr); else out.value(text(band->label));
  }

  // What a partnership file adds (docs/partnership-format.md), only when there is something to add: the title,
  // each declared role's respondents and invitations, and the roles from which nobody answered (neither for a
  // withheld group).
  void add_partnership_details(const GroupResult& group, JsonStream& out) const {
    if (!group.title.empty()) out.member("title", clean(group.title));
    if (group.withheld) return;  // its respondent count only, as role_counts
    if (!group.role_responses.empty()) {
      out.key("role_responses").begin_array();
      for (const RoleResponse& role : group.role_responses) {
        out.begin_object().member("role", clean(role.role)).member("title", clean(role.title));
        out.member("respondents", role.respondents).key("invited");
        if (role.invited) out.value(*role.invited); else out.value(nullptr);
        out.end_object();
      }
      out.end_array();
    }
    if (!group.missing_roles.empty()) {
      out.key("missing_roles").begin_array();
      for (const std::string& role : group.missing_roles) out.value(clean(role));
      out.end_array();
    }
  }

  // A withheld dimension shows no figure, whatever the results hold.
  void dimension(const DimensionResult& d, JsonStream& out) const {
    const auto shown = [&](std::string_view key, const std::optional<double>& value) {
      out.key(key);
      if (d.withheld) out.value(nullptr); else out.value(value);
    };
    const std::optional<BandRef> band = d.withheld ? std::nullopt : d.band;
    out.begin_object();
    out.member("questionnaire", clean(d.questionnaire)).member("id", clean(d.id)).member("title", text(d.title));
    shown("index", d.index);
    shown("scale_mean", d.scale_mean);
    out.member("n", d.n);
    shown("sd", d.sd);
    shown("alpha", d.alpha);
    out.member("alpha_n", d.alpha_n).member("scored_items", d.scored_items);
    out.key("band");
    band_id(band, out);
    out.key("band_label");
    band_label(band, out);
    out.key("advice");
    if (band) out.value(text(d.advice)); else out.value(nullptr);
    out.member("withheld", d.withheld);
    out.key("change");
    if (d.withheld) out.value(nullptr); else out.value(d.change);
    out.key("significant");
    if (d.withheld || !d.significant) out.value(nullptr); else out.value(*d.significant);
    shown("dont_know_share", d.dont_know_share);
    out.key("measured_with");
    measured_with(d.measure.get(), out);
    out.end_object();
  }

  // The questionnaire version and scored items a dimension was measured with. Compact, as it is written for every
  // dimension of every group: `reverse` appears only when true, `weight` only when not 1, `replaces` only when
  // declared.
  void measured_with(const DimensionMeasure* measure, JsonStream& out) const {
    if (measure == nullptr) {
      out.value(nullptr);
      return;
    }
    out.begin_object().member("version", clean(measure->questionnaire_version)).key("items").begin_array();
    for (const MeasuredItem& item : measure->items) {
      out.begin_object().member("id", clean(item.id)).member("min", item.min).member("max", item.max);
      if (item.reverse) out.member("reverse", true);
      if (item.weight != 1.0) out.member("weight", item.weight);
      if (!item.replaces.empty()) out.member("replaces", clean(item.replaces));
      out.end_object();
    }
    out.end_array().end_object();
  }

  void role_cells(const RoleResult& role, JsonStream& out) const {
    out.begin_object().member("role", clean(role.role)).member("n", role.n).key("dimensions").begin_array();
    for (const RoleDimensionResult& cell : role.dimensions) {
      out.begin_object().member("questionnaire", clean(cell.questionnaire)).member("id", clean(cell.dimension));
      out.member("n", cell.n).member("index", cell.index).key("dont_know_share");
      if (cell.index) out.value(cell.dont_know_share); else out.value(nullptr);
      out.end_object();
    }
    out.end_array().end_object();
  }

  void perception_gap(const GapResult& gap, JsonStream& out) const {
    out.begin_object().member("questionnaire", clean(gap.questionnaire)).member("dimension", clean(gap.dimension));
    out.member("gap", gap.gap).member("flagged", gap.flagged);
    out.key("highest_role");
    if (gap.gap) out.value(clean(gap.highest_role)); else out.value(nullptr);
    out.key("lowest_role");
    if (gap.gap) out.value(clean(gap.lowest_role)); else out.value(nullptr);
    out.member("change", gap.change).end_object();
  }

  void attention_item(const ItemResult& item, JsonStream& out) const {
    out.begin_object().member("questionnaire", clean(item.questionnaire)).member("id", clean(item.id));
    out.member("dimension", clean(item.dimension)).member("text", text(item.text)).member("reverse", item.reverse);
    out.member("index", item.index).member("sd", item.sd).member("n", item.n);
    out.member("not_applicable", item.not_applicable).member("dont_know", item.dont_know).end_object();
  }

  void comments(const CommentGroup& group, JsonStream& out) const {
    out.begin_object().member("questionnaire", clean(group.questionnaire)).member("item", clean(group.item));
    out.member("item_text", text(group.item_text)).key("comments").begin_array();
    for (const std::string& comment : group.comments) out.value(clean(comment));
    out.end_array().end_object();
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
  std::string text = "    ";  // the group's indentation in the document's "groups" array
  text.reserve(16384);
  JsonStream out(text, 2);
  renderer.render_group(results.groups.at(group), out);
  if (!renderer.strings_need_escapes()) return text;
  return escape_html_characters(std::move(text));
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
