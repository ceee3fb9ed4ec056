#include "partnerpulse/files.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <utility>

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "partnerpulse/diagnostics.hpp"
#include "partnerpulse/interface_text.hpp"

namespace partnerpulse {

namespace fs = std::filesystem;

namespace {

// What kind of thing a file that is not a regular file is, for messages.
std::string_view kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return tr("a folder");
  if (S_ISCHR(mode)) return tr("a character device");
  if (S_ISBLK(mode)) return tr("a block device");
  if (S_ISFIFO(mode)) return tr("a FIFO (named pipe)");
  if (S_ISSOCK(mode)) return tr("a socket");
  return tr("not a regular file");
}

// The IoError for a path that cannot be reached: a link loop, a missing file, or what the system says.
IoError unreachable(const std::string& path, int error) {
  if (error == ELOOP) return IoError(path, std::string(tr("is a symbolic link loop")));
  if (error == ENOENT || error == ENOTDIR) return IoError(path, std::string(tr("no such file or folder")));
  return IoError(path, fmt::format(fmt::runtime(tr("cannot open: {}")), std::strerror(error)));
}

}  // namespace

std::string read_text_file(const std::string& path, std::size_t max_bytes) {
  std::string buffer;
  return std::string(read_text_file_into(path, buffer, max_bytes));
}

std::string_view read_text_file_into(const std::string& path, std::string& content, std::size_t max_bytes,
                                     bool listed_as_regular) {
  // Non-blocking, so that a FIFO or a terminal named as input cannot stall the run: its type is checked first.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) throw unreachable(path, errno);
  struct FdCloser {
    int fd;
    ~FdCloser() { ::close(fd); }
  } closer{fd};
  struct stat status {};
  if (!listed_as_regular) {  // one system call fewer per file for the thousands a folder listing yields
    if (::fstat(fd, &status) != 0) {
      throw IoError(path, fmt::format(fmt::runtime(tr("cannot read: {}")), std::strerror(errno)));
    }
    if (S_ISDIR(status.st_mode)) throw IoError(path, std::string(tr("is a folder, not a file")));
    if (!S_ISREG(status.st_mode)) {
      throw IoError(path, fmt::format(fmt::runtime(tr("is {}, not a regular file")), kind_of(status.st_mode)));
    }
  }
  // Read until end of file, in the memory `content` already has (at least 16 KiB), doubling it when full; the size
  // fstat() gave is not used (files may grow). The buffer is never shrunk, so growing it is the only zero-filling.
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
      if (errno == EISDIR) throw IoError(path, std::string(tr("is a folder, not a file")));
      throw IoError(path, fmt::format(fmt::runtime(tr("cannot read: {}")), std::strerror(errno)));
    }
    if (got == 0) break;
    used += static_cast<std::size_t>(got);
  }
  if (used > max_bytes) {
    throw InputError({path, 1, 1},
                     fmt::format(fmt::runtime(tr("the file is larger than the limit of {} bytes ({} MiB)")), max_bytes,
                                 max_bytes / (1024 * 1024)));
  }
  return std::string_view(content).substr(0, used);
}

namespace {

// The file a write to `path` replaces: `path` itself, or, for a symbolic link, the path the chain of links ends at
// (check_output_target then requires a regular file there). Throws IoError naming `path` for a link loop (more than
// 40 links) or a link that cannot be read.
std::string resolve_output_path(const std::string& path) {
  struct stat status {};
  if (::lstat(path.c_str(), &status) != 0 || !S_ISLNK(status.st_mode)) return path;
  std::string resolved = path;
  for (int hops = 0; hops < 40; ++hops) {
    if (::lstat(resolved.c_str(), &status) != 0 || !S_ISLNK(status.st_mode)) return resolved;
    std::string link(4096, '\0');
    const ssize_t length = ::readlink(resolved.c_str(), link.data(), link.size());
    if (length < 0 || static_cast<std::size_t>(length) >= link.size()) {
      throw IoError(path, std::string(tr("is a symbolic link that cannot be read; nothing was written")));
    }
    link.resize(static_cast<std::size_t>(length));
    const fs::path next(link);
    resolved = next.is_absolute() ? link : (fs::path(resolved).parent_path() / next).string();
  }
  throw IoError(path, std::string(tr("is a symbolic link loop; nothing was written")));
}

// Device and inode of `path` (following links), or nothing when it cannot be reached.
std::optional<std::pair<dev_t, ino_t>> identity_of(const std::string& path) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) return std::nullopt;
  return std::pair{status.st_dev, status.st_ino};
}

