#!/usr/bin/env bash
# docs/questionnaires.md is exactly what scripts/generate-questionnaires-doc.sh produces from the shipped questionnaires.
#   test_questionnaires_doc.sh BINARY SOURCE_DIR
set -euo pipefail
binary=$1 source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bash "$source_dir/scripts/generate-questionnaires-doc.sh" "$binary" "$work/questionnaires.md"
if ! diff -u "$source_dir/docs/questionnaires.md" "$work/questionnaires.md"; then
  echo "docs/questionnaires.md differs from what the questionnaires give (run scripts/generate-questionnaires-doc.sh)"
  exit 1
fi
