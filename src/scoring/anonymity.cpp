#include "scoring/anonymity.hpp"

#include <fmt/format.h>

#include "partnerpulse/interface_text.hpp"

namespace partnerpulse {

std::string small_groups_warning(std::size_t min_group, std::string_view language) {
  return fill(translate(language, "Small groups are shown (--min-group {0}, below {1}): respondents may be "
                                  "identifiable from their answers. Share this report only with people who may see "
                                  "every answer."),
              min_group, recommended_min_group);
}

std::string small_groups_warning(std::size_t min_group) { return small_groups_warning(min_group, interface_language()); }

}  // namespace partnerpulse

namespace partnerpulse::scoring {

std::vector<bool> cells_to_withhold(const std::vector<Cell>& cells, std::size_t hidden_elsewhere,
                                    std::size_t min_group) {
  std::vector<bool> withheld(cells.size(), false);
  std::size_t hidden = hidden_elsewhere;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (cells[i].second < min_group) {
      withheld[i] = true;
      hidden += cells[i].second;
    }
  }
  // Complementary disclosure: the total minus the shown cells would reveal a small hidden remainder.
  while (hidden > 0 && hidden < min_group) {
    std::size_t smallest = cells.size();
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (withheld[i]) continue;
      if (smallest == cells.size() || cells[i].second < cells[smallest].second) smallest = i;
    }
    if (smallest == cells.size()) break;
    withheld[smallest] = true;
    hidden += cells[smallest].second;
  }
  return withheld;
}

RoleSplit split_roles(const std::vector<Cell>& role_counts, std::size_t min_group) {
  RoleSplit split;
  const std::vector<bool> withheld = cells_to_withhold(role_counts, 0, min_group);
  for (std::size_t r = 0; r < role_counts.size(); ++r) {
    const auto& [role, n] = role_counts[r];
    if (!withheld[r]) {
      split.shown.push_back({role, n, {}});
    } else if (n < min_group) {
      split.withheld.push_back({role, n, fmt::format("fewer than {} respondents", min_group)});
    } else {
      split.withheld.push_back(
          {role, n, "withheld too, so that a smaller withheld role cannot be worked out from the totals"});
    }
  }
  return split;
}

}  // namespace partnerpulse::scoring
