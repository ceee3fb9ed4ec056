#!/usr/bin/env bash
# Runs the benchmark described in bench/README.md and prints a summary. Builds nothing: build first with
#   cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DPARTNERPULSE_BUILD_TESTS=OFF && ninja -C build-bench
# then
#   bench/run.sh [PARTNERPULSE [PARSE_FLOOR]]      (defaults: build-bench/partnerpulse, build-bench/bench/parse_floor)
# Environment: RUNS (timed runs per command, default 5), WARMUP (default 1), ROUNDS (paired rounds, default 15).
# Generates the synthetic responses into bench/out/ when they are absent (same bytes every time), times the floor,
# partnerpulse (all cores and --jobs 1) and the Python script with hyperfine, measures peak RSS with /usr/bin/time,
# and writes bench/out/results.md, bench/out/results.json and bench/out/summary.txt. Exits non-zero when any
# command fails or when partnerpulse and the Python script disagree on a figure.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PARTNERPULSE=$(realpath -m "${1:-$ROOT/build-bench/partnerpulse}")
PARSE_FLOOR=$(realpath -m "${2:-$ROOT/build-bench/bench/parse_floor}")
RUNS=${RUNS:-5}
ROUNDS=${ROUNDS:-15}
WARMUP=${WARMUP:-1}
OUT=$ROOT/bench/out
QUESTIONNAIRES=$ROOT/questionnaires
PYTHON=${PYTHON:-python3}

die() { echo "bench/run.sh: $*" >&2; exit 1; }

for binary in "$PARTNERPULSE" "$PARSE_FLOOR"; do
  [[ -x $binary ]] || die "$binary is missing or not executable; build it first (see bench/README.md)"
done
command -v hyperfine >/dev/null || die "hyperfine is missing (apt-get install hyperfine)"
[[ -x /usr/bin/time ]] || die "/usr/bin/time is missing (apt-get install time)"
"$PYTHON" -c 'import sys, tomllib; sys.exit(sys.version_info < (3, 11))' || die "$PYTHON must be Python 3.11 or newer"

mkdir -p "$OUT"
cd "$ROOT"

# Data sets: PARTNERSHIPS x RESPONDENTS. The timed one is 100 x 100 = 10,000 files; the others vary the number of
# respondents for the memory figures (same groups, 10x the respondents: 100x10 -> 100x100 and 10x100 -> 10x1000).
generate() {
  local partnerships=$1 respondents=$2
  local folder=$OUT/data-${partnerships}x${respondents}
  if [[ ! -e $folder/.complete ]]; then
    rm -rf "$folder" "$folder.tmp"
    "$PYTHON" "$ROOT/bench/generate_responses.py" --partnerships "$partnerships" --respondents "$respondents" \
      --questionnaires "$QUESTIONNAIRES" --out "$folder.tmp"
    touch "$folder.tmp/.complete"
    mv "$folder.tmp" "$folder"
  fi
}
generate 100 100
generate 100 10
generate 10 100
generate 10 1000
DATA=$OUT/data-100x100

q() { printf '%q' "$1"; }
FLOOR_CMD="$(q "$PARSE_FLOOR") $(q "$DATA")"
REPORT_CMD="$(q "$PARTNERPULSE") report --format json --questionnaires $(q "$QUESTIONNAIRES") $(q "$DATA")"
REPORT_J1_CMD="$(q "$PARTNERPULSE") report --format json --jobs 1 --questionnaires $(q "$QUESTIONNAIRES") $(q "$DATA")"
PYTHON_CMD="$(q "$PYTHON") $(q "$ROOT/bench/score_tomllib.py") --questionnaires $(q "$QUESTIONNAIRES") $(q "$DATA")"

