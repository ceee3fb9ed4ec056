#!/usr/bin/env bash
# Installs what is missing, builds with warnings as errors, and runs every test: once in a release build, once
# under AddressSanitizer + UndefinedBehaviorSanitizer.
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
