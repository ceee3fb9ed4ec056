#include "util/name_suggestions.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "util/text_encoding.hpp"
#include "partnerpulse/interface_text.hpp"

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

// For each character of a word of at most 64 characters, the bit mask of where it stands in the word.
class PositionMasks {
public:
  explicit PositionMasks(std::u32string_view word) {
    for (std::size_t i = 0; i < word.size(); ++i) {
      const char32_t c = word[i];
      const std::uint64_t bit = std::uint64_t{1} << i;
      if (c < 128) {
        ascii_[c] |= bit;
        continue;
      }
      const auto found = std::find_if(other_.begin(), other_.end(), [&](const auto& entry) { return entry.first == c; });
      if (found == other_.end()) {
        other_.emplace_back(c, bit);
      } else {
        found->second |= bit;
      }
    }
  }
  std::uint64_t of(char32_t c) const {
    if (c < 128) return ascii_[c];
    for (const auto& [character, mask] : other_) {
      if (character == c) return mask;
    }
    return 0;
  }

private:
  std::array<std::uint64_t, 128> ascii_{};
  std::vector<std::pair<char32_t, std::uint64_t>> other_;  // at most 64 entries
};

// The optimal string alignment distance between `a` (whose masks are `masks`) and `b` when it is at most `limit`,
// else limit + 1. Both hold at most max_suggestion_length (64) characters, so one 64-bit word holds a whole column:
// Hyyrö's bit-parallel algorithm (2003) computes each of b's characters in a few word operations, and stops as soon
// as the distance can no longer come down to `limit` (it falls by at most one per character left).
std::size_t bounded_alignment_distance(std::u32string_view a, const PositionMasks& masks, std::u32string_view b,
                                       std::size_t limit) {
  static_assert(max_suggestion_length <= 64);
  const std::size_t n = a.size(), m = b.size(), too_far = limit + 1;
  if ((n > m ? n - m : m - n) > limit) return too_far;
  if (n == 0 || m == 0) return std::min(std::max(n, m), too_far);
  const std::uint64_t last = std::uint64_t{1} << (n - 1);
  std::uint64_t vp = ~std::uint64_t{0}, vn = 0, d0 = 0, previous_pm = 0;
  std::size_t distance = n;
  for (std::size_t j = 0; j < m; ++j) {
    const std::uint64_t pm = masks.of(b[j]);
    const std::uint64_t transposition = ((~d0 & pm) << 1) & previous_pm;
    d0 = (((pm & vp) + vp) ^ vp) | pm | vn | transposition;
    std::uint64_t hp = vn | ~(d0 | vp);
    std::uint64_t hn = d0 & vp;
    if (hp & last) ++distance;
    if (hn & last) --distance;
    if (distance > limit + (m - 1 - j)) return too_far;
    hp = (hp << 1) | 1;
    hn = hn << 1;
    vp = hn | ~(d0 | hp);
    vn = hp & d0;
    previous_pm = pm;
  }
  return std::min(distance, too_far);
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
  const PositionMasks masks(*characters);
  // Names are compared in order and only a strictly closer one replaces the best so far, so the limit shrinks
  // below each find, and a name one edit away ends the search (none can be closer but `word` itself).
  std::size_t limit = max_typo_distance(characters->size());
  const Name* best = nullptr;
  for (const Name& name : names_) {
    if (limit == 0) break;
    const std::size_t length = name.characters.size();
    if ((length > characters->size() ? length - characters->size() : characters->size() - length) > limit) continue;
    if (character_set_distance(set, name.character_set) > limit || name.text == word) continue;
    const std::size_t distance = bounded_alignment_distance(*characters, masks, name.characters, limit);
    if (distance > 0 && distance <= limit) {  // 0: other invalid bytes, read alike; no typo
      best = &name;
      limit = distance - 1;
    }
  }
  if (!best) return std::nullopt;
  return best->text;
}

std::string name_for_message(std::string_view name) {
  std::size_t end = 0, characters = 0;
  while (end < name.size() && characters < max_suggestion_length) {
    decode_utf8(name, end);
    ++characters;
  }
  if (end == name.size()) return std::string(name);
  return fmt::format(fmt::runtime(tr("{}… ({} bytes)")), name.substr(0, end), name.size());
}

std::optional<std::string> closest_name(std::string_view word, const std::vector<std::string>& names) {
  return NameSuggester(names).closest(word);
}

}  // namespace partnerpulse
