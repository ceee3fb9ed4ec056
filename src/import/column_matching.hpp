#pragma once
// Internal: which export column gives which respondent detail or item (the naming rule of issue 11, the mapping
// file, then item texts), and which scale point an answer text stands for.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "import/mapping_file.hpp"
#include "partnerpulse/catalog.hpp"
#include "partnerpulse/diagnostics.hpp"

namespace partnerpulse {

// `text` without the spaces and tabs at either end: how every cell and header of an export is read.
inline std::string_view trim_blanks(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// `text` case-folded (utf8proc), with every run of characters that are not letters, digits or marks turned into
// one space, and no space at either end: "Our partner listens, to us!" -> "our partner listens to us".
std::string normalize_for_matching(std::string_view text);

enum class ColumnRole { left_out, respondent, answer, comment };

// What one column gives, and by which rule it was matched (for --dry-run).
struct ColumnUse {
  ColumnRole role = ColumnRole::left_out;
  RespondentField field = RespondentField::partnership;  // role respondent
  const Questionnaire* questionnaire = nullptr;          // roles answer and comment
  const Item* item = nullptr;
  std::string rule;  // "mapping file", "exact name", "item text (fr)", ...
};

// Where one respondent detail comes from: a column, a fixed value, or nowhere.
struct FieldSource {
  std::optional<std::size_t> column;
  std::optional<std::string> value;
  bool given() const noexcept { return column || value; }
};

// The columns of one export, matched.
struct ColumnPlan {
  std::vector<std::string> header;
  std::vector<ColumnUse> columns;                                   // one per header cell
  std::array<FieldSource, respondent_field_count> fields;           // indexed by RespondentField
  std::vector<const Questionnaire*> questionnaires;                 // those with a column, in catalog order
  const FieldSource& field(RespondentField which) const { return fields[static_cast<std::size_t>(which)]; }
};

// Matches every header cell (`header_at` holds their positions) against the mapping (may be null), then the
// naming rule, then the item texts in any language. Reports ambiguous matches, mapping entries naming no column,
// two columns for one item or detail, and missing respondent details into `problems`.
ColumnPlan match_columns(const std::vector<std::string>& header, const std::vector<SourceLocation>& header_at,
                         const Catalog& catalog, const ImportMapping* mapping, DiagnosticList& problems);

// The column plan as text for --dry-run: "COLUMN -> questionnaire.item (rule)" lines, then the columns left out.
std::string describe_plan(const ColumnPlan& plan);

// Turns answer texts into points of one scale: the mapping's [answers] (exact text), a whole number on the scale,
// "na" where the scale allows it, a label in any language; then the mapping's answers, "Not applicable" and
// "Don't know" (where the scale allows "na") and the labels after normalize_for_matching. A label shared by two
// points is ambiguous and matches nothing.
class ScaleAnswers {
public:
  ScaleAnswers(const Scale& scale, const std::vector<MappedAnswer>& mapped);
  enum class Outcome { value, not_applicable, dont_know, no_match, off_scale };
  struct Match {
    Outcome outcome = Outcome::no_match;
    int value = 0;
  };
  Match match(std::string_view answer) const;
  // What the scale accepts, for messages: "1-5, na, dk, or a label of scale 'agree5'".
  std::string accepted() const;

private:
  Match classify(std::optional<int> value) const;

  const Scale* scale_;
  std::unordered_map<std::string, std::optional<int>> mapped_exact_;  // na as nullopt
  std::unordered_map<std::string, std::optional<int>> mapped_normalized_;
  std::unordered_map<std::string, std::optional<int>> labels_exact_;  // nothing: ambiguous
  std::unordered_map<std::string, std::optional<int>> labels_normalized_;
};

}  // namespace partnerpulse
