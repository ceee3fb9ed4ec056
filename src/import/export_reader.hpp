#pragma once
// Internal: reading a survey export block by block, and turning its rows into responses.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "import/column_matching.hpp"
#include "import/csv_reader.hpp"
#include "import/pseudonym.hpp"
#include "partnerpulse/response.hpp"

namespace partnerpulse {

// Whole records of an export, with the line and row (record) number of the first one (the header is row 1).
struct ExportBlock {
  std::string text;
  std::uint32_t first_line = 1;
  std::size_t first_row = 1;
};

// An export opened for reading: its header read (a byte-order mark skipped, the separator detected), and the row
// after it skipped when it is an HXL row or the template's row of allowed answers (its first cell starts with '#',
// or every non-empty cell does). Then yields the rest in blocks of whole records, so that memory does not grow
// with the size of the export.
class ExportStream {
public:
  // Throws IoError when the file cannot be opened, InputError when the header cannot be read.
  explicit ExportStream(const std::string& path);
  ~ExportStream();
  ExportStream(const ExportStream&) = delete;
  ExportStream& operator=(const ExportStream&) = delete;

  const std::string& path() const noexcept { return path_; }
  char separator() const noexcept { return separator_; }
  const std::vector<std::string>& header() const noexcept { return header_; }
  const std::vector<SourceLocation>& header_at() const noexcept { return header_at_; }
  // The next block of whole records (about `block_bytes` or one record, whichever is larger); false at the end.
  // Throws IoError on a read error, InputError for a record longer than max_input_bytes.
  bool next_block(ExportBlock& block, std::size_t block_bytes = 1024 * 1024);

private:
  bool fill(std::size_t bytes);
  ExportBlock take(const CsvBlockCut& cut);
  ExportBlock first_record();
  void read_header();

  std::string path_;
  std::FILE* file_ = nullptr;
  std::string pending_;
  bool at_end_ = false;
  char separator_ = ',';
  std::uint32_t next_line_ = 1;
  std::size_t next_row_ = 1;
  std::vector<std::string> header_;
  std::vector<SourceLocation> header_at_;
};

// The columns of an export matched, and how to read its answers: shared, read-only, by every thread.
struct ExportLayout {
  ExportLayout(std::string export_path, char csv_separator, ColumnPlan column_plan, const ImportMapping* mapping);
  std::string path;
  char separator;
  ColumnPlan plan;
  // An answer column: where it is, its item's id, and the answers of the item's scale (null for an open question).
  // Rows read only these, never the catalog's items.
  struct AnswerColumn {
    std::size_t column = 0;
    std::string_view item_id;
    const ScaleAnswers* scale = nullptr;
  };
  std::map<const Scale*, ScaleAnswers> scales;
  // Per questionnaire of plan.questionnaires, its answer and comment columns, by item id.
  std::vector<std::vector<AnswerColumn>> answer_columns;
  std::vector<std::vector<std::size_t>> comment_columns;
};

// Opens an export and matches its columns; throws InputError listing every problem of its header and mapping.
std::shared_ptr<const ExportLayout> read_layout(ExportStream& stream, const Catalog& catalog,
                                                const ImportMapping* mapping);

enum class RowOutcome { response, blank, invalid };

// Reads one record of a block into `response`, reusing its storage (pass the same response for every row): blank
// (every cell empty), invalid (problems reported into `problems`), or a response whose path is the export's and
// whose location is the row's line. `row` is the record number (header = 1), the respondent's id when the export
// has no id column.
RowOutcome read_row(const ExportLayout& layout, const CsvParser& parser, const CsvRecord& record, std::size_t row,
                    Pseudonymizer& pseudonymizer, Response& response, DiagnosticList& problems);

// What to do with each row of a block: its outcome, the response read (for RowOutcome::response) and its line.
using RowHandler = std::function<void(RowOutcome, Response&, std::uint32_t line)>;

// Reads every record of `block` (read_row, after checking that it is UTF-8 and well quoted) and hands each to
// `on_row`; a row with a quoting or encoding problem is invalid.
void read_block(const ExportLayout& layout, const ExportBlock& block, Pseudonymizer& pseudonymizer,
                DiagnosticList& problems, const RowHandler& on_row);

// The location of the first byte of `record` that is not UTF-8, or nothing when the record is valid UTF-8.
std::optional<SourceLocation> first_invalid_utf8(const CsvParser& parser, std::string_view block_text,
                                                 const CsvRecord& record);

}  // namespace partnerpulse
