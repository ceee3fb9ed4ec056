#!/usr/bin/env bash
# Each hand-made export under tests/data/import/LAYOUT/ (export.csv, with mapping.toml where the layout needs one)
# imports to exactly the response files in LAYOUT/expected/; no string of LAYOUT/private.txt (e-mail addresses,
# names, IP addresses, raw ids, metadata) nor the key appears in any file written or in a report (Markdown, JSON, CSV); `report EXPORT.csv` gives the same
# report as `report` on the expected files; and a second import refuses to replace the files without --force.
#   test_import_layouts.sh BINARY SOURCE_DIR [CORPUS]
set -euo pipefail
binary=$1 source_dir=$2
data=$source_dir/tests/data/import
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PARTNERPULSE_SHARE_DIR=/nonexistent HOME=$work XDG_CONFIG_HOME=$work/config
cp "$data/test.key" "$work/test.key"
chmod 600 "$work/test.key"
q=(--questionnaires "$source_dir/questionnaires/archive" --questionnaires "$data/questionnaires")  # the fixtures answer the 1.0 forms
status=0
fail() { echo "FAIL $*"; status=1; }
for dir in "$data"/*/; do
  layout=$(basename "$dir")
  [ -f "$dir/export.csv" ] || continue
  mapping=()
  [ -f "$dir/mapping.toml" ] && mapping=(--mapping "$dir/mapping.toml")
  out=$work/$layout
  "$binary" import "$dir/export.csv" "${q[@]}" "${mapping[@]}" --key "$work/test.key" --out-dir "$out" 2>"$work/err" ||
    { cat "$work/err"; fail "$layout: import failed"; continue; }
  diff -ru "$dir/expected" "$out" || fail "$layout: the response files differ from $layout/expected"
  while IFS= read -r private; do
    [ -n "$private" ] || continue
    if grep -rqF -- "$private" "$out"; then fail "$layout: '$private' from the export appears in a response file"; fi
  done <"$dir/private.txt"
  if grep -rqF -- "$(cat "$work/test.key")" "$out" "$work/err"; then fail "$layout: the key appears in an output"; fi
  "$binary" report "$dir/export.csv" "${q[@]}" "${mapping[@]}" --key "$work/test.key" --min-group 1 --comments \
    >"$work/from-export.md"
  for format in json csv; do
    "$binary" report "$dir/export.csv" "${q[@]}" "${mapping[@]}" --key "$work/test.key" --min-group 1 --comments \
      --format $format -o "$work/report.$format" 2>/dev/null
  done
  while IFS= read -r private; do
    [ -n "$private" ] || continue
    if grep -qF -- "$private" "$work/from-export.md" "$work/report.json" "$work/report.csv"; then
      fail "$layout: '$private' from the export appears in a report"
    fi
  done <"$dir/private.txt"
  rm -f "$work/report.json" "$work/report.csv"
  "$binary" report "$dir/expected" "${q[@]}" --min-group 1 --comments >"$work/from-files.md"
  diff -u "$work/from-files.md" "$work/from-export.md" || fail "$layout: report EXPORT.csv differs from report on the files"
  if "$binary" import "$dir/export.csv" "${q[@]}" "${mapping[@]}" --key "$work/test.key" --out-dir "$out" 2>/dev/null; then
    fail "$layout: a second import replaced the files without --force"
  fi
  "$binary" import "$dir/export.csv" "${q[@]}" "${mapping[@]}" --key "$work/test.key" --out-dir "$out" --force 2>/dev/null ||
    fail "$layout: import --force failed"
  echo "ok $layout"
done
# The default key: made on first use in $XDG_CONFIG_HOME/partnerpulse/import.key, mode 0600, then reused.
"$binary" import "$data/kobo-xml/export.csv" "${q[@]}" --out-dir "$work/default-1" 2>/dev/null
"$binary" import "$data/kobo-xml/export.csv" "${q[@]}" --out-dir "$work/default-2" 2>/dev/null
key=$work/config/partnerpulse/import.key
[ "$(stat -c %a "$key")" = 600 ] || fail "the default key is not mode 0600"
diff -r "$work/default-1" "$work/default-2" >/dev/null || fail "the same key gave different pseudonyms"
if diff -r "$work/default-1" "$work/kobo-xml" >/dev/null; then fail "another key gave the same pseudonyms"; fi
exit $status
