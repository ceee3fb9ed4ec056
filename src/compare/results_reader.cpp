// Reading results back from a JSON report (docs/json.md), numbers exactly as written, every problem positioned.

#include <cstdint>
#include <filesystem>
#include <limits>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "compare/json_positions.hpp"
#include "partnerpulse/compare.hpp"
#include "partnerpulse/files.hpp"
#include "partnerpulse/render.hpp"
#include "partnerpulse/report_job.hpp"
#include "partnerpulse/interface_text.hpp"

namespace partnerpulse {

namespace {

using Json = nlohmann::json;

// Results files of a large portfolio outgrow the 4 MiB limit of questionnaire and response files.
constexpr std::size_t max_results_bytes = 64u * 1024u * 1024u;
constexpr std::size_t max_json_depth = 64;

SourceLocation location_of(const std::string& path, TextPosition position) {
  return {path, position.line, position.column};
}

// Refuses JSON nested deeper than max_json_depth before it is parsed (the position walk is recursive).
void check_depth(std::string_view text, const std::string& path) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_json_depth) {
        throw InputError(
            location_of(path, position_of_offset(text, i)),
            fmt::format(fmt::runtime(tr("JSON nested deeper than {} levels: not a results file")), max_json_depth));
      }
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
}

// nlohmann's message without its prefix and position: "syntax error while parsing object - ...".
std::string parse_error_reason(const Json::parse_error& error) {
  const std::string what = error.what();
  const std::size_t column = what.find("column ");
  const std::size_t colon = what.find(": ", column == std::string::npos ? 0 : column);
  return colon == std::string::npos ? what : what.substr(colon + 2);
}

Json parse_json(std::string_view text, const std::string& path) {
  check_depth(text, path);
  try {
    return Json::parse(text);
  } catch (const Json::parse_error& error) {
    const std::size_t offset = error.byte > 0 ? error.byte - 1 : 0;
    throw InputError(
        location_of(path, position_of_offset(text, offset)),
        fmt::format(fmt::runtime(tr("not valid JSON (is the file complete?): {}")), parse_error_reason(error)));
  }
}

class ResultsReader {
public:
  ResultsReader(std::string_view text, const std::string& path) : root_(parse_json(text, path)), positions_(text) {
    input_.path = path;
  }

  ComparisonInput read() {
    check_header();
    const Json& options = object(root_, "", "options");
    input_.results.options.min_group = count(options, "/options", "min_group");
    input_.min_group_location = location_of(input_.path, positions_.at("/options/min_group"));
    input_.results.options.gap_threshold = number(options, "/options", "gap_threshold");
    each(root_, "", "groups", [&](const Json& group, const std::string& at) { read_group(group, at); });
    return std::move(input_);
  }

private:
  [[noreturn]] void fail(const std::string& pointer, const std::string& message) const {
    throw InputError(location_of(input_.path, positions_.at(pointer)), message);
  }

  void check_header() const {
    if (!root_.is_object()) fail("", std::string(tr("not a partnerpulse results file: the JSON is not an object")));
    const auto tool = root_.find("tool");
    const bool ours = tool != root_.end() && tool->is_object() && tool->value("name", Json()) == "partnerpulse";
    if (!ours) {
      fail(tool == root_.end() ? "" : "/tool",
           "not a partnerpulse results file (it has no \"tool\": {\"name\": \"partnerpulse\"}); give a file written "
           "by 'partnerpulse report --format json'");
    }
    const auto version = root_.find("format_version");
    if (version == root_.end()) {
      fail("", std::string(tr(
                   "no \"format_version\": written by an older partnerpulse; write it again with 'partnerpulse report "
                   "--format json'")));
    }
    if (!version->is_number_unsigned() || version->get<std::uint64_t>() == 0) {
      fail("/format_version", std::string(tr("\"format_version\" must be a whole number from 1")));
    }
    if (version->get<std::uint64_t>() > static_cast<std::uint64_t>(json_format_version)) {
      fail("/format_version",
           fmt::format(fmt::runtime(tr("format_version {} is newer than this partnerpulse reads (up to {}): "
                                       "use a newer partnerpulse")),
                       version->get<std::uint64_t>(), json_format_version));
    }
  }

  // The member `key` of `object` (at `pointer`), which must be present.
  const Json& member(const Json& object, const std::string& pointer, std::string_view key) const {
    if (!object.is_object()) fail(pointer, std::string(tr("expected an object here")));
    const auto found = object.find(key);
    if (found == object.end()) fail(pointer, fmt::format(fmt::runtime(tr("missing field \"{}\"")), key));
    return *found;
  }