# One checked run of each first: every command must succeed, and partnerpulse must compute what Python computes.
echo "== checking the commands"
files=$(eval "$FLOOR_CMD") || die "parse_floor failed"
echo "parse_floor: $files files"
eval "$REPORT_CMD" >"$OUT/partnerpulse.json" || die "partnerpulse report failed"
eval "$REPORT_J1_CMD" >"$OUT/partnerpulse-j1.json" || die "partnerpulse report --jobs 1 failed"
eval "$PYTHON_CMD" >"$OUT/python.json" || die "score_tomllib.py failed"
cmp -s "$OUT/partnerpulse.json" "$OUT/partnerpulse-j1.json" || die "partnerpulse's output depends on --jobs"
"$PYTHON" - "$OUT/partnerpulse.json" "$OUT/python.json" <<'EOF' || die "partnerpulse and score_tomllib.py disagree"
import json, math, sys
cpp, py = (json.load(open(p)) for p in sys.argv[1:3])
def figures(doc):
    """(partnership, period, what, ...) -> number, for every figure both programs compute."""
    out = {}
    for g in doc["groups"]:
        key = (g["partnership"], g["period"])
        out[key + ("respondents",)] = g["respondents"]
        out[key + ("overall",)] = g["overall"]["index"]
        for d in g["dimensions"]:
            for field in ("index", "n", "sd", "alpha", "scale_mean"):
                out[key + (d["questionnaire"], d["id"], field)] = d[field]
        for r in g["roles"]:
            for d in r["dimensions"]:
                out[key + ("role", r["role"], d["questionnaire"], d["id"])] = d["index"]
        for gap in g["gaps"]:
            out[key + ("gap", gap["questionnaire"], gap["dimension"])] = gap["gap"]
            out[key + ("flagged", gap["questionnaire"], gap["dimension"])] = gap["flagged"]
    return out
a, b = figures(cpp), figures(py)
if a.keys() != b.keys():
    sys.exit(f"different figures: {len(a.keys() - b.keys())} only in partnerpulse, {len(b.keys() - a.keys())} only in Python")
worst = 0.0
for key, x in a.items():
    y = b[key]
    if (x is None) != (y is None) or (x is not None and not math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-9)):
        sys.exit(f"{key}: partnerpulse {x}, Python {y}")
    if x is not None:
        worst = max(worst, abs(x - y))
print(f"partnerpulse and score_tomllib.py agree on all {len(a)} figures compared (largest difference {worst:.1e})")
EOF

# CPU time of the whole machine (jiffies: busy and total) before and after timing, to tell how much other
# processes used meanwhile: the times are only trustworthy on an otherwise idle machine.
cpu_jiffies() { awk '/^cpu / {print $2+$3+$4+$7+$8+$9, $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat; }
read -r busy_before total_before < <(cpu_jiffies)
echo "== timing (hyperfine, $RUNS runs after $WARMUP warm-up)"
hyperfine --warmup "$WARMUP" --runs "$RUNS" --output=null --style basic \
  --export-markdown "$OUT/results.md" --export-json "$OUT/results.json" \
  -n "parse_floor" "$FLOOR_CMD" \
  -n "partnerpulse" "$REPORT_CMD" \
  -n "partnerpulse --jobs 1" "$REPORT_J1_CMD" \
  -n "score_tomllib.py" "$PYTHON_CMD"

read -r busy_after total_after < <(cpu_jiffies)
machine="$((busy_after - busy_before)) $((total_after - total_before)) $(getconf CLK_TCK)"

# Paired rounds: the floor, partnerpulse and the Python script one after another, ROUNDS times. On a shared virtual
# machine the speed of the host can change from one second to the next; commands timed side by side meet the
# same conditions, so the median of the per-round ratios is the figure such swings move least.
echo "== paired rounds ($ROUNDS rounds of the floor, partnerpulse and the Python script, interleaved)"
"$PYTHON" - "$OUT/paired.json" "$ROUNDS" "$FLOOR_CMD" "$REPORT_CMD" "$PYTHON_CMD" <<'EOF'
import json, shlex, subprocess, sys, time
out, rounds = sys.argv[1], int(sys.argv[2])
commands = dict(zip(("parse_floor", "partnerpulse", "score_tomllib.py"), (shlex.split(c) for c in sys.argv[3:6])))
times = {name: [] for name in commands}
for _ in range(rounds):
    for name, argv in commands.items():
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, check=True)
        times[name].append(time.perf_counter() - start)
json.dump(times, open(out, "w"))
EOF

echo "== peak memory (/usr/bin/time -v)"
rss_lines=()
for set in 100x10 100x100 10x100 10x1000; do
  for jobs in 0 1; do
    log=$OUT/time-$set-j$jobs.txt
    /usr/bin/time -v -o "$log" "$PARTNERPULSE" report --format json --jobs "$jobs" \
      --questionnaires "$QUESTIONNAIRES" "$OUT/data-$set" >/dev/null || die "partnerpulse report on data-$set failed"
    kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
    rss_lines+=("$set $jobs $kb")
  done
done
/usr/bin/time -v -o "$OUT/time-floor.txt" "$PARSE_FLOOR" "$DATA" >/dev/null || die "parse_floor failed"
floor_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$OUT/time-floor.txt")

