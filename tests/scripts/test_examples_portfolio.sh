#!/usr/bin/env bash
# The committed portfolio folder (examples/portfolio/) is exactly what `report --out-dir` writes from the example
# responses, byte for byte (the manifest included); portfolio.json matches figures worked out by hand from the
# committed per-partnership reports; --fail-under exits 3 after writing everything; a second run replaces only
# its own files.
#   test_examples_portfolio.sh BINARY SOURCE_DIR [CORPUS]
set -euo pipefail
binary=$1 source_dir=$2
command -v jq >/dev/null 2>&1 || { echo "SKIPPED: jq not found; install it with: apt-get install jq"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PARTNERPULSE_SHARE_DIR=/nonexistent
status=0
# With --format html, as examples/regenerate.sh writes it: the HTML pages beside the Markdown ones.
run() { "$binary" report --questionnaires "$source_dir/questionnaires" --format html "$@" "$source_dir/examples/responses"; }

run --out-dir "$work/portfolio" 2>"$work/stderr"
if ! diff -r "$source_dir/examples/portfolio" "$work/portfolio"; then
  echo "examples/portfolio differs from what the binary writes (run examples/regenerate.sh)"
  status=1
fi
# The role foldings of the example are each reported once.
grep -c 'warning: role labels' "$work/stderr" | grep -qx 2 || { echo "expected two folding warnings:"; cat "$work/stderr"; status=1; }

# Hand computation. The latest overall indexes (each report's first "Overall health index"):
#   delta-learning-network 58.0 < horizon-alliance 66.5 < riverbend-coalition 74.8: the order of portfolio.json.
order=$(jq -r '[.partnerships[].partnership] | join(" ")' "$work/portfolio/portfolio.json")
[ "$order" = "delta-learning-network horizon-alliance riverbend-coalition" ] || { echo "order: $order"; status=1; }
# Delta: 8 respondents of 4 + 6 + 3 = 13 invited in 2024: 8 / 13 = 0.6153846...; nobody of the learning partners.
[ "$(jq -c '.partnerships[0] | [.respondents, .invited, (.response_rate * 10000 | round), .missing_roles]' \
  "$work/portfolio/portfolio.json")" = '[8,13,6154,["Learning partner"]]' ] || { echo "delta's response rate"; status=1; }
# Riverbend: only the funder's people answered in 2024; grantee answered in 2023.
[ "$(jq -c '.partnerships[2].missing_roles' "$work/portfolio/portfolio.json")" = '["grantee"]' ] \
  || { echo "riverbend's missing roles"; status=1; }
# Time together (communication): 2024 indexes 72.2 (horizon), 64.8 (delta), 79.7 (riverbend), from their reports.
#   sorted 64.8 72.2 79.7: q1 at h = 0.5 -> 64.8 + 0.5 * 7.4 = 68.5; median 72.2; q3 at 1.5 -> 72.2 + 0.5 * 7.5
#   = 75.95, printed 76.0.
#   Three partnerships: fewer than 5, so no percentile.
[ "$(jq -c '.dimensions[] | select(.id == "time-together") | [.partnerships, .q1, .median, .q3]' \
  "$work/portfolio/portfolio.json")" = '[3,68.5,72.2,76]' ] || { echo "time-together quartiles"; status=1; }
[ "$(jq '[.partnerships[].dimensions[].percentile] | unique' "$work/portfolio/portfolio.json" | tr -d ' \n')" = '[null]' ] \
  || { echo "percentiles with 3 partnerships must be null"; status=1; }
for name in delta-learning-network horizon-alliance riverbend-coalition; do
  grep -q "| Time together | $(jq -r --arg p "$name" '.partnerships[] | select(.partnership == $p) | .dimensions[]
    | select(.id == "time-together") | .index' "$work/portfolio/portfolio.json")" \
    "$work/portfolio/$name.md" || { echo "$name: the index in portfolio.json is not its report's"; status=1; }
done

# --fail-under: exit 3, after writing everything, naming each partnership below the threshold.
set +e
run --out-dir "$work/portfolio" --fail-under 70 2>"$work/stderr"
code=$?
set -e
[ $code = 3 ] || { echo "--fail-under 70 exited $code, not 3"; status=1; }
grep -q 'delta-learning-network (2024): overall index 58.0 is below --fail-under 70.0' "$work/stderr" || status=1
grep -q 'riverbend' "$work/stderr" && { echo "riverbend (74.8) is not below 70"; status=1; }
diff -r "$source_dir/examples/portfolio" "$work/portfolio" >/dev/null || { echo "--fail-under changed the files"; status=1; }

# A file it did not write is never replaced, even with --force; a folder it did not write is refused.
echo mine >"$work/portfolio/notes.md"
mkdir "$work/other" && echo mine >"$work/other/index.md"
set +e
run --out-dir "$work/other" 2>/dev/null; a=$?
run --out-dir "$work/other" --force 2>/dev/null; b=$?
set -e
[ $a = 1 ] && [ $b = 1 ] && [ "$(cat "$work/other/index.md")" = mine ] || { echo "other's index.md: $a $b"; status=1; }
run --out-dir "$work/portfolio" 2>/dev/null
[ "$(cat "$work/portfolio/notes.md")" = mine ] || { echo "notes.md was touched"; status=1; }

# The messages docs/partnership-format.md shows are those golden cases check (tests/golden/*.test).
while IFS= read -r line; do
  grep -qxF -- "$line" "$source_dir"/tests/golden/*.test \
    || { echo "docs/partnership-format.md shows a message no golden case checks: $line"; status=1; }
done < <(sed -n '/^ *```text$/,/^ *```$/p' "$source_dir/docs/partnership-format.md" | grep -v '```' | sed 's/^ *//')

[ $status = 0 ] && echo "example portfolio matches"
exit $status
