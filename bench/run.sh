#!/usr/bin/env bash
# Runs the benchmark described in bench/README.md and prints a summary. Builds nothing: build first with
#   cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DPARTNERPULSE_BUILD_TESTS=OFF && ninja -C build-bench
# then
#   bench/run.sh [PARTNERPULSE [PARSE_FLOOR]]      (defaults: build-bench/partnerpulse, build-bench/bench/parse_floor)
# Environment: ROUNDS (paired rounds, default 15), WARMUP (rounds not counted, default 1).
# Generates the synthetic responses into bench/out/ when they are absent (same bytes every time) and lays the same
# files out three ways (partnership/period folders, folders of 1,000, one flat folder), then times the floor,
# partnerpulse (all cores and --jobs 1) and the Python script side by side in paired rounds, measures peak RSS
# with /usr/bin/time, and writes bench/out/paired.json and bench/out/summary.txt. Exits non-zero when any command
# fails, when partnerpulse and the Python script disagree on a figure, or when partnerpulse's output depends on
# --jobs or on the layout.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PARTNERPULSE=$(realpath -m "${1:-$ROOT/build-bench/partnerpulse}")
PARSE_FLOOR=$(realpath -m "${2:-$ROOT/build-bench/bench/parse_floor}")
ROUNDS=${ROUNDS:-15}
WARMUP=${WARMUP:-1}
OUT=$ROOT/bench/out
QUESTIONNAIRES=$ROOT/questionnaires
PYTHON=${PYTHON:-python3}

die() { echo "bench/run.sh: $*" >&2; exit 1; }

for binary in "$PARTNERPULSE" "$PARSE_FLOOR"; do
  [[ -x $binary ]] || die "$binary is missing or not executable; build it first (see bench/README.md)"
done
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

# The same 10,000 files (hard links: one copy on disk and in the page cache) in three folder layouts, timed side by
# side (issue 8): partnership/period folders, folders of 1,000 files, and one flat folder.
make_layouts() {
  local root=$OUT/layouts
  [[ -e $root/.complete ]] && return
  rm -rf "$root" && mkdir -p "$root/nested" "$root/thousands" "$root/flat"
  local i=0 file partnership name
  while IFS= read -r file; do
    partnership=$(basename "$(dirname "$file")") name=$(basename "$file")
    mkdir -p "$root/nested/$partnership/2024" "$root/thousands/$(printf '%02d' $((i / 1000)))"
    ln "$file" "$root/nested/$partnership/2024/$name"
    ln "$file" "$root/thousands/$(printf '%02d/%05d' $((i / 1000)) "$i").toml"
    ln "$file" "$root/flat/$(printf '%05d' "$i").toml"
    i=$((i + 1))
  done < <(find "$DATA" -name '*.toml' | LC_ALL=C sort)
  touch "$root/.complete"
}
make_layouts
LAYOUTS=(nested thousands flat)

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
for layout in "${LAYOUTS[@]}"; do
  "$PARTNERPULSE" report --format json --questionnaires "$QUESTIONNAIRES" "$OUT/layouts/$layout" >"$OUT/layout.json" \
    || die "partnerpulse report on the $layout layout failed"
  cmp -s "$OUT/partnerpulse.json" "$OUT/layout.json" || die "partnerpulse's output depends on the layout ($layout)"
done
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

# Paired rounds: in each round, for each layout, the floor, partnerpulse and partnerpulse --jobs 1 run one after
# another (and the Python script on the first layout). On a shared virtual machine the speed of the host can change
# from one second to the next; commands timed side by side meet the same conditions, so the median of the
# per-round ratios is the figure such swings move least. Wall time from perf_counter, CPU time (user + system)
# from the children's rusage.
# The jemalloc library partnerpulse is linked with, if any (CMake option PARTNERPULSE_JEMALLOC).
JEMALLOC=$(ldd "$PARTNERPULSE" | awk '/libjemalloc/ {print $3}')
echo "== paired rounds ($ROUNDS rounds after $WARMUP warm-up, layouts: ${LAYOUTS[*]})"
"$PYTHON" - "$OUT/paired.json" "$ROUNDS" "$WARMUP" "$PARSE_FLOOR" "$PARTNERPULSE" "$QUESTIONNAIRES" "$OUT/layouts" \
  "$ROOT/bench/score_tomllib.py" "$JEMALLOC" "${LAYOUTS[@]}" <<'PY'
