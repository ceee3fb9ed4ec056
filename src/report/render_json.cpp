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
#include "report/markdown_escape.hpp"

namespace partnerpulse {

namespace {

using Json = nlohmann::ordered_json;

Json number(const std::optional<double>& value) {
  if (!value || !std::isfinite(*value)) return nullptr;
  return *value;
}

class JsonRenderer {
public:
  JsonRenderer(const Results& results, const RenderOptions& options) : results_(results), options_(options) {}

  Json render() const {
    Json root = Json::object();
    root["tool"] = {{"name", "partnerpulse"}, {"version", clean(options_.tool_version)}};
    if (!options_.date.empty()) root["date"] = clean(options_.date);
    root["options"] = {{"min_group", results_.options.min_group}, {"gap_threshold", results_.options.gap_threshold}};
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
    Json groups = Json::array();
    for (auto& group : rendered) groups.push_back(std::move(group));
    root["groups"] = std::move(groups);
    return root;
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
    Json out = Json::object();
    out["partnership"] = clean(group.partnership);
    out["period"] = clean(group.period);
    out["respondents"] = group.respondents;
    out["withheld"] = withheld;
    Json role_counts = Json::array();
    if (!withheld) {
      for (const auto& [role, n] : group.role_counts) role_counts.push_back({{"role", clean(role)}, {"n", n}});
    }
    out["role_counts"] = std::move(role_counts);
    out["overall"] = {{"index", withheld ? Json(nullptr) : number(group.overall_index)},
                      {"band", withheld ? Json(nullptr) : band_id(group.overall_band)},
                      {"band_label", withheld ? Json(nullptr) : band_label(group.overall_band)}};

    Json dimensions = Json::array();
    Json roles = Json::array();
    Json gaps = Json::array();
    Json items = Json::array();
    Json comments = Json::array();
    if (!withheld) {
      for (const auto& d : group.dimensions) {
        // A withheld dimension shows no figure, whatever the results hold.
        const auto shown = [&](const std::optional<double>& value) {
          return d.withheld ? Json(nullptr) : number(value);
        };
        const std::optional<BandRef> band = d.withheld ? std::nullopt : d.band;
        dimensions.push_back({{"questionnaire", clean(d.questionnaire)},
                              {"id", clean(d.id)},
                              {"title", text(d.title)},
                              {"index", shown(d.index)},
                              {"scale_mean", shown(d.scale_mean)},
                              {"n", d.n},
                              {"sd", shown(d.sd)},
                              {"alpha", shown(d.alpha)},
                              {"alpha_n", d.alpha_n},
                              {"scored_items", d.scored_items},
                              {"band", band_id(band)},
                              {"band_label", band_label(band)},
                              {"advice", band ? Json(text(d.advice)) : Json(nullptr)},
                              {"withheld", d.withheld}});
      }
      for (const auto& role : group.roles) {
        Json cells = Json::array();
        for (const auto& cell : role.dimensions) {
          cells.push_back({{"questionnaire", clean(cell.questionnaire)},
                           {"id", clean(cell.dimension)},
                           {"n", cell.n},
                           {"index", number(cell.index)}});
        }
        roles.push_back({{"role", clean(role.role)}, {"n", role.n}, {"dimensions", std::move(cells)}});
      }
      for (const auto& gap : group.gaps) {
        gaps.push_back({{"questionnaire", clean(gap.questionnaire)},
                        {"dimension", clean(gap.dimension)},
                        {"gap", number(gap.gap)},
                        {"flagged", gap.flagged},
                        {"highest_role", gap.gap ? Json(clean(gap.highest_role)) : Json(nullptr)},
                        {"lowest_role", gap.gap ? Json(clean(gap.lowest_role)) : Json(nullptr)}});
      }
      for (const auto& item : group.attention_items) {
        items.push_back({{"questionnaire", clean(item.questionnaire)},
                         {"id", clean(item.id)},
                         {"dimension", clean(item.dimension)},
                         {"text", text(item.text)},
                         {"reverse", item.reverse},
                         {"index", number(item.index)},
                         {"sd", number(item.sd)},
                         {"n", item.n},
                         {"not_applicable", item.not_applicable}});
      }
      for (const auto& comment_group : group.comments) {
        Json texts = Json::array();
        for (const auto& comment : comment_group.comments) texts.push_back(clean(comment));
        comments.push_back({{"questionnaire", clean(comment_group.questionnaire)},
                            {"item", clean(comment_group.item)},
                            {"item_text", text(comment_group.item_text)},
                            {"comments", std::move(texts)}});
      }
    }
    out["dimensions"] = std::move(dimensions);
    out["roles"] = std::move(roles);
    out["gaps"] = std::move(gaps);
    Json withheld_roles = Json::array();
    for (const auto& role : group.withheld_roles) {
      if (withheld) break;
      withheld_roles.push_back({{"role", clean(role.role)}, {"n", role.n}, {"reason", clean(role.reason)}});
    }
    out["withheld_roles"] = std::move(withheld_roles);
    out["items"] = std::move(items);
    out["items_withheld"] = withheld ? std::size_t{0} : group.items_withheld;
    if (options_.comments) out["comments"] = std::move(comments);
    Json questionnaires = Json::array();
    for (const auto& use : group.questionnaires) {
      questionnaires.push_back({{"id", clean(use.id)},
                                {"version", clean(use.version)},
                                {"title", text(use.title)},
                                {"respondents", use.respondents}});
    }
    out["method"] = {{"incomplete_skipped", group.incomplete_skipped},
                     {"dimension_scores_missing", group.dimension_scores_missing},
                     {"questionnaires", std::move(questionnaires)}};
    return out;
  }

  const Results& results_;
  const RenderOptions& options_;
};

}  // namespace

std::string render_json(const Results& results, const RenderOptions& options) {
  // Every string is valid UTF-8 after strip_control_characters; `replace` is a second line of defence.
  const std::string text =
      JsonRenderer(results, options).render().dump(2, ' ', false, Json::error_handler_t::replace);
  // `<`, `>`, U+2028 and U+2029 can only occur inside strings; written as \u escapes, the JSON can be embedded in
  // an HTML <script> element or a JavaScript source without ending it. Any JSON parser reads back the same text.
  std::string out;
  out.reserve(text.size() + 1);
  std::size_t done = 0;  // text[0, done) is in `out`
  for (std::size_t i = text.find_first_of("<>\xE2"); i != std::string::npos; i = text.find_first_of("<>\xE2", i + 1)) {
    const char* escape = nullptr;
    if (text[i] == '<') {
      escape = "\\u003c";
    } else if (text[i] == '>') {
      escape = "\\u003e";
    } else if (text.compare(i, 3, "\xE2\x80\xA8") == 0) {
      escape = "\\u2028";
    } else if (text.compare(i, 3, "\xE2\x80\xA9") == 0) {
      escape = "\\u2029";
    } else {
      continue;  // another character starting with 0xE2
    }
    out.append(text, done, i - done);
    out += escape;
    done = i + (text[i] == '\xE2' ? 3 : 1);
    i = done - 1;
  }
  out.append(text, done, std::string::npos);
  out += '\n';
  return out;
}

}  // namespace partnerpulse
