#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (PARTNERPULSE_FUZZ=ON) and runs each for SECONDS (default 60), seeded
# from examples/, tests/data/, questionnaires/ and the toml-test corpus (copied into the build folder, never
# committed), with fuzz/partnerpulse.dict. Prints executions and findings per target; exits 1 when any target found
# something (the crashing inputs are in BUILD/findings/: turn each into a regression test, see fuzz/README.md).
#
#   fuzz/run.sh [SECONDS] [TARGET...]
#   FUZZ_JOBS=2 fuzz/run.sh 600      # two targets at a time
#
# Environment: FUZZ_BUILD (build folder, default build-fuzz), FUZZ_JOBS (targets run at once, default 1),
# BUILD_JOBS (compile jobs, default nproc), TOML_TEST_CORPUS (default ../shared/corpus/toml-test).
set -euo pipefail
cd "$(dirname "$0")/.."
source_dir=$PWD
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_questionnaire_loader fuzz_response_roundtrip fuzz_markdown_escape)
build=${FUZZ_BUILD:-build-fuzz}
jobs=${FUZZ_JOBS:-1}
corpus_source=${TOML_TEST_CORPUS:-$source_dir/../shared/corpus/toml-test}

command -v clang++ >/dev/null || { echo "fuzz/run.sh: clang++ is missing (scripts/install-dependencies.sh installs it)"; exit 1; }
CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPARTNERPULSE_FUZZ=ON \
  -DPARTNERPULSE_BUILD_TESTS=OFF -DPARTNERPULSE_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" -j "${BUILD_JOBS:-$(nproc)}" --target "${targets[@]}"

# Copies the files given into a seed folder, each under the hash of its content (so duplicates fold).
seed() {  # folder, files...
  local folder=$1
  shift
  mkdir -p "$folder"
  for file in "$@"; do
    [ -f "$file" ] && [ "$(stat -c %s "$file")" -le 65536 ] && cp "$file" "$folder/$(sha1sum "$file" | cut -c1-16)"
  done
  return 0
}
toml_files() { find "$@" -name '*.toml' -type f 2>/dev/null; }
corpus=()
[ -d "$corpus_source" ] && corpus=("$corpus_source")
for target in "${targets[@]}"; do
  seeds="$build/corpus/$target/seeds"
  rm -rf "$seeds"
  case $target in
    fuzz_questionnaire_loader) mapfile -t files < <(toml_files questionnaires tests/data "${corpus[@]}") ;;
    fuzz_response_roundtrip) mapfile -t files < <(toml_files examples tests/data "${corpus[@]}") ;;
    fuzz_markdown_escape) mapfile -t files < <(find examples/reports tests/data -type f; toml_files questionnaires) ;;
    *) echo "fuzz/run.sh: unknown target $target"; exit 2 ;;
  esac
  seed "$seeds" "${files[@]}"
  mkdir -p "$build/corpus/$target/found" "$build/findings"
done

# Runs one target for the time given; its log is BUILD/logs/TARGET.log.
run_one() {
  local target=$1
  mkdir -p "$build/logs"
  "$build/fuzz/$target" -dict=fuzz/partnerpulse.dict -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$build/findings/$target-" \
    "$build/corpus/$target/found" "$build/corpus/$target/seeds" >"$build/logs/$target.log" 2>&1 || true
}
running=0
for target in "${targets[@]}"; do
  echo "== $target: ${seconds} s"
  run_one "$target" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then wait -n || true; running=$((running - 1)); fi
done
wait

status=0
printf '%-28s %8s %14s %9s\n' target seconds executions findings
for target in "${targets[@]}"; do
  log="$build/logs/$target.log"
  executions=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
  findings=$(find "$build/findings" -name "$target-*" -type f | wc -l)
  printf '%-28s %8s %14s %9s\n' "$target" "$seconds" "${executions:-?}" "$findings"
  if [ "$findings" != 0 ] || grep -q -E '^==[0-9]+==ERROR|deadly signal|runtime error' "$log"; then
    status=1
    echo "   finding(s): see $log and $build/findings/"
  fi
done
exit $status