// True when `target` (resolved) lies under `folder` where a folder walk would yield it: a *.toml name, and no part
// of the path below the folder starting with '.'.
bool walk_would_read(const fs::path& folder, const fs::path& target) {
  const auto is_toml = [](const fs::path& path) {
    const std::string name = path.filename().string();
    return name.size() > 5 && name.ends_with(".toml");
  };
  // `target` has been resolved (resolve_output_path): canonical paths keep its name, so a name that is not *.toml
  // is answered without resolving both paths (readlink on every part: most of the cost of writing a small file).
  if (!is_toml(target)) return false;
  std::error_code ec;
  const fs::path real_folder = fs::weakly_canonical(folder, ec);
  if (ec) return false;
  const fs::path real_target = fs::weakly_canonical(target, ec);
  if (ec) return false;
  const fs::path relative = real_target.lexically_relative(real_folder);
  if (relative.empty() || *relative.begin() == "..") return false;
  for (const auto& part : relative) {
    if (part.string().starts_with('.')) return false;
  }
  return is_toml(real_target);
}

// Throws IoError when `resolved` (the file `path` replaces) is an input of the run, or would be one later.
void check_not_an_input(const std::string& path, const std::string& resolved, const RunInputs& inputs) {
  const auto target = identity_of(resolved);
  for (const std::string& input : inputs.paths) {
    if (target && identity_of(input) == target) {
      throw IoError(
          path,
          fmt::format(fmt::runtime(tr("is one of the inputs of this run ({}); choose another output file (nothing "
                                      "was written)")),
                      input));
    }
    struct stat status {};
    if (::stat(input.c_str(), &status) == 0 && S_ISDIR(status.st_mode) && walk_would_read(input, resolved)) {
      throw IoError(
          path,
          fmt::format(fmt::runtime(tr("is inside the input folder {} and would be read as a response by the next "
                                      "run; write it elsewhere or give it another extension (nothing was written)")),
                      input));
    }
  }
}

}  // namespace

void check_output_target(const std::string& path, Overwrite overwrite, const RunInputs& inputs) {
  if (path.empty()) throw IoError(path, std::string(tr("the output file name is empty")));
  const std::string resolved = resolve_output_path(path);
  struct stat status {};
  if (::stat(resolved.c_str(), &status) == 0) {
    if (!S_ISREG(status.st_mode)) {
      throw IoError(
          path,
          fmt::format(fmt::runtime(tr("is {}, not a regular file; partnerpulse writes only regular files (nothing was "
                                      "written)")),
                      kind_of(status.st_mode)));
    }
    if (overwrite == Overwrite::refuse) {
      throw IoError(path, std::string(tr("already exists; use --force to replace it")));
    }
  } else if (errno != ENOENT) {
    throw IoError(path, fmt::format(fmt::runtime(tr("cannot be checked: {}")), std::strerror(errno)));
  } else if (resolved != path) {
    throw IoError(
        path,
        fmt::format(fmt::runtime(tr("is a symbolic link to {}, which does not exist; nothing was written")), resolved));
  }
  check_not_an_input(path, resolved, inputs);
}

