#include "import/column_matching.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <memory>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <utf8proc.h>

#include "partnerpulse/response.hpp"
#include "partnerpulse/interface_text.hpp"

namespace partnerpulse {

namespace {

struct FreeDeleter {
  void operator()(utf8proc_uint8_t* p) const noexcept { std::free(p); }
};

bool keeps(utf8proc_int32_t code_point) {
  switch (utf8proc_category(code_point)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO: return true;
    default: return false;
  }
}

// A candidate item of a column: the item, and whether the column holds its comment.
struct ItemMatch {
  const Questionnaire* questionnaire = nullptr;
  const Item* item = nullptr;
  bool comment = false;
};

constexpr std::string_view comment_suffix = "_comment";

}  // namespace

std::string normalize_for_matching(std::string_view text) {
  utf8proc_uint8_t* raw = nullptr;
  const utf8proc_ssize_t length =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()), static_cast<utf8proc_ssize_t>(text.size()),
                   &raw, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD));
  const std::unique_ptr<utf8proc_uint8_t, FreeDeleter> owned(raw);
  if (length < 0) return std::string(text);  // not UTF-8: compared as it is
  std::string out;
  bool space = false;
  for (utf8proc_ssize_t pos = 0; pos < length;) {
    utf8proc_int32_t code_point = 0;
    const utf8proc_ssize_t size = utf8proc_iterate(raw + pos, length - pos, &code_point);
    if (size <= 0) break;
    if (keeps(code_point)) {
      if (space && !out.empty()) out += ' ';
      space = false;
      out.append(reinterpret_cast<const char*>(raw + pos), static_cast<std::size_t>(size));
    } else {
      space = true;
    }
    pos += size;
  }
  return out;
}

namespace {

// The matching of one export's columns, step by step.
class ColumnMatcher {
public:
  ColumnMatcher(const std::vector<std::string>& header, const std::vector<SourceLocation>& header_at,
                const Catalog& catalog, const ImportMapping* mapping, DiagnosticList& problems)
      : header_(header), header_at_(header_at), mapping_(mapping), problems_(problems) {
    plan_.header = header;
    plan_.columns.resize(header.size());
    for (const auto& questionnaire : catalog.all()) {
      const bool chosen = mapping == nullptr || mapping->questionnaires.empty() ||
                          std::find(mapping->questionnaires.begin(), mapping->questionnaires.end(),
                                    questionnaire->id) != mapping->questionnaires.end();
      if (chosen) candidates_.push_back(questionnaire.get());
    }
  }

  ColumnPlan run() {
    if (mapping_ != nullptr) apply_mapping();
    for (std::size_t column = 0; column < header_.size(); ++column) {
      if (plan_.columns[column].role == ColumnRole::left_out) match_by_name(column);
    }
    for (std::size_t column = 0; column < header_.size(); ++column) {
      if (plan_.columns[column].role == ColumnRole::left_out) match_by_text(column);
    }
    check_required_fields();
    for (const Questionnaire* questionnaire : candidates_) {
      const bool used = std::any_of(plan_.columns.begin(), plan_.columns.end(),
                                    [&](const ColumnUse& use) { return use.questionnaire == questionnaire; });
      if (used) plan_.questionnaires.push_back(questionnaire);
    }
    return std::move(plan_);
  }

private:
  std::optional<std::size_t> column_named(const std::string& name, const SourceLocation& where) {
    const auto found = std::find(header_.begin(), header_.end(), name);
    if (found == header_.end()) {
      problems_.error(where, fmt::format(fmt::runtime(tr("the export has no column '{}'")), name));
      return std::nullopt;
    }
    if (std::find(found + 1, header_.end(), name) != header_.end()) {
      problems_.error(
          where,
          fmt::format(fmt::runtime(tr("the export has several columns '{}': which one is meant is ambiguous")), name));
      return std::nullopt;
    }
    return static_cast<std::size_t>(found - header_.begin());
  }

  void apply_mapping() {
    for (const MappedField& mapped : mapping_->respondent) {
      FieldSource& source = plan_.fields[static_cast<std::size_t>(mapped.field)];
      if (mapped.fixed) {
        source.value = mapped.text;
      } else if (const auto column = column_named(mapped.text, mapped.where)) {
        assign_field(*column, mapped.field, "mapping file");
      }
    }
    for (const MappedColumn& mapped : mapping_->columns) {
      const auto column = column_named(mapped.header, mapped.where);
      if (!column) continue;
      const Questionnaire* questionnaire = nullptr;
      for (const auto* candidate : candidates_) questionnaire = candidate->id == mapped.questionnaire ? candidate : questionnaire;
      if (questionnaire == nullptr) {
        problems_.error(mapped.where,
                        fmt::format(fmt::runtime(tr("questionnaire '{}' is not among [import] questionnaires")),
                                    mapped.questionnaire));
        continue;
      }
      assign_item(*column, {questionnaire, questionnaire->find_item(mapped.item), mapped.comment}, "mapping file");
    }
  }

