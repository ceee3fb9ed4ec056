#pragma once
// Internal: reading CSV text (RFC 4180) record by record, with the line and column of every field, and cutting a
// stream of CSV bytes into blocks of whole records.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "partnerpulse/diagnostics.hpp"

namespace partnerpulse {

// The separator of a CSV file, told from its header line: the most frequent of ',', ';', tab and '|' outside
// quotes (',' when none occurs, or on a tie: ',' then ';' then tab then '|').
char detect_separator(std::string_view header_line);

// Where a field starts: its line (1-based, counted in the whole file) and byte offsets into the text parsed.
struct CsvFieldPosition {
  std::uint32_t line = 0;
  std::size_t line_start = 0;  // offset of the first byte of that line
  std::size_t offset = 0;      // offset of the field's first byte (its opening quote when quoted)
};

// One record: its fields' text and positions. Text is valid until the next call of CsvParser::next.
class CsvRecord {
public:
  std::size_t size() const noexcept { return spans_.size(); }
  std::string_view text(std::size_t field) const {
    const Span& span = spans_[field];
    return span.unescaped ? std::string_view(scratch_).substr(span.begin, span.size)
                          : source_.substr(span.begin, span.size);
  }
  const CsvFieldPosition& position(std::size_t field) const { return positions_[field]; }
  std::uint32_t line() const noexcept { return line_; }  // the line the record starts on
  std::size_t offset() const noexcept { return offset_; }  // its first byte
  std::size_t end() const noexcept { return end_; }       // one past its last byte (its line break included)
  // True for a record that is one empty field: a blank line.
  bool blank() const noexcept { return spans_.size() == 1 && spans_[0].size == 0; }

private:
  friend class CsvParser;
  struct Span {
    std::size_t begin = 0;
    std::size_t size = 0;
    bool unescaped = false;  // in scratch_ (a quoted field), else in the parsed text
  };
  std::string_view source_;
  std::string scratch_;
  std::vector<Span> spans_;
  std::vector<CsvFieldPosition> positions_;
  std::uint32_t line_ = 0;
  std::size_t offset_ = 0;
  std::size_t end_ = 0;
};

// Reads records from CSV text that holds whole records. Fields are separated by `separator`; records end at LF or
// CRLF outside quotes (or at the end of the text); a field that starts with '"' is quoted, and holds separators,
// line breaks and doubled quotes ("" for one quote).
class CsvParser {
public:
  // `first_line` is the line number of the text's first line in the file; `path` names the file in messages.
  CsvParser(std::string_view text, char separator, std::uint32_t first_line, std::string path);
  // Reads the next record into `record`; false at the end of the text. Problems (text after a closing quote, a
  // quote inside an unquoted field, a quoted field not closed) are reported into `problems`; the record is still
  // read, as well as it can be.
  bool next(CsvRecord& record, DiagnosticList& problems);
  // The 1-based column (in code points) of a byte offset on the line that starts at `line_start`.
  std::uint32_t column_of(std::size_t line_start, std::size_t offset) const;
  // The location of field `field` of `record`, for messages.
  SourceLocation location(const CsvRecord& record, std::size_t field) const;
  const std::string& path() const noexcept { return path_; }

private:
  void read_quoted(CsvRecord& record, DiagnosticList& problems);
  void read_unquoted(CsvRecord& record, DiagnosticList& problems);
  bool at_record_end() const;
  void skip_line_break();

  std::string_view text_;
  char separator_;
  std::string path_;
  std::size_t pos_ = 0;
  std::uint32_t line_;
  std::size_t line_start_ = 0;
};

// How a block of CSV bytes ends: the length of its whole records, and how many records and line breaks they hold.
struct CsvBlockCut {
  std::size_t length = 0;
  std::size_t records = 0;
  std::size_t line_breaks = 0;
};

// The longest prefix of `text` made of whole records, each ending with a line break outside quotes, read with the
// same rules as CsvParser; with `at_end` (no more bytes follow), the whole text.
CsvBlockCut cut_whole_records(std::string_view text, char separator, bool at_end);

}  // namespace partnerpulse
