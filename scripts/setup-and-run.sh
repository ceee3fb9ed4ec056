#!/usr/bin/env bash
# Installs what is missing, builds partnerpulse, and runs its main job on the shipped example: checks the
# questionnaires, then prints the Markdown report of the fictional example partnership.
set -euo pipefail
cd "$(dirname "$0")/.."
PARTNERPULSE_SKIP_NPM=1 ./scripts/install-dependencies.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPARTNERPULSE_BUILD_TESTS=OFF >/dev/null
cmake --build build -j "$(nproc)"
./build/partnerpulse validate questionnaires/*.toml
./build/partnerpulse report examples/responses
