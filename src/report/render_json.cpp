// The JSON report (docs/json.md), written with nlohmann::ordered_json so that keys keep a fixed order.
// Texts from input files are passed through strip_control_characters; numbers keep full precision.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <thread>
#include <vector>

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

class JsonRenderer {
public:
  JsonRenderer(const Results& results, const RenderOptions& options) : results_(results), options_(options) {}

  Json render() const {
    // Groups are independent: render them on all cores, then place them in order (same bytes either way).
    std::vector<Json> rendered(results_.groups.size());
    const std::size_t threads = std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()),
                                                      (rendered.size() + 15) / 16);
    const auto render_share = [&](std::size_t share) {
      for (std::size_t i = share; i < rendered.size(); i += std::max<std::size_t>(threads, 1)) {
        rendered[i] = render_group(results_.groups[i]);
      }
    };
    if (threads <= 1) {
      render_share(0);
    } else {
      std::vector<std::thread> workers;
      for (std::size_t t = 1; t < threads; ++t) workers.emplace_back(render_share, t);
      render_share(0);
      for (auto& worker : workers) worker.join();
    }
    Json groups = array_with_room(rendered.size());
    for (auto& group : rendered) groups.push_back(std::move(group));

    ObjectBuilder root(4);
    root.add("tool", ObjectBuilder(2).add("name", "partnerpulse").add("version", clean(options_.tool_version)).take());
    if (!options_.date.empty()) root.add("date", clean(options_.date));
    root.add("options", ObjectBuilder(2)
                            .add("min_group", results_.options.min_group)
                            .add("gap_threshold", results_.options.gap_threshold)
                            .take());
    root.add("groups", std::move(groups));
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

  Json render_group(const GroupResult& group) const {
    // A withheld group shows no figures at all, whatever the results hold.
    const bool withheld = group.withheld;
    ObjectBuilder out(16);
    out.add("partnership", clean(group.partnership));
    out.add("period", clean(group.period));
    out.add("respondents", group.respondents);
    out.add("withheld", withheld);
    Json role_counts = array_with_room(withheld ? 0 : group.role_counts.size());
    if (!withheld) {
      for (const auto& [role, n] : group.role_counts) {
        role_counts.push_back(ObjectBuilder(2).add("role", clean(role)).add("n", n).take());
      }
    }
    out.add("role_counts", std::move(role_counts));
    out.add("overall", ObjectBuilder(3)
                           .add("index", withheld ? Json(nullptr) : number(group.overall_index))
                           .add("band", withheld ? Json(nullptr) : band_id(group.overall_band))
                           .add("band_label", withheld ? Json(nullptr) : band_label(group.overall_band))
                           .take());

    Json dimensions = array_with_room(withheld ? 0 : group.dimensions.size());
    Json roles = array_with_room(withheld ? 0 : group.roles.size());
    Json gaps = array_with_room(withheld ? 0 : group.gaps.size());
    Json items = array_with_room(withheld ? 0 : group.attention_items.size());
    Json comments = Json::array();
    if (!withheld) {
      for (const auto& d : group.dimensions) {
        // A withheld dimension shows no figure, whatever the results hold.
        const auto shown = [&](const std::optional<double>& value) {
          return d.withheld ? Json(nullptr) : number(value);
        };
        const std::optional<BandRef> band = d.withheld ? std::nullopt : d.band;
        dimensions.push_back(ObjectBuilder(14)
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
                                 .take());
      }
      for (const auto& role : group.roles) {
        Json cells = array_with_room(role.dimensions.size());
        for (const auto& cell : role.dimensions) {
          cells.push_back(ObjectBuilder(4)
                              .add("questionnaire", clean(cell.questionnaire))
                              .add("id", clean(cell.dimension))
                              .add("n", cell.n)
                              .add("index", number(cell.index))
                              .take());
        }
        roles.push_back(
            ObjectBuilder(3).add("role", clean(role.role)).add("n", role.n).add("dimensions", std::move(cells)).take());
      }
      for (const auto& gap : group.gaps) {
        gaps.push_back(ObjectBuilder(6)
                           .add("questionnaire", clean(gap.questionnaire))
                           .add("dimension", clean(gap.dimension))
                           .add("gap", number(gap.gap))
                           .add("flagged", gap.flagged)
                           .add("highest_role", gap.gap ? Json(clean(gap.highest_role)) : Json(nullptr))
                           .add("lowest_role", gap.gap ? Json(clean(gap.lowest_role)) : Json(nullptr))
                           .take());
      }
      for (const auto& item : group.attention_items) {
        items.push_back(ObjectBuilder(9)
                            .add("questionnaire", clean(item.questionnaire))
                            .add("id", clean(item.id))
                            .add("dimension", clean(item.dimension))
                            .add("text", text(item.text))
                            .add("reverse", item.reverse)
                            .add("index", number(item.index))
                            .add("sd", number(item.sd))
                            .add("n", item.n)
                            .add("not_applicable", item.not_applicable)
                            .take());
      }
      for (const auto& comment_group : group.comments) {
        Json texts = array_with_room(comment_group.comments.size());
        for (const auto& comment : comment_group.comments) texts.push_back(clean(comment));
        comments.push_back(ObjectBuilder(4)
                               .add("questionnaire", clean(comment_group.questionnaire))
                               .add("item", clean(comment_group.item))
                               .add("item_text", text(comment_group.item_text))
                               .add("comments", std::move(texts))
                               .take());
      }
    }
    out.add("dimensions", std::move(dimensions));
    out.add("roles", std::move(roles));
    out.add("gaps", std::move(gaps));
    Json withheld_roles = Json::array();
    for (const auto& role : group.withheld_roles) {
      if (withheld) break;
      withheld_roles.push_back(
          ObjectBuilder(3).add("role", clean(role.role)).add("n", role.n).add("reason", clean(role.reason)).take());
    }
    out.add("withheld_roles", std::move(withheld_roles));
    out.add("items", std::move(items));
    out.add("items_withheld", withheld ? std::size_t{0} : group.items_withheld);
    if (options_.comments) out.add("comments", std::move(comments));
    Json questionnaires = array_with_room(group.questionnaires.size());
    for (const auto& use : group.questionnaires) {
      questionnaires.push_back(ObjectBuilder(4)
                                   .add("id", clean(use.id))
                                   .add("version", clean(use.version))
                                   .add("title", text(use.title))
                                   .add("respondents", use.respondents)
                                   .take());
    }
    out.add("method", ObjectBuilder(3)
                          .add("incomplete_skipped", group.incomplete_skipped)
                          .add("dimension_scores_missing", group.dimension_scores_missing)
                          .add("questionnaires", std::move(questionnaires))
                          .take());
    return out.take();
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

}  // namespace

std::string render_json(const Results& results, const RenderOptions& options) {
  // Every string is valid UTF-8 after strip_control_characters; `replace` is a second line of defence.
  std::string text = JsonRenderer(results, options).render().dump(2, ' ', false, Json::error_handler_t::replace);
  // `<`, `>`, U+2028 and U+2029 can only occur inside strings; written as \u escapes, the JSON can be embedded in
  // an HTML <script> element or a JavaScript source without ending it. Any JSON parser reads back the same text.
  std::size_t next = next_to_escape(text, 0);
  if (next == text.size()) {
    text += '\n';
    return text;
  }
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
  out += '\n';
  return out;
}

}  // namespace partnerpulse
