// The CSV report (docs/json.md, section CSV): one row per partnership, period and dimension.
// RFC 4180 quoting, but lines end in "\n" (not CR LF) so the file diffs cleanly; text cells are neutralised
// against spreadsheet formula injection.

#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/ranges.h>

#include "partnerpulse/render.hpp"
#include "report/csv_fields.hpp"
#include "util/decimal_format.hpp"
#include "util/text_filters.hpp"

namespace partnerpulse {

namespace {

constexpr std::string_view header =
    "partnership,period,questionnaire,dimension,title,index,band,n,sd,alpha,scale_mean,withheld,overall_index,"
    "balanced_index,dont_know_share";

class CsvRenderer {
public:
  explicit CsvRenderer(const RenderOptions& options) : options_(options) {}

  std::string render(const Results& results) const {
    std::string out(header);
    out += '\n';
    for (const auto& group : results.groups) {
      if (group.withheld && group.dimensions.empty()) {
        // Keep the group visible: one row without a dimension, marked withheld.
        row(out, {text_field(group.partnership), text_field(group.period), "", "", "", "", "", "", "", "",
                         "", "true", "", "", ""});
        continue;
      }
      for (const auto& d : group.dimensions) {
        const bool withheld = group.withheld || d.withheld;
        const std::string& title = options_.language.empty() ? d.title.text() : d.title.in(options_.language);
        row(out,
            {text_field(group.partnership), text_field(group.period), text_field(d.questionnaire), text_field(d.id),
             text_field(title), withheld ? "" : number_field(d.index),
             withheld || !d.band ? "" : text_field(d.band->id), group.withheld ? "" : fmt::format("{}", d.n),
             withheld ? "" : number_field(d.sd), withheld ? "" : number_field(d.alpha),
             withheld ? "" : number_field(d.scale_mean), withheld ? "true" : "false",
             group.withheld ? "" : number_field(group.overall_index),
             group.withheld ? "" : number_field(group.balanced_index),
             withheld ? "" : number_field(d.dont_know_share)});
      }
    }
    return out;
  }

private:
  static void row(std::string& out, const std::vector<std::string>& fields) {
    fmt::format_to(std::back_inserter(out), "{}\n", fmt::join(fields, ","));
  }

  const RenderOptions& options_;
};

}  // namespace

std::string render_csv(const Results& results, const RenderOptions& options) {
  return CsvRenderer(options).render(results);
}

}  // namespace partnerpulse
