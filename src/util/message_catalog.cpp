#include "util/message_catalog.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>

namespace partnerpulse {

namespace {

constexpr std::uint32_t mo_magic = 0x950412de;
constexpr std::uint32_t mo_magic_swapped = 0xde120495;

std::uint32_t swap_bytes(std::uint32_t v) {
  return (v >> 24) | ((v >> 8) & 0xff00u) | ((v << 8) & 0xff0000u) | (v << 24);
}

// Reads the little structures of a .mo file, checking every offset against the file's size.
class MoReader {
public:
  MoReader(std::string_view bytes, bool swapped) : bytes_(bytes), swapped_(swapped) {}

  std::optional<std::uint32_t> word(std::size_t offset) const {
    if (offset > bytes_.size() || bytes_.size() - offset < 4) return std::nullopt;
    std::uint32_t v = 0;
    std::memcpy(&v, bytes_.data() + offset, 4);
    return swapped_ ? swap_bytes(v) : v;
  }

  // The string whose (length, offset) descriptor is at `offset`.
  std::optional<std::string_view> string_at(std::size_t descriptor) const {
    const auto length = word(descriptor);
    const auto start = word(descriptor + 4);
    if (!length || !start || *start > bytes_.size() || bytes_.size() - *start < *length) return std::nullopt;
    return bytes_.substr(*start, *length);
  }

private:
  std::string_view bytes_;
  bool swapped_;
};

// The parts of `text` separated by NUL bytes (plural forms are stored that way).
std::vector<std::string> split_at_nul(std::string_view text) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t nul = text.find('\0'); nul != std::string_view::npos; nul = text.find('\0', start)) {
    parts.emplace_back(text.substr(start, nul - start));
    start = nul + 1;
  }
  parts.emplace_back(text.substr(start));
  return parts;
}

std::string_view primary_subtag(std::string_view language) {
  return language.substr(0, std::min(language.find_first_of("-_"), language.size()));
}

}  // namespace

std::optional<MessageCatalog> parse_mo(std::string_view bytes) {
  std::uint32_t magic = 0;
  if (bytes.size() < 28) return std::nullopt;
  std::memcpy(&magic, bytes.data(), 4);
  if (magic != mo_magic && magic != mo_magic_swapped) return std::nullopt;
  const MoReader reader(bytes, magic == mo_magic_swapped);
  const auto count = reader.word(8);
  const auto originals = reader.word(12);
  const auto translations = reader.word(16);
  if (!count || !originals || !translations) return std::nullopt;
  MessageCatalog catalog;
  for (std::uint32_t i = 0; i < *count; ++i) {
    const auto original = reader.string_at(*originals + std::size_t{8} * i);
    const auto translation = reader.string_at(*translations + std::size_t{8} * i);
    if (!original || !translation) return std::nullopt;
    if (original->empty()) {
      catalog.header = std::string(*translation);
      continue;
    }
    if (original->find('\x04') != std::string_view::npos || translation->empty()) continue;  // context, untranslated
    const std::string_view singular = original->substr(0, std::min(original->find('\0'), original->size()));
    catalog.messages.emplace(std::string(singular), split_at_nul(*translation));
  }
  return catalog;
}

std::size_t plural_form(std::string_view language, std::uint64_t n) {
  const std::string_view code = primary_subtag(language);
  if (code == "fr") return n > 1 ? 1 : 0;
  if (code == "ar") {
    const std::uint64_t hundreds = n % 100;
    if (n == 0) return 0;
    if (n == 1) return 1;
    if (n == 2) return 2;
    if (hundreds >= 3 && hundreds <= 10) return 3;
    if (hundreds >= 11) return 4;
    return 5;
  }
  return n != 1 ? 1 : 0;
}

std::size_t plural_form_count(std::string_view language) { return primary_subtag(language) == "ar" ? 6 : 2; }

std::string_view plural_forms_header(std::string_view language) {
  const std::string_view code = primary_subtag(language);
  if (code == "fr") return "nplurals=2; plural=(n > 1);";
  if (code == "ar") {
    return "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);";
  }
  return "nplurals=2; plural=(n != 1);";
}

std::string language_of_locale(std::string_view name) {
  if (name.empty()) return {};
  const std::string_view base = name.substr(0, std::min(name.find_first_of(".@"), name.size()));
  if (base == "C" || base == "POSIX" || base.empty()) return "en";
  std::string code(primary_subtag(base));
  std::transform(code.begin(), code.end(), code.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return code;
}

std::string environment_language() {
  if (const char* list = std::getenv("LANGUAGE"); list && *list) {
    const std::string_view entries(list);
    const std::string first = language_of_locale(entries.substr(0, std::min(entries.find(':'), entries.size())));
    if (!first.empty()) return first;
  }
  for (const char* variable : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    if (const char* value = std::getenv(variable); value && *value) return language_of_locale(value);
  }
  return "en";
}

}  // namespace partnerpulse
