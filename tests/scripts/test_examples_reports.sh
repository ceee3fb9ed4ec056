#!/usr/bin/env bash
# The committed example reports are exactly what the binary produces from the example responses.
#   test_examples_reports.sh BINARY SOURCE_DIR [CORPUS]
set -euo pipefail
binary=$1 source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bash "$source_dir/examples/regenerate.sh" "$binary" "$work"
status=0
for expected in "$source_dir"/examples/reports/*; do
  name=$(basename "$expected")
  if ! diff -u "$expected" "$work/$name"; then
    echo "examples/reports/$name differs from what the binary produces (run examples/regenerate.sh)"
    status=1
  fi
done
for produced in "$work"/*; do
  [ -e "$source_dir/examples/reports/$(basename "$produced")" ] || { echo "not committed: examples/reports/$(basename "$produced")"; status=1; }
done
# compare on the committed JSON reports gives the same bytes as compare on the responses they came from.
for format in markdown json; do
  ext=$format
  [ "$format" = markdown ] && ext=md
  PARTNERPULSE_SHARE_DIR=/nonexistent "$binary" compare --questionnaires "$source_dir/questionnaires" --format "$format" \
    "$source_dir/examples/reports/2023.json" "$source_dir/examples/reports/2024.json" >"$work/from-json.$ext"
  if ! diff -u "$source_dir/examples/reports/compare-2023-2024.$ext" "$work/from-json.$ext"; then
    echo "compare on examples/reports/*.json differs from compare on the responses ($format)"
    status=1
  fi
done
# The rows docs/compare.md shows are in the committed comparison.
while IFS= read -r row; do
  grep -qxF -- "$row" "$source_dir/examples/reports/compare-2023-2024.md" \
    || { echo "docs/compare.md shows a row that examples/reports/compare-2023-2024.md does not hold: $row"; status=1; }
done < <(sed -n '/^```markdown$/,/^```$/p' "$source_dir/docs/compare.md" | grep '^|')
# The example responses themselves validate.
"$binary" validate --quiet --questionnaires "$source_dir/questionnaires" "$source_dir/examples/responses" || status=1
[ $status = 0 ] && echo "example reports match"
exit $status
