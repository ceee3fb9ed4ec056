#include "model/toml_document.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include <fmt/ranges.h>

#include "partnerpulse/interface_text.hpp"
#include "util/name_suggestions.hpp"
#include "util/text_encoding.hpp"

namespace partnerpulse {

using namespace std::string_view_literals;

SourceLocation location_of(const toml::source_region& region, const std::string& path) {
  if (region.begin.line == 0) return {path, 1, 1};
  return {path, static_cast<std::uint32_t>(region.begin.line), static_cast<std::uint32_t>(region.begin.column)};
}

std::optional<toml::table> parse_toml(std::string_view text, const std::string& path, DiagnosticList& diagnostics) {
  const std::string_view prepared = prepare_toml_text(text, path, diagnostics);
  if (diagnostics.has_errors()) return std::nullopt;
#if TOML_EXCEPTIONS
  try {
    return toml::parse(prepared, std::string_view(path));
  } catch (const toml::parse_error& error) {
    diagnostics.error(location_of(error.source(), path),
                      fmt::format(fmt::runtime(tr("invalid TOML: {}")), error.description()));
    return std::nullopt;
  }
#else
  toml::parse_result result = toml::parse(prepared, std::string_view(path));
  if (!result) {
    diagnostics.error(location_of(result.error().source(), path),
                      fmt::format(fmt::runtime(tr("invalid TOML: {}")), result.error().description()));
    return std::nullopt;
  }
  return std::move(result).table();
#endif
}

std::string describe_type(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string:
      return std::string(tr("a string"));
    case toml::node_type::integer:
      return std::string(tr("an integer"));
    case toml::node_type::floating_point:
      return std::string(tr("a floating-point number"));
    case toml::node_type::boolean:
      return std::string(tr("a boolean"));
    case toml::node_type::date:
      return std::string(tr("a date"));
    case toml::node_type::time:
      return std::string(tr("a time"));
    case toml::node_type::date_time:
      return std::string(tr("a date-time"));
    case toml::node_type::array:
      return std::string(tr("an array"));
    case toml::node_type::table:
      return std::string(tr("a table"));
    case toml::node_type::none: break;
  }
  return std::string(tr("nothing"));
}

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.size() > 64 || id.front() == '-') return false;
  return std::all_of(id.begin(), id.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

TableReader::TableReader(const toml::table& table, const std::string& path, std::string context,
                         DiagnosticList& diagnostics)
    : table_(table), path_(path), context_(std::move(context)), diagnostics_(diagnostics) {
  known_.reserve(8);
}

SourceLocation TableReader::where() const { return location_of(table_.source(), path_); }

SourceLocation TableReader::where(std::string_view key) const {
  if (const toml::node* found = table_.get(key)) return location_of(found->source(), path_);
  return where();
}

const toml::node* TableReader::lookup(std::string_view key, Need need) {
  known_.emplace_back(key);
  const toml::node* found = table_.get(key);
  if (!found && need == Need::required) {
    diagnostics_.error(where(), fmt::format(fmt::runtime(tr("{} is missing the required key '{}'")), context_, key));
  }
  return found;
}

const toml::node* TableReader::node(std::string_view key) { return lookup(key, Need::optional); }

void TableReader::wrong_type(std::string_view key, const toml::node& node, std::string_view expected) {
  diagnostics_.error(location_of(node.source(), path_), fmt::format(fmt::runtime(tr("{}: '{}' must be {}, not {}")),
                                                                    context_, key, expected, describe_type(node)));
}

std::optional<std::string> TableReader::string(std::string_view key, Need need) {
  const toml::node* found = lookup(key, need);
  if (!found) return std::nullopt;
  if (const auto* value = found->as_string()) return value->get();
  wrong_type(key, *found, tr("a string"));
  return std::nullopt;
}

std::optional<std::int64_t> TableReader::integer(std::string_view key, Need need) {
  const toml::node* found = lookup(key, need);
  if (!found) return std::nullopt;
  if (const auto* value = found->as_integer()) return value->get();
  wrong_type(key, *found, tr("an integer"));
  return std::nullopt;
}

std::optional<double> TableReader::number(std::string_view key, Need need) {
  const toml::node* found = lookup(key, need);
  if (!found) return std::nullopt;
  if (const auto* value = found->as_integer()) return static_cast<double>(value->get());
  if (const auto* value = found->as_floating_point()) return value->get();
  wrong_type(key, *found, tr("a number"));
  return std::nullopt;
}

std::optional<bool> TableReader::boolean(std::string_view key, Need need) {
  const toml::node* found = lookup(key, need);
  if (!found) return std::nullopt;
  if (const auto* value = found->as_boolean()) return value->get();
  wrong_type(key, *found, tr("true or false"));
  return std::nullopt;
}

const toml::table* TableReader::table(std::string_view key, Need need) {
  const toml::node* found = lookup(key, need);
  if (!found) return nullptr;
  if (const auto* value = found->as_table()) return value;
  wrong_type(key, *found, tr("a table"));
  return nullptr;
}

const toml::array* TableReader::array(std::string_view key, Need need) {
  const toml::node* found = lookup(key, need);
  if (!found) return nullptr;
  if (const auto* value = found->as_array()) return value;
  wrong_type(key, *found, tr("an array"));
  return nullptr;
}

std::optional<LocalizedText> TableReader::text(std::string_view key, Need need, const std::string& language) {
  const toml::node* found = lookup(key, need);
  if (!found) return std::nullopt;
  return read_text(*found, path_, fmt::format("{}: '{}'", context_, key), language, diagnostics_);
}

void TableReader::finish() {
  std::optional<NameSuggester> suggester;  // made at the first unknown key, with the sorted list of known keys
  std::string known_list;
  for (const auto& [key, value] : table_) {
    const std::string_view name = key.str();
    if (std::find(known_.begin(), known_.end(), name) != known_.end()) continue;
    const SourceLocation at = key.source().begin.line ? location_of(key.source(), path_)
                                                      : location_of(value.source(), path_);
    if (diagnostics_.full()) {  // only counted: no message to compose
      diagnostics_.error(at, {});
      continue;
    }
    if (!suggester) {
      suggester.emplace(known_);
      std::vector<std::string> sorted = known_;
      std::sort(sorted.begin(), sorted.end());
      sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
      known_list = fmt::format("{}", fmt::join(sorted, ", "));
    }
    const std::string shown = name_for_message(name);
    if (const auto suggestion = suggester->closest(name)) {
      diagnostics_.error(
          at, fmt::format(fmt::runtime(tr("{}: unknown key '{}'; did you mean '{}'?")), context_, shown, *suggestion));
    } else {
      diagnostics_.error(
          at, fmt::format(fmt::runtime(tr("{}: unknown key '{}' (known keys: {})")), context_, shown, known_list));
    }
  }
}

std::optional<LocalizedText> read_text(const toml::node& node, const std::string& path, const std::string& where_name,
                                       const std::string& language, DiagnosticList& diagnostics) {
  if (const auto* value = node.as_string()) return LocalizedText(language, value->get());
  const auto* translations = node.as_table();
  if (!translations) {
    diagnostics.error(location_of(node.source(), path),
                      fmt::format(fmt::runtime(tr("{} must be a string or a table of translations, not {}")),
                                  where_name, describe_type(node)));
    return std::nullopt;
  }
  // toml++ lists a table's keys sorted; the translations keep the order they are written in (languages in that
  // order, for example as a survey form's columns).
  std::vector<std::pair<const toml::key*, const toml::node*>> written;
  for (const auto& [code, value] : *translations) written.emplace_back(&code, &value);
  std::stable_sort(written.begin(), written.end(), [](const auto& a, const auto& b) {
    const auto& x = a.second->source().begin;
    const auto& y = b.second->source().begin;
    return x.line != y.line ? x.line < y.line : x.column < y.column;
  });
  LocalizedText text;
  bool ok = true;
  for (const auto& [code, value] : written) {
    const auto* translated = value->as_string();
    if (!translated) {
      diagnostics.error(location_of(value->source(), path),
                        fmt::format(fmt::runtime(tr("{}: the '{}' translation must be a string, not {}")), where_name,
                                    code->str(), describe_type(*value)));
      ok = false;
      continue;
    }
    text.set(std::string(code->str()), translated->get());
  }
  if (!ok) return std::nullopt;
  // The questionnaire's own language comes first: it is the default.
  LocalizedText ordered;
  bool has_default = false;
  for (const auto& [code, value] : text.translations()) {
    if (code == language) {
      ordered.set(code, value);
      has_default = true;
    }
  }
  if (!has_default) {
    diagnostics.error(location_of(node.source(), path),
                      fmt::format(fmt::runtime(tr("{} has no '{}' translation (the questionnaire's language)")),
                                  where_name, language));
    return std::nullopt;
  }
  for (const auto& [code, value] : text.translations()) {
    if (code != language) ordered.set(code, value);
  }
  return ordered;
}

}  // namespace partnerpulse
