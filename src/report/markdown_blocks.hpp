#pragma once
// Internal to the Markdown renderers (the report, the comparison): blocks, tables and headings as markdownlint
// wants them. Cells and headings passed in must already be escaped (markdown_escape.hpp).

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace partnerpulse {

inline constexpr std::string_view missing = "—";  // a figure that is withheld or cannot be computed

// Input text as one plain line that is never empty: `fallback` when nothing printable is left, else "(untitled)".
// Compose such lines first and escape the composed text as a whole (markdown_inline, markdown_table_cell), so
// that empty or odd input can never leave a double or a trailing space.
std::string plain(std::string_view raw, std::string_view fallback = {});

// Blocks (paragraphs, lists, tables, headings) separated by one blank line; the text ends with one newline.
class Document {
public:
  // Adds a block; an empty one is left out.
  void add(std::string block);
  std::string str() const;

private:
  std::vector<std::string> blocks_;
};

// markdownlint MD024: no two headings in a document may have the same text. Each heading text is made unique
// by appending " (2)", " (3)", ... when it was used before.
class HeadingSet {
public:
  // `text`, or `text (2)`, `text (3)`, ... when it was used before.
  std::string unique(const std::string& text);

private:
  std::set<std::string> used_;
};

struct Column {
  std::string header;  // already escaped
  bool numeric = false;
};

// A column with a fixed (translated) header, which needs no escaping.
inline Column column(std::string_view header, bool numeric = false) { return {std::string(header), numeric}; }

// A GFM table in markdownlint's "compact" style: one space either side of each cell, `| |` for an empty cell.
// Cells must already be escaped; every row gets exactly as many cells as there are columns.
std::string table(const std::vector<Column>& columns, const std::vector<std::vector<std::string>>& rows);

// The last line of a method note: "Made with partnerpulse VERSION" (escaped) in `language`, without the version
// when empty.
std::string made_with(std::string_view tool_version, std::string_view language);

// "- item" lines.
std::string bullet_list(const std::vector<std::string>& items);

}  // namespace partnerpulse
