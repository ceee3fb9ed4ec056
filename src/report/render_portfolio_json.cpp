// portfolio.json (docs/json.md, "The portfolio"): the portfolio summary as data, keys in a fixed order.

#include <fmt/format.h>

#include "partnerpulse/portfolio.hpp"
#include "report/json_writer.hpp"
#include "util/text_filters.hpp"

namespace partnerpulse {

namespace {

Json count_or_null(const std::optional<std::size_t>& count) { return count ? Json(*count) : Json(nullptr); }

Json overall_of(const PortfolioRow& row) {
  return ObjectBuilder(4)
      .add("index", number(row.overall))
      .add("band", row.band ? Json(strip_control_characters(row.band->id)) : Json(nullptr))
      .add("change", number(row.change))
      .add("significant", nullptr)  // the overall index has no spread of its own to test a change against
      .take();
}

Json weakest_of(const PortfolioRow& row) {
  if (!row.weakest) return nullptr;
  return ObjectBuilder(3)
      .add("questionnaire", row.weakest->questionnaire)
      .add("id", row.weakest->id)
      .add("index", number(row.weakest->index))
      .take();
}

Json row_json(const PortfolioRow& row) {
  ObjectBuilder out(11);
  out.add("partnership", strip_control_characters(row.partnership));
  out.add("period", strip_control_characters(row.period));
  out.add("respondents", row.respondents);
  out.add("invited", count_or_null(row.invited));
  out.add("response_rate", number(row.response_rate));
  out.add("overall", overall_of(row));
  out.add("weakest", weakest_of(row));
  out.add("flagged_gaps", row.flagged_gaps);
  out.add("missing_roles", array_of(row.missing_roles, [](const std::string& role) {
            return Json(strip_control_characters(role));
          }));
  out.add("dimensions", array_of(row.dimensions, [](const PortfolioDimension& d) {
            return ObjectBuilder(4)
                .add("questionnaire", d.questionnaire)
                .add("id", d.id)
                .add("index", number(d.index))
                .add("percentile", number(d.percentile))
                .take();
          }));
  return out.take();
}

}  // namespace

std::string render_portfolio_json(const Portfolio& portfolio, const RenderOptions& options) {
  ObjectBuilder root(4);
  root.add("format_version", json_format_version);
  root.add("tool", ObjectBuilder(2)
                       .add("name", "partnerpulse")
                       .add("version", strip_control_characters(options.tool_version))
                       .take());
  root.add("partnerships", array_of(portfolio.rows, row_json));
  root.add("dimensions", array_of(portfolio.dimensions, [](const PortfolioDimensionSummary& d) {
             return ObjectBuilder(6)
                 .add("questionnaire", d.questionnaire)
                 .add("id", d.id)
                 .add("partnerships", d.partnerships)
                 .add("median", number(d.median))
                 .add("q1", number(d.q1))
                 .add("q3", number(d.q3))
                 .take();
           }));
  return dump_escaped(root.take()) + "\n";
}

}  // namespace partnerpulse
