#include "partnerpulse/diagnostics.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "partnerpulse/interface_text.hpp"

namespace partnerpulse {

namespace {
const char* severity_name(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "note";
  }
  return "error";
}

std::string summary_of(const std::vector<Diagnostic>& diagnostics) {
  if (diagnostics.empty()) return std::string(tr("invalid input"));
  return format_diagnostic(diagnostics.front());
}
}  // namespace

std::string format_diagnostic(const Diagnostic& diagnostic) {
  const auto& where = diagnostic.location;
  std::string position = where.path;
  if (where.line > 0) position += fmt::format(":{}:{}", where.line, std::max<std::uint32_t>(where.column, 1));
  if (position.empty()) return fmt::format("partnerpulse: {}: {}", severity_name(diagnostic.severity), diagnostic.message);
  return fmt::format("{}: {}: {}", position, severity_name(diagnostic.severity), diagnostic.message);
}

void DiagnosticList::add(Diagnostic diagnostic) {
  if (omitted_ == 0 && items_.size() < max_diagnostics_per_input) {
    items_.push_back(std::move(diagnostic));
    return;
  }
  count_omitted(diagnostic.location.path, 1);
}

void DiagnosticList::count_omitted(const std::string& path, std::size_t count) {
  if (omitted_ == 0) items_.push_back({{path, 0, 0}, Severity::error, {}});
  omitted_ += count;
  items_.back().message =
      fmt::format(fmt::runtime(tr_plural("and {} more problem in this file (only the first {} are listed)",
                                         "and {} more problems in this file (only the first {} are listed)", omitted_)),
                  omitted_, max_diagnostics_per_input);
}

void DiagnosticList::error(const SourceLocation& where, std::string message) {
  add({where, Severity::error, std::move(message)});
}

void DiagnosticList::warning(const SourceLocation& where, std::string message) {
  add({where, Severity::warning, std::move(message)});
}

bool DiagnosticList::has_errors() const noexcept {
  return std::any_of(items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::error; });
}

void DiagnosticList::append(const DiagnosticList& other) {
  const std::size_t kept = other.items_.size() - (other.omitted_ > 0 ? 1 : 0);
  for (std::size_t i = 0; i < kept; ++i) add(other.items_[i]);
  if (other.omitted_ > 0) count_omitted(other.items_.back().location.path, other.omitted_);
}

void sort_by_position(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.location.path != b.location.path) return a.location.path < b.location.path;
    if (a.location.line != b.location.line) return a.location.line < b.location.line;
    return a.location.column < b.location.column;
  });
}

void DiagnosticList::sort_by_position() {
  if (omitted_ == 0) {
    partnerpulse::sort_by_position(items_);
    return;
  }
  std::vector<Diagnostic> kept(items_.begin(), items_.end() - 1);
  partnerpulse::sort_by_position(kept);
  kept.push_back(std::move(items_.back()));
  items_ = std::move(kept);
}

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(summary_of(diagnostics)), diagnostics_(std::move(diagnostics)) {}

InputError::InputError(const SourceLocation& where, const std::string& message)
    : InputError(std::vector<Diagnostic>{{where, Severity::error, message}}) {}

IoError::IoError(std::string path, const std::string& message)
    : std::runtime_error(path.empty() ? message : path + ": " + message), path_(std::move(path)) {}

}  // namespace partnerpulse
