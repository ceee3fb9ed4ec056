#include "partnerpulse/files.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <random>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "partnerpulse/diagnostics.hpp"

namespace partnerpulse {

namespace fs = std::filesystem;

std::string read_text_file(const std::string& path, std::size_t max_bytes) {
  std::string buffer;
  return std::string(read_text_file_into(path, buffer, max_bytes));
}

std::string_view read_text_file_into(const std::string& path, std::string& content, std::size_t max_bytes) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw IoError(path, fmt::format("cannot open: {}", std::strerror(errno)));
  struct FdCloser {
    int fd;
    ~FdCloser() { ::close(fd); }
  } closer{fd};
  // Read until end of file, in the memory `content` already has (at least 16 KiB), doubling it when full; no
  // fstat(): the size would only be a hint (pipes have none, files may grow), and one system call fewer per file
  // counts when reading thousands. The size is never shrunk, so growing it is the only zero-filling.
  if (content.size() < 16 * 1024) content.resize(16 * 1024);
  std::size_t used = 0;
  for (;;) {
    if (used == content.size()) {
      if (used > max_bytes) break;
      content.resize(content.size() * 2);
    }
    const ssize_t got = ::read(fd, content.data() + used, content.size() - used);
    if (got < 0) {
      if (errno == EINTR) continue;
      if (errno == EISDIR) throw IoError(path, "is a folder, not a file");
      throw IoError(path, fmt::format("cannot read: {}", std::strerror(errno)));
    }
    if (got == 0) break;
    used += static_cast<std::size_t>(got);
  }
  if (used > max_bytes) {
    throw InputError({path, 1, 1}, fmt::format("the file is larger than the limit of {} bytes ({} MiB)", max_bytes,
                                               max_bytes / (1024 * 1024)));
  }
  return std::string_view(content).substr(0, used);
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

namespace {

bool is_toml_name(std::string_view name) { return name.size() > 5 && name.ends_with(".toml"); }

}  // namespace

// One folder's entries that matter (sub-folders and *.toml files), in the order the stream visits them.
// A sub-folder's key is its name and '/', a file's its name: sorting the keys of one folder, and listing
// each sub-folder where its key falls, gives every file under the starting folder in the order of its path.
struct TomlFileStream::Listing {
  struct Entry {
    std::string key;
    bool folder = false;
  };
  std::string prefix;  // the folder's path and '/'
  std::vector<Entry> entries;
  std::size_t next = 0;
};

TomlFileStream::TomlFileStream(std::vector<std::string> paths, Subfolders subfolders)
    : paths_(std::move(paths)), subfolders_(subfolders) {
  for (const auto& path : paths_) {
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0) throw IoError(path, "no such file or folder");
    is_folder_.push_back(S_ISDIR(status.st_mode));
  }
}

TomlFileStream::~TomlFileStream() = default;

// Lists `folder` (plain POSIX calls: std::filesystem builds and splits a path object per entry, which doubled
// the time to list 10,000 files) and makes it the innermost open folder.
void TomlFileStream::enter(const std::string& folder, bool given) {
  const std::unique_ptr<DIR, int (*)(DIR*)> dir(::opendir(folder.c_str()), &::closedir);
  if (!dir) {
    if (errno == EACCES && !given) return;
    throw IoError(folder, fmt::format("cannot read the folder: {}", std::strerror(errno)));
  }
  Listing listing;
  listing.prefix = folder.ends_with('/') ? folder : folder + '/';
  for (;;) {
    errno = 0;
    const dirent* entry = ::readdir(dir.get());
    if (!entry) {
      if (errno != 0) throw IoError(folder, fmt::format("cannot read the folder: {}", std::strerror(errno)));
      break;
    }
    const std::string_view name = entry->d_name;
    if (name.front() == '.') continue;  // hidden, files and folders alike (and "." and "..")
    unsigned char type = entry->d_type;
    if (type == DT_UNKNOWN) {  // some file systems do not say: ask without following links
      struct stat status {};
      if (::fstatat(::dirfd(dir.get()), entry->d_name, &status, AT_SYMLINK_NOFOLLOW) != 0) continue;
      type = S_ISDIR(status.st_mode) ? DT_DIR : S_ISREG(status.st_mode) ? DT_REG : S_ISLNK(status.st_mode) ? DT_LNK : 0;
    }
    if (type == DT_DIR) {
      if (subfolders_ == Subfolders::search) listing.entries.push_back({std::string(name) + '/', true});
    } else if (is_toml_name(name)) {
      struct stat target {};
      if (type == DT_REG || (type == DT_LNK && ::fstatat(::dirfd(dir.get()), entry->d_name, &target, 0) == 0 &&
                             S_ISREG(target.st_mode))) {
        listing.entries.push_back({std::string(name), false});
      }
    }
  }
  std::sort(listing.entries.begin(), listing.entries.end(),
            [](const Listing::Entry& a, const Listing::Entry& b) { return a.key < b.key; });
  open_.push_back(std::move(listing));
}

bool TomlFileStream::next(std::string& path) {
  for (;;) {
    if (!open_.empty()) {
      Listing& innermost = open_.back();
      if (innermost.next == innermost.entries.size()) {
        open_.pop_back();
        continue;
      }
      const Listing::Entry& entry = innermost.entries[innermost.next++];
      if (entry.folder) {
        enter(innermost.prefix + entry.key, false);  // may reallocate open_: `innermost` is not used after this
        continue;
      }
      path = innermost.prefix + entry.key;
      return true;
    }
    if (next_path_ == paths_.size()) return false;
    const std::size_t given = next_path_++;
    if (!is_folder_[given]) {
      path = paths_[given];
      return true;
    }
    enter(paths_[given], true);
  }
}

std::vector<std::string> collect_toml_files(const std::vector<std::string>& paths, Subfolders subfolders) {
  TomlFileStream stream(paths, subfolders);
  std::vector<std::string> files;
  for (std::string path; stream.next(path);) files.push_back(path);
  return files;
}

}  // namespace partnerpulse
