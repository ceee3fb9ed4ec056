#pragma once
// "Did you mean ...?": the known name that an unknown one is most likely a typo of. Every message that suggests a
// name (unknown keys, ids, questionnaires, commands) asks this one place.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace partnerpulse {

// Names longer than this many characters (code points) get no suggestion and are never suggested, so that a
// look-up takes bounded time however long an unknown key in an input file is.
inline constexpr std::size_t max_suggestion_length = 64;

// How many edits a typo of a name of `length` characters may hold: a third of the name, at least one, and never
// the whole name (so none for a name of one character).
std::size_t max_typo_distance(std::size_t length);

// The known names, prepared once for any number of look-ups.
class NameSuggester {
public:
  // `names` in order of preference: of equally close names, the first is suggested.
  explicit NameSuggester(const std::vector<std::string>& names);

  // The known name closest to `word` in optimal string alignment distance (insertions, deletions, substitutions
  // and swaps of two neighbours, counted in code points), when it is at most max_typo_distance(length of `word`)
  // away. Never `word` itself; nothing when `word` is longer than max_suggestion_length. Compares only names of
  // a similar length whose characters could be that close, with a bit-parallel distance (a few word operations
  // per character) abandoned as soon as it cannot come within reach: a look-up is linear in the number of names,
  // about 1 ms among 10,000 names of 64 characters.
  std::optional<std::string> closest(std::string_view word) const;

private:
  struct Name {
    std::string text;
    std::u32string characters;
    std::uint64_t character_set = 0;  // one bit per character, hashed to 64 buckets
  };
  std::vector<Name> names_;
};

// `name` as quoted in a message: whole when it has at most max_suggestion_length characters (code points), else
// its first max_suggestion_length characters, then "…" and its length, so that one unknown key of millions of
// characters cannot flood the output.
std::string name_for_message(std::string_view name);

// NameSuggester(names).closest(word), for a single look-up.
std::optional<std::string> closest_name(std::string_view word, const std::vector<std::string>& names);

}  // namespace partnerpulse