import json, resource, subprocess, sys, time
out, rounds, warmup, floor, pp, questionnaires, root, script, jemalloc, *layouts = sys.argv[1:]
rounds, warmup = int(rounds), int(warmup)
def commands(layout):
    data = f"{root}/{layout}"
    report = [pp, "report", "--format", "json", "--questionnaires", questionnaires, data]
    yield "parse_floor", [floor, data]
    if jemalloc:  # the floor again with partnerpulse's allocator, so that the allocator's share is visible
        yield "parse_floor (jemalloc)", ["env", f"LD_PRELOAD={jemalloc}", floor, data]
    yield "partnerpulse", report
    yield "partnerpulse --jobs 1", report[:2] + ["--jobs", "1"] + report[2:]
    if layout == layouts[0]:
        yield "score_tomllib.py", [sys.executable, script, "--questionnaires", questionnaires, data]
def timed(argv):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
times = {layout: {name: {"wall": [], "cpu": []} for name, _ in commands(layout)} for layout in layouts}
for round_number in range(warmup + rounds):
    for layout in layouts:
        for name, argv in commands(layout):
            wall, cpu = timed(argv)
            if round_number >= warmup:
                times[layout][name]["wall"].append(wall)
                times[layout][name]["cpu"].append(cpu)
json.dump(times, open(out, "w"), indent=1)
PY
read -r busy_after total_after < <(cpu_jiffies)
machine="$((busy_after - busy_before)) $((total_after - total_before)) $(getconf CLK_TCK)"

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
"$PYTHON" - "$floor_kb" "$machine" "$OUT/paired.json" "${rss_lines[@]}" <<'EOF' | tee "$OUT/summary.txt"
import json, os, platform, statistics, sys, time
floor_kb = int(sys.argv[1])
busy, total, hz = map(int, sys.argv[2].split())
paired = json.load(open(sys.argv[3]))
rss = [line.split() for line in sys.argv[4:]]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "unknown CPU")
print(f"date {time.strftime('%Y-%m-%d')}, {len(os.sched_getaffinity(0))} cores (nproc), {cpu}, {platform.system()} {platform.release()}")
# CPU the benchmarked commands used against all the CPU the machine used meanwhile: the difference is other
# processes' share (this harness's own is tiny).
ours = sum(sum(c["cpu"]) for layout in paired.values() for c in layout.values())
others = max(0.0, busy / hz - ours) / (total / hz) if total else 0.0
print(f"other processes used {100 * others:.1f}% of the machine's CPU during timing"
      + ("  (WARNING: the machine was busy; the times are not trustworthy)" if others > 0.05 else ""))
rounds = len(next(iter(next(iter(paired.values())).values()))["wall"])
print(f"data: 10,000 response files (100 partnerships x 100 respondents, the shipped questionnaires); {rounds} paired rounds")
def spread(values):
    q = statistics.quantiles(values, n=4) if len(values) > 1 else [values[0]] * 3
    return f"{statistics.median(values):.3f} (quartiles {q[0]:.3f}-{q[2]:.3f}, range {min(values):.3f}-{max(values):.3f})"
verdict = lambda ok: "met" if ok else "MISSED"
for layout, runs in paired.items():
    print(f"\nlayout {layout}: median wall time (s)")
    for name, t in runs.items():
        print(f"  {name:22} {statistics.median(t['wall']):.3f} s   cpu {statistics.median(t['cpu']):.3f} s")
    floor, pp, pp1 = (runs[n] for n in ("parse_floor", "partnerpulse", "partnerpulse --jobs 1"))
    wall_ratio = [p / f for p, f in zip(pp["wall"], floor["wall"])]
    cpu_ratio = [p / q for p, q in zip(pp["cpu"], pp1["cpu"])]
    print(f"  partnerpulse / parse_floor (wall, per round)  {spread(wall_ratio)}  target <= 0.65: "
          f"{verdict(statistics.median(wall_ratio) <= 0.65)}")
    print(f"  partnerpulse / --jobs 1 (CPU, per round)      {spread(cpu_ratio)}  target <= 1.2: "
          f"{verdict(statistics.median(cpu_ratio) <= 1.2)}")
    print(f"  --jobs 1 / parse_floor (wall)                 {spread([p / f for p, f in zip(pp1['wall'], floor['wall'])])}")
    if "parse_floor (jemalloc)" in runs:
        jfloor = runs["parse_floor (jemalloc)"]
        print(f"  partnerpulse / parse_floor with jemalloc      "
              f"{spread([p / f for p, f in zip(pp['wall'], jfloor['wall'])])}  (information: same allocator on both sides)")
    if "score_tomllib.py" in runs:
        python_ratio = [y / p for y, p in zip(runs["score_tomllib.py"]["wall"], pp["wall"])]
        print(f"  score_tomllib.py / partnerpulse (wall)        {spread(python_ratio)}  target >= 12: "
              f"{verdict(statistics.median(python_ratio) >= 12)}")
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
echo "(paired times: bench/out/paired.json; summary: bench/out/summary.txt)"