  const Json& object(const Json& parent, const std::string& pointer, std::string_view key) const {
    const Json& value = member(parent, pointer, key);
    if (!value.is_object()) {
      fail(pointer + "/" + std::string(key), fmt::format(fmt::runtime(tr("\"{}\" must be an object")), key));
    }
    return value;
  }

  std::string text(const Json& parent, const std::string& pointer, std::string_view key) const {
    const Json& value = member(parent, pointer, key);
    if (!value.is_string()) {
      fail(pointer + "/" + std::string(key), fmt::format(fmt::runtime(tr("\"{}\" must be a string")), key));
    }
    return value.get<std::string>();
  }

  bool boolean(const Json& parent, const std::string& pointer, std::string_view key) const {
    const Json& value = member(parent, pointer, key);
    if (!value.is_boolean()) {
      fail(pointer + "/" + std::string(key), fmt::format(fmt::runtime(tr("\"{}\" must be true or false")), key));
    }
    return value.get<bool>();
  }

  std::optional<double> number_or_null(const Json& parent, const std::string& pointer, std::string_view key) const {
    const Json& value = member(parent, pointer, key);
    if (value.is_null()) return std::nullopt;
    if (!value.is_number()) {
      fail(pointer + "/" + std::string(key), fmt::format(fmt::runtime(tr("\"{}\" must be a number or null")), key));
    }
    return value.get<double>();
  }

  double number(const Json& parent, const std::string& pointer, std::string_view key) const {
    const auto value = number_or_null(parent, pointer, key);
    if (!value) fail(pointer + "/" + std::string(key), fmt::format(fmt::runtime(tr("\"{}\" must be a number")), key));
    return *value;
  }

  std::size_t count(const Json& parent, const std::string& pointer, std::string_view key) const {
    const Json& value = member(parent, pointer, key);
    if (!value.is_number_unsigned()) {
      fail(pointer + "/" + std::string(key), fmt::format(fmt::runtime(tr("\"{}\" must be a whole number")), key));
    }
    return value.get<std::size_t>();
  }

  int whole_number(const Json& parent, const std::string& pointer, std::string_view key) const {
    const Json& value = member(parent, pointer, key);
    if (!value.is_number_integer() || value.get<std::int64_t>() < std::numeric_limits<int>::min() ||
        value.get<std::int64_t>() > std::numeric_limits<int>::max()) {
      fail(pointer + "/" + std::string(key), fmt::format(fmt::runtime(tr("\"{}\" must be a whole number")), key));
    }
    return static_cast<int>(value.get<std::int64_t>());
  }

  // Calls read(element, its pointer) for every element of the array `key`.
  template <typename Read>
  void each(const Json& parent, const std::string& pointer, std::string_view key, Read&& read) const {
    const Json& array = member(parent, pointer, key);
    const std::string at = pointer + "/" + std::string(key);
    if (!array.is_array()) fail(at, fmt::format(fmt::runtime(tr("\"{}\" must be an array")), key));
    for (std::size_t i = 0; i < array.size(); ++i) read(array[i], at + "/" + std::to_string(i));
  }

  static LocalizedText plain(std::string text) { return LocalizedText("", std::move(text)); }

  void read_group(const Json& json, const std::string& at) {
    GroupResult group;
    group.partnership = text(json, at, "partnership");
    group.period = text(json, at, "period");
    group.respondents = count(json, at, "respondents");
    group.withheld = boolean(json, at, "withheld");
    group.overall_index = number_or_null(object(json, at, "overall"), at + "/overall", "index");
    each(json, at, "dimensions", [&](const Json& d, const std::string& p) { group.dimensions.push_back(dimension(d, p)); });
    each(json, at, "roles", [&](const Json& r, const std::string& p) { group.roles.push_back(role(r, p)); });
    each(json, at, "gaps", [&](const Json& g, const std::string& p) {
      GapResult gap;
      gap.questionnaire = text(g, p, "questionnaire");
      gap.dimension = text(g, p, "dimension");
      gap.gap = number_or_null(g, p, "gap");
      group.gaps.push_back(std::move(gap));
    });
    each(json, at, "items", [&](const Json& i, const std::string& p) { group.attention_items.push_back(item(i, p)); });
    const Json& method = object(json, at, "method");
    each(method, at + "/method", "questionnaires", [&](const Json& q, const std::string& p) {
      group.questionnaires.push_back({text(q, p, "id"), text(q, p, "version"), plain(text(q, p, "title")),
                                      count(q, p, "respondents")});
    });
    input_.period_locations.push_back(location_of(input_.path, positions_.at(at + "/period")));
    input_.results.groups.push_back(std::move(group));
  }

