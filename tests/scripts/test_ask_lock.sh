#!/usr/bin/env bash
# Two `ask` sessions on one response file (issue 15): the second exits with code 75 and a message naming the
# first's process, touching nothing; a lock left by a killed session is taken over; the lock file is removed at the end.
set -uo pipefail
binary=$1
source_dir=$2
work=$(mktemp -d)
first=""
cleanup() { [ -n "$first" ] && kill -9 "$first" 2>/dev/null; exec 3>&- 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
cd "$work"
details=(--respondent r-1 --organisation "Org A" --partnership coast --role lead --period 2025
         --questionnaires "$source_dir/questionnaires")
fail() { echo "FAIL: $*"; exit 1; }

# The first session waits for input on a FIFO that stays open.
mkfifo answers
"$binary" ask trust -o me.toml "${details[@]}" <answers >first.out 2>&1 &
first=$!
exec 3>answers
printf '4\n' >&3
for _ in $(seq 100); do grep -q '"4"\|= 4' me.toml 2>/dev/null && break; sleep 0.05; done
[ -f me.toml ] || fail "the first session wrote nothing"
[ -f .me.toml.lock ] || fail "no lock file beside me.toml while the first session runs"
cp me.toml before.toml

"$binary" ask trust -o me.toml "${details[@]}" </dev/null >second.out 2>second.err
code=$?
[ "$code" = 75 ] || fail "the second session exited $code, not 75: $(cat second.err)"
grep -q "another partnerpulse session is answering into me.toml, process $first" second.err ||
  fail "the second session's message does not name the file and process $first: $(cat second.err)"
cmp -s me.toml before.toml || fail "the second session changed me.toml"

# A session killed without warning leaves its lock file; the next session takes it over.
kill -9 "$first"
wait "$first" 2>/dev/null
first=""
exec 3>&-
[ -f .me.toml.lock ] || fail "expected the killed session's lock file to remain"
printf 'q\n' | "$binary" ask trust -o me.toml "${details[@]}" >third.out 2>third.err
code=$?
[ "$code" = 0 ] || fail "the session after a killed one exited $code: $(cat third.err)"
grep -q "Resuming" third.out || fail "the third session did not resume: $(cat third.out)"
[ ! -e .me.toml.lock ] || fail "the lock file was left behind after the session ended"
echo "ok: second session refused with 75, stale lock taken over, lock file removed"
