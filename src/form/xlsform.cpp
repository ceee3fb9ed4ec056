// The XLSForm of questionnaires as sheets of text (docs/form.md): built here, written by xlsx_writer.cpp.

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "partnerpulse/diagnostics.hpp"
#include "partnerpulse/form.hpp"
#include "partnerpulse/interface_text.hpp"

namespace partnerpulse {

namespace {

// A text of the form itself (not of a questionnaire), in English and French.
LocalizedText form_text(const char* english, const char* french) {
  LocalizedText text("en", english);
  text.set("fr", french);
  return text;
}

// The label and hint of a respondent field.
struct RespondentField {
  LocalizedText label;
  LocalizedText hint;
};

RespondentField respondent_field(const std::string& name) {
  if (name == "partnership") {
    return {form_text("Partnership", "Partenariat"),
            form_text("The partnership's name, as your working group agreed it", "Le nom du partenariat, tel que "
                                                                                   "votre groupe de travail l'a "
                                                                                   "convenu")};
  }
  if (name == "role") {
    return {form_text("Your organisation's role in the partnership", "Le rôle de votre organisation dans le "
                                                                     "partenariat"),
            form_text("Such as north, south, funder or member", "Par exemple nord, sud, bailleur ou membre")};
  }
  return {form_text("Period assessed", "Période évaluée"), form_text("Such as 2025", "Par exemple 2025")};
}

const std::vector<std::string>& respondent_values(const RespondentChoices& choices, const std::string& name) {
  if (name == "partnership") return choices.partnerships;
  if (name == "role") return choices.roles;
  return choices.periods;
}

// Builds the rows of one sheet whose columns are plain ones followed by texts in every language.
class SheetBuilder {
public:
  SheetBuilder(std::string name, const std::vector<std::string>& plain, const std::vector<std::string>& localized,
               const std::vector<std::string>& trailing, const std::vector<std::string>& languages)
      : languages_(languages), plain_(plain.size()), localized_(localized.size()) {
    sheet_.name = std::move(name);
    sheet_.columns = plain;
    for (const auto& column : localized) {
      sheet_.columns.push_back(column);
      for (const auto& language : languages) {
        sheet_.columns.push_back(fmt::format("{}::{}", column, xlsform_language(language)));
      }
    }
    sheet_.columns.insert(sheet_.columns.end(), trailing.begin(), trailing.end());
  }

  // One row: the plain cells, each localized text in every language (the `label` column in the form's default
  // language), then the trailing cells.
  void add(std::vector<std::string> cells, const std::vector<const LocalizedText*>& texts,
           const std::vector<std::string>& trailing = {}) {
    cells.resize(plain_);
    for (std::size_t i = 0; i < localized_; ++i) {
      const LocalizedText* text = i < texts.size() ? texts[i] : nullptr;
      cells.push_back(text ? text->in(languages_.front()) : "");
      for (const auto& language : languages_) cells.push_back(text ? text->in(language) : "");
    }
    cells.insert(cells.end(), trailing.begin(), trailing.end());
    cells.resize(sheet_.columns.size());
    sheet_.rows.push_back(std::move(cells));
  }

