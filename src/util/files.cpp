#include "partnerpulse/files.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "partnerpulse/diagnostics.hpp"

namespace partnerpulse {

namespace fs = std::filesystem;

std::string read_text_file(const std::string& path, std::size_t max_bytes) {
  std::string content;
  read_text_file_into(path, content, max_bytes);
  return content;
}

void read_text_file_into(const std::string& path, std::string& content, std::size_t max_bytes) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw IoError(path, fmt::format("cannot open: {}", std::strerror(errno)));
  struct FdCloser {
    int fd;
    ~FdCloser() { ::close(fd); }
  } closer{fd};
  struct stat status {};
  if (::fstat(fd, &status) != 0) throw IoError(path, fmt::format("cannot read: {}", std::strerror(errno)));
  if (S_ISDIR(status.st_mode)) throw IoError(path, "is a folder, not a file");
  const auto too_large = [&] {
    return InputError({path, 1, 1}, fmt::format("the file is larger than the limit of {} bytes ({} MiB)", max_bytes,
                                                max_bytes / (1024 * 1024)));
  };
  if (S_ISREG(status.st_mode) && static_cast<std::size_t>(status.st_size) > max_bytes) throw too_large();
  // Read until end of file: the size is a hint only (pipes and special files have none, files may grow).
  content.resize(S_ISREG(status.st_mode) ? static_cast<std::size_t>(status.st_size) + 1 : 65536);
  std::size_t used = 0;
  for (;;) {
    if (used == content.size()) {
      if (content.size() > max_bytes) throw too_large();
      content.resize(content.size() * 2);
    }
    const ssize_t got = ::read(fd, content.data() + used, content.size() - used);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw IoError(path, fmt::format("cannot read: {}", std::strerror(errno)));
    }
    if (got == 0) break;
    used += static_cast<std::size_t>(got);
  }
  if (used > max_bytes) throw too_large();
  content.resize(used);
}

namespace {
void write_all(int fd, const std::string& content, const std::string& temporary) {
  const char* data = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    const ssize_t written = ::write(fd, data, left);
    if (written < 0) {
      if (errno == EINTR) continue;
      throw IoError(temporary, fmt::format("cannot write: {}", std::strerror(errno)));
    }
    data += written;
    left -= static_cast<std::size_t>(written);
  }
}
}  // namespace

void write_file_atomically(const std::string& path, const std::string& content, Overwrite overwrite) {
  std::error_code ec;
  if (overwrite == Overwrite::refuse && fs::exists(path, ec)) {
    throw IoError(path, "already exists; use --force to replace it");
  }
  if (fs::is_directory(path, ec)) throw IoError(path, "is a folder, not a file");
  const fs::path target(path);
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::random_device entropy;
  const std::string temporary =
      (folder / fmt::format(".{}.tmp-{}-{:08x}", target.filename().string(), ::getpid(), entropy())).string();

  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) throw IoError(path, fmt::format("cannot create a temporary file beside it: {}", std::strerror(errno)));
  try {
    write_all(fd, content, temporary);
    if (::fsync(fd) != 0) throw IoError(temporary, fmt::format("cannot flush: {}", std::strerror(errno)));
  } catch (...) {
    ::close(fd);
    ::unlink(temporary.c_str());
    throw;
  }
  if (::close(fd) != 0) {
    ::unlink(temporary.c_str());
    throw IoError(temporary, fmt::format("cannot close: {}", std::strerror(errno)));
  }
  if (overwrite == Overwrite::refuse) {
    // link() fails when the target appeared meanwhile, so a racing writer is never clobbered.
    if (::link(temporary.c_str(), path.c_str()) != 0) {
      const int error = errno;
      ::unlink(temporary.c_str());
      if (error == EEXIST) throw IoError(path, "already exists; use --force to replace it");
      throw IoError(path, fmt::format("cannot write: {}", std::strerror(error)));
    }
    ::unlink(temporary.c_str());
  } else if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    const int error = errno;
    ::unlink(temporary.c_str());
    throw IoError(path, fmt::format("cannot write: {}", std::strerror(error)));
  }
  // Make the rename itself durable.
  const int folder_fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (folder_fd >= 0) {
    ::fsync(folder_fd);
    ::close(folder_fd);
  }
}

}  // namespace partnerpulse

namespace partnerpulse {

std::vector<std::string> collect_toml_files(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const auto& path : paths) {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) throw IoError(path, "no such file or folder");
    if (!fs::is_directory(status)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
    if (ec) throw IoError(path, fmt::format("cannot read the folder: {}", ec.message()));
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) throw IoError(path, fmt::format("cannot read the folder: {}", ec.message()));
      // Plain string tests on the entry's path: fs::path::filename() and extension() parse the whole path.
      const std::string& entry = it->path().native();
      const std::string_view name = std::string_view(entry).substr(entry.rfind('/') + 1);
      if (!name.empty() && name.front() == '.') {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (name.size() > 5 && name.ends_with(".toml") && it->is_regular_file(ec)) found.push_back(entry);
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

}  // namespace partnerpulse
