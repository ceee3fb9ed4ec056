#!/usr/bin/env bash
# The portfolio benchmark (issue 10): `report --out-dir` over PARTNERSHIPS x RESPONDENTS synthetic response files
# (partnership/period folders, as bench/generate_responses.py lays them out), timed side by side with the
# single-threaded toml++ parse floor (bench/parse_floor) over the same files, in paired rounds like bench/run.sh.
# Builds nothing: build first (see bench/README.md), then
#   bench/portfolio.sh [PARTNERPULSE [PARSE_FLOOR]]    (defaults: build-bench/partnerpulse, build-bench/bench/parse_floor)
# Environment: PARTNERSHIPS (default 1000), RESPONDENTS (default 100), ROUNDS (default 5).
# Prints, per round, the floor, `report --out-dir`, and `report --format json` to standard output (the same scoring
# without writing 2 files per partnership); then the median ratio to the floor (target <= 0.70), the share of the
# run spent writing the folder (target < 10%), and the peak memory of `report --out-dir` with RESPONDENTS and with a
# tenth of them (it must grow with partnerships, not respondents). Writes bench/out/portfolio-summary.txt.
# Creating a file costs the same on a given file system whoever creates it, so each round also times
#   - `cp -r` of the folder written to a new folder beside it: the file system's own cost of creating those files;
#   - `report --out-dir` into a folder on a tmpfs (TMPFS, default /dev/shm, when it is one): the writing share left
#     when creating a file costs next to nothing, that is partnerpulse's own part (rendering and writing).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PARTNERPULSE=$(realpath -m "${1:-$ROOT/build-bench/partnerpulse}")
PARSE_FLOOR=$(realpath -m "${2:-$ROOT/build-bench/bench/parse_floor}")
PARTNERSHIPS=${PARTNERSHIPS:-1000}
RESPONDENTS=${RESPONDENTS:-100}
ROUNDS=${ROUNDS:-5}
OUT=$ROOT/bench/out
QUESTIONNAIRES=$ROOT/questionnaires
PYTHON=${PYTHON:-python3}
TMPFS=${TMPFS:-/dev/shm}
[[ $(stat -f -c %T "$TMPFS" 2>/dev/null) == tmpfs ]] || TMPFS=""

die() { echo "bench/portfolio.sh: $*" >&2; exit 1; }
for binary in "$PARTNERPULSE" "$PARSE_FLOOR"; do
  [[ -x $binary ]] || die "$binary is missing or not executable; build it first (see bench/README.md)"
done
[[ -x /usr/bin/time ]] || die "/usr/bin/time is missing (apt-get install time)"
mkdir -p "$OUT"

# PARTNERSHIPS x RESPONDENTS files, generated once (same bytes every time).
generate() {
  local folder=$OUT/portfolio-data-$1x$2
  if [[ ! -e $folder/.complete ]]; then
    rm -rf "$folder" "$folder.tmp"
    "$PYTHON" "$ROOT/bench/generate_responses.py" --partnerships "$1" --respondents "$2" \
      --questionnaires "$QUESTIONNAIRES" --out "$folder.tmp" >/dev/null
    touch "$folder.tmp/.complete"
    mv "$folder.tmp" "$folder"
  fi
  echo "$folder"
}
DATA=$(generate "$PARTNERSHIPS" "$RESPONDENTS")
SMALL=$(generate "$PARTNERSHIPS" $(( RESPONDENTS / 10 > 0 ? RESPONDENTS / 10 : 1 )))
REPORT=("$PARTNERPULSE" report --questionnaires "$QUESTIONNAIRES")

seconds() {  # runs the command, prints its wall time in seconds
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || die "failed: $*"
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

rm -rf "$OUT/portfolio-run"
"${REPORT[@]}" --out-dir "$OUT/portfolio-run" "$DATA" 2>/dev/null || die "report --out-dir failed"
ratios=() writing=() creating=() writing_tmpfs=()
printf 'round  floor_s  out_dir_s  json_s  cp_s  tmpfs_out_dir_s\n'
for (( round = 1; round <= ROUNDS; round++ )); do
  floor=$(seconds "$PARSE_FLOOR" "$DATA")
  out_dir=$(seconds "${REPORT[@]}" --out-dir "$OUT/portfolio-run" "$DATA")
  json=$(seconds "${REPORT[@]}" --format json "$DATA")
  rm -rf "$OUT/portfolio-copy"
  copy=$(seconds cp -r "$OUT/portfolio-run" "$OUT/portfolio-copy")
  tmpfs_out_dir=0
  if [[ -n $TMPFS ]]; then
    rm -rf "$TMPFS/partnerpulse-portfolio-run"
    tmpfs_out_dir=$(seconds "${REPORT[@]}" --out-dir "$TMPFS/partnerpulse-portfolio-run" "$DATA")
    writing_tmpfs+=("$(echo "($tmpfs_out_dir - $json) / $tmpfs_out_dir * 100" | bc -l)")
  fi
  printf '%5d  %7.3f  %9.3f  %6.3f  %4.3f  %15.3f\n' "$round" "$floor" "$out_dir" "$json" "$copy" "$tmpfs_out_dir"
  ratios+=("$(echo "$out_dir / $floor" | bc -l)")
  writing+=("$(echo "($out_dir - $json) / $out_dir * 100" | bc -l)")
  creating+=("$(echo "$copy / $out_dir * 100" | bc -l)")
done
rm -rf "$OUT/portfolio-copy" "${TMPFS:-/nonexistent}/partnerpulse-portfolio-run"
peak() { /usr/bin/time -f %M "${REPORT[@]}" --out-dir "$OUT/portfolio-peak" "$1" 2>&1 >/dev/null | tail -1; }
rm -rf "$OUT/portfolio-peak"
peak_full=$(peak "$DATA")
rm -rf "$OUT/portfolio-peak"
peak_small=$(peak "$SMALL")
rm -rf "$OUT/portfolio-peak"
{
  echo "files: $(find "$DATA" -name '*.toml' | wc -l) ($PARTNERSHIPS partnerships x $RESPONDENTS respondents), $ROUNDS round(s)"
  printf 'report --out-dir / parse floor: median %.3f (target <= 0.70)\n' "$(printf '%s\n' "${ratios[@]}" | median)"
  printf 'writing the folder: median %.1f%% of the run (target < 10%%)\n' "$(printf '%s\n' "${writing[@]}" | median)"
  printf '  of which the file system creating its %d files (cp -r of the folder): median %.1f%% of the run\n' \
    "$(find "$OUT/portfolio-run" -type f | wc -l)" "$(printf '%s\n' "${creating[@]}" | median)"
  if [[ -n $TMPFS ]]; then
    printf '  into a folder on tmpfs (%s): median %.1f%% of the run\n' "$TMPFS" \
      "$(printf '%s\n' "${writing_tmpfs[@]}" | median)"
  fi
  echo "peak RSS: $peak_full KiB with $RESPONDENTS respondents per partnership, $peak_small KiB with a tenth of them"
  echo "load while timing: $(cut -d' ' -f1-3 /proc/loadavg) (other builds move these figures: measure on an idle machine)"
} | tee "$OUT/portfolio-summary.txt"
