// Partnership files, role folding and role resolution (src/model/partnership.cpp).

#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "partnerpulse/partnership.hpp"

using namespace partnerpulse;

namespace {

const char* const delta = R"(# comment
[partnership]
id = "delta"
title = "Delta Network"

[roles.funder]
title = "Funding partner"
aliases = ["north", "Geldgeber"]

[roles.implementer]

[[periods]]
id = "2024"
invited = { funder = 4, implementer = 6 }
)";

// The messages of the InputError that parsing `text` throws (none when it parses).
std::vector<std::string> problems_of(const std::string& text) {
  try {
    parse_partnership(text, "p.toml");
  } catch (const InputError& error) {
    std::vector<std::string> lines;
    for (const auto& d : error.diagnostics()) lines.push_back(format_diagnostic(d));
    return lines;
  }
  return {};
}

Response response_with_role(std::string partnership, std::string role) {
  Response response;
  response.respondent.partnership = std::move(partnership);
  response.respondent.role = std::move(role);
  response.role_location = SourceLocation{"r.toml", 5, 8};
  return response;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(partnership)

BOOST_AUTO_TEST_CASE(role_labels_fold_case_spaces_and_unicode_form) {
  BOOST_TEST(fold_role_label("North") == "north");
  BOOST_TEST(fold_role_label(" NORTH ") == "north");
  BOOST_TEST(fold_role_label("\tnorth\n") == "north");
  // "é" precomposed (U+00E9) and decomposed (e + U+0301) are one label; "É" folds to it too.
  BOOST_TEST(fold_role_label("caf\xC3\xA9") == fold_role_label("cafe\xCC\x81"));
  BOOST_TEST(fold_role_label("CAF\xC3\x89") == "caf\xC3\xA9");
  BOOST_TEST(fold_role_label("Stra\xC3\x9F" "e") == "strasse");  // full case folding
  BOOST_TEST(fold_role_label("  ") == "");
}

BOOST_AUTO_TEST_CASE(a_valid_file_is_read_whole) {
  const Partnership p = parse_partnership(delta, "p.toml");
  BOOST_TEST(p.id == "delta");
  BOOST_TEST(p.title == "Delta Network");
  BOOST_TEST(p.roles.size() == 2u);
  BOOST_TEST(p.roles[0].title == "Funding partner");
  BOOST_TEST(p.roles[1].title == "implementer");  // the id when no title is given
  BOOST_TEST((p.roles[0].aliases == std::vector<std::string>{"north", "Geldgeber"}));
  BOOST_TEST(p.period("2024")->invited.at("implementer") == 6u);
  BOOST_TEST(p.period("2023") == nullptr);
  BOOST_TEST(p.path == "p.toml");
}

BOOST_AUTO_TEST_CASE(problems_are_positioned) {
  BOOST_TEST((problems_of("[partnership]\nid = \"x\"\n[roles.a]\n[[periods]]\nid = \"1\"\ninvited = { b = 2 }\n") ==
              std::vector<std::string>{"p.toml:6:13: error: [[periods]] '1': 'invited' names role 'b', which [roles] "
                                       "does not declare (declared: a)"}));
  BOOST_TEST((problems_of("[partnership]\nid = \"x\"\n[roles.funder]\n[[periods]]\nid = \"1\"\ninvited = { fundr = 2 }\n") ==
              std::vector<std::string>{"p.toml:6:13: error: [[periods]] '1': 'invited' names role 'fundr', which "
                                       "[roles] does not declare; did you mean 'funder'?"}));
  BOOST_TEST((problems_of("[partnership]\nid = \"x\"\n[roles.a]\n[[periods]]\nid = \"1\"\ninvited = { a = -1 }\n") ==
              std::vector<std::string>{"p.toml:6:17: error: [[periods]] '1': 'invited' for role 'a' must be a whole "
                                       "number from 0 to 1000000"}));
  BOOST_TEST((problems_of("[partnership]\nid = \"x\"\n[roles.north]\n[roles.south]\naliases = [\"NORTH\"]\n") ==
              std::vector<std::string>{"p.toml:5:12: error: \"NORTH\" already means role 'north' (role labels are "
                                       "compared ignoring case, surrounding spaces and Unicode form)"}));
  BOOST_TEST((problems_of("[partnership]\nid = \"x\"\n[roles.a]\n[[periods]]\nid = \"1\"\n[[periods]]\nid = \"1\"\n") ==
              std::vector<std::string>{"p.toml:7:6: error: [[periods]]: period '1' is listed twice"}));
  BOOST_TEST((problems_of("[partnership]\nid = \"x\"\ntitel = \"X\"\n[roles.a]\n") ==
              std::vector<std::string>{"p.toml:3:1: error: [partnership]: unknown key 'titel'; did you mean 'title'?"}));
  BOOST_TEST((problems_of("[partnership]\nid = \"x\"\n[roles]\n") ==
              std::vector<std::string>{"p.toml:3:1: error: [roles] declares no role"}));
}

BOOST_AUTO_TEST_CASE(partnership_files_are_told_by_name_and_header) {
  BOOST_TEST(is_partnership_file_name("a/b/partnership.toml"));
  BOOST_TEST(is_partnership_file_name("delta.partnership.toml"));
  BOOST_TEST(!is_partnership_file_name("a/.partnership.toml/r.toml"));
  BOOST_TEST(!is_partnership_file_name("my-partnership.toml"));
  BOOST_TEST((detect_input_kind("# x\n[partnership]\nid = \"a\"\n") == InputKind::partnership));
}

BOOST_AUTO_TEST_CASE(aliases_and_foldings_resolve_to_the_declared_role) {
  PartnershipSet set;
  set.add(parse_partnership(delta, "p.toml"));
  RoleSpellings spellings;
  for (const char* label : {"Funder", " north ", "GELDGEBER", "funder", "Implementer"}) {
    Response r = response_with_role("delta", label);
    BOOST_TEST(!resolve_role(r, set, spellings).has_value());
    BOOST_TEST((r.respondent.role == "funder" || r.respondent.role == "implementer"));
  }
  Response undeclared = response_with_role("delta", "evaluator");
  const auto problem = resolve_role(undeclared, set, spellings);
  BOOST_REQUIRE(problem.has_value());
  BOOST_TEST(format_diagnostic(*problem) ==
             "r.toml:5:8: error: [respondent]: role \"evaluator\" is not declared in p.toml (declared roles: funder, "
             "implementer; add it, or an alias, under [roles])");
  // Another partnership has no file: its labels are only folded.
  Response other = response_with_role("other", " North");
  BOOST_TEST(!resolve_role(other, set, spellings).has_value());
  BOOST_TEST(other.respondent.role == "north");
  BOOST_TEST(role_folding_warnings(spellings) ==
             "partnerpulse: warning: role labels \" north \", \"Funder\", \"GELDGEBER\", \"funder\" are grouped as "
             "role \"funder\" (case, surrounding spaces, Unicode form and declared aliases are ignored)\n"
             "partnerpulse: warning: role label \"Implementer\" is grouped as role \"implementer\" (case, surrounding "
             "spaces, Unicode form and declared aliases are ignored)\n"
             "partnerpulse: warning: role label \" North\" is grouped as role \"north\" (case, surrounding spaces, "
             "Unicode form and declared aliases are ignored)\n");
}

BOOST_AUTO_TEST_CASE(one_spelling_already_folded_gives_no_warning) {
  RoleSpellings spellings;
  Response r = response_with_role("x", "south");
  BOOST_TEST(!resolve_role(r, PartnershipSet{}, spellings).has_value());
  BOOST_TEST(role_folding_warnings(spellings).empty());
}

BOOST_AUTO_TEST_CASE(a_partnership_described_twice_is_refused) {
  PartnershipSet set;
  set.add(parse_partnership(delta, "a.toml"));
  BOOST_CHECK_THROW(set.add(parse_partnership(delta, "b.toml")), InputError);
}

BOOST_AUTO_TEST_CASE(ask_offers_the_declared_roles_and_the_newest_period_first) {
  Partnership p = parse_partnership(delta, "p.toml");
  p.periods.push_back({"2024-q10", {}});
  p.periods.push_back({"2023", {}});
  const PartnershipChoices choices = partnership_choices(p);
  BOOST_TEST((choices.roles == std::vector<std::string>{"funder", "implementer"}));
  BOOST_TEST((choices.periods == std::vector<std::string>{"2024-q10", "2024", "2023"}));
  PartnershipSet set;
  BOOST_TEST(partnership_for_ask(set, "") == nullptr);
  set.add(std::move(p));
  BOOST_TEST(partnership_for_ask(set, "")->id == "delta");  // the only one
  BOOST_TEST(partnership_for_ask(set, "delta")->id == "delta");
  BOOST_TEST(partnership_for_ask(set, "other") == nullptr);
}

BOOST_AUTO_TEST_SUITE_END()
