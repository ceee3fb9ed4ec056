#!/usr/bin/env bash
# docs/import.md shows what the fixtures and the binary hold: each `<!-- sample: LAYOUT N -->` block is the first N
# lines of tests/data/import/LAYOUT/export.csv (without its byte-order mark and CRs), each `<!-- mapping: LAYOUT -->`
# block is LAYOUT/mapping.toml, and the `<!-- output: kobo-xml dry-run -->` block is what --dry-run prints.
#   test_import_docs.sh BINARY SOURCE_DIR [CORPUS]
set -euo pipefail
binary=$1 source_dir=$2
doc=$source_dir/docs/import.md
data=$source_dir/tests/data/import
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The fenced block after the marker line $1.
block_after() { awk -v marker="$1" 'found == 1 && /^```/ { if (inside) exit; inside = 1; next }
                                     inside { print } $0 == marker { found = 1 }' "$doc"; }
status=0
checked=0
while read -r _ kind layout count _; do
  case $kind in
    sample:) expected=$(sed -e '1s/^\xEF\xBB\xBF//' -e 's/\r$//' "$data/$layout/export.csv" | head -n "$count")
             marker="<!-- sample: $layout $count -->" ;;
    mapping:) expected=$(cat "$data/$layout/mapping.toml"); marker="<!-- mapping: $layout -->" ;;
    output:) expected=$(PARTNERPULSE_SHARE_DIR=/nonexistent HOME=$work "$binary" import "$data/$layout/export.csv" \
                          --questionnaires "$source_dir/questionnaires/archive" --dry-run 2>/dev/null)
             marker="<!-- output: $layout dry-run -->" ;;
    *) continue ;;
  esac
  checked=$((checked + 1))
  if [ "$(block_after "$marker")" != "$expected" ]; then
    echo "FAIL docs/import.md: the block after '$marker' differs from what it shows:"
    diff <(block_after "$marker") <(printf '%s\n' "$expected") || true
    status=1
  fi
done < <(grep -E '^<!-- (sample|mapping|output): ' "$doc")
[ "$checked" -ge 9 ] || { echo "FAIL only $checked generated blocks found in docs/import.md"; status=1; }
[ $status = 0 ] && echo "ok: $checked blocks of docs/import.md"
exit $status
