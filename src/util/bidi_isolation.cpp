#include "util/bidi_isolation.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>
#include <vector>

#include <utf8proc.h>

#include "util/text_encoding.hpp"
#include "util/text_filters.hpp"

namespace partnerpulse {

namespace {

// What one piece of a line is, for finding runs.
enum class UnitKind { right_to_left, left_to_right, space, escape, neutral };

struct Unit {
  std::size_t begin = 0;
  std::size_t end = 0;
  UnitKind kind = UnitKind::neutral;
  char32_t code_point = 0;  // 0 for escape sequences and invalid bytes
};

UnitKind kind_of(char32_t c) {
  if (c == ' ' || c == '\t') return UnitKind::space;
  if (c == invalid_code_point) return UnitKind::neutral;
  switch (utf8proc_get_property(static_cast<utf8proc_int32_t>(c))->bidi_class) {
    case UTF8PROC_BIDI_CLASS_R:
    case UTF8PROC_BIDI_CLASS_AL:
      return UnitKind::right_to_left;
    case UTF8PROC_BIDI_CLASS_L:
    case UTF8PROC_BIDI_CLASS_EN:
      return UnitKind::left_to_right;
    case UTF8PROC_BIDI_CLASS_WS:
      return UnitKind::space;
    default:
      return UnitKind::neutral;
  }
}

// The end of the ANSI escape sequence that starts at line[at] (an ESC).
std::size_t escape_end(std::string_view line, std::size_t at) {
  std::size_t i = at + 1;
  if (i >= line.size()) return i;
  if (line[i] != '[') return i + 1;  // ESC and one character
  for (++i; i < line.size(); ++i) {
    const auto byte = static_cast<unsigned char>(line[i]);
    if (byte >= 0x40 && byte <= 0x7E) return i + 1;  // the final byte
  }
  return i;
}

std::vector<Unit> units_of(std::string_view line) {
  std::vector<Unit> units;
  for (std::size_t i = 0; i < line.size();) {
    const std::size_t begin = i;
    if (line[i] == '\x1b') {
      i = escape_end(line, i);
      units.push_back({begin, i, UnitKind::escape, 0});
      continue;
    }
    const char32_t c = decode_utf8(line, i);
    units.push_back({begin, i, kind_of(c), c == invalid_code_point ? 0 : c});
  }
  return units;
}

constexpr std::array<std::pair<char32_t, char32_t>, 3> bracket_pairs = {{{'(', ')'}, {'[', ']'}, {'{', '}'}}};

bool is_sentence_punctuation(char32_t c) {
  constexpr std::array<char32_t, 10> marks = {'.', ',', ':', ';', '!', '?', 0x060C, 0x061B, 0x061F, 0x06D4};
  return std::find(marks.begin(), marks.end(), c) != marks.end();
}

// How many units in [first, last] are `c`.
std::size_t count_of(const std::vector<Unit>& units, std::size_t first, std::size_t last, char32_t c) {
  return static_cast<std::size_t>(std::count_if(units.begin() + static_cast<std::ptrdiff_t>(first),
                                                units.begin() + static_cast<std::ptrdiff_t>(last) + 1,
                                                [c](const Unit& u) { return u.code_point == c; }));
}

// True when the unit at `at` is a bracket without its partner inside [first, last].
bool is_unpaired_bracket(const std::vector<Unit>& units, std::size_t first, std::size_t last, std::size_t at) {
  for (const auto& [open, close] : bracket_pairs) {
    const char32_t c = units[at].code_point;
    if (c != open && c != close) continue;
    const std::size_t opens = count_of(units, first, last, open), closes = count_of(units, first, last, close);
    return c == open ? opens > closes : closes > opens;
  }
  return false;
}

// Narrows the run [first, last] (which holds a left-to-right unit) to what needs isolating.
void trim_run(const std::vector<Unit>& units, std::size_t& first, std::size_t& last) {
  bool changed = true;
  while (changed) {
    changed = false;
    const Unit& head = units[first];
    if (head.kind == UnitKind::escape || head.kind == UnitKind::space ||
        (head.kind == UnitKind::neutral && is_unpaired_bracket(units, first, last, first))) {
      ++first;
      changed = true;
    }
    const Unit& tail = units[last];
    if (tail.kind == UnitKind::escape || tail.kind == UnitKind::space ||
        (tail.kind == UnitKind::neutral &&
         (is_sentence_punctuation(tail.code_point) || is_unpaired_bracket(units, first, last, last)))) {
      --last;
      changed = true;
    }
  }
}

bool is_opening_bracket(char32_t c) {
  return std::any_of(bracket_pairs.begin(), bracket_pairs.end(), [c](const auto& pair) { return pair.first == c; });
}

// True when the run must end before the space at units[at]: after sentence punctuation, or before an opening bracket
// whose partner does not come before the next right-to-left letter.
bool ends_run(const std::vector<Unit>& units, std::size_t at) {
  if (at > 0 && is_sentence_punctuation(units[at - 1].code_point)) return true;
  std::size_t next = at;
  while (next < units.size() && units[next].kind == UnitKind::space) ++next;
  if (next == units.size() || !is_opening_bracket(units[next].code_point)) return false;
  const char32_t open = units[next].code_point;
  const auto pair = std::find_if(bracket_pairs.begin(), bracket_pairs.end(), [open](const auto& p) { return p.first == open; });
  for (std::size_t k = next + 1; k < units.size() && units[k].kind != UnitKind::right_to_left; ++k) {
    if (units[k].code_point == pair->second) return false;
  }
  return true;
}

bool is_attached(const Unit& unit) { return unit.kind == UnitKind::neutral || unit.kind == UnitKind::escape; }

std::string isolate_line(std::string_view line) {
  const std::vector<Unit> units = units_of(line);
  if (std::none_of(units.begin(), units.end(), [](const Unit& u) { return u.kind == UnitKind::right_to_left; })) {
    return std::string(line);
  }
  std::string out;
  std::size_t copied = 0;  // bytes of `line` already in `out`
  std::size_t done = 0;    // units before this one belong to runs already isolated (or to none)
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (units[i].kind != UnitKind::left_to_right) continue;
    std::size_t first = i, last = i;
    while (first > done && is_attached(units[first - 1])) --first;  // "--", "'", "(" written against the run
    for (std::size_t k = i + 1; k < units.size() && units[k].kind != UnitKind::right_to_left; ++k) {
      if (units[k].kind == UnitKind::space && ends_run(units, k)) break;
      if (units[k].kind == UnitKind::left_to_right) last = k;
    }
    while (last + 1 < units.size() && is_attached(units[last + 1])) ++last;
    trim_run(units, first, last);
    out.append(line.substr(copied, units[first].begin - copied));
    out.append(first_strong_isolate);
    out.append(line.substr(units[first].begin, units[last].end - units[first].begin));
    out.append(pop_directional_isolate);
    copied = units[last].end;
    done = last + 1;
    i = last;
  }
  out.append(line.substr(copied));
  return out;
}

}  // namespace

bool is_right_to_left_language(std::string_view language) {
  std::string code;
  for (const char c : language.substr(0, language.find_first_of("-_.@"))) {
    code += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  constexpr std::array<std::string_view, 11> codes = {"ar", "fa", "he", "iw", "ur", "ps", "sd", "ckb", "ug", "yi",
                                                      "dv"};
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

std::string isolate_left_to_right_runs(std::string_view text) { return transform_lines(text, isolate_line); }

}  // namespace partnerpulse
