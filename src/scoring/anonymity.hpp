#pragma once
// Internal to scoring: which roles and which role cells are withheld so that no figure describes fewer than the
// minimum group size, directly or by subtraction from the totals (docs/scoring.md, "Anonymity").

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "partnerpulse/results.hpp"

namespace partnerpulse {

// small_groups_warning (results.hpp) in `language`, for the top of a rendered report; the one-argument form is in
// the interface language, for standard error.
std::string small_groups_warning(std::size_t min_group, std::string_view language);

}  // namespace partnerpulse

namespace partnerpulse::scoring {

// A cell: a name and how many respondents it describes.
using Cell = std::pair<std::string, std::size_t>;

// Which of `cells` to withhold: every cell with fewer than `min_group` respondents, then, while the people not
// shown (those withheld plus `hidden_elsewhere`) number more than zero but fewer than `min_group`, the smallest
// cell still shown (the first of equal ones), so that the total minus the shown cells never reveals a small group.
std::vector<bool> cells_to_withhold(const std::vector<Cell>& cells, std::size_t hidden_elsewhere,
                                    std::size_t min_group);

// The roles of a group, split into those shown on their own and those withheld, with the reason for each.
struct RoleSplit {
  std::vector<RoleResult> shown;  // figures not yet filled in
  std::vector<WithheldRole> withheld;
};
// `role_counts` sorted by role name; both lists keep that order.
RoleSplit split_roles(const std::vector<Cell>& role_counts, std::size_t min_group);

}  // namespace partnerpulse::scoring
