#pragma once
// Comparing periods (docs/compare.md, the rules in docs/scoring.md): whether two periods measured a dimension the
// same way, whether a change is more than noise, reading results back from JSON reports, and the comparison of
// each partnership across the periods given. Every figure here is one that each period's report shows; nothing is
// derived from counts or from totals of two periods.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "partnerpulse/catalog.hpp"
#include "partnerpulse/diagnostics.hpp"
#include "partnerpulse/measure.hpp"
#include "partnerpulse/partnership.hpp"
#include "partnerpulse/results.hpp"
#include "partnerpulse/thread_pool.hpp"

namespace partnerpulse {

// ---- Comparability ------------------------------------------------------------------------------------------

enum class MeasureChange { added, removed, rescaled, reversed, reweighted };

// One way two measures of a dimension differ, about one item (the later item's id, or the removed item's).
struct MeasureDifference {
  MeasureChange kind = MeasureChange::added;
  std::string item;
  std::string detail;  // rescaled: "1-5 -> 1-7"; reweighted: "1 -> 2"; else empty
};

// True when `now` counts as the same item as `before`: the same id, or `now` declares `replaces = before.id`.
bool same_item(const MeasuredItem& before, const MeasuredItem& now);

// How `now` differs from `before`: removed items (in `before`'s order), then per remaining item of `now` (in its
// order) added, rescaled (another min or max), reversed (another reverse flag) or reweighted. Empty when the
// dimension was measured the same way, which is what makes two periods comparable; the questionnaire version and
// item texts do not count.
std::vector<MeasureDifference> measure_differences(const DimensionMeasure& before, const DimensionMeasure& now);

// One difference in words: "item 'x' removed", "item 'y' rescaled (1-5 -> 1-7)".
std::string describe(const MeasureDifference& difference);

// ---- Noise: Welch's two-sample t-test ---------------------------------------------------------------------------

// One period's figures for a dimension, as its report shows them.
struct Sample {
  double mean = 0.0;          // the index
  std::optional<double> sd;   // sample standard deviation
  std::size_t n = 0;
};

struct WelchTest {
  double se = 0.0;                // sqrt(sd1^2/n1 + sd2^2/n2)
  std::optional<double> df;       // Welch-Satterthwaite degrees of freedom; empty when se is 0
  std::optional<double> margin;   // t(0.975, df) * se: a change at least this large is more than noise
};

// The test between two periods at the 95% level, two-sided; nothing when either n is below 2 or an sd is missing.
std::optional<WelchTest> welch_test(const Sample& from, const Sample& to);

// The change as reports print it: the later index as printed minus the earlier as printed, one decimal
// (rounded_as_printed), so that it always equals the difference of the two printed figures.
double printed_change(double from, double to);

// Whether a printed change is more than noise: |change| at least the margin as printed (one decimal); nothing
// when the test or its margin is not computable.
std::optional<bool> beyond_noise(double change, const std::optional<WelchTest>& test);

// ---- Inputs ---------------------------------------------------------------------------------------------------

// One input of `compare`: the results of a JSON report or of scored responses, and where each group's period is
// written (for messages): its position in the JSON, or the input path alone.
struct ComparisonInput {
  std::string path;
  Results results;
  std::vector<SourceLocation> period_locations;  // one per group of results
  std::optional<SourceLocation> min_group_location;  // a results file: where its options.min_group is written
  RoleSpellings role_spellings;  // responses: the role labels met, by role (for the folding warnings)
};

// Reads a results file written by `report --format json` (docs/json.md) with numbers exactly as written. Throws
// InputError, positioned at FILE:LINE:COLUMN, for text that is not JSON, a file from another tool, a missing or
// newer `format_version`, or a field that is missing or of the wrong type.
ComparisonInput read_results_json(std::string_view text, const std::string& path);

// Refuses a results file written with a lower --min-group than `min_group`, the one the comparison runs with: its
// groups, roles and items of fewer respondents than `min_group` were not withheld, and the comparison must not show
// what its own setting would withhold. Throws InputError positioned at the file's options.min_group. Inputs scored
// from responses (no min_group_location) always pass.
void check_min_group(const ComparisonInput& input, std::size_t min_group);

// Reads one input of `compare`: a file whose first non-blank character is `{` is a results file; any other file or
// folder holds responses, scored with `options` on `pool` like `report` does. Throws IoError for a path that cannot
// be read and InputError for invalid input, no responses, or a results file that fails check_min_group. Role
// labels are resolved with `partnerships` (resolve_role), as `report` does.
ComparisonInput load_comparison_input(const std::string& path, const Catalog& catalog, const ScoringOptions& options,
                                      ThreadPool& pool, const PartnershipSet& partnerships = {});

// ---- The comparison -------------------------------------------------------------------------------------------

struct DimensionComparison {
  std::string questionnaire;
  std::string id;
  LocalizedText title;
  LocalizedText questionnaire_title;
  std::optional<double> from, to;       // the index in the first and the last period (null: withheld or absent)
  std::optional<double> change;         // printed_change, when both are shown and the dimension is comparable
  std::optional<double> se, df, margin; // Welch's test, when computable
  std::optional<bool> significant;      // beyond_noise
  bool comparable = true;               // measured the same way in the first and the last period
  std::string note;                     // why not comparable, or what else the reader should know; else empty
  std::vector<std::optional<double>> series;  // the index in each of the partnership's periods
};

struct RoleDimensionChange {
  std::string questionnaire;
  std::string id;
  std::optional<double> from, to, change;
};

// A role shown on its own in both the first and the last period.
struct RoleComparison {
  std::string role;
  std::vector<RoleDimensionChange> dimensions;  // in the order of the comparison's dimensions
};

struct GapComparison {
  std::string questionnaire;
  std::string dimension;
  std::optional<double> from, to, change;  // a negative change is a gap that narrowed
};

// An item listed in both periods' reports (items needing attention), unchanged between them.
struct ItemComparison {
  std::string questionnaire;
  std::string id;
  std::string dimension;
  LocalizedText text;
  bool reverse = false;
  std::optional<double> from, to, change;
};

struct PartnershipComparison {
  std::string partnership;
  std::vector<std::string> periods;           // the periods it appears in, oldest first
  std::vector<std::string> absent_from;       // periods of the comparison it does not appear in
  std::vector<std::string> withheld_periods;  // its periods whose group is withheld (too few respondents)
  std::string from, to;                       // its first and last period (the same when it has only one)
  std::optional<double> overall_from, overall_to, overall_change;
  std::string overall_note;  // why the overall change is not shown, when both indexes are
  std::vector<DimensionComparison> dimensions;
  std::vector<RoleComparison> roles;
  std::vector<GapComparison> gaps;
  std::vector<ItemComparison> items;
};

struct Comparison {
  std::vector<std::string> periods;                  // every period of the inputs, oldest first
  std::vector<PartnershipComparison> partnerships;   // by partnership
};

// Compares the partnerships of `inputs` (oldest first) across their periods: groups are matched by partnership,
// each change runs from a partnership's first period to its last. Throws InputError naming the file and position
// for two inputs with the same period, periods out of natural order, and a partnership whose first and last
// periods (both shown) have no dimension in common. The result depends only on the figures, not on whether they
// were read from JSON or scored from responses.
Comparison compare_periods(const std::vector<ComparisonInput>& inputs);

// For every group whose partnership has an earlier period in `results`: sets previous_period, and the change (with
// the noise flag) of each dimension and gap since that period, under the same rules as compare_periods.
void add_changes_since_previous_period(Results& results);

// ---- Questionnaire revisions --------------------------------------------------------------------------------------

struct DimensionDiff {
  std::string id;
  enum class Status { unchanged, changed, added, removed } status = Status::unchanged;
  bool comparable = true;            // results measured with the two versions can be compared
  std::vector<std::string> changes;  // what changed, in words, one line each
};

struct QuestionnaireDiff {
  std::string old_label, new_label;     // "trust 1.0 (path)"
  std::vector<std::string> changes;     // questionnaire-wide: bands, id, scales
  std::vector<DimensionDiff> dimensions;  // the old dimensions in order, then the added ones
  bool comparable() const;            // every dimension of the old version stays comparable
};

// What changed from `before` to `now`, per dimension: items added, removed, reworded, moved, rescaled, reversed,
// reweighted, and the title and advice; questionnaire-wide, the bands. Comparability is measure_differences of
// each dimension's measure_of; a removed dimension is not comparable.
QuestionnaireDiff diff_questionnaires(const Questionnaire& before, const Questionnaire& now);

}  // namespace partnerpulse
