// `report --out-dir`: every partnership's report, the portfolio summary and its data, in one owned folder.

#include "partnerpulse/portfolio.hpp"
#include "partnerpulse/render_html.hpp"

#include <atomic>

namespace partnerpulse {

Portfolio write_portfolio_folder(const Results& results, OutputFolder& folder, std::string_view format,
                                 const RenderOptions& options, ThreadPool& pool,
                                 const std::function<void(std::size_t written, std::size_t total)>& progress) {
  const bool with_csv = format == "csv", with_html = format == "html";
  Portfolio portfolio = build_portfolio(results);
  std::vector<std::string> names = {"index.md", "portfolio.json"};
  if (with_html) names.push_back("index.html");
  for (const PortfolioRow& row : portfolio.rows) {
    names.push_back(row.file + ".md");
    names.push_back(row.file + ".json");
    if (with_csv) names.push_back(row.file + ".csv");
    if (with_html) names.push_back(row.file + ".html");
  }
  folder.check(names);
  std::atomic<std::size_t> written = 0;
  parallel_for(pool, portfolio.rows.size(), 4, [&](std::size_t i) {
    const PortfolioRow& row = portfolio.rows[i];
    const Results own = partnership_results(results, row.partnership);
    // OutputFolder::write may be called from several threads: each partnership renders and writes on its own.
    folder.write(row.file + ".md", render_markdown(own, options));
    folder.write(row.file + ".json", render_json(own, options));
    if (with_csv) folder.write(row.file + ".csv", render_csv(own, options));
    if (with_html) folder.write(row.file + ".html", render_html(own, options));
    if (progress) progress(++written, portfolio.rows.size());
  });
  folder.write("portfolio.json", render_portfolio_json(portfolio, options));
  folder.write("index.md", render_portfolio_markdown(portfolio, options));
  if (with_html) folder.write("index.html", render_portfolio_html(portfolio, options));
  folder.finish();
  return portfolio;
}

}  // namespace partnerpulse
