#!/usr/bin/env bash
# Fault injection (issue 15): with tests/fault's LD_PRELOAD library, open, write, fsync, rename, link and close of
# the output fail with ENOSPC, EIO or EACCES, or SIGTERM, SIGINT or SIGHUP arrives in the middle of a write, over
# `report -o` and `ask`'s autosave. Every run must exit with a clear message naming the target (never the temporary
# file), leave the previous file intact and leave no temporary file behind. (`--out-dir` and `import` do not exist
# yet; add them here when they do.)
set -uo pipefail
binary=$1
source_dir=$2
library=${FAULT_LIBRARY:-}
if [ -z "$library" ] || [ ! -f "$library" ]; then
  echo "skipped: the fault-injection library was not built (FAULT_LIBRARY is not set)"
  exit 77
fi
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
cp -R "$source_dir/tests/data/worked-example" worked
mkdir out
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# Checks what a broken run left: the old content in place, no temporary file, a message naming the target.
check_left() {  # label, target, old content, stderr file
  local label=$1 target=$2 old=$3 err=$4
  [ "$(cat "$target")" = "$old" ] || fail "$label: the previous $target was changed"
  if ls -A "$(dirname "$target")" | grep -q '\.tmp-'; then fail "$label: a temporary file was left: $(ls -A out)"; fi
  if grep -q '\.tmp-' "$err"; then fail "$label: the message names the temporary file: $(cat "$err")"; fi
}

# report -o: each call, each error, at the first matching call; the target exists and --force replaces it.
for call in open write fsync close rename; do
  for error in ENOSPC EIO EACCES; do
    label="report -o, $call fails with $error"
    echo "old report" > out/report.md
    FAULT_CALL=$call FAULT_PATH=out/ FAULT_NTH=1 FAULT_ERRNO=$error LD_PRELOAD=$library \
      "$binary" report -o out/report.md --force --questionnaires worked worked/responses 2>err.txt
    code=$?
    [ "$code" = 1 ] || fail "$label: exit code $code, not 1: $(cat err.txt)"
    grep -q "^partnerpulse: error: out/report.md: " err.txt || fail "$label: no message naming out/report.md: $(cat err.txt)"
    check_left "$label" out/report.md "old report" err.txt
  done
done
# Without --force the file is put in place with link(): break that too.
rm -f out/report.md
FAULT_CALL=link FAULT_PATH=out/ FAULT_NTH=1 FAULT_ERRNO=ENOSPC LD_PRELOAD=$library \
  "$binary" report -o out/report.md --questionnaires worked worked/responses 2>err.txt
code=$?
[ "$code" = 1 ] || fail "report -o, link fails: exit code $code"
[ ! -e out/report.md ] || fail "report -o, link fails: a report appeared"
if ls -A out | grep -q '\.tmp-'; then fail "report -o, link fails: a temporary file was left"; fi
grep -q "No space left on device" err.txt || fail "report -o, link fails: the message does not say why: $(cat err.txt)"

# A signal in the middle of the write (at fsync, the temporary file complete): the process ends by that signal,
# the old file stays and the temporary file is removed (it was left every time before).
for signal in TERM INT HUP; do
  echo "old report" > out/report.md
  FAULT_CALL=fsync FAULT_PATH=out/ FAULT_NTH=1 FAULT_SIGNAL=$signal LD_PRELOAD=$library \
    "$binary" report -o out/report.md --force --questionnaires worked worked/responses 2>err.txt
  code=$?
  [ "$code" -gt 128 ] || fail "report -o, SIG$signal at fsync: exit code $code, not death by the signal"
  check_left "report -o, SIG$signal at fsync" out/report.md "old report" err.txt
done

# ask's autosave: every save after the session's first fails (every write from the 2nd on), until the session ends. The
# session says so, keeps going, and exits 1; the file holds what the last good save wrote.
details=(--respondent r-1 --organisation "Org A" --partnership coast --role lead --period 2025
         --questionnaires "$source_dir/questionnaires")
for error in ENOSPC EIO EACCES; do
  rm -f out/me.toml
  printf '4\n' | "$binary" ask trust -o out/me.toml "${details[@]}" >/dev/null 2>&1 || fail "ask: the first session failed"
  cp out/me.toml before.toml
  printf '5\n3\nq\n' | FAULT_CALL=write FAULT_PATH=out/ FAULT_NTH=2 FAULT_PERSIST=1 FAULT_ERRNO=$error \
    LD_PRELOAD=$library "$binary" ask trust -o out/me.toml "${details[@]}" >ask.out 2>err.txt
  code=$?
  [ "$code" = 1 ] || fail "ask, write fails with $error: exit code $code, not 1: $(cat err.txt)"
  grep -q "could not save out/me.toml" err.txt || fail "ask, write fails with $error: no message: $(cat err.txt)"
  check_left "ask, write fails with $error" out/me.toml "$(cat before.toml)" err.txt
  grep -q '\.tmp-' ask.out && fail "ask, write fails with $error: the screen names the temporary file"
  [ ! -e out/.me.toml.lock ] || fail "ask, write fails with $error: the lock file was left"
done

[ "$failures" = 0 ] && echo "ok: every fault left the previous file intact, no temporary file, and a clear message"
[ "$failures" = 0 ]