  void assign_field(std::size_t column, RespondentField field, std::string rule) {
    FieldSource& source = plan_.fields[static_cast<std::size_t>(field)];
    if (source.given()) {
      problems_.error(
          header_at_[column],
          fmt::format(fmt::runtime(tr("column '{}' gives the respondent's {}, which {} already gives: which one to use "
                                      "is ambiguous (map it in the mapping file's [respondent])")),
                      header_[column], respondent_field_name(field), describe_source(source)));
      return;
    }
    source.column = column;
    plan_.columns[column] = {ColumnRole::respondent, field, nullptr, nullptr, std::move(rule)};
  }

  std::string describe_source(const FieldSource& source) const {
    return source.column ? fmt::format(fmt::runtime(tr("column '{}'")), header_[*source.column])
                         : std::string(tr("the mapping file"));
  }

  void assign_item(std::size_t column, const ItemMatch& match, std::string rule) {
    const ColumnRole role = match.comment ? ColumnRole::comment : ColumnRole::answer;
    for (std::size_t other = 0; other < plan_.columns.size(); ++other) {
      const ColumnUse& use = plan_.columns[other];
      if (use.item == match.item && use.questionnaire == match.questionnaire && use.role == role) {
        problems_.error(
            header_at_[column],
            fmt::format(fmt::runtime(match.comment ? tr("columns '{}' and '{}' both give the comment on {}.{}: "
                                                        "which one to use is ambiguous (map one of them in the "
                                                        "mapping file's [columns])")
                                                   : tr("columns '{}' and '{}' both give the answer to {}.{}: "
                                                        "which one to use is ambiguous (map one of them in the "
                                                        "mapping file's [columns])")),
                        header_[other], header_[column], match.questionnaire->id, match.item->id));
        return;
      }
    }
    plan_.columns[column] = {role, RespondentField::partnership, match.questionnaire, match.item, std::move(rule)};
  }

  // The naming rule: "q.item", "[group/]q/item", "q-item" (split by known ids), each with an optional "_comment".
  std::vector<ItemMatch> items_named(std::string_view name) const {
    bool comment = false;
    if (name.size() > comment_suffix.size() && name.ends_with(comment_suffix)) {
      comment = true;
      name.remove_suffix(comment_suffix.size());
    }
    std::vector<ItemMatch> found;
    const auto add = [&](std::string_view questionnaire_id, std::string_view item_id) {
      for (const Questionnaire* questionnaire : candidates_) {
        if (questionnaire->id != questionnaire_id) continue;
        if (const Item* item = questionnaire->find_item(item_id)) found.push_back({questionnaire, item, comment});
      }
    };
    if (const std::size_t dot = name.find('.'); dot != std::string_view::npos) {
      add(name.substr(0, dot), name.substr(dot + 1));
    } else if (const std::size_t slash = name.rfind('/'); slash != std::string_view::npos) {
      const std::string_view item = name.substr(slash + 1);
      const std::string_view group = name.substr(0, slash);
      const std::size_t parent = group.rfind('/');
      add(parent == std::string_view::npos ? group : group.substr(parent + 1), item);
    } else {
      for (const Questionnaire* questionnaire : candidates_) {
        if (name.size() > questionnaire->id.size() + 1 && name.starts_with(questionnaire->id) &&
            name[questionnaire->id.size()] == '-') {
          add(questionnaire->id, name.substr(questionnaire->id.size() + 1));
        }
      }
    }
    return found;
  }

  void match_by_name(std::size_t column) {
    const std::string& name = header_[column];
    const std::size_t slash = name.rfind('/');
    const std::string_view last = slash == std::string::npos ? std::string_view(name) : std::string_view(name).substr(slash + 1);
    for (const RespondentField field : {RespondentField::partnership, RespondentField::role, RespondentField::period,
                                        RespondentField::organisation}) {
      if (last == respondent_field_name(field)) return assign_field(column, field, "exact name");
    }
    const std::vector<ItemMatch> found = items_named(name);
    if (found.size() == 1) return assign_item(column, found.front(), "exact name");
    if (found.size() > 1) report_ambiguous(column, found, "name");
  }

