#include "terminal/screen_layout.hpp"

#include <algorithm>
#include <tuple>

#include "terminal/display_width.hpp"

namespace partnerpulse {

std::vector<std::string> wrap_items(const std::vector<std::string>& items, std::string_view separator,
                                    std::size_t width, std::string_view indent) {
  const std::size_t indent_width = display_width(indent);
  const std::size_t room = width > indent_width ? width - indent_width : 1;
  const std::size_t separator_width = display_width(separator);
  std::vector<std::string> lines;
  std::string current;
  std::size_t used = 0;
  const auto flush = [&] {
    if (!current.empty()) lines.push_back(std::string(indent) + current);
    current.clear();
    used = 0;
  };
  for (const auto& item : items) {
    const std::size_t item_width = display_width(item);
    if (item_width > room) {
      flush();
      for (const auto& piece : wrap_text(item, room)) lines.push_back(std::string(indent) + piece);
      continue;
    }
    if (!current.empty() && used + separator_width + item_width > room) flush();
    if (!current.empty()) {
      current += separator;
      used += separator_width;
    }
    current += item;
    used += item_width;
  }
  flush();
  return lines;
}

std::vector<std::string> wrap_definition(std::string_view term, std::size_t term_width, std::string_view definition,
                                         std::size_t width, std::size_t indent) {
  constexpr std::size_t min_room = 12;
  const std::string head = std::string(indent, ' ') + pad_to_width(term, term_width);
  const std::size_t start = display_width(head) + 2;
  std::vector<std::string> lines;
  if (width >= start + min_room) {
    const auto wrapped = wrap_text(definition, width - start);
    for (std::size_t i = 0; i < wrapped.size(); ++i) {
      lines.push_back((i == 0 ? head + "  " : std::string(start, ' ')) + wrapped[i]);
    }
    if (wrapped.empty()) lines.push_back(head);
    return lines;
  }
  lines.push_back(head);
  const std::size_t hang = indent + 2;
  for (const auto& line : wrap_text(definition, width > hang ? width - hang : 1)) {
    lines.push_back(std::string(hang, ' ') + line);
  }
  return lines;
}

std::vector<std::string> fit_to_height(const std::vector<ScreenPart>& parts, std::size_t height) {
  std::vector<std::size_t> chosen(parts.size(), 0);
  const auto count = [&] {
    std::size_t lines = 0;
    for (std::size_t p = 0; p < parts.size(); ++p) {
      if (!parts[p].forms.empty()) lines += parts[p].forms[chosen[p]].lines.size();
    }
    return lines;
  };
  // Every way of giving room, in the order it is taken: (step, part, form).
  std::vector<std::tuple<int, std::size_t, std::size_t>> steps;
  for (std::size_t p = 0; p < parts.size(); ++p) {
    for (std::size_t f = 1; f < parts[p].forms.size(); ++f) steps.emplace_back(parts[p].forms[f].step, p, f);
  }
  std::stable_sort(steps.begin(), steps.end(),
                   [](const auto& a, const auto& b) { return std::get<0>(a) < std::get<0>(b); });
  for (const auto& [step, part, form] : steps) {
    if (height == 0 || count() <= height) break;
    chosen[part] = std::max(chosen[part], form);
  }
  std::vector<std::string> lines;
  for (std::size_t p = 0; p < parts.size(); ++p) {
    if (parts[p].forms.empty()) continue;
    const auto& form = parts[p].forms[chosen[p]].lines;
    lines.insert(lines.end(), form.begin(), form.end());
  }
  return lines;
}

std::vector<std::vector<std::string>> split_pages(const std::vector<std::string>& lines, std::size_t height) {
  std::vector<std::vector<std::string>> pages;
  if (lines.empty()) return pages;
  if (height == 0 || lines.size() <= height) return {lines};
  std::size_t at = 0;
  while (at < lines.size()) {
    if (at > 0 && lines[at].empty()) {  // a page never starts with a blank line
      ++at;
      continue;
    }
    const std::size_t end = std::min(lines.size(), at + height);
    pages.emplace_back(lines.begin() + static_cast<std::ptrdiff_t>(at), lines.begin() + static_cast<std::ptrdiff_t>(end));
    at = end;
  }
  return pages;
}

}  // namespace partnerpulse
