#!/usr/bin/env bash
# Times `partnerpulse report EXPORT.csv --format json` on one export of 100,000 rows answering every shipped
# questionnaire (bench/generate_export.py, written to bench/out/export-100000.csv the first time), and measures
# its peak memory with /usr/bin/time; then the same for 300,000 and 10,000 rows, and prints how many bytes of peak
# memory each row beyond 100,000 adds (what refusing a duplicate id keeps per respondent: docs/import.md).
#   bench/import.sh [PARTNERPULSE]      (default: build-bench/partnerpulse; ROUNDS=11)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PARTNERPULSE=$(realpath -m "${1:-$ROOT/build-bench/partnerpulse}")
ROUNDS=${ROUNDS:-11}
OUT=$ROOT/bench/out
[[ -x $PARTNERPULSE ]] || { echo "bench/import.sh: $PARTNERPULSE is missing; build it first" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "bench/import.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }
mkdir -p "$OUT"
KEY=$OUT/import-bench.key
declare -A peak_of
for rows in 100000 300000 10000; do
  export_file=$OUT/export-$rows.csv
  [[ -f $export_file ]] || python3 "$ROOT/bench/generate_export.py" "$ROOT/questionnaires" "$rows" "$export_file"
  run=("$PARTNERPULSE" report "$export_file" --format json --questionnaires "$ROOT/questionnaires" --key "$KEY")
  "${run[@]}" >/dev/null  # warm-up, and the key file made once
  times=()
  for _ in $(seq "$ROUNDS"); do
    start=$(date +%s%N)
    "${run[@]}" >/dev/null
    times+=($(( $(date +%s%N) - start )))
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)] / 1e9}')
  peak=$(/usr/bin/time -f %M "${run[@]}" 2>&1 >/dev/null | tail -1)
  peak_of[$rows]=$peak
  printf '%7d rows: median of %d runs %.3f s, peak RSS %d KiB (%s, %d bytes)\n' "$rows" "$ROUNDS" "$median" "$peak" \
    "$(basename "$export_file")" "$(stat -c %s "$export_file")"
done
printf 'peak memory per row from 100,000 to 300,000 rows: %d bytes\n' \
  $(( (${peak_of[300000]} - ${peak_of[100000]}) * 1024 / 200000 ))
