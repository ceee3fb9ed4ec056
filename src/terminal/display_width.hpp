#pragma once
// Display width of UTF-8 text in a terminal, text clean-up for user input, and word wrapping by display width.
// Everything here accepts any bytes: invalid UTF-8 is replaced by U+FFFD before it is measured or kept.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace partnerpulse {

// `text` made valid UTF-8 (see replace_invalid_utf8) and normalised to NFC, so that "e" + U+0301 and "é" are the
// same text and measure the same.
std::string normalize_nfc(std::string_view text);

// Text a person typed, or questionnaire text to show on one line, made safe to keep and print:
// strip_control_characters (util/text_filters.hpp), then tabs, U+2028 and U+2029 turned into spaces, line breaks
// removed, NFC, and spaces trimmed at both ends.
std::string clean_input_text(std::string_view text);

// The key a person typed, for matching against answers and keys: clean_input_text, then compatibility forms
// folded (full-width "３" becomes "3") and case folded ("NA" becomes "na").
std::string normalize_key(std::string_view text);

// The longest prefix of `text` of at most `max_bytes` bytes that ends on a grapheme boundary (never inside a
// UTF-8 sequence, never between a letter and its accent). `text` must be valid UTF-8.
std::string_view truncate_to_bytes(std::string_view text, std::size_t max_bytes);

// The grapheme clusters of `text` (user-perceived characters), each as a slice of `text`. `text` must be valid
// UTF-8 (use normalize_nfc first).
std::vector<std::string_view> split_graphemes(std::string_view text);

// The number of terminal columns one grapheme cluster takes: 0 for combining marks and controls on their own,
// 2 for wide (East Asian, emoji) characters, else 1.
std::size_t grapheme_width(std::string_view grapheme);

// The number of terminal columns `text` takes when printed on one line (after NFC normalisation).
std::size_t display_width(std::string_view text);

// `text` cut to at most `width` columns, ending with "…" when something was cut.
std::string truncate_to_width(std::string_view text, std::size_t width);

// `text` followed by spaces up to `width` columns (unchanged when it is already as wide or wider).
std::string pad_to_width(std::string_view text, std::size_t width);

// Splits `text` (NFC-normalised first) into lines of at most `width` columns. Lines break at spaces; a word wider
// than `width` is broken between graphemes; a newline in `text` forces a break. Lines carry no leading or trailing
// spaces. A single grapheme wider than `width` gets a line of its own. A width of 0 is treated as 1.
std::vector<std::string> wrap_text(std::string_view text, std::size_t width);

}  // namespace partnerpulse
