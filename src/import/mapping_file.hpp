#pragma once
// Internal: the import mapping file (docs/import.md), which says what the column matching cannot guess.

#include <optional>
#include <string>
#include <vector>

#include "partnerpulse/catalog.hpp"
#include "partnerpulse/diagnostics.hpp"

namespace partnerpulse {

// The respondent details an export fills in, in the order of their keys in [respondent].
enum class RespondentField { partnership, role, period, organisation, id };
inline constexpr std::size_t respondent_field_count = 5;
// "partnership", "role", "period", "organisation", "id".
const char* respondent_field_name(RespondentField field);

// Where one respondent detail comes from: a column (by its header), or a fixed value for every row.
struct MappedField {
  RespondentField field = RespondentField::partnership;
  bool fixed = false;  // `text` is the value itself, else the header of the column that holds it
  std::string text;
  SourceLocation where;
};

// A column mapped to an item, or to the comment on an item ("questionnaire.item_comment").
struct MappedColumn {
  std::string header;
  std::string questionnaire;
  std::string item;
  bool comment = false;
  SourceLocation where;
};

// An answer text mapped to a scale point, or to "na" (value empty).
struct MappedAnswer {
  std::string text;
  std::optional<int> value;
  SourceLocation where;
};

struct ImportMapping {
  std::string path;
  std::vector<std::string> questionnaires;  // [import] questionnaires: the only ones matched; empty for all
  std::vector<MappedField> respondent;
  std::vector<MappedColumn> columns;
  std::vector<MappedAnswer> answers;
};

// Reads and checks a mapping file against `catalog` (questionnaire and item ids exist). Throws IoError, or
// InputError listing every problem with its position.
ImportMapping load_mapping(const std::string& path, const Catalog& catalog);

// Parses mapping text; as load_mapping.
ImportMapping parse_mapping(std::string_view text, const std::string& path, const Catalog& catalog);

}  // namespace partnerpulse
