#include "util/natural_order.hpp"

#include <algorithm>
#include <cstddef>

namespace partnerpulse {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The length of the run of digits (or of non-digits) that starts at text[from].
std::size_t run_length(std::string_view text, std::size_t from) {
  const bool digits = is_digit(text[from]);
  std::size_t end = from;
  while (end < text.size() && is_digit(text[end]) == digits) ++end;
  return end - from;
}

// Two runs of digits by value: without leading zeros, the shorter is smaller, else the first differing digit.
int compare_numbers(std::string_view a, std::string_view b) {
  while (a.size() > 1 && a.front() == '0') a.remove_prefix(1);
  while (b.size() > 1 && b.front() == '0') b.remove_prefix(1);
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  return a.compare(b);
}

}  // namespace

int natural_compare(std::string_view a, std::string_view b) {
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    const std::string_view run_a = a.substr(i, run_length(a, i));
    const std::string_view run_b = b.substr(j, run_length(b, j));
    int order = 0;
    if (is_digit(run_a.front()) && is_digit(run_b.front())) {
      order = compare_numbers(run_a, run_b);
    } else {
      order = run_a.compare(run_b);  // within a non-digit run, or a digit run against a non-digit one: bytes
      if (order != 0) {
        // Only the first differing byte decides, not the run lengths: "a-" against "a-2" compares '-' runs first.
        const std::size_t common = std::min(run_a.size(), run_b.size());
        const int prefix = run_a.substr(0, common).compare(run_b.substr(0, common));
        if (prefix != 0) return prefix < 0 ? -1 : 1;
        // One run is a prefix of the other: the text that follows decides below.
        i += common;
        j += common;
        continue;
      }
    }
    if (order != 0) return order < 0 ? -1 : 1;
    i += run_a.size();
    j += run_b.size();
  }
  if (i < a.size() || j < b.size()) return i < a.size() ? 1 : -1;
  const int bytes = a.compare(b);
  return bytes < 0 ? -1 : bytes > 0 ? 1 : 0;
}

}  // namespace partnerpulse
