#include "import/csv_reader.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include <fmt/format.h>

#include "partnerpulse/interface_text.hpp"

namespace partnerpulse {

char detect_separator(std::string_view header_line) {
  constexpr std::array<char, 4> candidates = {',', ';', '\t', '|'};
  std::array<std::size_t, 4> counts{};
  bool quoted = false;
  for (const char c : header_line) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n') break;
    for (std::size_t i = 0; i < candidates.size(); ++i) counts[i] += c == candidates[i] ? 1u : 0u;
  }
  std::size_t best = 0;
  for (std::size_t i = 1; i < candidates.size(); ++i) {
    if (counts[i] > counts[best]) best = i;
  }
  return candidates[best];
}

CsvParser::CsvParser(std::string_view text, char separator, std::uint32_t first_line, std::string path)
    : text_(text), separator_(separator), path_(std::move(path)), line_(first_line) {}

std::uint32_t CsvParser::column_of(std::size_t line_start, std::size_t offset) const {
  std::uint32_t column = 1;
  for (std::size_t i = line_start; i < offset && i < text_.size(); ++i) {
    if ((static_cast<unsigned char>(text_[i]) & 0xC0u) != 0x80u) ++column;  // not a continuation byte
  }
  return column;
}

SourceLocation CsvParser::location(const CsvRecord& record, std::size_t field) const {
  const CsvFieldPosition& at = record.position(field);
  return {path_, at.line, column_of(at.line_start, at.offset)};
}

bool CsvParser::at_record_end() const {
  if (pos_ >= text_.size()) return true;
  const char c = text_[pos_];
  return c == '\n' || (c == '\r' && (pos_ + 1 == text_.size() || text_[pos_ + 1] == '\n'));
}

void CsvParser::skip_line_break() {
  if (pos_ < text_.size() && text_[pos_] == '\r') ++pos_;
  if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
  ++line_;
  line_start_ = pos_;
}

void CsvParser::read_unquoted(CsvRecord& record, DiagnosticList& problems) {
  const std::size_t begin = pos_;
  bool reported = false;
  for (; pos_ < text_.size(); ++pos_) {
    const char c = text_[pos_];
    if (c == separator_ || c == '\n' || (c == '\r' && at_record_end())) break;
    if (c == '"' && !reported && !problems.full()) {
      problems.error(
          {path_, line_, column_of(line_start_, pos_)},
          std::string(tr("a quote inside a field that does not start with one (quote the whole field and double the "
                         "quotes inside it)")));
      reported = true;
    }
  }
  record.spans_.push_back({begin, pos_ - begin, false});
}

void CsvParser::read_quoted(CsvRecord& record, DiagnosticList& problems) {
  const CsvFieldPosition opening = record.positions_.back();
  ++pos_;  // the opening quote
  const std::size_t begin = record.scratch_.size();
  for (;;) {
    if (pos_ >= text_.size()) {
      problems.error(
          {path_, opening.line, column_of(opening.line_start, opening.offset)},
          std::string(
              tr("a quoted field is not closed: its opening quote has no closing quote before the end of the file")));
      break;
    }
    const char c = text_[pos_++];
    if (c == '"') {
      if (pos_ < text_.size() && text_[pos_] == '"') {
        record.scratch_ += '"';
        ++pos_;
        continue;
      }
      break;
    }
    if (c == '\n') {
      ++line_;
      line_start_ = pos_;
    }
    record.scratch_ += c;
  }
  if (pos_ < text_.size() && text_[pos_] != separator_ && !at_record_end()) {
    if (!problems.full()) {
      problems.error(
          {path_, line_, column_of(line_start_, pos_)},
          std::string(tr("text after the closing quote of a field (double a quote that is part of the text)")));
    }
    while (pos_ < text_.size() && text_[pos_] != separator_ && !at_record_end()) record.scratch_ += text_[pos_++];
  }
  record.spans_.push_back({begin, record.scratch_.size() - begin, true});
}

bool CsvParser::next(CsvRecord& record, DiagnosticList& problems) {
  if (pos_ >= text_.size()) return false;
  record.source_ = text_;
  record.scratch_.clear();
  record.spans_.clear();
  record.positions_.clear();
  record.line_ = line_;
  record.offset_ = pos_;
  for (;;) {
    record.positions_.push_back({line_, line_start_, pos_});
    if (pos_ < text_.size() && text_[pos_] == '"') {
      read_quoted(record, problems);
    } else {
      read_unquoted(record, problems);
    }
    if (pos_ < text_.size() && text_[pos_] == separator_) {
      ++pos_;
      continue;
    }
    break;
  }
  if (pos_ < text_.size()) skip_line_break();
  record.end_ = pos_;
  return true;
}

namespace {

// The offset of the next `c` in text[from, end), or end.
std::size_t next_of(std::string_view text, std::size_t from, std::size_t end, char c) {
  if (from >= end) return end;
  const void* found = std::memchr(text.data() + from, c, end - from);
  return found == nullptr ? end : static_cast<std::size_t>(static_cast<const char*>(found) - text.data());
}

}  // namespace

CsvBlockCut cut_whole_records(std::string_view text, char separator, bool at_end) {
  // Outside quotes only line breaks and quotes matter: jump from one to the next with memchr.
  CsvBlockCut cut;
  std::size_t line_breaks = 0;
  bool at_field_start = true;  // outside quotes: whether the next byte starts a field
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t quote = next_of(text, pos, text.size(), '"');
    for (std::size_t end = next_of(text, pos, quote, '\n'); end < quote; end = next_of(text, end + 1, quote, '\n')) {
      cut = {end + 1, cut.records + 1, ++line_breaks};
    }
    if (quote == text.size()) break;
    const bool opens = quote == pos ? at_field_start : text[quote - 1] == separator || text[quote - 1] == '\n';
    pos = quote + 1;
    if (!opens) {  // a quote inside an unquoted field is text
      at_field_start = false;
      continue;
    }
    for (;;) {  // inside quotes: up to a quote that is not doubled
      const std::size_t close = next_of(text, pos, text.size(), '"');
      line_breaks += static_cast<std::size_t>(std::count(text.begin() + static_cast<std::ptrdiff_t>(pos),
                                                         text.begin() + static_cast<std::ptrdiff_t>(close), '\n'));
      pos = close + 1;
      if (close == text.size() || pos == text.size() || text[pos] != '"') break;
      ++pos;  // a doubled quote
    }
    at_field_start = false;
  }
  if (at_end && cut.length < text.size()) cut = {text.size(), cut.records + 1, line_breaks};
  return cut;
}

}  // namespace partnerpulse
