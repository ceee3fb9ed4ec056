#include "util/text_filters.hpp"

#include <cstddef>

#include "util/text_encoding.hpp"

namespace partnerpulse {

namespace {

unsigned char byte_at(std::string_view text, std::size_t i) { return static_cast<unsigned char>(text[i]); }

bool in_range(unsigned char c, unsigned char low, unsigned char high) { return c >= low && c <= high; }

bool is_printable_ascii(unsigned char c) { return in_range(c, 0x20, 0x7E); }

// CSI parameters, intermediates and final byte, from text[i] (just after ESC [ or U+009B).
std::size_t skip_csi(std::string_view text, std::size_t i) {
  while (i < text.size() && in_range(byte_at(text, i), 0x30, 0x3F)) ++i;
  while (i < text.size() && in_range(byte_at(text, i), 0x20, 0x2F)) ++i;
  if (i < text.size() && in_range(byte_at(text, i), 0x40, 0x7E)) ++i;
  return i;
}

// A control string (OSC, DCS, SOS, PM, APC) from text[i] up to and including its terminator: BEL, ESC \ or
// U+009C. Unterminated: only the introducer is dropped (returns i) and the rest is treated as text.
std::size_t skip_control_string(std::string_view text, std::size_t i) {
  for (std::size_t k = i; k < text.size(); ++k) {
    const unsigned char c = byte_at(text, k);
    if (c == 0x07) return k + 1;
    if (c == 0x1B && k + 1 < text.size() && text[k + 1] == '\\') return k + 2;
    if (c == 0xC2 && k + 1 < text.size() && byte_at(text, k + 1) == 0x9C) return k + 2;
  }
  return i;
}

// Everything after an ESC at text[i - 1] that a terminal would take as part of the sequence.
std::size_t skip_escape(std::string_view text, std::size_t i) {
  if (i >= text.size()) return i;
  const unsigned char c = byte_at(text, i);
  if (c == '[') return skip_csi(text, i + 1);
  if (c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_') return skip_control_string(text, i + 1);
  if (in_range(c, 0x20, 0x2F)) {  // intermediates, then a final byte
    while (i < text.size() && in_range(byte_at(text, i), 0x20, 0x2F)) ++i;
    if (i < text.size() && in_range(byte_at(text, i), 0x30, 0x7E)) ++i;
    return i;
  }
  if (in_range(c, 0x30, 0x7E)) return i + 1;  // a two-character sequence such as ESC c
  return i;                                   // a lone ESC
}

// Where the text after control character `c` (ending at text[next - 1]) resumes, with whatever a terminal would
// take as part of it skipped; appends what `c` stands for (a line feed for CR, CR LF and LF; tab for tab).
std::size_t skip_control(std::string_view text, char32_t c, std::size_t next, std::string& out) {
  if (c == 0x1B) return skip_escape(text, next);
  if (c == 0x9B) return skip_csi(text, next);                                                  // C1 CSI
  if (c == 0x90 || c == 0x98 || c == 0x9D || c == 0x9E || c == 0x9F) return skip_control_string(text, next);
  if (c == '\r') {
    out += '\n';
    return (next < text.size() && text[next] == '\n') ? next + 1 : next;
  }
  if (c == '\n' || c == '\t') out += static_cast<char>(c);
  return next;
}

}  // namespace

std::string strip_control_characters(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    // Printable ASCII needs no decoding: copy a whole run at once.
    std::size_t run_end = i;
    while (run_end < text.size() && is_printable_ascii(byte_at(text, run_end))) ++run_end;
    if (run_end > i) {
      out.append(text.substr(i, run_end - i));
      i = run_end;
      continue;
    }
    const std::size_t start = i;
    const char32_t c = decode_utf8(text, i);
    if (c == invalid_code_point) {
      out += replacement_character;
    } else if (is_control_character(c)) {
      i = skip_control(text, c, i, out);
    } else if (!is_bidi_control(c)) {
      out.append(text.substr(start, i - start));
    }
  }
  return out;
}

bool has_ascii_control_characters(std::string_view text) {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x80 && is_control_character(byte)) return true;
  }
  return false;
}

}  // namespace partnerpulse
