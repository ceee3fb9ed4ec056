// A fault-injection library for tests, loaded with LD_PRELOAD: makes one kind of file-system call fail, or raises a
// signal instead, at the Nth call on a path that contains a given text. Environment:
//   FAULT_CALL     open | write | fsync | rename | link | close: the call to break
//   FAULT_PATH     only calls on paths containing this text count (write, fsync and close: the path of the fd)
//   FAULT_NTH      which matching call breaks (1: the first); with FAULT_PERSIST=1, every call from it on
//   FAULT_ERRNO    ENOSPC | EIO | EACCES | EROFS (default EIO): the error the call fails with
//   FAULT_SIGNAL   TERM | INT | HUP: raise this signal at that call instead of failing it (the call then proceeds
//                  if the process survives)
// Nothing else is changed. Used by tests/scripts/test_fault_injection.sh.

#include <dlfcn.h>
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

template <typename F>
F next(const char* name) {
  return reinterpret_cast<F>(::dlsym(RTLD_NEXT, name));
}

const char* setting(const char* name) {
  const char* value = std::getenv(name);
  return value && *value ? value : nullptr;
}

std::atomic<long> matching_calls{0};

// True when this call of `call` on `path` is the one (or one of those) to break; then raises FAULT_SIGNAL or sets
// errno. Returns false when the call should proceed.
bool should_fail(const char* call, const char* path) {
  const char* wanted = setting("FAULT_CALL");
  const char* filter = setting("FAULT_PATH");
  if (!wanted || std::strcmp(wanted, call) != 0 || !path || (filter && !std::strstr(path, filter))) return false;
  const long nth = setting("FAULT_NTH") ? std::atol(setting("FAULT_NTH")) : 1;
  const long count = ++matching_calls;
  const bool persist = setting("FAULT_PERSIST") && std::strcmp(setting("FAULT_PERSIST"), "1") == 0;
  if (count != nth && !(persist && count > nth)) return false;
  if (const char* signal_name = setting("FAULT_SIGNAL")) {
    const int signal = std::strcmp(signal_name, "INT") == 0 ? SIGINT : std::strcmp(signal_name, "HUP") == 0 ? SIGHUP : SIGTERM;
    ::raise(signal);
    return false;
  }
  const char* error = setting("FAULT_ERRNO");
  errno = !error ? EIO
          : std::strcmp(error, "ENOSPC") == 0 ? ENOSPC
          : std::strcmp(error, "EACCES") == 0 ? EACCES
          : std::strcmp(error, "EROFS") == 0  ? EROFS
                                              : EIO;
  return true;
}

// The path an open file descriptor refers to, for FAULT_PATH (empty when unknown).
const char* path_of(int fd, char* buffer, std::size_t size) {
  char link[64];
  std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  const ssize_t length = ::readlink(link, buffer, size - 1);
  buffer[length > 0 ? length : 0] = '\0';
  return buffer;
}

// open() or open64() (`real`), unless this call is to fail; reads the mode from `args` when the flags need one.
int checked_open(const char* real, const char* path, int flags, va_list args) {
  const mode_t mode = (flags & (O_CREAT | O_TMPFILE)) ? static_cast<mode_t>(va_arg(args, int)) : 0;
  if (should_fail("open", path)) return -1;
  return next<int (*)(const char*, int, ...)>(real)(path, flags, mode);
}

}  // namespace

extern "C" {

int open(const char* path, int flags, ...) {
  va_list args;
  va_start(args, flags);
  const int result = checked_open("open", path, flags, args);
  va_end(args);
  return result;
}

int open64(const char* path, int flags, ...) {
  va_list args;
  va_start(args, flags);
  const int result = checked_open("open64", path, flags, args);
  va_end(args);
  return result;
}

ssize_t write(int fd, const void* data, size_t size) {
  char path[4096];
  if (fd > 2 && should_fail("write", path_of(fd, path, sizeof path))) return -1;
  return next<ssize_t (*)(int, const void*, size_t)>("write")(fd, data, size);
}

int fsync(int fd) {
  char path[4096];
  if (should_fail("fsync", path_of(fd, path, sizeof path))) return -1;
  return next<int (*)(int)>("fsync")(fd);
}

int close(int fd) {
  char path[4096];
  if (fd > 2 && setting("FAULT_CALL") && std::strcmp(setting("FAULT_CALL"), "close") == 0 &&
      should_fail("close", path_of(fd, path, sizeof path))) {
    next<int (*)(int)>("close")(fd);  // released anyway, as Linux does when close fails
    errno = EIO;
    return -1;
  }
  return next<int (*)(int)>("close")(fd);
}

int rename(const char* from, const char* to) {
  if (should_fail("rename", to)) return -1;
  return next<int (*)(const char*, const char*)>("rename")(from, to);
}

int link(const char* from, const char* to) {
  if (should_fail("link", to)) return -1;
  return next<int (*)(const char*, const char*)>("link")(from, to);
}

}  // extern "C"
