#!/usr/bin/env bash
# Writes the JSON results of the two waves of tests/data/compare: 2023 answered pulse 1.0; 2024 answered it again
# (1.0), or one of two revisions (1.1): one removes item t3 from dimension trust, the other replaces c3 by c4.
# Each wave is scored with its own questionnaire folder, as a working group keeping one JSON report per year does.
#   tests/data/compare/regenerate.sh [BINARY] [OUT]   (default: build/partnerpulse, this folder)
# tests/scripts/test_compare_versions.sh checks that the committed files are what the binary writes.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
binary=${1:-$here/../../../build/partnerpulse}
out=${2:-$here}
export LC_ALL=C.UTF-8 TZ=UTC NO_COLOR=1 PARTNERPULSE_SHARE_DIR=/nonexistent
write() {  # NAME QUESTIONNAIRE-FOLDER RESPONSES
  (cd "$here" && "$binary" report --format json --questionnaires "$2" --force -o "$out/$1.json" "$3" 2>/dev/null)
}
write 2023-v1.0 v1.0 responses-2023-v1.0
write 2024-v1.0 v1.0 responses-2024-v1.0
write 2024-v1.1-item-removed v1.1-item-removed responses-2024-v1.1-item-removed
write 2024-v1.1-item-replaced v1.1-item-replaced responses-2024-v1.1-item-replaced
