#include "util/name_suggestions.hpp"

#include <algorithm>
#include <array>
#include <bit>

#include "util/text_encoding.hpp"

namespace partnerpulse {

namespace {

// The code points of `text`, or nothing when there are more than max_suggestion_length of them.
std::optional<std::u32string> characters_of(std::string_view text) {
  if (text.size() > 4 * max_suggestion_length) return std::nullopt;  // a code point takes at most 4 bytes
  std::u32string characters;
  for (std::size_t i = 0; i < text.size();) {
    if (characters.size() == max_suggestion_length) return std::nullopt;
    characters.push_back(decode_utf8(text, i));
  }
  return characters;
}

// One bit for each character of `characters`, hashed to 64 buckets.
std::uint64_t character_set_of(std::u32string_view characters) {
  std::uint64_t set = 0;
  for (const char32_t c : characters) set |= std::uint64_t{1} << ((static_cast<std::uint32_t>(c) * 0x9E3779B1u) >> 26);
  return set;
}

// A lower bound of the edit distance between two texts with these character sets: each character of one whose
// bucket the other lacks must be deleted or substituted, one edit each.
std::size_t character_set_distance(std::uint64_t a, std::uint64_t b) {
  return static_cast<std::size_t>(std::max(std::popcount(a & ~b), std::popcount(b & ~a)));
}

// The optimal string alignment distance between `a` and `b` when it is at most `limit`, else limit + 1. Both hold
// at most max_suggestion_length characters. Only cells within `limit` of the diagonal are computed (the others are
// further apart), and the first row whose cells all exceed `limit` ends the computation (rows never decrease).
std::size_t bounded_alignment_distance(std::u32string_view a, std::u32string_view b, std::size_t limit) {
  const std::size_t n = a.size(), m = b.size(), too_far = limit + 1;
  if ((n > m ? n - m : m - n) > limit) return too_far;
  if (n == 0 || m == 0) return std::max(n, m);
  constexpr std::size_t outside = 2 * max_suggestion_length;  // a cell outside the band: beyond any limit
  // Three rows, of which only the cells in the band and either side of it are written, then read.
  std::array<std::size_t, max_suggestion_length + 2> rows[3];
  std::size_t *before = rows[0].data(), *previous = rows[1].data(), *current = rows[2].data();
  for (std::size_t j = 0; j <= m; ++j) previous[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    const std::size_t low = i > limit ? i - limit : 1, high = std::min(m, i + limit);
    current[low - 1] = low == 1 ? i : outside;
    std::size_t row_minimum = current[low - 1];
    for (std::size_t j = low; j <= high; ++j) {
      const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      std::size_t cell = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cell = std::min(cell, before[j - 2] + 1);
      current[j] = cell;
      row_minimum = std::min(row_minimum, cell);
    }
    if (high < m) current[high + 1] = outside;
    if (row_minimum > limit) return too_far;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return std::min(previous[m], too_far);
}

}  // namespace

std::size_t max_typo_distance(std::size_t length) {
  if (length < 2) return 0;
  return std::min(std::max<std::size_t>(1, length / 3), length - 1);
}

NameSuggester::NameSuggester(const std::vector<std::string>& names) {
  names_.reserve(names.size());
  for (const auto& name : names) {
    auto characters = characters_of(name);
    if (!characters) continue;
    const std::uint64_t set = character_set_of(*characters);
    names_.push_back({name, std::move(*characters), set});
  }
}

std::optional<std::string> NameSuggester::closest(std::string_view word) const {
  const auto characters = characters_of(word);
  if (!characters) return std::nullopt;
  const std::uint64_t set = character_set_of(*characters);
  // Names are compared in order and only a strictly closer one replaces the best so far, so the limit shrinks
  // below each find, and a name one edit away ends the search (none can be closer but `word` itself).
  std::size_t limit = max_typo_distance(characters->size());
  const Name* best = nullptr;
  for (const Name& name : names_) {
    if (limit == 0) break;
    const std::size_t length = name.characters.size();
    if ((length > characters->size() ? length - characters->size() : characters->size() - length) > limit) continue;
    if (character_set_distance(set, name.character_set) > limit || name.text == word) continue;
    const std::size_t distance = bounded_alignment_distance(*characters, name.characters, limit);
    if (distance > 0 && distance <= limit) {  // 0: other invalid bytes, read alike; no typo
      best = &name;
      limit = distance - 1;
    }
  }
  if (!best) return std::nullopt;
  return best->text;
}

std::optional<std::string> closest_name(std::string_view word, const std::vector<std::string>& names) {
  return NameSuggester(names).closest(word);
}

}  // namespace partnerpulse
