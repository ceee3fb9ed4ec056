#include "import/mapping_file.hpp"

#include <fmt/format.h>

#include "model/toml_document.hpp"
#include "partnerpulse/files.hpp"
#include "partnerpulse/response.hpp"
#include "util/name_suggestions.hpp"
#include "partnerpulse/interface_text.hpp"

namespace partnerpulse {

namespace {

constexpr RespondentField all_fields[] = {RespondentField::partnership, RespondentField::role, RespondentField::period,
                                          RespondentField::organisation, RespondentField::id};

void read_questionnaire_list(TableReader& reader, const Catalog& catalog, ImportMapping& mapping) {
  const toml::array* list = reader.array("questionnaires", Need::optional);
  if (list == nullptr) return;
  for (const toml::node& node : *list) {
    const SourceLocation at = location_of(node.source(), mapping.path);
    const auto* id = node.as_string();
    if (id == nullptr) {
      reader.diagnostics().error(
          at, fmt::format(fmt::runtime(tr("[import]: 'questionnaires' holds questionnaire ids (strings), not {}")),
                          describe_type(node)));
    } else if (catalog.find(id->get()) == nullptr) {
      const auto suggestion = NameSuggester(catalog.ids()).closest(id->get());
      reader.diagnostics().error(
          at,
          suggestion
              ? fmt::format(fmt::runtime(tr("[import]: no questionnaire '{}' on the search path; did you mean '{}'? "
                                            "(searched: {})")),
                            id->get(), *suggestion, catalog.searched_folders())
              : fmt::format(fmt::runtime(tr("[import]: no questionnaire '{}' on the search path (searched: {})")),
                            id->get(), catalog.searched_folders()));
    } else {
      mapping.questionnaires.push_back(id->get());
    }
  }
}

void read_respondent(TableReader& reader, ImportMapping& mapping) {
  for (const RespondentField field : all_fields) {
    const std::string key = respondent_field_name(field);
    const toml::node* node = reader.node(key);
    if (node == nullptr) continue;
    MappedField mapped{field, false, {}, location_of(node->source(), mapping.path)};
    if (const auto* header = node->as_string()) {
      mapped.text = header->get();
    } else if (const auto* table = node->as_table()) {
      TableReader inner(*table, mapping.path, fmt::format("[respondent] '{}'", key), reader.diagnostics());
      const auto column = inner.string("column", Need::optional);
      const auto value = field == RespondentField::id ? std::nullopt : inner.string("value", Need::optional);
      inner.finish();
      if (column.has_value() == value.has_value()) {
        reader.diagnostics().error(
            mapped.where, field == RespondentField::id
                              ? fmt::format(fmt::runtime(tr("[respondent] 'id' must be {{ column = \"HEADER\" }}")))
                              : fmt::format(fmt::runtime(tr("[respondent] '{}' must be a column header, "
                                                            "{{ column = \"HEADER\" }} or {{ value = \"TEXT\" }}")),
                                            key));
        continue;
      }
      mapped.fixed = value.has_value();
      mapped.text = column ? *column : *value;
    } else {
      reader.wrong_type(key, *node, tr("a column header or an inline table"));
      continue;
    }
    if (mapped.text.empty()) {
      reader.diagnostics().error(mapped.where,
                                 fmt::format(fmt::runtime(tr("[respondent] '{}' must not be empty")), key));
      continue;
    }
    if (const auto problem = mapped.fixed ? respondent_field_problem(mapped.text) : std::nullopt) {
      reader.diagnostics().error(mapped.where,
                                 fmt::format(fmt::runtime(tr("[respondent] '{}': the value must be {}: {}")), key,
                                             respondent_field_rule(), *problem));
      continue;
    }
    mapping.respondent.push_back(std::move(mapped));
  }
  reader.finish();
}

// "questionnaire.item" or "questionnaire.item_comment", checked against the catalog.
void read_columns(const toml::table& table, const Catalog& catalog, ImportMapping& mapping,
                  DiagnosticList& problems) {
  for (const auto& [key, node] : table) {
    const SourceLocation at = location_of(node.source(), mapping.path);
    const auto* target = node.as_string();
    if (target == nullptr) {
      problems.error(
          at, fmt::format(fmt::runtime(tr("[columns]: '{}' must name an item as \"questionnaire.item\", not {}")),
                          key.str(), describe_type(node)));
      continue;
    }
    std::string name = target->get();
    MappedColumn column{std::string(key.str()), {}, {}, false, at};
    if (name.size() > 8 && name.ends_with("_comment")) {
      column.comment = true;
      name.resize(name.size() - 8);
    }
    const std::size_t dot = name.find('.');
    const Questionnaire* questionnaire = dot == std::string::npos ? nullptr : catalog.find(name.substr(0, dot));
    if (questionnaire == nullptr) {
      problems.error(
          at, fmt::format(
                  fmt::runtime(tr("[columns]: '{}' must name an item as \"questionnaire.item\" of a questionnaire on "
                                  "the search path")),
                  target->get()));
      continue;
    }
    column.questionnaire = questionnaire->id;
    column.item = name.substr(dot + 1);
    if (questionnaire->find_item(column.item) == nullptr) {
      std::vector<std::string> ids;
      for (const Item& item : questionnaire->items) ids.push_back(item.id);
      const auto suggestion = NameSuggester(ids).closest(column.item);
      problems.error(
          at, suggestion ? fmt::format(fmt::runtime(tr("[columns]: questionnaire '{}' has no item '{}'; did you mean "
                                                       "'{}'?")),
                                       questionnaire->id, column.item, *suggestion)
                         : fmt::format(fmt::runtime(tr("[columns]: questionnaire '{}' has no item '{}'")),
                                       questionnaire->id, column.item));
      continue;
    }
    mapping.columns.push_back(std::move(column));
  }
}

void read_answers(const toml::table& table, ImportMapping& mapping, DiagnosticList& problems) {
  for (const auto& [key, node] : table) {
    const SourceLocation at = location_of(node.source(), mapping.path);
    MappedAnswer answer{std::string(key.str()), std::nullopt, at};
    if (const auto* value = node.as_integer()) {
      if (value->get() < -1000000 || value->get() > 1000000) {
        problems.error(at, fmt::format(fmt::runtime(tr("[answers]: '{}' must be a scale point, not {}")), key.str(),
                                       value->get()));
        continue;
      }
      answer.value = static_cast<int>(value->get());
    } else if (const auto* text = node.as_string(); text == nullptr || text->get() != "na") {
      problems.error(
          at, fmt::format(fmt::runtime(tr("[answers]: '{}' must be a scale point (an integer) or \"na\"")), key.str()));
      continue;
    }
    mapping.answers.push_back(std::move(answer));
  }
}

}  // namespace

const char* respondent_field_name(RespondentField field) {
  switch (field) {
    case RespondentField::partnership: return "partnership";
    case RespondentField::role: return "role";
    case RespondentField::period: return "period";
    case RespondentField::organisation: return "organisation";
    case RespondentField::id: return "id";
  }
  return "";
}

ImportMapping parse_mapping(std::string_view text, const std::string& path, const Catalog& catalog) {
  DiagnosticList problems;
  ImportMapping mapping;
  mapping.path = path;
  const std::optional<toml::table> document = parse_toml(text, path, problems);
  if (document) {
    TableReader top(*document, path, std::string(tr("mapping file")), problems);
    if (const toml::table* import = top.table("import", Need::optional)) {
      TableReader reader(*import, path, "[import]", problems);
      read_questionnaire_list(reader, catalog, mapping);
      reader.finish();
    }
    if (const toml::table* respondent = top.table("respondent", Need::optional)) {
      TableReader reader(*respondent, path, "[respondent]", problems);
      read_respondent(reader, mapping);
    }
    if (const toml::table* columns = top.table("columns", Need::optional)) read_columns(*columns, catalog, mapping, problems);
    if (const toml::table* answers = top.table("answers", Need::optional)) read_answers(*answers, mapping, problems);
    top.finish();
  }
  if (problems.has_errors()) throw InputError(problems.items());
  return mapping;
}

ImportMapping load_mapping(const std::string& path, const Catalog& catalog) {
  return parse_mapping(read_text_file(path), path, catalog);
}

}  // namespace partnerpulse
