// The folder `report --out-dir` writes: only files it wrote are ever replaced or removed.

#include <filesystem>
#include <system_error>

#include <fmt/format.h>

#include "partnerpulse/diagnostics.hpp"
#include "partnerpulse/portfolio.hpp"
#include "partnerpulse/interface_text.hpp"

namespace partnerpulse {

namespace {

constexpr std::string_view manifest_header =
    "# Files written here by 'partnerpulse report --out-dir' (it replaces or removes no other file). Do not edit.";

bool folder_has_entries(const std::filesystem::path& folder) {
  std::error_code error;
  const std::filesystem::directory_iterator it(folder, error);
  if (error) {
    throw IoError(folder.string(), fmt::format(fmt::runtime(tr("cannot list the folder: {}")), error.message()));
  }
  return it != std::filesystem::directory_iterator();
}

// The file names a manifest lists (no comment lines, nothing that is not a plain name in the folder).
std::set<std::string> read_manifest(const std::string& manifest) {
  std::set<std::string> names;
  const std::string text = read_text_file(manifest);
  for (std::size_t start = 0, end = 0; start < text.size(); start = end + 1) {
    end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(start, end - start);
    if (!line.empty() && line[0] != '#' && line[0] != '.' && line.find('/') == std::string::npos) names.insert(line);
  }
  return names;
}

}  // namespace

OutputFolder::OutputFolder(std::string folder, bool force, RunInputs inputs)
    : folder_(std::move(folder)), inputs_(std::move(inputs)) {
  if (folder_.empty()) throw IoError(folder_, std::string(tr("the output folder name is empty")));
  std::error_code error;
  const auto status = std::filesystem::status(folder_, error);
  if (status.type() == std::filesystem::file_type::not_found) {
    std::filesystem::create_directories(folder_, error);
    if (error) throw IoError(folder_, fmt::format(fmt::runtime(tr("cannot create the folder: {}")), error.message()));
    return;
  }
  if (status.type() != std::filesystem::file_type::directory) {
    throw IoError(folder_, std::string(tr("exists and is not a folder; --out-dir needs a folder")));
  }
  const std::string manifest = path(std::string(manifest_name));
  if (std::filesystem::exists(manifest, error)) {
    owned_ = read_manifest(manifest);
    return;
  }
  if (!force && folder_has_entries(folder_)) {
    throw IoError(folder_, std::string(tr(
                               "is not empty and was not written by 'partnerpulse report --out-dir'; choose a new or "
                               "empty folder, or add --force to write beside its files (partnerpulse never replaces or "
                               "removes a file it did not write)")));
  }
}

std::string OutputFolder::path(const std::string& name) const { return folder_ + "/" + name; }

void OutputFolder::check(const std::vector<std::string>& names) {
  for (const std::string& name : names) {
    std::error_code error;
    const auto status = std::filesystem::symlink_status(path(name), error);
    if (status.type() != std::filesystem::file_type::not_found && !owned_.count(name)) {
      throw IoError(
          path(name),
          std::string(tr("exists and was not written by 'partnerpulse report --out-dir', so it is left alone; "
                         "move it away or choose another folder")));
    }
  }
  // Listed before any is written: an interrupted run still owns what it wrote.
  std::set<std::string> planned = owned_;
  planned.insert(names.begin(), names.end());
  write_manifest(planned);
}

void OutputFolder::write(const std::string& name, const std::string& content) {
  // Flushed to disk once, in finish(): thousands of per-file flushes would cost more than the whole scoring.
  write_file_atomically(path(name), content, owned_.count(name) ? Overwrite::allow : Overwrite::refuse, inputs_,
                        Flush::by_caller);
  const std::lock_guard<std::mutex> lock(written_mutex_);
  written_.insert(name);
}

void OutputFolder::finish() {
  flush_to_disk(folder_);
  for (const std::string& name : owned_) {
    if (written_.count(name)) continue;
    std::error_code error;
    if (std::filesystem::symlink_status(path(name), error).type() == std::filesystem::file_type::regular) {
      std::filesystem::remove(path(name), error);
    }
  }
  write_manifest(written_);
}

void OutputFolder::write_manifest(const std::set<std::string>& names) {
  std::string text = std::string(manifest_header) + "\n";
  for (const std::string& name : names) text += name + "\n";
  write_file_atomically(path(std::string(manifest_name)), text, Overwrite::allow, inputs_);
}

}  // namespace partnerpulse
