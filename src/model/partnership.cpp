#include "partnerpulse/partnership.hpp"

#include <algorithm>
#include <cstdlib>
#include <memory>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <utf8proc.h>

#include "model/toml_document.hpp"
#include "partnerpulse/files.hpp"
#include "partnerpulse/interface_text.hpp"
#include "util/name_suggestions.hpp"
#include "util/natural_order.hpp"
#include "util/text_direction.hpp"

namespace partnerpulse {

namespace {

// Most people a partnership file may say were invited to one role in one period.
constexpr std::int64_t max_invited = 1000000;

std::string_view trim_spaces(std::string_view text) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

class PartnershipReader {
public:
 PartnershipReader(const toml::table& root, const std::string& path, DiagnosticList& diagnostics)
     : root_(root, path, std::string(tr("the file")), diagnostics), path_(path), diagnostics_(diagnostics) {}

 Partnership read() {
   partnership_.path = path_;
   read_header();
   read_roles();
   read_periods();
   root_.finish();
   return std::move(partnership_);
  }

private:
  // A label that responses can hold: a respondent detail (response.hpp).
  bool check_label(const std::string& label, const SourceLocation& where, std::string_view what) {
    if (const auto problem = respondent_field_problem(label)) {
      diagnostics_.error(where,
                         fmt::format(fmt::runtime(tr("{} must be {}: {}")), what, respondent_field_rule(), *problem));
      return false;
    }
    return true;
  }

  void read_header() {
    const toml::table* table = root_.table("partnership", Need::required);
    if (!table) return;
    TableReader reader(*table, path_, "[partnership]", diagnostics_);
    if (auto id = reader.string("id", Need::required)) {
      if (check_label(*id, reader.where("id"), "[partnership]: 'id'")) partnership_.id = *id;
    }
    partnership_.title = reader.string("title", Need::optional).value_or(partnership_.id);
    reader.finish();
  }

  // Records that `label` (folded) means role `role`; reports a label two roles claim.
  void claim(const std::string& label, const std::string& role, const SourceLocation& where) {
    const auto [found, inserted] = partnership_.labels.emplace(fold_role_label(label), role);
    if (!inserted && found->second != role) {
      diagnostics_.error(
          where, fmt::format(fmt::runtime(tr("\"{}\" already means role '{}' (role labels are compared ignoring case, "
                                             "surrounding spaces and Unicode form)")),
                             name_for_message(label), found->second));
    }
  }

  void read_role(const std::string& id, const toml::node& node, const SourceLocation& key_at) {
    PartnershipRole role;
    role.id = std::string(trim_spaces(id));
    if (!check_label(role.id, key_at, std::string(tr("a role label")))) return;
    const auto* table = node.as_table();
    if (!table) {
      diagnostics_.error(
          location_of(node.source(), path_),
          fmt::format(fmt::runtime(tr("[roles]: '{}' must be a table, not {}")), id, describe_type(node)));
      return;
    }
    TableReader reader(*table, path_, fmt::format("[roles.{}]", id), diagnostics_);
    role.title = reader.string("title", Need::optional).value_or(role.id);
    claim(role.id, role.id, key_at);
    if (const toml::array* aliases = reader.array("aliases", Need::optional)) {
      for (const toml::node& alias : *aliases) {
        const SourceLocation at = location_of(alias.source(), path_);
        const auto* text = alias.as_string();
        if (!text) {
          diagnostics_.error(at, fmt::format(fmt::runtime(tr("[roles.{}]: each alias must be a string, not {}")), id,
                                             describe_type(alias)));
          continue;
        }
        if (!check_label(text->get(), at, fmt::format(fmt::runtime(tr("[roles.{}]: an alias")), id))) continue;
        claim(text->get(), role.id, at);
        role.aliases.push_back(text->get());
      }
    }
    reader.finish();
    partnership_.roles.push_back(std::move(role));
  }

  void read_roles() {
    const toml::table* table = root_.table("roles", Need::required);
    if (!table) return;
    if (table->empty()) diagnostics_.error(root_.where("roles"), std::string(tr("[roles] declares no role")));
    for (const auto& [key, node] : *table) read_role(std::string(key.str()), node, location_of(key.source(), path_));
  }

