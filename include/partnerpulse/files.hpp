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
std::string_view read_text_file_into(const std::string& path, std::string& buffer,
                                     std::size_t max_bytes = max_input_bytes);

enum class Overwrite { refuse, allow };

// Writes `content` to a temporary file beside `path`, flushes it to disk, then renames it over `path`,
// so readers see the old file or the new one, never a half-written one. With Overwrite::refuse an existing
// `path` is an IoError and nothing is written. Throws IoError on any failure; the temporary file is removed.
void write_file_atomically(const std::string& path, const std::string& content, Overwrite overwrite);

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

private:
  struct Listing;
  void enter(const std::string& folder, bool given);

  std::vector<std::string> paths_;
  Subfolders subfolders_;
  std::vector<bool> is_folder_;
  std::size_t next_path_ = 0;
  std::vector<Listing> open_;  // the folders being listed, outermost first
};

// Every file a TomlFileStream over `paths` yields, in the same order.
std::vector<std::string> collect_toml_files(const std::vector<std::string>& paths,
                                            Subfolders subfolders = Subfolders::search);

}  // namespace partnerpulse