  DimensionResult dimension(const Json& json, const std::string& at) const {
    DimensionResult d;
    d.questionnaire = text(json, at, "questionnaire");
    d.id = text(json, at, "id");
    d.title = plain(text(json, at, "title"));
    d.index = number_or_null(json, at, "index");
    d.n = count(json, at, "n");
    d.sd = number_or_null(json, at, "sd");
    d.withheld = boolean(json, at, "withheld");
    d.measure = std::make_shared<const DimensionMeasure>(measure(object(json, at, "measured_with"), at + "/measured_with"));
    return d;
  }

  DimensionMeasure measure(const Json& json, const std::string& at) const {
    DimensionMeasure out;
    out.questionnaire_version = text(json, at, "version");
    each(json, at, "items", [&](const Json& i, const std::string& p) {
      MeasuredItem item;
      item.id = text(i, p, "id");
      item.min = whole_number(i, p, "min");
      item.max = whole_number(i, p, "max");
      if (i.contains("reverse")) item.reverse = boolean(i, p, "reverse");
      if (i.contains("weight")) item.weight = number(i, p, "weight");
      if (i.contains("replaces")) item.replaces = text(i, p, "replaces");
      out.items.push_back(std::move(item));
    });
    return out;
  }

  RoleResult role(const Json& json, const std::string& at) const {
    RoleResult out;
    out.role = text(json, at, "role");
    out.n = count(json, at, "n");
    each(json, at, "dimensions", [&](const Json& c, const std::string& p) {
      out.dimensions.push_back({text(c, p, "questionnaire"), text(c, p, "id"), count(c, p, "n"),
                                number_or_null(c, p, "index"), std::nullopt});
    });
    return out;
  }

  ItemResult item(const Json& json, const std::string& at) const {
    ItemResult out;
    out.questionnaire = text(json, at, "questionnaire");
    out.id = text(json, at, "id");
    out.dimension = text(json, at, "dimension");
    out.text = plain(text(json, at, "text"));
    out.reverse = boolean(json, at, "reverse");
    out.index = number_or_null(json, at, "index");
    out.sd = number_or_null(json, at, "sd");
    out.n = count(json, at, "n");
    out.not_applicable = count(json, at, "not_applicable");
    return out;
  }

  Json root_;
  JsonPositions positions_;
  ComparisonInput input_;
};

// True when the first character after blanks (and a byte-order mark) is `{`: a JSON results file.
bool looks_like_json(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && text[first] == '{';
}

}  // namespace

ComparisonInput read_results_json(std::string_view text, const std::string& path) {
  // A leading byte-order mark is not part of the JSON: positions count from after it, as in TOML files.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return ResultsReader(text, path).read();
}

void check_min_group(const ComparisonInput& input, std::size_t min_group) {
  const std::size_t written_with = input.results.options.min_group;
  if (!input.min_group_location || written_with >= min_group) return;
  throw InputError(
      *input.min_group_location,
      fmt::format(
          fmt::runtime(tr("written with --min-group {0}, lower than the --min-group {1} of this comparison: it "
                          "may show groups, roles and items of fewer than {1} respondents, which --min-group {1} "
                          "withholds. Write it again from the responses with 'partnerpulse report --format json "
                          "--min-group {1}', or, if the respondents agreed to groups that small, compare with "
                          "--min-group {0}")),
          written_with, min_group));
}

ComparisonInput load_comparison_input(const std::string& path, const Catalog& catalog, const ScoringOptions& options,
                                      ThreadPool& pool, const PartnershipSet& partnerships) {
  std::error_code error;
  if (std::filesystem::is_regular_file(path, error)) {
    const std::string text = read_text_file(path, max_results_bytes);
    if (looks_like_json(text)) {
      ComparisonInput input = read_results_json(text, path);
      check_min_group(input, options.min_group);
      return input;
    }
  }
  TomlFileStream files({path});
  ScoreFilesOutcome outcome = score_files(files, catalog, options, pool, partnerships);
  if (!outcome.problems.empty()) throw InputError(std::move(outcome.problems));
  if (outcome.results.groups.empty()) {
    throw InputError(SourceLocation{path, 0, 0},
                     std::string(tr("no response files found (a response file has a [respondent] "
                                    "table), and not a results file written by 'report --format json'")));
  }
  ComparisonInput input{path, std::move(outcome.results), {}, std::nullopt, std::move(outcome.role_spellings)};
  input.period_locations.assign(input.results.groups.size(), SourceLocation{path, 0, 0});
  return input;
}

}  // namespace partnerpulse