  Sheet take() { return std::move(sheet_); }

private:
  Sheet sheet_;
  const std::vector<std::string>& languages_;
  std::size_t plain_;
  std::size_t localized_;
};

// Throws InputError when an id of the form starts with a digit (XLSForm names must start with a letter) or when a
// questionnaire id is a respondent field's name (names must differ at one level of the form).
void check_xlsform_names(const Questionnaire& q) {
  DiagnosticList problems;
  const auto starts_with_digit = [](const std::string& id) {
    return !id.empty() && id.front() >= '0' && id.front() <= '9';
  };
  if (starts_with_digit(q.id)) {
    problems.error(SourceLocation{q.path, 1, 1},
                   fmt::format(fmt::runtime(tr("questionnaire id '{}' starts with a digit, which an XLSForm field name "
                                               "cannot; rename it, or use --format csv-template")),
                               q.id));
  }
  const auto& respondent = respondent_field_names();
  if (std::find(respondent.begin(), respondent.end(), q.id) != respondent.end()) {
    problems.error(
        SourceLocation{q.path, 1, 1},
        fmt::format(fmt::runtime(tr("questionnaire id '{}' is also the name of a respondent field, which an XLSForm "
                                    "cannot hold twice; rename it, or use --format csv-template")),
                    q.id));
  }
  for (const Item& item : q.items) {
    if (!starts_with_digit(item.id)) continue;
    problems.error(item.location,
                   fmt::format(fmt::runtime(tr("item id '{}' starts with a digit, which an XLSForm field name "
                                               "cannot; rename it, or use --format csv-template")),
                               item.id));
  }
  if (problems.has_errors()) throw InputError(problems.items());
}

void add_respondent_fields(SheetBuilder& survey, SheetBuilder& choices, const RespondentChoices& respondent) {
  static const std::vector<const LocalizedText*> no_texts;
  for (const std::string& name : respondent_field_names()) {
    const RespondentField field = respondent_field(name);
    const std::vector<std::string>& values = respondent_values(respondent, name);
    survey.add({values.empty() ? "text" : "select_one " + name, name}, {&field.label, &field.hint}, {"yes"});
    const std::vector<std::string>* titles = name == "role"          ? &respondent.role_titles
                                             : name == "partnership" ? &respondent.partnership_titles
                                                                     : nullptr;
    for (std::size_t i = 0; i < values.size(); ++i) {
      const bool titled = titles && i < titles->size() && !(*titles)[i].empty();
      const LocalizedText label("", titled ? (*titles)[i] : values[i]);
      choices.add({name, values[i]}, {&label});
    }
  }
}

void add_questionnaire(const Questionnaire& q, SheetBuilder& survey, SheetBuilder& choices) {
  static const LocalizedText comment_label = form_text("Comment (optional)", "Commentaire (facultatif)");
  static const LocalizedText comment_hint =
      form_text("Never shown next to your name or organisation", "Jamais affiché à côté de votre nom ou de votre "
                                                                  "organisation");
  static const LocalizedText not_applicable = form_text("Not applicable", "Sans objet");
  static const LocalizedText dont_know = form_text("Don't know", "Je ne sais pas");
  survey.add({"begin_group", q.id}, {&q.title});
  for (const Item& item : q.items) {
    if (!item.scored()) {
      survey.add({"text", item.id}, {&item.text});
      continue;
    }
    survey.add({"select_one " + choice_list_name(q.id, item.scale), item.id}, {&item.text});
    survey.add({"text", comment_field_name(item.id)}, {&comment_label, &comment_hint});
  }
  survey.add({"end_group", ""}, {});
  for (const Scale& scale : q.scales) {
    const std::string list = choice_list_name(q.id, scale.id);
    for (int point = scale.min; point <= scale.max; ++point) {
      choices.add({list, std::to_string(point)}, {&scale.label(point)});
    }
    if (scale.allow_na) choices.add({list, "na"}, {&not_applicable});
    if (scale.allow_dont_know) choices.add({list, "dk"}, {&dont_know});
  }
}

Sheet settings_sheet(const std::vector<const Questionnaire*>& questionnaires, const std::string& language) {
  std::vector<std::string> titles;
  std::vector<std::string> ids;
  std::vector<std::string> versions;
  for (const Questionnaire* q : questionnaires) {
    titles.push_back(q->title.in(language));
    ids.push_back(q->id);
    versions.push_back(fmt::format("{} {}", q->id, q->version));
  }
  Sheet settings;
  settings.name = "settings";
  settings.columns = {"form_title", "form_id", "version", "default_language"};
  settings.rows.push_back({fmt::format("{}", fmt::join(titles, "; ")),
                           fmt::format("partnerpulse_{}", fmt::join(ids, "_")),
                           fmt::format("{}", fmt::join(versions, "; ")), xlsform_language(language)});
  return settings;
}

}  // namespace

XlsForm build_xlsform(const std::vector<const Questionnaire*>& questionnaires, const RespondentChoices& respondent) {
  for (const Questionnaire* q : questionnaires) check_xlsform_names(*q);
  const std::vector<std::string> languages = form_languages(questionnaires);
  SheetBuilder survey("survey", {"type", "name"}, {"label", "hint"}, {"required"}, languages);
  SheetBuilder choices("choices", {"list_name", "name"}, {"label"}, {}, languages);
  add_respondent_fields(survey, choices, respondent);
  for (const Questionnaire* q : questionnaires) add_questionnaire(*q, survey, choices);
  return {survey.take(), choices.take(), settings_sheet(questionnaires, languages.front())};
}

}  // namespace partnerpulse
