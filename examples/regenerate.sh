#!/usr/bin/env bash
# Regenerates the committed reports of the example partnerships from their responses.
#   examples/regenerate.sh [BINARY]     (default: build/partnerpulse)
# tests/scripts/test_examples_reports.sh checks that the committed reports match what the binary produces.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
binary=${1:-$root/build/partnerpulse}
out=${2:-$root/examples/reports}
mkdir -p "$out"
export LC_ALL=C.UTF-8 TZ=UTC NO_COLOR=1 PARTNERPULSE_SHARE_DIR=/nonexistent
for period in 2023 2024; do
  for format in markdown json csv html; do
    ext=$format
    [ "$format" = markdown ] && ext=md
    "$binary" report --questionnaires "$root/questionnaires" --format "$format" --force \
      -o "$out/$period.$ext" "$root/examples/responses/$period" 2>/dev/null
  done
done
"$binary" report --questionnaires "$root/questionnaires" --comments --force \
  -o "$out/2024-with-comments.md" "$root/examples/responses/2024" 2>/dev/null
# The 2024 report in French and in Arabic (docs/report-format.md, "Languages").
for language in fr ar; do
  "$binary" report --questionnaires "$root/questionnaires" --language "$language" --force \
    -o "$out/2024.$language.md" "$root/examples/responses/2024" 2>/dev/null
done
# The HTML report of both years (its trend charts need several periods), and the 2024 report right to left.
"$binary" report --questionnaires "$root/questionnaires" --format html --force \
  -o "$out/2023-2024.html" "$root/examples/responses/2023" "$root/examples/responses/2024" 2>/dev/null
"$binary" report --questionnaires "$root/questionnaires" --format html --language ar --force \
  -o "$out/2024-ar.html" "$root/examples/responses/2024" 2>/dev/null
# The comparison of the two years, from the responses (compare on the JSON reports above gives the same bytes:
# tests/scripts/test_examples_reports.sh checks it).
for format in markdown json; do
  ext=$format
  [ "$format" = markdown ] && ext=md
  "$binary" compare --questionnaires "$root/questionnaires" --format "$format" --force \
    -o "$out/compare-2023-2024.$ext" "$root/examples/responses/2023" "$root/examples/responses/2024" 2>/dev/null
done
# The portfolio of the example partnerships (report --out-dir over every example response): examples/portfolio/,
# written only when the script runs with its default folders (tests/scripts/test_examples_portfolio.sh checks it).
if [ $# -lt 2 ]; then
  "$binary" report --questionnaires "$root/questionnaires" --format html --out-dir "$root/examples/portfolio" \
    "$root/examples/responses" 2>/dev/null
fi
