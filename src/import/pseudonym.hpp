#pragma once
// Internal: respondent pseudonyms, a keyed hash (HMAC-SHA-256) of the id an export gives a respondent, so that the
// same respondent keeps the same pseudonym across imports while the real id never enters a file.

#include <array>
#include <memory>
#include <string>
#include <string_view>

namespace partnerpulse {

// The key file used when none is given: $XDG_CONFIG_HOME/partnerpulse/import.key, else
// $HOME/.config/partnerpulse/import.key. Throws IoError when neither variable is set.
std::string default_key_path();

// A 32-byte key: read from `path` (64 hexadecimal digits, then an optional line break) or, when no file is there,
// made from the system's random source and written there with mode 0600 (its folder created with mode 0700).
// Throws IoError when the file cannot be read or written, InputError (at 1:1) when it holds anything else.
std::array<unsigned char, 32> load_or_create_key(const std::string& path);

// Computes pseudonyms with one key. Copies are independent (one per thread).
class Pseudonymizer {
public:
  explicit Pseudonymizer(const std::array<unsigned char, 32>& key);
  ~Pseudonymizer();
  Pseudonymizer(const Pseudonymizer& other);
  Pseudonymizer& operator=(const Pseudonymizer&) = delete;
  // "p-" and the first 20 hexadecimal digits (80 bits) of HMAC-SHA-256(key, id).
  std::string pseudonym(std::string_view id);

private:
  struct Context;
  std::unique_ptr<Context> context_;
};

}  // namespace partnerpulse