  void read_invited(const toml::table& invited, PartnershipPeriod& period, const std::string& context) {
    std::vector<std::string> declared;
    for (const auto& role : partnership_.roles) declared.push_back(role.id);
    for (const auto& [key, node] : invited) {
      const std::string role(key.str());
      const SourceLocation at = location_of(node.source(), path_);
      if (!partnership_.role(role)) {
        const auto suggestion = closest_name(role, declared);
        diagnostics_.error(
            location_of(key.source(), path_),
            suggestion ? fmt::format(fmt::runtime(tr("{}: 'invited' names role '{}', which [roles] does not declare; "
                                                     "did you mean '{}'?")),
                                     context, name_for_message(role), *suggestion)
                       : fmt::format(fmt::runtime(tr("{}: 'invited' names role '{}', which [roles] does not declare "
                                                     "(declared: {})")),
                                     context, name_for_message(role), fmt::join(declared, ", ")));
        continue;
      }
      const auto* count = node.as_integer();
      if (!count || count->get() < 0 || count->get() > max_invited) {
        diagnostics_.error(
            at, fmt::format(fmt::runtime(tr("{}: 'invited' for role '{}' must be a whole number from 0 to {}")),
                            context, role, max_invited));
        continue;
      }
      period.invited[role] = static_cast<std::size_t>(count->get());
    }
  }

  void read_periods() {
    const toml::array* periods = root_.array("periods", Need::optional);
    if (!periods) return;
    for (const toml::node& node : *periods) {
      const auto* table = node.as_table();
      if (!table) {
        diagnostics_.error(location_of(node.source(), path_), std::string(tr("[[periods]] entries must be tables")));
        continue;
      }
      TableReader reader(*table, path_, "[[periods]]", diagnostics_);
      PartnershipPeriod period;
      if (auto id = reader.string("id", Need::required)) {
        if (!check_label(*id, reader.where("id"), "[[periods]]: 'id'")) continue;
        if (partnership_.period(*id)) {
          diagnostics_.error(reader.where("id"),
                             fmt::format(fmt::runtime(tr("[[periods]]: period '{}' is listed twice")), *id));
          continue;
        }
        period.id = *id;
      }
      if (const toml::table* invited = reader.table("invited", Need::optional)) {
        read_invited(*invited, period, fmt::format("[[periods]] '{}'", period.id));
      }
      reader.finish();
      partnership_.periods.push_back(std::move(period));
    }
  }

