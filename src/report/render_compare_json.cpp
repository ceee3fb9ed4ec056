// The JSON comparison (docs/json.md, "The comparison"), written with ordered_json so that keys keep a fixed order.

#include "partnerpulse/render_compare.hpp"
#include "report/json_writer.hpp"
#include "util/text_filters.hpp"

namespace partnerpulse {

namespace {

std::string clean(std::string_view text) { return strip_control_characters(text); }

Json text_or_null(const std::string& text) { return text.empty() ? Json(nullptr) : Json(clean(text)); }

Json labels(const std::vector<std::string>& list) {
  return array_of(list, [](const std::string& label) { return Json(clean(label)); });
}

class ComparisonJson {
public:
  explicit ComparisonJson(const RenderOptions& options) : options_(options) {}

  Json partnership(const PartnershipComparison& p) const {
    return ObjectBuilder(12)
        .add("partnership", clean(p.partnership))
        .add("periods", labels(p.periods))
        .add("absent_from", labels(p.absent_from))
        .add("withheld_periods", labels(p.withheld_periods))
        .add("from", clean(p.from))
        .add("to", clean(p.to))
        .add("overall", ObjectBuilder(4)
                            .add("from", number(p.overall_from))
                            .add("to", number(p.overall_to))
                            .add("change", number(p.overall_change))
                            .add("note", text_or_null(p.overall_note))
                            .take())
        .add("dimensions", array_of(p.dimensions, [&](const DimensionComparison& d) { return dimension(d); }))
        .add("roles", array_of(p.roles, [&](const RoleComparison& r) { return role(r); }))
        .add("gaps", array_of(p.gaps, [&](const GapComparison& g) {
               return ObjectBuilder(5)
                   .add("questionnaire", clean(g.questionnaire))
                   .add("dimension", clean(g.dimension))
                   .add("from", number(g.from))
                   .add("to", number(g.to))
                   .add("change", number(g.change))
                   .take();
             }))
        .add("items", array_of(p.items, [&](const ItemComparison& i) { return item(i); }))
        .take();
  }

private:
  std::string text(const LocalizedText& localized) const {
    return clean(options_.language.empty() ? localized.text() : localized.in(options_.language));
  }

  Json dimension(const DimensionComparison& d) const {
    return ObjectBuilder(14)
        .add("questionnaire", clean(d.questionnaire))
        .add("id", clean(d.id))
        .add("title", text(d.title))
        .add("from", number(d.from))
        .add("to", number(d.to))
        .add("change", number(d.change))
        .add("se", number(d.se))
        .add("df", number(d.df))
        .add("margin", number(d.margin))
        .add("significant", d.significant ? Json(*d.significant) : Json(nullptr))
        .add("comparable", d.comparable)
        .add("note", text_or_null(d.note))
        .add("series", array_of(d.series, [](const std::optional<double>& value) { return number(value); }))
        .take();
  }

  Json role(const RoleComparison& r) const {
    return ObjectBuilder(2)
        .add("role", clean(r.role))
        .add("dimensions", array_of(r.dimensions, [](const RoleDimensionChange& cell) {
               return ObjectBuilder(5)
                   .add("questionnaire", clean(cell.questionnaire))
                   .add("id", clean(cell.id))
                   .add("from", number(cell.from))
                   .add("to", number(cell.to))
                   .add("change", number(cell.change))
                   .take();
             }))
        .take();
  }

  Json item(const ItemComparison& i) const {
    return ObjectBuilder(8)
        .add("questionnaire", clean(i.questionnaire))
        .add("id", clean(i.id))
        .add("dimension", clean(i.dimension))
        .add("text", text(i.text))
        .add("reverse", i.reverse)
        .add("from", number(i.from))
        .add("to", number(i.to))
        .add("change", number(i.change))
        .take();
  }

  const RenderOptions& options_;
};

}  // namespace

std::string render_comparison_json(const Comparison& comparison, const RenderOptions& options) {
  const ComparisonJson renderer(options);
  Json root = ObjectBuilder(4)
                  .add("format_version", json_format_version)
                  .add("tool", ObjectBuilder(2).add("name", "partnerpulse").add("version", clean(options.tool_version)).take())
                  .add("periods", labels(comparison.periods))
                  .add("comparisons", array_of(comparison.partnerships, [&](const PartnershipComparison& p) {
                         return renderer.partnership(p);
                       }))
                  .take();
  return dump_escaped(root) + "\n";
}

}  // namespace partnerpulse
