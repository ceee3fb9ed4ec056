#pragma once
// What scoring produces and every renderer reads: per partnership and period, dimension, role, gap and item.
// Figures a renderer must not show (withheld for anonymity, or not computable) are empty optionals.

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "partnerpulse/localized_text.hpp"
#include "partnerpulse/measure.hpp"

namespace partnerpulse {

struct ScoringOptions {
  double gap_threshold = 15.0;     // a perception gap of at least this many points is flagged
  std::size_t min_group = 3;       // fewer respondents than this in a group: its figures are withheld
  bool collect_comments = false;   // keep free-text comments (only for reports that print them)
  std::size_t attention_items = 5; // how many lowest-scoring items to list
};

// The smallest --min-group that keeps respondents from being singled out; a lower one is warned about.
inline constexpr std::size_t recommended_min_group = 3;

// True when `options` shows groups smaller than recommended_min_group.
inline bool shows_small_groups(const ScoringOptions& options) { return options.min_group < recommended_min_group; }

// The one sentence warning that --min-group `min_group` (below recommended_min_group) shows small groups, for
// standard error and the top of a report.
std::string small_groups_warning(std::size_t min_group);

// The band a figure falls in (decided by scoring: see band_of in scoring.hpp).
struct BandRef {
  std::string id;
  LocalizedText label;
  bool top = false;     // the questionnaire's highest band: what works, so no "what to do next"
  bool bottom = false;  // the questionnaire's lowest band
};

// One band of the questionnaire a dimension was scored with: from the previous band's `upper` (0 for the first) up
// to this one's.
struct BandLimit {
  std::string id;
  LocalizedText label;
  double upper = 100.0;
};

struct DimensionResult {
  std::string questionnaire;
  std::string id;
  LocalizedText title;
  std::size_t n = 0;                 // respondents with a score for this dimension
  std::size_t scored_items = 0;
  std::optional<double> index;       // 0-100 mean of respondents' dimension scores
  std::optional<double> sd;          // sample standard deviation of those scores
  std::optional<double> scale_mean;  // the index on the original scale, when all items share one scale
  std::optional<double> alpha;       // Cronbach's alpha, when computable
  std::size_t alpha_n = 0;           // respondents who answered every item (alpha's basis)
  std::optional<BandRef> band;
  std::vector<BandLimit> bands;      // the questionnaire's bands, lowest first (for charts); empty when not known
  LocalizedText advice;              // the advice for the band
  bool withheld = false;             // n below the minimum group size
  // The share (0-1) of "dont-know" among the answers to the dimension's scored items, when notable (at least
  // dont_know_notable_share) and the dimension is shown; else empty.
  std::optional<double> dont_know_share;
  // What the dimension was measured with (shared by every group scored with the same questionnaire); null only in
  // hand-built results.
  std::shared_ptr<const DimensionMeasure> measure;
  // The change since the group's previous period (add_changes_since_previous_period, compare.hpp): the printed
  // index minus the printed previous index, one decimal; empty without a previous period, when either index is
  // withheld, or when the two periods measured the dimension differently (`change_note` then says how).
  std::optional<double> change;
  std::optional<bool> significant;   // the change is more than noise (Welch's test); empty when not computable
  std::string change_note;           // why there is no change although both indexes are shown; else empty
};

struct RoleDimensionResult {
  std::string questionnaire;
  std::string dimension;
  std::size_t n = 0;
  std::optional<double> index;  // empty when withheld for anonymity
  // The role's share (0-1) of "dont-know" answers in the dimension, when notable and the cell is shown; else empty.
  std::optional<double> dont_know_share;
};

// A share of "dont-know" answers at least this large is notable: reports show it (docs/scoring.md).
inline constexpr double dont_know_notable_share = 0.2;

struct RoleResult {
  std::string role;
  std::size_t n = 0;
  std::vector<RoleDimensionResult> dimensions;  // same order as GroupResult::dimensions
};

struct WithheldRole {
  std::string role;
  std::size_t n = 0;
  std::string reason;
};

struct GapResult {
  std::string questionnaire;
  std::string dimension;
  // The highest shown role index minus the lowest, each rounded to one decimal as reports print them (so the gap
  // always equals the difference of the figures shown beside it); empty with fewer than two shown roles.
  std::optional<double> gap;
  std::string highest_role;
  std::string lowest_role;
  bool flagged = false;  // gap >= ScoringOptions::gap_threshold
  std::optional<double> change;  // the gap minus the previous period's gap, when both are shown and comparable
};

struct ItemResult {
  std::string questionnaire;
  std::string id;
  std::string dimension;
  LocalizedText text;
  bool reverse = false;
  std::size_t n = 0;           // numeric answers
  std::size_t not_applicable = 0;
  std::optional<double> index; // 0-100 mean item score after reverse keying
  std::optional<double> sd;
  std::size_t dont_know = 0;   // "dont-know" answers
};

struct CommentGroup {
  std::string questionnaire;
  std::string item;
  LocalizedText item_text;
  std::vector<std::string> comments;  // sorted, never attributed
};

struct QuestionnaireUse {
  std::string id;
  std::string version;
  LocalizedText title;
  std::size_t respondents = 0;
};

// One declared role of a partnership file in one period: who answered, and how many were invited.
struct RoleResponse {
  std::string role;   // the role id (responses are grouped under it)
  std::string title;  // its title in the partnership file
  std::size_t respondents = 0;
  std::optional<std::size_t> invited;  // when the partnership file gives it for this period
};

struct GroupResult {
  std::string partnership;
  std::string title;  // the partnership's title in its partnership file; empty without one
  std::string period;
  // The partnership's period before this one in natural order (util/natural_order.hpp), when the results hold one.
  std::optional<std::string> previous_period;
  std::size_t respondents = 0;
  std::vector<std::pair<std::string, std::size_t>> role_counts;  // every role, sorted by name
  bool withheld = false;  // fewer respondents than the minimum group size: no figures at all
  std::optional<double> overall_index;  // the mean of the dimension indexes shown: each respondent counts once
  std::optional<BandRef> overall_band;
  // The overall index minus the previous period's, both as printed, when both are shown and are the mean of the
  // same dimensions measured the same way (add_changes_since_previous_period, compare.hpp).
  std::optional<double> overall_change;
  std::vector<RoleResponse> role_responses;  // every declared role, by id; empty without a partnership file
  // Roles with no respondent at all in this period: declared roles (by title) with a partnership file, else the
  // roles that answered in another period of the partnership. Sorted as declared, else by label.
  std::vector<std::string> missing_roles;
  // The mean of the role indexes of the roles shown (a role's index: the mean of its dimension cells shown), so
  // that each role counts once; empty unless at least two roles have a cell shown.
  std::optional<double> balanced_index;
  std::vector<DimensionResult> dimensions;
  std::vector<RoleResult> roles;  // roles shown on their own
  std::vector<WithheldRole> withheld_roles;
  std::vector<GapResult> gaps;
  std::vector<ItemResult> attention_items;  // lowest index first; ties in questionnaire order, then item order
  std::size_t items_withheld = 0;           // items left out of the list for too few answers
  std::vector<CommentGroup> comments;
  std::size_t comments_withheld = 0;        // comments left out: their author's role, or role cell, is withheld
  std::vector<QuestionnaireUse> questionnaires;
  std::size_t incomplete_skipped = 0;       // responses marked incomplete, left out
  std::size_t dimension_scores_missing = 0; // respondent-dimension pairs with fewer than half the items answered
};

struct Results {
  ScoringOptions options;
  std::vector<GroupResult> groups;  // sorted by partnership (bytes), then period in natural order
};

// At most this many dimensions head a report's "What to do next".
inline constexpr std::size_t max_priorities = 3;

// Cronbach's alpha below this: the items of a dimension do not agree, so its items say more than its index.
inline constexpr double low_alpha = 0.5;

// What a report's "What to do next" lists, as indexes into GroupResult::dimensions.
struct AdvicePlan {
  // At most max_priorities dimensions, in this order: the shown dimension with the lowest index below its top
  // band; then the dimensions with a flagged perception gap, largest gap first; then the next lowest dimensions
  // below their top band. Ties go to the earlier dimension of the table.
  std::vector<std::size_t> priorities;
  // Every other shown dimension below its top band, in ascending order of index (ties: table order).
  std::vector<std::size_t> others;
};

// The plan for `group` (docs/report-format.md, "What to do next"). Withheld dimensions take no part.
AdvicePlan plan_advice(const GroupResult& group);

// The flagged gap of dimension `d` of `group`, or nullptr.
const GapResult* flagged_gap(const GroupResult& group, const DimensionResult& d);

}  // namespace partnerpulse
