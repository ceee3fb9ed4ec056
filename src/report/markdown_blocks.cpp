#include "report/markdown_blocks.hpp"

#include <fmt/format.h>

#include "partnerpulse/interface_text.hpp"
#include "report/markdown_escape.hpp"

namespace partnerpulse {

// Input text as one plain line that is never empty: `fallback` when nothing printable is left, else "(untitled)".
// Compose such lines first and escape the composed text as a whole (markdown_inline, markdown_table_cell), so
// that empty or odd input can never leave a double or a trailing space.
std::string plain(std::string_view raw, std::string_view fallback) {
  std::string line = single_line(raw);
  if (line.empty()) line = single_line(fallback);
  if (line.empty()) line = "(untitled)";
  return line;
}

void Document::add(std::string block) {
  if (!block.empty()) blocks_.push_back(std::move(block));
}

std::string Document::str() const {
  std::string out;
  for (std::size_t i = 0; i < blocks_.size(); ++i) {
    if (i > 0) out += "\n\n";
    out += blocks_[i];
  }
  out += '\n';
  return out;
}

std::string HeadingSet::unique(const std::string& text) {
  std::string candidate = text;
  for (int k = 2; used_.count(candidate) > 0; ++k) candidate = fmt::format("{} ({})", text, k);
  used_.insert(candidate);
  return candidate;
}

// A GFM table in markdownlint's "compact" style: one space either side of each cell, `| |` for an empty cell.
// Cells must already be escaped; every row gets exactly as many cells as there are columns.
std::string table(const std::vector<Column>& columns, const std::vector<std::vector<std::string>>& rows) {
  const auto line = [&](const auto& cell_at) {
    std::string out = "|";
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const std::string cell = cell_at(c);
      out += cell.empty() ? " |" : " " + cell + " |";
    }
    return out;
  };
  std::string out = line([&](std::size_t c) { return columns[c].header; });
  out += '\n';
  out += line([&](std::size_t c) { return std::string(columns[c].numeric ? "---:" : "---"); });
  for (const auto& row : rows) {
    out += '\n';
    out += line([&](std::size_t c) { return c < row.size() ? row[c] : std::string(); });
  }
  return out;
}

std::string bullet_list(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += '\n';
    out += "- " + item;
  }
  return out;
}


std::string made_with(std::string_view tool_version, std::string_view language) {
  const std::string version = single_line(tool_version);
  return version.empty() ? std::string(translate(language, "Made with partnerpulse"))
                         : markdown_inline(fill(translate(language, "Made with partnerpulse {}"), version));
}

}  // namespace partnerpulse