namespace {

// The temporary file being written, for the signal handler: a fixed buffer (no allocation in the handler).
char pending_temporary[4096];
volatile std::sig_atomic_t pending_active = 0;
constexpr int cleanup_signals[] = {SIGINT, SIGTERM, SIGHUP};
struct sigaction previous_actions[3];

// Removes the temporary file being written, restores the signal's previous handling and raises it again.
extern "C" void remove_pending_on_signal(int signal) {
  if (pending_active) ::unlink(pending_temporary);
  pending_active = 0;
  for (std::size_t i = 0; i < 3; ++i) {
    if (cleanup_signals[i] == signal) ::sigaction(signal, &previous_actions[i], nullptr);
  }
  ::raise(signal);
}

// Installs remove_pending_on_signal once, for the signals the process does not ignore.
void install_cleanup_handlers() {
  static std::once_flag once;
  std::call_once(once, [] {
    for (std::size_t i = 0; i < 3; ++i) {
      ::sigaction(cleanup_signals[i], nullptr, &previous_actions[i]);
      if (previous_actions[i].sa_handler == SIG_IGN) continue;
      struct sigaction action {};
      action.sa_handler = remove_pending_on_signal;
      sigemptyset(&action.sa_mask);
      ::sigaction(cleanup_signals[i], &action, nullptr);
    }
  });
}

// Holds the temporary file's path for the signal handler while it exists; one write at a time per process.
class PendingTemporary {
public:
  explicit PendingTemporary(const std::string& temporary) {
    install_cleanup_handlers();
    static std::mutex one_at_a_time;
    lock_ = std::unique_lock(one_at_a_time);
    const std::size_t length = std::min(temporary.size(), sizeof pending_temporary - 1);
    std::memcpy(pending_temporary, temporary.data(), length);
    pending_temporary[length] = '\0';
    pending_active = 1;
  }
  ~PendingTemporary() { pending_active = 0; }
  PendingTemporary(const PendingTemporary&) = delete;
  PendingTemporary& operator=(const PendingTemporary&) = delete;

private:
  std::unique_lock<std::mutex> lock_;
};

void write_all(int fd, const std::string& content, const std::string& path) {
  const char* data = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    const ssize_t written = ::write(fd, data, left);
    if (written < 0) {
      if (errno == EINTR) continue;
      throw IoError(path, fmt::format(fmt::runtime(tr("cannot write: {} (the previous file, if any, is unchanged)")),
                                      std::strerror(errno)));
    }
    data += written;
    left -= static_cast<std::size_t>(written);
  }
}

// Moves the finished temporary file to `target`: link() when nothing may be replaced (it fails when the target
// appeared meanwhile, so a racing writer is never clobbered), else rename().
// A different value for every temporary file of this process: a random start (drawn once; std::random_device
// costs more to set up than writing a small file) plus a counter. O_EXCL still refuses any name already there.
std::uint64_t next_temporary_suffix() {
  static const std::uint64_t start = [] {
    std::random_device entropy;
    return (std::uint64_t{entropy()} << 32) ^ entropy();
  }();
  static std::atomic<std::uint64_t> counter{0};
  return start + counter.fetch_add(1, std::memory_order_relaxed);
}

void move_into_place(const std::string& temporary, const std::string& target, const std::string& path,
                     Overwrite overwrite) {
  const bool moved = overwrite == Overwrite::refuse ? ::link(temporary.c_str(), target.c_str()) == 0
                                                    : ::rename(temporary.c_str(), target.c_str()) == 0;
  const int error = errno;
  if (!moved && error == EEXIST) throw IoError(path, std::string(tr("already exists; use --force to replace it")));
  if (!moved) throw IoError(path, fmt::format(fmt::runtime(tr("cannot write: {}")), std::strerror(error)));
  if (overwrite == Overwrite::refuse) ::unlink(temporary.c_str());
}

}  // namespace

void write_file_atomically(const std::string& path, const std::string& content, Overwrite overwrite,
                           const RunInputs& inputs, Flush flush) {
  check_output_target(path, overwrite, inputs);
  const std::string target = resolve_output_path(path);
  const fs::path target_path(target);
  const fs::path folder = target_path.has_parent_path() ? target_path.parent_path() : fs::path(".");
  const std::string temporary = (folder / fmt::format(".{}.tmp-{}-{:016x}", target_path.filename().string(),
                                                      ::getpid(), next_temporary_suffix()))
                                    .string();

  const PendingTemporary pending(temporary);
  int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) {
    throw IoError(path,
                  fmt::format(fmt::runtime(tr("cannot create a temporary file beside it: {}")), std::strerror(errno)));
  }
  try {
    write_all(fd, content, path);
    if (flush == Flush::each_file && ::fsync(fd) != 0) {
      throw IoError(path,
                    fmt::format(fmt::runtime(tr("cannot flush to disk: {} (the previous file, if any, is unchanged)")),
                                std::strerror(errno)));
    }
    const int closed = ::close(fd);
    fd = -1;  // released even when close() fails
    if (closed != 0) throw IoError(path, fmt::format(fmt::runtime(tr("cannot close: {}")), std::strerror(errno)));
    move_into_place(temporary, target, path, overwrite);
  } catch (...) {
    if (fd >= 0) ::close(fd);
    ::unlink(temporary.c_str());
    throw;
  }
  if (flush == Flush::by_caller) return;
  // Make the rename itself durable.
  const int folder_fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (folder_fd >= 0) {
    ::fsync(folder_fd);
    ::close(folder_fd);
  }
}