echo "== summary"
"$PYTHON" - "$OUT/results.json" "$floor_kb" "$machine" "$RUNS" "$WARMUP" "$OUT/paired.json" "${rss_lines[@]}" <<'EOF' | tee "$OUT/summary.txt"
import json, os, platform, statistics, sys, time
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
floor_kb = int(sys.argv[2])
busy, total, hz = map(int, sys.argv[3].split())
runs, warmup = int(sys.argv[4]), int(sys.argv[5])
paired = json.load(open(sys.argv[6]))
rss = [line.split() for line in sys.argv[7:]]
mean = {name: r["mean"] for name, r in results.items()}
median = {name: r["median"] for name, r in results.items()}
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "unknown CPU")
print(f"date {time.strftime('%Y-%m-%d')}, {len(os.sched_getaffinity(0))} cores (nproc), {cpu}, {platform.system()} {platform.release()}")
# CPU the benchmarked commands used (mean user + system per run, times the runs and warm-ups) against all the CPU
# the machine used while hyperfine ran: the difference is other processes' (and hyperfine's own) share.
ours = sum((r["user"] + r["system"]) * (runs + warmup) for r in results.values())
others = max(0.0, busy / hz - ours) / (total / hz) if total else 0.0
print(f"other processes used {100 * others:.1f}% of the machine's CPU during timing"
      + ("  (WARNING: the machine was busy; the times are not trustworthy)" if others > 0.05 else ""))
print("data: 100 partnerships x 100 respondents = 10,000 response files, each answering the 4 shipped questionnaires")
print()
print("wall time (median; mean +- sd; min):")
for name, r in results.items():
    print(f"  {name:22} {r['median']:7.3f} s;  {r['mean']:.3f} s +- {r['stddev'] or 0:.3f};  min {r['min']:.3f}")
names = ("parse_floor", "partnerpulse", "partnerpulse --jobs 1", "score_tomllib.py")
# Ratios of medians and of means. On a shared virtual machine a few runs can be slowed by other guests (the
# "other processes" line above cannot see them); the median is the figure such outliers do not move.
print()
print("ratios (of medians; of means):")
for label, of in (("median", median), ("mean", mean)):
    floor, pp, pp1, py = (of[n] for n in names)
    verdict = lambda ok: "met" if ok else "MISSED"
    print(f"  by {label}:")
    print(f"    partnerpulse / parse_floor            {pp / floor:6.3f}  (target <= 0.65)  {verdict(pp / floor <= 0.65)}")
    print(f"    partnerpulse --jobs 1 / parse_floor   {pp1 / floor:6.3f}  (single-thread scoring overhead over the floor)")
    print(f"    partnerpulse --jobs 1 / partnerpulse  {pp1 / pp:6.3f}  (parallel speed-up)")
    print(f"    score_tomllib.py / partnerpulse       {py / pp:6.2f}  (target >= 12)  {verdict(py / pp >= 12)}")
    print(f"    score_tomllib.py / partnerpulse -j 1  {py / pp1:6.2f}")
floor_ratio = statistics.median(p / f for p, f in zip(paired["partnerpulse"], paired["parse_floor"]))
python_ratio = statistics.median(y / p for y, p in zip(paired["score_tomllib.py"], paired["partnerpulse"]))
print(f"  paired (median of the ratios within each of {len(paired['partnerpulse'])} interleaved rounds):")
print(f"    partnerpulse / parse_floor            {floor_ratio:6.3f}  (target <= 0.65)  {verdict(floor_ratio <= 0.65)}")
print(f"    score_tomllib.py / partnerpulse       {python_ratio:6.2f}  (target >= 12)  {verdict(python_ratio >= 12)}")
print()
print("peak RSS, partnerpulse report --format json (MiB):")
print(f"  {'data set':10} {'files':>6} {'groups':>6} {'all cores':>10} {'--jobs 1':>9}")
table = {}
for data_set, jobs, kb in rss:
    table.setdefault(data_set, {})[jobs] = int(kb) / 1024
for data_set, by_jobs in table.items():
    p, r = map(int, data_set.split("x"))
    print(f"  {data_set:10} {p * r:6} {p:6} {by_jobs['0']:10.1f} {by_jobs['1']:9.1f}")
for small, large in (("100x10", "100x100"), ("10x100", "10x1000")):
    if small in table and large in table:
        grow = table[large]["0"] - table[small]["0"]
        print(f"  {small} -> {large} (10x the respondents, same groups): {grow:+.1f} MiB with all cores, "
              f"{table[large]['1'] - table[small]['1']:+.1f} MiB with --jobs 1")
print(f"  parse_floor on 100x100: {floor_kb / 1024:.1f} MiB")
EOF
echo "(hyperfine table: bench/out/results.md; summary: bench/out/summary.txt)"
