#pragma once
// Reading input files within a size limit, and writing output files atomically.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace partnerpulse {

// Input files larger than this are refused (4 MiB): partnership data is small; this bounds memory and time.
inline constexpr std::size_t max_input_bytes = 4u * 1024u * 1024u;

// Reads a whole file. Throws IoError when it cannot be read; InputError (at 1:1) when it exceeds `max_bytes`.
std::string read_text_file(const std::string& path, std::size_t max_bytes = max_input_bytes);

// Like read_text_file, but into `buffer`, for reading many files one after another: returns the file's bytes, a
// view into `buffer`, valid until the buffer is used again. The buffer keeps its size between calls (its bytes past
// the view are left over from earlier files), so that no byte of it is zero-filled more than once.
// With `listed_as_regular` (the path came from a folder listing that saw a regular file, see
// TomlFileStream::listed), the file's type is not asked again; a file swapped for a FIFO meanwhile reads as empty
// and cannot block, since every file is opened non-blocking.
std::string_view read_text_file_into(const std::string& path, std::string& buffer,
                                     std::size_t max_bytes = max_input_bytes, bool listed_as_regular = false);

enum class Overwrite { refuse, allow };

// The files and folders a run reads as input. The writer refuses a target that is one of them (the same device
// and inode), or that lies inside one of the folders where a later run's folder walk would read it (a *.toml name,
// no hidden part on the way from the folder): an output must never replace an input or become one.
struct RunInputs {
  std::vector<std::string> paths;  // as given on the command line; folders are searched recursively
};

// Checks, without writing, that `path` may be written: throws IoError (naming `path`) when it exists and is not a
// regular file (a folder, device, FIFO or socket, with or without Overwrite::allow), when it is a symbolic link
// that does not end at a regular file (or at nothing, for a new file in an existing folder), when it exists and
// `overwrite` is Overwrite::refuse, or when `inputs` forbid it (see RunInputs). An empty path is an IoError too.
void check_output_target(const std::string& path, Overwrite overwrite, const RunInputs& inputs = {});

// The one writer of every file partnerpulse writes. Runs check_output_target, then writes `content` to a temporary
// file beside the target, flushes it to disk, and renames it over the target, so readers see the old file or the
// new one, never a half-written one. A symbolic link is written through: the file it points to is replaced and
// the link is kept. Throws IoError naming `path` (never the temporary file) on any failure, after removing the
// temporary file; the temporary file is also removed when SIGINT, SIGTERM or SIGHUP arrives while it exists (the
// signal is then raised again with its previous handling, so the process still ends as the signal asks).
// With Flush::by_caller, neither the file nor its folder is flushed to disk: for a caller writing many files into
// one folder, which then calls flush_to_disk once. Readers still never see a half-written file; only a power cut
// before that flush can leave a file empty.
enum class Flush { each_file, by_caller };
void write_file_atomically(const std::string& path, const std::string& content, Overwrite overwrite,
                           const RunInputs& inputs = {}, Flush flush = Flush::each_file);

// Flushes the file system holding `folder` to disk (syncfs), then the folder itself: after writes made with
// Flush::by_caller. Throws IoError naming `folder` when it cannot be opened or flushed.
void flush_to_disk(const std::string& folder);

// An advisory lock (flock) on `.NAME.lock` beside a file, held for as long as the object lives, so that one
// process at a time writes the file. The lock file holds the holder's process id. A lock left by a process that
// died is taken over (the system releases flock locks of dead processes). The lock file is removed on release.
class FileLock {
public:
  // Takes the lock for `path` (a link to a regular file is followed: the lock is beside the file it points to).
  // Throws BusyError naming `path` and the other process when another process holds it, IoError when the lock
  // file cannot be created.
  explicit FileLock(const std::string& path);
  ~FileLock();
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

  // The path of the lock file.
  const std::string& lock_path() const noexcept { return lock_path_; }

private:
  std::string lock_path_;
  int fd_ = -1;
};

// Whether a folder walk goes into sub-folders.
enum class Subfolders { search, skip };

// The one folder walker (responses for `report` and `validate`, questionnaires for the catalog). Yields the files
// named by `paths`, one at a time: a file as given, whatever its name; a folder's *.toml files (regular files, or
// links to them) and, with Subfolders::search, those of its sub-folders (not of links to folders), recursively.
// Hidden entries are skipped: below a given folder, every name that starts with '.' is passed over, files and
// folders alike. All the files under one folder come in the byte order of their whole paths. Only the listings of
// the folders on the way to the current file are held, so memory does not grow with the number of files.
class TomlFileStream {
public:
  // Throws IoError for a path that does not exist.
  explicit TomlFileStream(std::vector<std::string> paths, Subfolders subfolders = Subfolders::search);
  ~TomlFileStream();
  TomlFileStream(const TomlFileStream&) = delete;
  TomlFileStream& operator=(const TomlFileStream&) = delete;

  // Stores the next file in `path` and returns true, or returns false when there are no more. Throws IoError
  // when a folder cannot be read; a folder below a given one that denies access is skipped.
  bool next(std::string& path);
  // Whether the last path next() gave was found by listing a folder, which only yields regular files (or links
  // to them), rather than given by name.
  bool listed() const noexcept { return listed_; }

private:
  struct Listing;
  void enter(const std::string& folder, bool given);

  std::vector<std::string> paths_;
  Subfolders subfolders_;
  std::vector<bool> is_folder_;
  std::size_t next_path_ = 0;
  std::vector<Listing> open_;  // the folders being listed, outermost first
  bool listed_ = false;
};

// Every file a TomlFileStream over `paths` yields, in the same order.
std::vector<std::string> collect_toml_files(const std::vector<std::string>& paths,
                                            Subfolders subfolders = Subfolders::search);

}  // namespace partnerpulse
