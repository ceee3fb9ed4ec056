// The CSV comparison: one row per partnership and dimension (docs/json.md, "The comparison as CSV").

#include <fmt/format.h>

#include "partnerpulse/render_compare.hpp"
#include "report/csv_fields.hpp"

namespace partnerpulse {

namespace {

constexpr std::string_view header =
    "partnership,from_period,to_period,questionnaire,dimension,title,from,to,change,se,df,margin,significant,"
    "comparable,note";

std::string flag_field(const std::optional<bool>& flag) {
  if (!flag) return {};
  return *flag ? "true" : "false";
}

}  // namespace

std::string render_comparison_csv(const Comparison& comparison, const RenderOptions& options) {
  std::string out(header);
  out += '\n';
  const auto text = [&](const LocalizedText& localized) {
    return options.language.empty() ? localized.text() : localized.in(options.language);
  };
  for (const PartnershipComparison& p : comparison.partnerships) {
    const std::string lead = fmt::format("{},{},{}", text_field(p.partnership), text_field(p.from), text_field(p.to));
    if (p.dimensions.empty()) {  // a partnership with nothing to compare still appears
      out += lead + ",,,,,,,,,,,,\n";
      continue;
    }
    for (const DimensionComparison& d : p.dimensions) {
      out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{}\n", lead, text_field(d.questionnaire),
                         text_field(d.id), text_field(text(d.title)), number_field(d.from), number_field(d.to),
                         number_field(d.change), number_field(d.se), number_field(d.df), number_field(d.margin),
                         flag_field(d.significant), d.comparable ? "true" : "false", text_field(d.note));
    }
  }
  return out;
}

}  // namespace partnerpulse
