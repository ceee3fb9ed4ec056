#pragma once
// A portfolio: every partnership of a run at its latest period, side by side (docs/report-format.md, "Portfolio";
// docs/json.md, "portfolio.json"), and the folder `report --out-dir` writes it to.

#include <atomic>
#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "partnerpulse/files.hpp"
#include "partnerpulse/render.hpp"
#include "partnerpulse/results.hpp"
#include "partnerpulse/thread_pool.hpp"

namespace partnerpulse {

// Fewer partnerships than this showing a dimension in the same period: no percentile.
inline constexpr std::size_t min_partnerships_for_percentile = 5;

struct PortfolioDimension {
  std::string questionnaire;
  std::string id;
  LocalizedText title;
  std::optional<double> index;       // as printed (one decimal); empty when withheld or not computable
  std::optional<double> percentile;  // see percentile_rank; empty with too few partnerships or no index
};

struct PortfolioRow {
  std::string partnership;
  std::string title;  // from its partnership file, else empty
  std::string file;   // its report's file name without extension (safe_file_stem)
  std::string period; // its latest period
  std::size_t respondents = 0;
  std::optional<std::size_t> invited;     // the sum over declared roles, when every one has an invitation count
  std::optional<double> response_rate;    // respondents / invited, 0-1, when invited > 0
  bool withheld = false;                  // too few respondents: nothing but the respondent count is shown
  std::optional<double> overall;          // as printed
  std::optional<BandRef> band;
  std::optional<double> change;           // GroupResult::overall_change
  std::optional<std::string> previous_period;
  std::optional<PortfolioDimension> weakest;  // the lowest shown dimension index (first in questionnaire order)
  std::size_t flagged_gaps = 0;
  std::size_t significant_changes = 0;    // dimensions whose change is beyond noise
  std::vector<std::string> missing_roles;
  std::vector<PortfolioDimension> dimensions;
};

struct PortfolioDimensionSummary {
  std::string questionnaire;
  std::string id;
  LocalizedText title;
  LocalizedText questionnaire_title;
  std::size_t partnerships = 0;  // partnerships whose latest period shows the dimension
  std::optional<double> median, q1, q3;
};

struct Portfolio {
  std::vector<PortfolioRow> rows;  // lowest overall index first; then rows without one, by partnership
  std::vector<PortfolioDimensionSummary> dimensions;  // in questionnaire order of first appearance
  std::size_t min_group = 0;
};

// 100 * (below + ties / 2) / (count - 1): where `value` stands among `others` (the other partnerships' indexes,
// `value` itself not among them), count = others + 1. Empty when count < min_partnerships_for_percentile.
std::optional<double> percentile_rank(double value, const std::vector<double>& others);

// The quantile `p` (0-1) of sorted `values` by linear interpolation between closest ranks (the method numpy and R
// use by default): position h = (n - 1) p, value x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]).
// Empty for no values.
std::optional<double> quantile(const std::vector<double>& sorted_values, double p);

// The file name stem (no extension) a partnership's report gets: stable, distinct for distinct ids even on a
// case-insensitive file system, and safe anywhere (docs/report-format.md, "File names"). Lowercase ASCII letters,
// digits and '-' are kept; every other byte becomes '_' and two lowercase hex digits; a name Windows reserves
// (con, prn, aux, nul, com1-9, lpt1-9), the portfolio's own names (index, portfolio) and a name starting with '-'
// get their first character escaped too; a stem longer than 100 bytes keeps its first 80 and ends in '~' and 16 hex digits of the id's
// 64-bit FNV-1a hash.
std::string safe_file_stem(std::string_view partnership);

// The portfolio of `results` (with changes and partnership details added): each partnership's latest period.
Portfolio build_portfolio(const Results& results);

// index.md: the portfolio summary. Passes markdownlint-cli2's default rules (except line length).
std::string render_portfolio_markdown(const Portfolio& portfolio, const RenderOptions& options);
// portfolio.json (docs/json.md).
std::string render_portfolio_json(const Portfolio& portfolio, const RenderOptions& options);

// The groups of one partnership, newest period first: what its own report shows.
Results partnership_results(const Results& results, std::string_view partnership);

// A folder that `report --out-dir` owns: it writes only there, records what it wrote in a manifest
// (`.partnerpulse-manifest`, one file name a line), never replaces or removes a file it did not write, and writes
// every file atomically (write_file_atomically).
class OutputFolder {
public:
  // Creates `folder` when missing. Throws IoError when it is not a folder, or when it holds files and no manifest
  // unless `force`.
  OutputFolder(std::string folder, bool force, RunInputs inputs);
  // Throws IoError when `name` exists in the folder and the manifest does not list it (even with `force`): checks
  // every name before anything is written; then lists them in the manifest, so that an interrupted run still owns
  // what it wrote.
  void check(const std::vector<std::string>& names);
  // Writes one file of the folder; the manifest lists it from now on. Safe to call from several threads.
  void write(const std::string& name, const std::string& content);
  // Writes the manifest, then removes the files an earlier run wrote that this one did not.
  void finish();
  const std::string& folder() const noexcept { return folder_; }

private:
  std::string path(const std::string& name) const;
  void write_manifest(const std::set<std::string>& names);

  std::string folder_;
  RunInputs inputs_;
  std::set<std::string> owned_;    // listed in the manifest found
  std::set<std::string> written_;  // by this run
  std::mutex written_mutex_;
};

// Writes the portfolio of `results` into `folder`: per partnership <stem>.md and <stem>.json (and <stem>.csv when
// `format` is "csv", <stem>.html when it is "html"), its groups newest first, rendered on `pool`; then index.md and
// portfolio.json (and index.html with "html"). Checks every name before writing any (OutputFolder::check) and
// finishes the folder. Returns the portfolio.
// `progress` (when given) is called from the pool's threads with the partnerships written so far and their number.
Portfolio write_portfolio_folder(const Results& results, OutputFolder& folder, std::string_view format,
                                 const RenderOptions& options, ThreadPool& pool,
                                 const std::function<void(std::size_t written, std::size_t total)>& progress = {});

// The name of the manifest file in an --out-dir folder.
inline constexpr std::string_view manifest_name = ".partnerpulse-manifest";

}  // namespace partnerpulse
