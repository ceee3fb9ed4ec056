// What a partnership file adds to the results: titles, response rates and the roles that did not answer.

#include <set>

#include "partnerpulse/partnership.hpp"

namespace partnerpulse {

namespace {

std::size_t respondents_of(const GroupResult& group, const std::string& role) {
  for (const auto& [label, n] : group.role_counts) {
    if (label == role) return n;
  }
  return 0;
}

void add_declared(GroupResult& group, const Partnership& partnership) {
  group.title = partnership.title;
  const PartnershipPeriod* period = partnership.period(group.period);
  for (const PartnershipRole& role : partnership.roles) {
    RoleResponse response{role.id, role.title, respondents_of(group, role.id), std::nullopt};
    if (period) {
      const auto invited = period->invited.find(role.id);
      if (invited != period->invited.end()) response.invited = invited->second;
    }
    // A role the period's invitations leave out, or invite nobody of, is not missing.
    const bool not_invited = period && response.invited.value_or(0) == 0;
    if (response.respondents == 0 && !not_invited) group.missing_roles.push_back(role.title);
    group.role_responses.push_back(std::move(response));
  }
}

}  // namespace

void add_partnership_details(Results& results, const PartnershipSet& partnerships) {
  std::map<std::string, std::set<std::string>> seen;  // roles that answered in any period, per partnership
  for (const GroupResult& group : results.groups) {
    for (const auto& [role, n] : group.role_counts) seen[group.partnership].insert(role);
  }
  for (GroupResult& group : results.groups) {
    if (const Partnership* partnership = partnerships.find(group.partnership)) {
      add_declared(group, *partnership);
      continue;
    }
    for (const std::string& role : seen[group.partnership]) {
      if (respondents_of(group, role) == 0) group.missing_roles.push_back(role);
    }
  }
}

}  // namespace partnerpulse
