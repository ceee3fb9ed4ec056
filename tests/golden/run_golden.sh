#!/usr/bin/env bash
# Runs one golden case against the real binary and compares stdout, stderr and the exit code together.
#   run_golden.sh BINARY CASE_DIR SOURCE_DIR
# A case folder holds:
#   cmd        the arguments, one line, split and expanded by bash in the working folder; `partnerpulse` is implied
#   files/     optional: copied into the temporary working folder before the run
#   stdin      optional: fed to standard input (else /dev/null)
#   after      optional: a bash script run in the working folder afterwards; its output is appended to stdout
#   stdout, stderr, exit_code   what is expected (missing ones are expected to be empty / 0)
#   setup      optional: a bash script run in the working folder first, with SOURCE_DIR set (e.g. to copy
#              fixtures from $SOURCE_DIR/tests/data, or to make a file unreadable)
# The working folder also gets a copy of the shipped questionnaires/ and examples/. The environment is fixed:
# LC_ALL=C.UTF-8, TZ=UTC, NO_COLOR=1, no installed share folder. UPDATE_GOLDEN=1 rewrites the expected files.
set -euo pipefail
binary=$1 case_dir=$2 source_dir=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$source_dir/questionnaires" "$work/questionnaires"
cp -R "$source_dir/examples" "$work/examples"
if [ -d "$case_dir/files" ]; then cp -R "$case_dir/files/." "$work/"; fi
stdin=/dev/null
[ -f "$case_dir/stdin" ] && stdin="$case_dir/stdin"
cd "$work"
if [ -f "$case_dir/setup" ]; then SOURCE_DIR="$source_dir" bash "$case_dir/setup"; fi
eval "set -- $(cat "$case_dir/cmd")"
set +e
env -i PATH=/usr/bin:/bin HOME="$work" LC_ALL=C.UTF-8 TZ=UTC NO_COLOR=1 PARTNERPULSE_SHARE_DIR=/nonexistent/partnerpulse-share \
  "$binary" "$@" <"$stdin" >"$work/.stdout" 2>"$work/.stderr"
code=$?
set -e
# An `after` script inspects the working folder (files written, files left alone); its output joins stdout.
if [ -f "$case_dir/after" ]; then
  { echo "--- after ---"; SOURCE_DIR="$source_dir" bash "$case_dir/after" 2>&1; } >>"$work/.stdout"
fi
if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
  cp "$work/.stdout" "$case_dir/stdout"
  cp "$work/.stderr" "$case_dir/stderr"
  echo "$code" >"$case_dir/exit_code"
  echo "updated $case_dir"
  exit 0
fi
status=0
expected_code=0
[ -f "$case_dir/exit_code" ] && expected_code=$(cat "$case_dir/exit_code")
if [ "$code" != "$expected_code" ]; then
  echo "exit code: expected $expected_code, got $code"
  status=1
fi
for stream in stdout stderr; do
  expected="$case_dir/$stream"
  [ -f "$expected" ] || expected=/dev/null
  if ! diff -u --label "expected $stream" --label "actual $stream" "$expected" "$work/.$stream"; then status=1; fi
done
exit $status
