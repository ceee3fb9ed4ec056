#!/usr/bin/env bash
# Installs what is missing, builds with warnings as errors, and runs every test: once in a release build, once
# under AddressSanitizer + UndefinedBehaviorSanitizer. Then builds the libFuzzer targets with clang and runs each
# for 60 seconds (FUZZ_SECONDS; fuzz/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-dependencies.sh
jobs=$(nproc)
for variant in release sanitize; do
  build="build-ci-$variant"
  sanitize=OFF
  [ "$variant" = sanitize ] && sanitize=ON
  echo "== $variant build"
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DPARTNERPULSE_WARNINGS_AS_ERRORS=ON -DPARTNERPULSE_SANITIZE=$sanitize >/dev/null
  cmake --build "$build" -j "$jobs"
  echo "== $variant tests"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir "$build" --output-on-failure -j "$jobs" --timeout 300
done
echo "== fuzz targets, ${FUZZ_SECONDS:-60} s each"
FUZZ_BUILD=build-ci-fuzz BUILD_JOBS="$jobs" FUZZ_JOBS="$jobs" ./fuzz/run.sh "${FUZZ_SECONDS:-60}"
