#pragma once
// Internal: parsing TOML with the input guards, and reading tables key by key with positioned diagnostics.
// The only header that includes toml++; it is private to the library (src/model, and src/import for mapping files).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "partnerpulse/diagnostics.hpp"
#include "partnerpulse/localized_text.hpp"

namespace partnerpulse {

// Guards the text (see prepare_toml_text), then parses it. Returns nothing after reporting into `diagnostics`.
std::optional<toml::table> parse_toml(std::string_view text, const std::string& path, DiagnosticList& diagnostics);

// Where a node or key starts; 1:1 when toml++ recorded no position (tables created implicitly).
SourceLocation location_of(const toml::source_region& region, const std::string& path);

// The name of a TOML value type for messages: "a string", "an integer", ...
std::string describe_type(const toml::node& node);

enum class Need { required, optional };

// Reads one table's keys with type checks. Every key read is recorded as known; finish() reports the rest
// as unknown, with a suggestion when one is close to a known key (util/name_suggestions.hpp). `context` names the table in messages.
class TableReader {
public:
  TableReader(const toml::table& table, const std::string& path, std::string context, DiagnosticList& diagnostics);

  std::optional<std::string> string(std::string_view key, Need need);
  std::optional<std::int64_t> integer(std::string_view key, Need need);
  std::optional<double> number(std::string_view key, Need need);  // integer or float
  std::optional<bool> boolean(std::string_view key, Need need);
  const toml::table* table(std::string_view key, Need need);
  const toml::array* array(std::string_view key, Need need);
  // Text in one language or as translations keyed by language code; `language` must be among them.
  std::optional<LocalizedText> text(std::string_view key, Need need, const std::string& language);
  // Marks a key as known without reading it; returns its node or nullptr.
  const toml::node* node(std::string_view key);

  // Reports keys that were never read as unknown; call once after reading.
  void finish();

  SourceLocation where() const;                     // the table itself
  SourceLocation where(std::string_view key) const;  // the key's value, or the table when absent
  const std::string& path() const noexcept { return path_; }
  const std::string& context() const noexcept { return context_; }
  DiagnosticList& diagnostics() noexcept { return diagnostics_; }

  // Reports that `node` has the wrong type: "CONTEXT: 'KEY' must be EXPECTED, not ACTUAL".
  void wrong_type(std::string_view key, const toml::node& node, std::string_view expected);

private:
  const toml::node* lookup(std::string_view key, Need need);

  const toml::table& table_;
  std::string path_;
  std::string context_;
  DiagnosticList& diagnostics_;
  std::vector<std::string> known_;
};

// Reads a TEXT value (string, or inline table of translations) at `node`. Reports problems with `where_name`.
std::optional<LocalizedText> read_text(const toml::node& node, const std::string& path, const std::string& where_name,
                                       const std::string& language, DiagnosticList& diagnostics);

// True when `id` is lowercase letters, digits and '-', starting with a letter or digit, at most 64 characters.
bool is_valid_id(std::string_view id);

}  // namespace partnerpulse
