#include "terminal/display_width.hpp"

#include <cstdlib>
#include <memory>

#include <utf8proc.h>

#include "util/text_encoding.hpp"
#include "util/text_filters.hpp"

namespace partnerpulse {

namespace {

struct FreeDeleter {
  void operator()(utf8proc_uint8_t* p) const noexcept { std::free(p); }
};

// utf8proc_map over valid UTF-8; returns `text` unchanged if utf8proc reports an error (it should not).
std::string map_text(std::string_view text, int options) {
  if (text.empty()) return {};
  utf8proc_uint8_t* raw = nullptr;
  const utf8proc_ssize_t length =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()), static_cast<utf8proc_ssize_t>(text.size()),
                   &raw, static_cast<utf8proc_option_t>(options));
  const std::unique_ptr<utf8proc_uint8_t, FreeDeleter> owned(raw);
  if (length < 0 || !raw) return std::string(text);
  return std::string(reinterpret_cast<const char*>(raw), static_cast<std::size_t>(length));
}

bool is_line_or_paragraph_separator(char32_t c) { return c == 0x2028 || c == 0x2029; }

std::size_t nfc_width(std::string_view nfc) {
  std::size_t width = 0;
  for (const auto grapheme : split_graphemes(nfc)) width += grapheme_width(grapheme);
  return width;
}

}  // namespace

std::string normalize_nfc(std::string_view text) {
  return map_text(replace_invalid_utf8(text), UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

std::string clean_input_text(std::string_view text) {
  const std::string stripped = strip_control_characters(text);  // valid UTF-8, only tab and line feed left
  std::string kept;
  kept.reserve(stripped.size());
  for (std::size_t i = 0; i < stripped.size();) {
    const std::size_t start = i;
    const char32_t c = decode_utf8(stripped, i);
    if (c == '\t' || is_line_or_paragraph_separator(c)) {
      kept += ' ';
    } else if (c != '\n') {
      kept.append(stripped, start, i - start);
    }
  }
  std::string normal = map_text(kept, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
  const auto first = normal.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  const auto last = normal.find_last_not_of(' ');
  return normal.substr(first, last - first + 1);
}

std::string normalize_key(std::string_view text) {
  return map_text(clean_input_text(text), UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);
}

std::vector<std::string_view> split_graphemes(std::string_view text) {
  std::vector<std::string_view> graphemes;
  utf8proc_int32_t state = 0;
  utf8proc_int32_t previous = -1;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t at = i;
    const char32_t decoded = decode_utf8(text, i);
    if (decoded == invalid_code_point) {  // invalid byte: a grapheme of its own
      if (at > start) graphemes.push_back(text.substr(start, at - start));
      graphemes.push_back(text.substr(at, 1));
      start = i;
      previous = -1;
      state = 0;
      continue;
    }
    const auto c = static_cast<utf8proc_int32_t>(decoded);
    if (previous >= 0 && utf8proc_grapheme_break_stateful(previous, c, &state)) {
      graphemes.push_back(text.substr(start, at - start));
      start = at;
    }
    previous = c;
  }
  if (start < text.size()) graphemes.push_back(text.substr(start));
  return graphemes;
}

std::size_t grapheme_width(std::string_view grapheme) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < grapheme.size();) {
    const char32_t c = decode_utf8(grapheme, i);
    if (c == invalid_code_point) return 1;  // shown as a replacement character
    const int w = utf8proc_charwidth(static_cast<utf8proc_int32_t>(c));
    if (w > 0) width += static_cast<std::size_t>(w);
  }
  // A cluster (letter + marks, emoji sequence, Hangul syllable in jamo) occupies one cell, or two when wide.
  return width > 2 ? 2 : width;
}

std::size_t display_width(std::string_view text) { return nfc_width(normalize_nfc(text)); }

std::string_view truncate_to_bytes(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t end = 0;
  for (const auto grapheme : split_graphemes(text.substr(0, max_bytes + 64))) {
    const auto offset = static_cast<std::size_t>(grapheme.data() - text.data());
    if (offset + grapheme.size() > max_bytes) break;
    end = offset + grapheme.size();
  }
  return text.substr(0, end);
}

std::string truncate_to_width(std::string_view text, std::size_t width) {
  std::string nfc = normalize_nfc(text);
  if (nfc_width(nfc) <= width) return nfc;
  if (width == 0) return {};
  std::string out;
  std::size_t used = 0;
  for (const auto grapheme : split_graphemes(nfc)) {
    const std::size_t w = grapheme_width(grapheme);
    if (used + w > width - 1) break;
    out.append(grapheme);
    used += w;
  }
  out += "\xE2\x80\xA6";  // …
  return out;
}

std::string pad_to_width(std::string_view text, std::size_t width) {
  std::string out(text);
  const std::size_t used = display_width(text);
  if (used < width) out.append(width - used, ' ');
  return out;
}

std::vector<std::string> wrap_text(std::string_view text, std::size_t width) {
  if (width == 0) width = 1;
  const std::string nfc = normalize_nfc(text);
  std::vector<std::string> lines;
  std::string_view rest = nfc;
  while (true) {
    const std::size_t newline = rest.find('\n');
    const std::string_view paragraph = rest.substr(0, newline);
    std::string current;
    std::size_t used = 0;
    const auto flush = [&] {
      lines.push_back(current);
      current.clear();
      used = 0;
    };
    std::size_t start = 0;
    bool any_word = false;
    while (start <= paragraph.size()) {
      std::size_t end = paragraph.find(' ', start);
      if (end == std::string_view::npos) end = paragraph.size();
      const std::string_view word = paragraph.substr(start, end - start);
      start = end + 1;
      if (word.empty()) continue;
      any_word = true;
      const std::size_t word_width = nfc_width(word);
      if (word_width <= width) {
        if (current.empty()) {
          current.assign(word);
          used = word_width;
        } else if (used + 1 + word_width <= width) {
          current += ' ';
          current.append(word);
          used += 1 + word_width;
        } else {
          flush();
          current.assign(word);
          used = word_width;
        }
        continue;
      }
      // Wider than a line: fill the current line, then break between graphemes.
      if (!current.empty()) {
        if (used + 2 <= width) {
          current += ' ';
          ++used;
        } else {
          flush();
        }
      }
      for (const auto grapheme : split_graphemes(word)) {
        const std::size_t w = grapheme_width(grapheme);
        if (used + w > width && !current.empty()) flush();
        current.append(grapheme);
        used += w;
      }
    }
    if (!current.empty()) flush();
    if (!any_word && newline != std::string_view::npos) lines.emplace_back();  // an empty line between paragraphs
    if (newline == std::string_view::npos) break;
    rest.remove_prefix(newline + 1);
  }
  return lines;
}

}  // namespace partnerpulse