void flush_to_disk(const std::string& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) throw IoError(folder, fmt::format(fmt::runtime(tr("cannot open the folder: {}")), std::strerror(errno)));
  const bool flushed = ::syncfs(fd) == 0 && ::fsync(fd) == 0;
  const int error = errno;
  ::close(fd);
  if (!flushed) throw IoError(folder, fmt::format(fmt::runtime(tr("cannot flush to disk: {}")), std::strerror(error)));
}

namespace {

// The process id written in a lock file, or 0 when it holds none.
long lock_holder(int fd) {
  char text[32] = {};
  const ssize_t got = ::pread(fd, text, sizeof text - 1, 0);
  return got > 0 ? std::strtol(text, nullptr, 10) : 0;
}

}  // namespace

FileLock::FileLock(const std::string& path) {
  const fs::path target(resolve_output_path(path));
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  lock_path_ = (folder / fmt::format(".{}.lock", target.filename().string())).string();
  // A holder that releases unlinks the lock file while it still holds it; a lock taken on such an unlinked file
  // is worth nothing, so take it again on the file now at the path.
  for (int attempt = 0; attempt < 100; ++attempt) {
    const int fd = ::open(lock_path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
      throw IoError(
          path, fmt::format(fmt::runtime(tr("cannot create the lock file {}: {}")), lock_path_, std::strerror(errno)));
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      const int error = errno;
      const long holder = lock_holder(fd);
      ::close(fd);
      if (error != EWOULDBLOCK) {
        throw IoError(path, fmt::format(fmt::runtime(tr("cannot lock {}: {}")), lock_path_, std::strerror(error)));
      }
      throw BusyError(
          fmt::format(fmt::runtime(tr("another partnerpulse session is answering into {}, process {}; nothing was "
                                      "changed (try again when it has ended)")),
                      path, holder > 0 ? std::to_string(holder) : std::string("unknown")));
    }
    struct stat held {}, now {};
    if (::fstat(fd, &held) == 0 && ::stat(lock_path_.c_str(), &now) == 0 && held.st_dev == now.st_dev &&
        held.st_ino == now.st_ino) {
      const std::string pid = fmt::format("{}\n", ::getpid());
      if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, pid.data(), pid.size(), 0) < 0) {
        // The lock holds without the id: a second session then names no process.
      }
      fd_ = fd;
      return;
    }
    ::close(fd);
  }
  throw IoError(path, fmt::format(fmt::runtime(tr("cannot lock {}: it keeps being replaced")), lock_path_));
}

FileLock::~FileLock() {
  if (fd_ < 0) return;
  ::unlink(lock_path_.c_str());  // while still held: see the constructor
  ::close(fd_);
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
    if (::stat(path.c_str(), &status) != 0) throw unreachable(path, errno);
    if (!S_ISDIR(status.st_mode) && !S_ISREG(status.st_mode)) {
      throw IoError(path, fmt::format(fmt::runtime(tr("is {}, not a file or folder")), kind_of(status.st_mode)));
    }
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
    throw IoError(folder, fmt::format(fmt::runtime(tr("cannot read the folder: {}")), std::strerror(errno)));
  }
  Listing listing;
  listing.prefix = folder.ends_with('/') ? folder : folder + '/';
  for (;;) {
    errno = 0;
    const dirent* entry = ::readdir(dir.get());
    if (!entry) {
      if (errno != 0) {
        throw IoError(folder, fmt::format(fmt::runtime(tr("cannot read the folder: {}")), std::strerror(errno)));
      }
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
      listed_ = true;
      return true;
    }
    if (next_path_ == paths_.size()) return false;
    const std::size_t given = next_path_++;
    if (!is_folder_[given]) {
      path = paths_[given];
      listed_ = false;
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