  void report_ambiguous(std::size_t column, const std::vector<ItemMatch>& found, std::string_view by) {
    std::vector<std::string> names;
    for (const ItemMatch& match : found) names.push_back(match.questionnaire->id + "." + match.item->id);
    problems_.error(
        header_at_[column],
        fmt::format(fmt::runtime(by == "name" ? tr("column '{}' matches several items by its name ({}): map it in "
                                                   "the mapping file's [columns]")
                                              : tr("column '{}' matches several items by its text ({}): map it in "
                                                   "the mapping file's [columns]")),
                    header_[column], fmt::join(names, ", ")));
  }

  // The texts a header may be matched by: itself, the part in a final "[...]" (grid rows, subquestions), the part
  // after the last '/' (group labels).
  static std::vector<std::string> text_variants(const std::string& header) {
    std::vector<std::string> variants{header};
    if (header.ends_with(']')) {
      if (const std::size_t open = header.rfind('['); open != std::string::npos) {
        variants.push_back(header.substr(open + 1, header.size() - open - 2));
      }
    }
    if (const std::size_t slash = header.rfind('/'); slash != std::string::npos) variants.push_back(header.substr(slash + 1));
    return variants;
  }

  void match_by_text(std::size_t column) {
    for (const std::string& variant : text_variants(header_[column])) {
      const std::string normalized = normalize_for_matching(variant);
      if (normalized.empty()) continue;
      for (const RespondentField field : {RespondentField::partnership, RespondentField::role, RespondentField::period,
                                          RespondentField::organisation}) {
        if (normalized == respondent_field_name(field) && !plan_.field(field).given()) {
          return assign_field(column, field, "name, ignoring case and punctuation");
        }
      }
      std::vector<ItemMatch> found;
      std::string language;
      for (const Questionnaire* questionnaire : candidates_) {
        for (const Item& item : questionnaire->items) {
          for (const auto& [code, text] : item.text.translations()) {
            if (normalize_for_matching(text) != normalized) continue;
            if (found.empty() || found.back().item != &item) found.push_back({questionnaire, &item, false});
            language = code;
          }
        }
      }
      if (found.size() == 1) return assign_item(column, found.front(), fmt::format("item text ({})", language));
      if (found.size() > 1) return report_ambiguous(column, found, "text");
    }
  }

  void check_required_fields() {
    for (const RespondentField field : {RespondentField::partnership, RespondentField::role, RespondentField::period}) {
      if (plan_.field(field).given()) continue;
      const SourceLocation at = header_at_.empty() ? SourceLocation{} : SourceLocation{header_at_[0].path, 1, 1};
      problems_.error(
          at, fmt::format(
                  fmt::runtime(tr("no column gives the respondent's {0}: name a column '{0}', or map one in the "
                                  "mapping file's [respondent] ({0} = \"COLUMN\" or {0} = {{ value = \"TEXT\" }})")),
                  respondent_field_name(field)));
    }
    // The export's own instance id, by the names the survey tools give it; else rows are numbered.
    FieldSource& id = plan_.fields[static_cast<std::size_t>(RespondentField::id)];
    for (const std::string_view name : {"_uuid", "meta-instanceID", "meta/instanceID", "instanceID", "KEY", "id"}) {
      if (id.given()) break;
      const auto found = std::find(header_.begin(), header_.end(), name);
      const auto column = static_cast<std::size_t>(found - header_.begin());
      if (found != header_.end() && plan_.columns[column].role == ColumnRole::left_out) {
        assign_field(column, RespondentField::id, "exact name");
      }
    }
  }

  const std::vector<std::string>& header_;
  const std::vector<SourceLocation>& header_at_;
  const ImportMapping* mapping_;
  DiagnosticList& problems_;
  std::vector<const Questionnaire*> candidates_;
  ColumnPlan plan_;
};

}  // namespace

ColumnPlan match_columns(const std::vector<std::string>& header, const std::vector<SourceLocation>& header_at,
                         const Catalog& catalog, const ImportMapping* mapping, DiagnosticList& problems) {
  return ColumnMatcher(header, header_at, catalog, mapping, problems).run();
}

