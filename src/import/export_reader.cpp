#include "import/export_reader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "partnerpulse/files.hpp"
#include "util/text_encoding.hpp"
#include "partnerpulse/interface_text.hpp"

namespace partnerpulse {

namespace {

constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";
constexpr const char* organisation_not_recorded = "not recorded";

// An HXL row (every non-empty cell a #hashtag) or the template's row of allowed answers (first cell "#...").
bool is_marker_row(const CsvRecord& record) {
  if (record.size() == 0) return false;
  if (record.text(0).starts_with('#')) return true;
  bool any = false;
  for (std::size_t i = 0; i < record.size(); ++i) {
    const std::string_view cell = trim_blanks(record.text(i));
    if (cell.empty()) continue;
    if (!cell.starts_with('#')) return false;
    any = true;
  }
  return any;
}

}  // namespace

ExportStream::ExportStream(const std::string& path) : path_(path) {
  file_ = std::fopen(path.c_str(), "rb");
  if (file_ == nullptr) throw IoError(path, fmt::format(fmt::runtime(tr("cannot read: {}")), std::strerror(errno)));
  try {
    read_header();
  } catch (...) {
    std::fclose(file_);
    throw;
  }
}

ExportStream::~ExportStream() { std::fclose(file_); }

bool ExportStream::fill(std::size_t bytes) {
  if (at_end_) return false;
  const std::size_t old_size = pending_.size();
  pending_.resize(old_size + bytes);
  const std::size_t got = std::fread(pending_.data() + old_size, 1, bytes, file_);
  pending_.resize(old_size + got);
  if (got < bytes) {
    if (std::ferror(file_)) {
      throw IoError(path_, fmt::format(fmt::runtime(tr("cannot read: {}")), std::strerror(errno)));
    }
    at_end_ = true;
  }
  return got > 0;
}

ExportBlock ExportStream::take(const CsvBlockCut& cut) {
  // The block takes the buffer; only the partial record after the cut is copied.
  std::string rest = pending_.substr(cut.length);
  pending_.resize(cut.length);
  ExportBlock block{std::move(pending_), next_line_, next_row_};
  pending_ = std::move(rest);
  next_line_ += static_cast<std::uint32_t>(cut.line_breaks);
  next_row_ += cut.records;
  return block;
}

// The next record (none at the end of the file), read as far as needed.
ExportBlock ExportStream::first_record() {
  while (cut_whole_records(pending_, separator_, at_end_).records == 0 && !at_end_) {
    if (pending_.size() > max_input_bytes) {
      throw InputError({path_, next_line_, 1},
                       std::string(tr("a row longer than 4 MiB: is a quote missing its closing quote?")));
    }
    fill(64 * 1024);
  }
  CsvParser parser(pending_, separator_, 1, path_);
  CsvRecord record;
  DiagnosticList ignored;
  CsvBlockCut cut;
  if (parser.next(record, ignored)) {
    cut.length = record.end();
    cut.records = 1;
    const std::string_view taken = std::string_view(pending_).substr(0, cut.length);
    cut.line_breaks = static_cast<std::size_t>(std::count(taken.begin(), taken.end(), '\n'));
  }
  return take(cut);
}

void ExportStream::read_header() {
  fill(64 * 1024);
  if (pending_.starts_with(byte_order_mark)) pending_.erase(0, byte_order_mark.size());
  separator_ = detect_separator(pending_.substr(0, pending_.find('\n')));
  const ExportBlock head = first_record();
  DiagnosticList problems;
  if (trim_blanks(head.text).empty() || head.text == "\n" || head.text == "\r\n") {
    throw InputError({path_, 1, 1}, std::string(tr("the export is empty: its first row must name the columns")));
  }
  CsvParser parser(head.text, separator_, 1, path_);
  CsvRecord record;
  parser.next(record, problems);
  if (const auto bad = first_invalid_utf8(parser, head.text, record)) {
    problems.error(*bad, std::string(tr("the header row is not valid UTF-8: save the export as UTF-8")));
  }
  if (problems.has_errors()) throw InputError(problems.items());
  for (std::size_t i = 0; i < record.size(); ++i) {
    header_.emplace_back(trim_blanks(record.text(i)));
    header_at_.push_back(parser.location(record, i));
  }
  // The row after the header: skipped when it is an HXL row or the template's allowed answers.
  const std::uint32_t line = next_line_;
  const std::size_t row = next_row_;
  ExportBlock second = first_record();
  CsvParser second_parser(second.text, separator_, second.first_line, path_);
  DiagnosticList ignored;
  if (second_parser.next(record, ignored) && is_marker_row(record)) return;
  pending_.insert(0, second.text);  // an ordinary row: read again as data
  next_line_ = line;
  next_row_ = row;
}

bool ExportStream::next_block(ExportBlock& block, std::size_t block_bytes) {
  for (;;) {
    const CsvBlockCut cut = cut_whole_records(pending_, separator_, at_end_);
    if (cut.records > 0 && (cut.length >= block_bytes || at_end_)) {
      block = take(cut);
      return true;
    }
    if (at_end_) return false;
    if (cut.records == 0 && pending_.size() > max_input_bytes) {
      throw InputError({path_, next_line_, 1},
                       std::string(tr("a row longer than 4 MiB: is a quote missing its closing quote?")));
    }
    fill(block_bytes);
  }
}

ExportLayout::ExportLayout(std::string export_path, char csv_separator, ColumnPlan column_plan,
                           const ImportMapping* mapping)
    : path(std::move(export_path)), separator(csv_separator), plan(std::move(column_plan)) {
  static const std::vector<MappedAnswer> no_answers;
  answer_columns.resize(plan.questionnaires.size());
  comment_columns.resize(plan.questionnaires.size());
  for (std::size_t column = 0; column < plan.columns.size(); ++column) {
    const ColumnUse& use = plan.columns[column];
    if (use.role != ColumnRole::answer && use.role != ColumnRole::comment) continue;
    const auto q = static_cast<std::size_t>(
        std::find(plan.questionnaires.begin(), plan.questionnaires.end(), use.questionnaire) - plan.questionnaires.begin());
    if (use.role == ColumnRole::comment) {
      comment_columns[q].push_back(column);
      continue;
    }
    const ScaleAnswers* answers = nullptr;
    if (use.item->scored()) {  // std::map: the address stays valid as more scales are added
      const Scale* scale = use.questionnaire->find_scale(use.item->scale);
      answers = &scales.try_emplace(scale, *scale, mapping ? mapping->answers : no_answers).first->second;
    }
    answer_columns[q].push_back({column, use.item->id, answers});
  }
  for (auto& columns : answer_columns) {
    std::sort(columns.begin(), columns.end(),
              [](const AnswerColumn& a, const AnswerColumn& b) { return a.item_id < b.item_id; });
  }
  const auto by_item = [&](std::size_t a, std::size_t b) { return plan.columns[a].item->id < plan.columns[b].item->id; };
  for (auto& columns : comment_columns) std::sort(columns.begin(), columns.end(), by_item);
}

std::shared_ptr<const ExportLayout> read_layout(ExportStream& stream, const Catalog& catalog,
                                                const ImportMapping* mapping) {
  DiagnosticList problems;
  ColumnPlan plan = match_columns(stream.header(), stream.header_at(), catalog, mapping, problems);
  if (problems.has_errors()) throw InputError(problems.items());
  return std::make_shared<const ExportLayout>(stream.path(), stream.separator(), std::move(plan), mapping);
}

std::optional<SourceLocation> first_invalid_utf8(const CsvParser& parser, std::string_view block_text,
                                                 const CsvRecord& record) {
  const std::string_view bytes = block_text.substr(record.offset(), record.end() - record.offset());
  if (is_valid_utf8(bytes)) return std::nullopt;
  std::uint32_t line = record.line();
  std::size_t line_start = record.offset();
  for (std::size_t pos = record.offset(); pos < record.end();) {
    const std::size_t at = pos;
    if (decode_utf8(block_text, pos) == invalid_code_point) {
      return SourceLocation{parser.path(), line, parser.column_of(line_start, at)};
    }
    if (block_text[at] == '\n') {
      ++line;
      line_start = pos;
    }
  }
  return std::nullopt;
}

namespace {

// The text of one respondent detail, or nothing after reporting why there is none.
std::optional<std::string_view> field_value(const ExportLayout& layout, const CsvParser& parser, const CsvRecord& record,
                                       RespondentField field, DiagnosticList& problems) {
  const FieldSource& source = layout.plan.field(field);
  if (source.value) return *source.value;
  if (!source.column) {
    return field == RespondentField::organisation ? std::optional<std::string_view>(organisation_not_recorded)
                                                  : std::nullopt;
  }
  const std::size_t column = *source.column;
  const std::string_view value = trim_blanks(record.text(column));
  const std::string& header = layout.plan.header[column];
  if (value.empty()) {
    problems.error(parser.location(record, column),
                   fmt::format(fmt::runtime(tr("required field '{}' is empty (column '{}')")),
                               respondent_field_name(field), header));
    return std::nullopt;
  }
  if (field != RespondentField::id) {
    if (const auto problem = respondent_field_problem(value)) {
      problems.error(parser.location(record, column),
                     fmt::format(fmt::runtime(tr("column '{}': the respondent's {} must be {}: {}")), header,
                                 respondent_field_name(field), respondent_field_rule(), *problem));
      return std::nullopt;
    }
  }
  return value;
}

bool read_respondent(const ExportLayout& layout, const CsvParser& parser, const CsvRecord& record, std::size_t row,
                     Pseudonymizer& pseudonymizer, Respondent& who, DiagnosticList& problems) {
  const auto partnership = field_value(layout, parser, record, RespondentField::partnership, problems);
  const auto role = field_value(layout, parser, record, RespondentField::role, problems);
  const auto period = field_value(layout, parser, record, RespondentField::period, problems);
  const auto organisation = field_value(layout, parser, record, RespondentField::organisation, problems);
  bool has_id = true;
  if (layout.plan.field(RespondentField::id).given()) {
    const auto raw = field_value(layout, parser, record, RespondentField::id, problems);
    has_id = raw.has_value();
    if (raw) who.id = pseudonymizer.pseudonym(*raw);
  } else {
    who.id = fmt::format("row-{}", row);
  }
  if (!partnership || !role || !period || !organisation || !has_id) return false;
  who.partnership.assign(*partnership);  // assigned, not rebuilt: the response's storage is reused row after row
  who.role.assign(*role);
  who.period.assign(*period);
  who.organisation.assign(*organisation);
  return true;
}

// Reads the answers and comments of one questionnaire; false after reporting a problem.
bool read_questionnaire(const ExportLayout& layout, std::size_t q, const CsvParser& parser, const CsvRecord& record,
                        QuestionnaireAnswers& answers, DiagnosticList& problems) {
  bool ok = true;
  std::size_t count = 0;  // answers kept; the entries after them are left over from an earlier row
  const auto keep = [&](std::string_view item, std::optional<int> value, bool dont_know = false) {
    if (count == answers.answers.size()) answers.answers.emplace_back();
    answers.answers[count].item.assign(item);
    answers.answers[count].dont_know = dont_know;
    answers.answers[count++].value = value;
  };
  answers.open_answers.clear();
  answers.comments.clear();
  for (const ExportLayout::AnswerColumn& answer_column : layout.answer_columns[q]) {
    const std::size_t column = answer_column.column;
    const std::string_view cell = trim_blanks(record.text(column));
    if (cell.empty()) continue;
    if (answer_column.scale == nullptr) {
      answers.open_answers.push_back({std::string(answer_column.item_id), std::string(cell)});
      continue;
    }
    const ScaleAnswers& scale = *answer_column.scale;
    const ScaleAnswers::Match match = scale.match(cell);
    if (match.outcome == ScaleAnswers::Outcome::value) {
      keep(answer_column.item_id, match.value);
    } else if (match.outcome == ScaleAnswers::Outcome::not_applicable) {
      keep(answer_column.item_id, std::nullopt);
    } else if (match.outcome == ScaleAnswers::Outcome::dont_know) {
      keep(answer_column.item_id, std::nullopt, true);
    } else {
      ok = false;
      if (problems.full()) continue;
      problems.error(
          parser.location(record, column),
          fmt::format(fmt::runtime(tr("column '{}': answer \"{}\" matches no point of the scale ({}); map it in the "
                                      "mapping file's [answers]")),
                      layout.plan.header[column], replace_invalid_utf8(cell), scale.accepted()));
    }
  }
  for (const std::size_t column : layout.comment_columns[q]) {
    const std::string_view cell = trim_blanks(record.text(column));
    if (!cell.empty()) answers.comments.push_back({layout.plan.columns[column].item->id, std::string(cell)});
  }
  answers.answers.resize(count);
  return ok;
}

}  // namespace

RowOutcome read_row(const ExportLayout& layout, const CsvParser& parser, const CsvRecord& record, std::size_t row,
                    Pseudonymizer& pseudonymizer, Response& response, DiagnosticList& problems) {
  bool blank = true;
  for (std::size_t i = 0; i < record.size() && blank; ++i) blank = trim_blanks(record.text(i)).empty();
  if (blank) return RowOutcome::blank;
  const SourceLocation row_at{layout.path, record.line(), 1};
  if (record.size() != layout.plan.header.size()) {
    problems.error(row_at, fmt::format(fmt::runtime(tr("this row has {} fields; the header has {}")), record.size(),
                                       layout.plan.header.size()));
    return RowOutcome::invalid;
  }
  if (response.path != layout.path) response.path = layout.path;
  response.location = row_at;
  bool ok = read_respondent(layout, parser, record, row, pseudonymizer, response.respondent, problems);
  // One entry per questionnaire, in plan order, reused from the last row when it is still there; the ones this
  // row leaves unanswered are removed at the end.
  auto& all = response.questionnaires;
  std::size_t kept = 0;
  for (std::size_t q = 0; q < layout.plan.questionnaires.size(); ++q) {
    const Questionnaire& questionnaire = *layout.plan.questionnaires[q];
    if (kept == all.size() || all[kept].questionnaire != questionnaire.id) {
      all.insert(all.begin() + static_cast<std::ptrdiff_t>(kept), QuestionnaireAnswers{});
      all[kept].questionnaire = questionnaire.id;
      all[kept].version = questionnaire.version;
    }
    QuestionnaireAnswers& answers = all[kept];
    answers.location = row_at;
    ok = read_questionnaire(layout, q, parser, record, answers, problems) && ok;
    if (!answers.answers.empty() || !answers.open_answers.empty() || !answers.comments.empty()) {
      ++kept;
    } else {
      all.erase(all.begin() + static_cast<std::ptrdiff_t>(kept));
    }
  }
  all.erase(all.begin() + static_cast<std::ptrdiff_t>(kept), all.end());
  if (ok && response.questionnaires.empty()) {
    problems.error(row_at, std::string(tr("this row answers no item: every answer column is empty")));
    ok = false;
  }
  return ok ? RowOutcome::response : RowOutcome::invalid;
}

void read_block(const ExportLayout& layout, const ExportBlock& block, Pseudonymizer& pseudonymizer,
                DiagnosticList& problems, const RowHandler& on_row) {
  CsvParser parser(block.text, layout.separator, block.first_line, layout.path);
  const bool valid_utf8 = is_valid_utf8(block.text);
  CsvRecord record;
  Response response;
  for (std::size_t row = block.first_row;; ++row) {
    DiagnosticList quoting;
    if (!parser.next(record, quoting)) break;
    const bool quoting_problem = quoting.has_errors();
    if (quoting_problem) problems.append(quoting);
    if (!valid_utf8) {
      if (const auto bad = first_invalid_utf8(parser, block.text, record)) {
        problems.error(*bad, std::string(tr("this row is not valid UTF-8: save the export as UTF-8")));
        on_row(RowOutcome::invalid, response, record.line());
        continue;
      }
    }
    const RowOutcome outcome = read_row(layout, parser, record, row, pseudonymizer, response, problems);
    on_row(quoting_problem && outcome == RowOutcome::response ? RowOutcome::invalid : outcome, response, record.line());
  }
}

}  // namespace partnerpulse