  TableReader root_;
  std::string path_;
  DiagnosticList& diagnostics_;
  Partnership partnership_;
};

std::string_view file_name(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

}  // namespace

const PartnershipRole* Partnership::role(std::string_view role_id) const {
  const auto found = std::find_if(roles.begin(), roles.end(), [&](const PartnershipRole& r) { return r.id == role_id; });
  return found == roles.end() ? nullptr : &*found;
}

const PartnershipPeriod* Partnership::period(std::string_view period_id) const {
  const auto found =
      std::find_if(periods.begin(), periods.end(), [&](const PartnershipPeriod& p) { return p.id == period_id; });
  return found == periods.end() ? nullptr : &*found;
}

std::string fold_role_label(std::string_view label) {
  label = trim_spaces(label);
  if (label.empty()) return {};
  if (std::all_of(label.begin(), label.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    std::string folded(label);  // ASCII: NFC changes nothing, and case folding is lowercasing
    for (char& c : folded) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return folded;
  }
  utf8proc_uint8_t* raw = nullptr;
  const auto options = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
  const utf8proc_ssize_t length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(label.data()),
                                               static_cast<utf8proc_ssize_t>(label.size()), &raw, options);
  const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(raw, &std::free);
  if (length < 0 || !raw) return std::string(label);
  return std::string(reinterpret_cast<const char*>(raw), static_cast<std::size_t>(length));
}

Partnership parse_partnership(std::string_view text, const std::string& path) {
  DiagnosticList diagnostics;
  std::optional<toml::table> root = parse_toml(text, path, diagnostics);
  if (!root) throw InputError(diagnostics.items());
  Partnership partnership = PartnershipReader(*root, path, diagnostics).read();
  if (diagnostics.has_errors()) {
    diagnostics.sort_by_position();
    throw InputError(diagnostics.items());
  }
  return partnership;
}

Partnership load_partnership(const std::string& path) { return parse_partnership(read_text_file(path), path); }

bool is_partnership_file_name(std::string_view path) {
  const std::string_view name = file_name(path);
  constexpr std::string_view suffix = ".partnership.toml";
  return name == "partnership.toml" ||
         (name.size() > suffix.size() && name.substr(name.size() - suffix.size()) == suffix);
}

void PartnershipSet::add(Partnership partnership) {
  const auto found = by_id_.find(partnership.id);
  if (found != by_id_.end()) {
    throw InputError(SourceLocation{partnership.path, 1, 1},
                     fmt::format(fmt::runtime(tr("partnership '{}' is already described by {}")),
                                 name_for_message(partnership.id), found->second.path));
  }
  std::string id = partnership.id;
  by_id_.emplace(std::move(id), std::move(partnership));
}

const Partnership* PartnershipSet::find(std::string_view id) const {
  const auto found = by_id_.find(id);
  return found == by_id_.end() ? nullptr : &found->second;
}

PartnershipSet load_partnerships(const std::vector<std::string>& response_paths,
                                 const std::vector<std::string>& partnership_folders) {
  std::vector<std::string> files;
  TomlFileStream among_responses(response_paths);
  for (std::string path; among_responses.next(path);) {
    if (is_partnership_file_name(path)) files.push_back(path);
  }
  const std::size_t named = files.size();  // the rest come from the folders, where other files are passed over
  for (const std::string& file : collect_toml_files(partnership_folders)) files.push_back(file);
  PartnershipSet set;
  std::vector<Diagnostic> problems;
  for (std::size_t i = 0; i < files.size(); ++i) {
    try {
      const std::string text = read_text_file(files[i]);
      if (i >= named && detect_input_kind(text) != InputKind::partnership) continue;
      set.add(parse_partnership(text, files[i]));
    } catch (const InputError& error) {
      problems.insert(problems.end(), error.diagnostics().begin(), error.diagnostics().end());
    }
  }
  if (!problems.empty()) throw InputError(std::move(problems));
  return set;
}

std::optional<Diagnostic> resolve_role(Response& response, const PartnershipSet& partnerships,
                                       RoleSpellings& spellings) {
  const std::string folded = fold_role_label(response.respondent.role);
  std::string role = folded;
  if (const Partnership* partnership = partnerships.find(response.respondent.partnership)) {
    const auto declared = partnership->labels.find(folded);
    if (declared == partnership->labels.end()) {
      std::vector<std::string> ids;
      for (const auto& r : partnership->roles) ids.push_back(r.id);
      return Diagnostic{
          response.role_location, Severity::error,
          fmt::format(fmt::runtime(tr("[respondent]: role \"{}\" is not declared in {} (declared roles: {}; add it, or "
                                      "an alias, under [roles])")),
                      name_for_message(response.respondent.role), partnership->path, fmt::join(ids, ", "))};
    }
    role = declared->second;
  }
  spellings[role].insert(response.respondent.role);
  response.respondent.role = std::move(role);
  return std::nullopt;
}

PartnershipChoices partnership_choices(const Partnership& partnership) {
  PartnershipChoices choices;
  for (const PartnershipRole& role : partnership.roles) choices.roles.push_back(role.id);
  for (const PartnershipPeriod& period : partnership.periods) choices.periods.push_back(period.id);
  std::sort(choices.periods.begin(), choices.periods.end(),
            [](const std::string& a, const std::string& b) { return natural_less(b, a); });
  return choices;
}

const Partnership* partnership_for_ask(const PartnershipSet& partnerships, std::string_view id) {
  if (!id.empty()) return partnerships.find(id);
  return partnerships.all().size() == 1 ? &partnerships.all().begin()->second : nullptr;
}

std::string role_folding_warnings(const RoleSpellings& spellings) {
  std::string text;
  for (const auto& [role, seen] : spellings) {
    if (seen.size() == 1 && *seen.begin() == role) continue;
    std::vector<std::string> quoted;
    for (const auto& spelling : seen) {
      quoted.push_back(isolate_for_terminal(interface_language(), fmt::format("\"{}\"", name_for_message(spelling))));
    }
    text += "partnerpulse: warning: " +
            fill(tr_plural("role label {0} is grouped as role {1} (case, surrounding spaces, Unicode form and declared "
                           "aliases are ignored)",
                           "role labels {0} are grouped as role {1} (case, surrounding spaces, Unicode form and "
                           "declared aliases are ignored)",
                           seen.size()),
                 fmt::format("{}", fmt::join(quoted, ", ")),
                 isolate_for_terminal(interface_language(), fmt::format("\"{}\"", name_for_message(role)))) +
            "\n";
  }
  return text;
}

}  // namespace partnerpulse
