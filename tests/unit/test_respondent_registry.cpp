#include <boost/test/unit_test.hpp>

#include "partnerpulse/catalog.hpp"
#include "scoring/respondent_registry.hpp"

using namespace partnerpulse;
using namespace partnerpulse::scoring;

namespace {

Response respondent(const std::string& id, const std::string& role, const std::string& path) {
  Response response;
  response.path = path;
  response.respondent.id = id;
  response.respondent.role = role;
  response.location = {path, 1, 1};
  return response;
}

struct Fixture {
  Catalog catalog = Catalog::from_folders({std::string(PARTNERPULSE_TEST_DATA) + "/worked-example"});
  Layout layout{catalog};
  GroupKey group{"p", "2024"};
};

}  // namespace

BOOST_AUTO_TEST_SUITE(respondent_registry)

BOOST_FIXTURE_TEST_CASE(ids_are_compared_exactly, Fixture) {
  RespondentRegistry registry(layout.questionnaires.size());
  RespondentRegistry::Row row = 0;
  for (const char* id : {"a", "A", "a ", "aa", ""}) {
    BOOST_TEST(!registry.add_respondent(respondent(id, "x", "f.toml"), group, row));
    BOOST_TEST(!registry.add_answers(id, row, 0, layout, {"f.toml", 9, 1}, group));
  }
  BOOST_TEST(registry.size() == 5u);
}

BOOST_FIXTURE_TEST_CASE(a_second_answer_or_a_second_role_is_a_positioned_conflict, Fixture) {
  RespondentRegistry registry(layout.questionnaires.size());
  RespondentRegistry::Row row = 0;
  BOOST_TEST(!registry.add_respondent(respondent("a", "x", "one.toml"), group, row));
  BOOST_TEST(!registry.add_answers("a", row, 0, layout, {"one.toml", 9, 1}, group));
  BOOST_TEST(!registry.add_respondent(respondent("a", "x", "two.toml"), group, row));
  const auto twice = registry.add_answers("a", row, 0, layout, {"two.toml", 9, 1}, group);
  BOOST_REQUIRE(twice);
  BOOST_TEST(twice->location.path == "two.toml");
  BOOST_TEST(twice->message == answered_twice_message("a", "example", group, {"one.toml", 1, 1}));
  BOOST_TEST(twice->message.find("; one.toml:1:1 already holds these answers") != std::string::npos, twice->message);
  const auto roles = registry.add_respondent(respondent("a", "y", "three.toml"), group, row);
  BOOST_REQUIRE(roles);
  BOOST_TEST(roles->location.path == "three.toml");
  BOOST_TEST(roles->message == two_roles_message("a", "y", "x", group, {"one.toml", 1, 1}));
  BOOST_TEST(roles->message.find("but 'x' in one.toml:1:1") != std::string::npos, roles->message);
}

BOOST_FIXTURE_TEST_CASE(absorb_moves_respondents_and_finds_the_same_conflicts_where_they_were_read, Fixture) {
  RespondentRegistry total(layout.questionnaires.size()), chunk(layout.questionnaires.size());
  RespondentRegistry::Row row = 0;
  for (const char* id : {"a", "b"}) {
    total.add_respondent(respondent(id, "x", "first.toml"), group, row);
    total.add_answers(id, row, 0, layout, {"first.toml", 9, 1}, group);
  }
  total.forget_positions();
  chunk.add_respondent(respondent("a", "x", "later.toml"), group, row);
  chunk.add_answers("a", row, 0, layout, {"later.toml", 9, 3}, group);
  chunk.add_respondent(respondent("b", "y", "other.toml"), group, row);
  chunk.add_respondent(respondent("c", "x", "new.toml"), group, row);
  std::vector<Diagnostic> conflicts = total.absorb(std::move(chunk), layout, group);
  sort_by_position(conflicts);
  BOOST_REQUIRE_EQUAL(conflicts.size(), 2u);
  BOOST_TEST(conflicts[0].location.path == "later.toml");
  BOOST_TEST(conflicts[0].location.column == 3u);
  BOOST_TEST(conflicts[0].message == answered_twice_message("a", "example", group, {"first.toml", 1, 1}));
  BOOST_TEST(conflicts[1].location.path == "other.toml");
  BOOST_TEST(conflicts[1].message == two_roles_message("b", "y", "x", group, {"first.toml", 1, 1}));
  BOOST_TEST(total.size() == 3u);

  // A respondent taken in by absorb() is named by its own file when a later chunk repeats it.
  RespondentRegistry later(layout.questionnaires.size());
  later.add_respondent(respondent("c", "y", "last.toml"), group, row);
  conflicts = total.absorb(std::move(later), layout, group);
  BOOST_REQUIRE_EQUAL(conflicts.size(), 1u);
  BOOST_TEST(conflicts[0].message == two_roles_message("c", "y", "x", group, {"new.toml", 1, 1}));
}

BOOST_AUTO_TEST_CASE(a_conflict_with_an_unknown_first_position_says_another_response_file) {
  const GroupKey group{"p", "2024"};
  BOOST_TEST(answered_twice_message("a", "q", group, {}).find("; another response file already holds these answers") !=
             std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(role_counts_are_sorted_by_name_and_leave_out_empty_roles, Fixture) {
  RespondentRegistry registry(layout.questionnaires.size());
  RespondentRegistry::Row row = 0;
  registry.add_respondent(respondent("1", "south", "f"), group, row);
  registry.add_respondent(respondent("2", "north", "f"), group, row);
  registry.add_respondent(respondent("3", "south", "f"), group, row);
  registry.add_respondent(respondent("3", "east", "f"), group, row);  // a conflict: "east" has nobody
  const auto counts = registry.role_counts();
  BOOST_REQUIRE_EQUAL(counts.size(), 2u);
  BOOST_TEST(counts[0].first == "north");
  BOOST_TEST(counts[0].second == 1u);
  BOOST_TEST(counts[1].first == "south");
  BOOST_TEST(counts[1].second == 2u);
}

BOOST_FIXTURE_TEST_CASE(many_respondents_are_each_found_again_by_their_exact_id, Fixture) {
  RespondentRegistry total(layout.questionnaires.size()), chunk(layout.questionnaires.size());
  RespondentRegistry::Row row = 0;
  for (int i = 0; i < 5000; ++i) {
    const std::string id = "p-" + std::to_string(i * 7919);
    BOOST_REQUIRE(!total.add_respondent(respondent(id, i % 3 ? "south" : "north", "f"), group, row));
    BOOST_REQUIRE_EQUAL(row, static_cast<RespondentRegistry::Row>(i));
    BOOST_REQUIRE(!total.add_answers(id, row, 0, layout, {"f", 9, 1}, group));
  }
  total.forget_positions();
  for (int i = 0; i < 5000; i += 1000) {
    const std::string id = "p-" + std::to_string(i * 7919);
    chunk.add_respondent(respondent(id, i % 3 ? "south" : "north", "g"), group, row);
    chunk.add_answers(id, row, 0, layout, {"g", 9, 1}, group);
    chunk.add_respondent(respondent(id + "x", "north", "g"), group, row);  // new: a longer id
  }
  const std::vector<Diagnostic> conflicts = total.absorb(std::move(chunk), layout, group);
  BOOST_TEST(conflicts.size() == 5u);
  BOOST_TEST(total.size() == 5005u);
  const auto counts = total.role_counts();
  BOOST_REQUIRE_EQUAL(counts.size(), 2u);
  BOOST_TEST(counts[0].second == 1667u + 5u);  // north: every third, and the five new ones
}

BOOST_AUTO_TEST_SUITE_END()
