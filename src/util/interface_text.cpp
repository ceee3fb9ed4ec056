#include "partnerpulse/interface_text.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <utility>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "partnerpulse/diagnostics.hpp"
#include "partnerpulse/files.hpp"
#include "util/message_catalog.hpp"

#ifndef PARTNERPULSE_LOCALE_DIR
#define PARTNERPULSE_LOCALE_DIR "/usr/local/share/locale"
#endif

namespace partnerpulse {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view catalogue_file = "LC_MESSAGES/partnerpulse.mo";

std::string& current_interface_language() {
  static std::string language;
  return language;
}

// True when `folder` holds at least one <language>/LC_MESSAGES/partnerpulse.mo.
bool holds_catalogues(const fs::path& folder) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) return false;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (fs::is_regular_file(entry.path() / catalogue_file, ec)) return true;
  }
  return false;
}

// The catalogue folder: $PARTNERPULSE_LOCALEDIR, else share/locale beside the binary's bin/ folder (an
// installation under any prefix, and the tests' binaries in the build tree's tests/ folder), else share/locale in
// the binary's own folder (the build tree), else the folder the build was configured to install to.
fs::path catalogue_folder() {
  if (const char* folder = std::getenv("PARTNERPULSE_LOCALEDIR"); folder && *folder) return folder;
  std::error_code ec;
  const fs::path binary = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (const fs::path& candidate : {binary.parent_path().parent_path() / "share" / "locale",
                                      binary.parent_path() / "share" / "locale"}) {
      if (holds_catalogues(candidate)) return candidate;
    }
  }
  return PARTNERPULSE_LOCALE_DIR;
}

// Every compiled catalogue found, by language code; read once, on first use, and kept for the process's life.
const std::map<std::string, MessageCatalog, std::less<>>& catalogues() {
  static const auto loaded = [] {
    std::map<std::string, MessageCatalog, std::less<>> found;
    std::error_code ec;
    const fs::path folder = catalogue_folder();
    if (!fs::is_directory(folder, ec)) return found;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
      const fs::path file = entry.path() / catalogue_file;
      if (!fs::is_regular_file(file, ec)) continue;
      try {
        if (auto catalog = parse_mo(read_text_file(file.string()))) {
          found.emplace(entry.path().filename().string(), std::move(*catalog));
        }
      } catch (const std::exception&) {
        // An unreadable catalogue leaves its language in English.
      }
    }
    return found;
  }();
  return loaded;
}

// The catalogue for `language` or its primary subtag ("pt-BR" -> "pt"), or nullptr.
const MessageCatalog* catalogue_for(std::string_view language) {
  if (language.empty() || language == "en") return nullptr;
  const auto& all = catalogues();
  if (const auto found = all.find(language); found != all.end()) return &found->second;
  const std::string_view primary = language.substr(0, std::min(language.find_first_of("-_"), language.size()));
  if (const auto found = all.find(primary); found != all.end()) return &found->second;
  return nullptr;
}

const std::vector<std::string>* forms_of(std::string_view language, std::string_view msgid) {
  const MessageCatalog* catalog = catalogue_for(language);
  if (catalog == nullptr) return nullptr;
  const auto found = catalog->messages.find(std::string(msgid));
  return found == catalog->messages.end() ? nullptr : &found->second;
}

bool contains(const std::vector<std::string>& codes, std::string_view code) {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

}  // namespace

std::string_view translate(std::string_view language, std::string_view msgid) {
  const std::vector<std::string>* forms = forms_of(language, msgid);
  return forms == nullptr || forms->front().empty() ? msgid : std::string_view(forms->front());
}

std::string_view translate_plural(std::string_view language, std::string_view singular, std::string_view plural,
                                  std::uint64_t count) {
  const std::vector<std::string>* forms = forms_of(language, singular);
  if (forms != nullptr) {
    const std::size_t form = plural_form(language, count);
    if (form < forms->size() && !(*forms)[form].empty()) return (*forms)[form];
  }
  return count == 1 ? singular : plural;
}

void set_interface_language(std::string language) { current_interface_language() = std::move(language); }

const std::string& interface_language() { return current_interface_language(); }

std::vector<std::string> interface_languages() {
  std::vector<std::string> codes = {"en"};
  for (const auto& [code, catalog] : catalogues()) {
    if (!contains(codes, code)) codes.push_back(code);
  }
  std::sort(codes.begin(), codes.end());
  return codes;
}

std::string resolve_language(std::string_view requested, const std::vector<std::string>& questionnaire_languages) {
  const std::vector<std::string> interface = interface_languages();
  const auto available = [&](std::string_view code) {
    return contains(interface, code) || contains(questionnaire_languages, code) || catalogue_for(code) != nullptr;
  };
  if (requested.empty()) {
    const std::string from_environment = environment_language();
    return available(from_environment) ? from_environment : std::string("en");
  }
  if (available(requested)) return std::string(requested);
  std::vector<std::string> all = interface;
  for (const std::string& code : questionnaire_languages) {
    if (!contains(all, code)) all.push_back(code);
  }
  std::sort(all.begin(), all.end());
  throw UsageError(fmt::format(fmt::runtime(tr("unknown language '{}' (languages available: {})")), requested,
                               fmt::join(all, ", ")));
}

}  // namespace partnerpulse
