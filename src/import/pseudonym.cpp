#include "import/pseudonym.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
#include <nettle/hmac.h>

#include "partnerpulse/diagnostics.hpp"
#include "partnerpulse/files.hpp"
#include "partnerpulse/interface_text.hpp"

namespace partnerpulse {

namespace {

constexpr std::size_t key_bytes = 32;
constexpr std::size_t pseudonym_hex_digits = 20;

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string to_hex(const unsigned char* bytes, std::size_t count) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(count * 2);
  for (std::size_t i = 0; i < count; ++i) {
    out += digits[bytes[i] >> 4];
    out += digits[bytes[i] & 0x0F];
  }
  return out;
}

std::array<unsigned char, key_bytes> parse_key(const std::string& text, const std::string& path) {
  std::string_view digits = text;
  if (!digits.empty() && digits.back() == '\n') digits.remove_suffix(1);
  std::array<unsigned char, key_bytes> key{};
  bool valid = digits.size() == 2 * key_bytes;
  for (std::size_t i = 0; valid && i < key_bytes; ++i) {
    const int high = hex_value(digits[2 * i]);
    const int low = hex_value(digits[2 * i + 1]);
    valid = high >= 0 && low >= 0;
    key[i] = static_cast<unsigned char>(valid ? high * 16 + low : 0);
  }
  if (!valid) {
    throw InputError({path, 1, 1},
                     std::string(tr("an import key file holds 64 hexadecimal digits (32 bytes) and nothing else")));
  }
  return key;
}

std::array<unsigned char, key_bytes> create_key(const std::string& path) {
  std::array<unsigned char, key_bytes> key{};
  if (::getrandom(key.data(), key.size(), 0) != static_cast<ssize_t>(key.size())) {
    throw IoError(path, std::string(tr("cannot read the system's random source to make an import key")));
  }
  const std::filesystem::path folder = std::filesystem::path(path).parent_path();
  if (!folder.empty() && !std::filesystem::exists(folder)) {
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error) throw IoError(path, fmt::format(fmt::runtime(tr("cannot create its folder: {}")), error.message()));
    ::chmod(folder.c_str(), 0700);
  }
  // O_EXCL: never replace a key; a key made at the same moment by another run is read instead.
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return parse_key(read_text_file(path, 1024), path);
    throw IoError(path, fmt::format(fmt::runtime(tr("cannot create the import key: {}")), std::strerror(errno)));
  }
  const std::string text = to_hex(key.data(), key.size()) + "\n";
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
  ::close(fd);
  if (!written) {
    ::unlink(path.c_str());
    throw IoError(path, std::string(tr("cannot write the import key")));
  }
  return key;
}

}  // namespace

std::string default_key_path() {
  const char* config = std::getenv("XDG_CONFIG_HOME");
  if (config != nullptr && config[0] == '/') return std::string(config) + "/partnerpulse/import.key";
  const char* home = std::getenv("HOME");
  if (home != nullptr && home[0] != '\0') return std::string(home) + "/.config/partnerpulse/import.key";
  throw IoError("import.key",
                std::string(tr("neither XDG_CONFIG_HOME nor HOME is set: give the key file with --key FILE")));
}

std::array<unsigned char, 32> load_or_create_key(const std::string& path) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) {
    if (errno != ENOENT) {
      throw IoError(path, fmt::format(fmt::runtime(tr("cannot read the import key: {}")), std::strerror(errno)));
    }
    return create_key(path);
  }
  return parse_key(read_text_file(path, 1024), path);
}

struct Pseudonymizer::Context {
  hmac_sha256_ctx hmac;
};

Pseudonymizer::Pseudonymizer(const std::array<unsigned char, 32>& key) : context_(std::make_unique<Context>()) {
  hmac_sha256_set_key(&context_->hmac, key.size(), key.data());
}

Pseudonymizer::~Pseudonymizer() = default;

Pseudonymizer::Pseudonymizer(const Pseudonymizer& other) : context_(std::make_unique<Context>(*other.context_)) {}

std::string Pseudonymizer::pseudonym(std::string_view id) {
  std::array<unsigned char, SHA256_DIGEST_SIZE> digest{};
  hmac_sha256_update(&context_->hmac, id.size(), reinterpret_cast<const std::uint8_t*>(id.data()));
  hmac_sha256_digest(&context_->hmac, digest.size(), digest.data());  // also resets to the keyed state
  return "p-" + to_hex(digest.data(), pseudonym_hex_digits / 2);
}

}  // namespace partnerpulse