std::string describe_plan(const ColumnPlan& plan) {
  std::string used;
  std::string left_out;
  for (std::size_t column = 0; column < plan.columns.size(); ++column) {
    const ColumnUse& use = plan.columns[column];
    const std::string& name = plan.header[column];
    switch (use.role) {
      case ColumnRole::left_out: left_out += fmt::format("  {}\n", name); break;
      case ColumnRole::respondent:
        used += fmt::format("  {} -> respondent {} ({})\n", name, respondent_field_name(use.field), use.rule);
        break;
      case ColumnRole::answer:
        used += fmt::format("  {} -> {}.{} ({})\n", name, use.questionnaire->id, use.item->id, use.rule);
        break;
      case ColumnRole::comment:
        used += fmt::format("  {} -> comment on {}.{} ({})\n", name, use.questionnaire->id, use.item->id, use.rule);
        break;
    }
  }
  std::string fixed;
  for (std::size_t i = 0; i < plan.fields.size(); ++i) {
    if (plan.fields[i].value) {
      fixed += fmt::format("  respondent {} = \"{}\" (mapping file)\n", respondent_field_name(static_cast<RespondentField>(i)),
                           *plan.fields[i].value);
    }
  }
  if (!plan.field(RespondentField::id).given()) fixed += "  respondent id = the row number (no id column)\n";
  if (!plan.field(RespondentField::organisation).given()) fixed += "  respondent organisation = \"not recorded\"\n";
  return fmt::format("Columns read:\n{}{}Columns left out (never copied):\n{}", used, fixed,
                     left_out.empty() ? "  (none)\n" : left_out);
}

ScaleAnswers::ScaleAnswers(const Scale& scale, const std::vector<MappedAnswer>& mapped) : scale_(&scale) {
  for (const MappedAnswer& answer : mapped) {
    mapped_exact_.emplace(answer.text, answer.value);
    mapped_normalized_.emplace(normalize_for_matching(answer.text), answer.value);
  }
  const auto add_label = [](std::unordered_map<std::string, std::optional<int>>& labels, std::string text, int value) {
    const auto [at, added] = labels.emplace(std::move(text), value);
    if (!added && at->second != value) at->second.reset();  // one label for two points: ambiguous
  };
  for (int value = scale.min; value <= scale.max; ++value) {
    for (const auto& [code, text] : scale.label(value).translations()) {
      add_label(labels_exact_, text, value);
      add_label(labels_normalized_, normalize_for_matching(text), value);
    }
  }
}

ScaleAnswers::Match ScaleAnswers::classify(std::optional<int> value) const {
  if (!value) return {scale_->allow_na ? Outcome::not_applicable : Outcome::off_scale, 0};
  if (*value < scale_->min || *value > scale_->max) return {Outcome::off_scale, *value};
  return {Outcome::value, *value};
}

ScaleAnswers::Match ScaleAnswers::match(std::string_view answer) const {
  answer = trim_blanks(answer);
  if (!mapped_exact_.empty()) {
    if (const auto found = mapped_exact_.find(std::string(answer)); found != mapped_exact_.end()) return classify(found->second);
  }
  int number = 0;
  const char* end = answer.data() + answer.size();
  if (const auto [stop, error] = std::from_chars(answer.data(), end, number); error == std::errc() && stop == end) {
    return classify(number);
  }
  if (scale_->allow_na && (answer == "na" || answer == "NA" || answer == "n/a" || answer == "N/A")) {
    return {Outcome::not_applicable, 0};
  }
  if (scale_->allow_dont_know && (answer == "dk" || answer == "DK" || answer == dont_know_answer)) {
    return {Outcome::dont_know, 0};
  }
  if (const auto found = labels_exact_.find(std::string(answer)); found != labels_exact_.end() && found->second) {
    return {Outcome::value, *found->second};
  }
  const std::string normalized = normalize_for_matching(answer);
  if (const auto found = mapped_normalized_.find(normalized); found != mapped_normalized_.end()) return classify(found->second);
  const bool says_dont_know = normalized == "don t know" || normalized == "do not know";
  if (says_dont_know && scale_->allow_dont_know) return {Outcome::dont_know, 0};
  // A scale without "don't know" takes it as "not applicable", as before the two were told apart.
  if (scale_->allow_na && (normalized == "not applicable" || says_dont_know)) return {Outcome::not_applicable, 0};
  if (const auto found = labels_normalized_.find(normalized); found != labels_normalized_.end() && found->second) {
    return {Outcome::value, *found->second};
  }
  return {};
}

std::string ScaleAnswers::accepted() const {
  return fmt::format(fmt::runtime(tr("{}-{}{}{}, or a label of scale '{}'")), scale_->min, scale_->max,
                     scale_->allow_na ? ", na" : "", scale_->allow_dont_know ? ", dk" : "", scale_->id);
}

}  // namespace partnerpulse
