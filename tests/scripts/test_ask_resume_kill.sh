#!/usr/bin/env bash
# `kill -9` between two answers loses nothing: answers go in one by one through a FIFO; once the file holds answer k
# the process is killed; the file must hold answers 1..k, and the same command must resume at question k+1.
#   test_ask_resume_kill.sh BINARY SOURCE_DIR [CORPUS]
set -u
binary=$(realpath "$1") source_dir=$(realpath "$2")
[ -x "$binary" ] || { echo "no executable at $1"; exit 1; }
command -v mkfifo >/dev/null || { echo "mkfifo not available: skipped"; exit 77; }
work=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ]; then kill -9 "$pid" 2>/dev/null; fi
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work" || exit 1

status=0
fail() {
  echo "FAIL: $*"
  status=1
}
ask=(env -i PATH=/usr/bin:/bin HOME="$work" LC_ALL=C.UTF-8 TZ=UTC NO_COLOR=1 PARTNERPULSE_SHARE_DIR=/nonexistent
  "$binary" ask trust power-balance --questionnaires "$source_dir/questionnaires/archive"
  --respondent r-kill01 --organisation "Org K" --partnership p-k --role lead --period 2025 -o r.toml)

# The answers given, in question order (the archived 1.0 questionnaires): trust's 11 scored items, its open question,
# then power-balance's first.
items=(knows-people values-discussed expectations-known paper-only listened-to disagreement-respected talked-down
  decisions-without-us good-faith shared-goal double-check trust-moment strategy-joint)
answers=(4 2 5 na 1 3 4 5 2 1 3 "We met in person at last; it changed everything." 2)
expected=(4 2 5 '"na"' 1 3 4 5 2 1 3 '"We met in person at last; it changed everything."' 2)
k=${#answers[@]}

# Answers (and open answers) the file holds: lines "key = value" under [answers.*] and [comments.*].
holds() {  # ITEM VALUE
  grep -qxF -- "$1 = $2" r.toml 2>/dev/null
}

mkfifo answers.fifo
"${ask[@]}" <answers.fifo >run1.out 2>&1 &
pid=$!
exec 3>answers.fifo
for ((i = 0; i < k; i++)); do
  printf '%s\n' "${answers[i]}" >&3
  # Wait until the file holds this answer: it is saved before the next question is asked.
  for ((t = 0; t < 200; t++)); do
    holds "${items[i]}" "${expected[i]}" && break
    sleep 0.05
  done
  holds "${items[i]}" "${expected[i]}" || fail "answer $((i + 1)) (${items[i]} = ${expected[i]}) never reached the file"
done
kill -9 "$pid"
wait "$pid" 2>/dev/null
pid=
exec 3>&-

for ((i = 0; i < k; i++)); do
  holds "${items[i]}" "${expected[i]}" || fail "after kill -9 the file lacks answer $((i + 1)): ${items[i]} = ${expected[i]}"
done
grep -qx 'status = "incomplete"' r.toml || fail "the file is not marked incomplete"
leftovers=$(find . -name '.r.toml.tmp-*' | wc -l)
[ "$leftovers" = 0 ] || fail "temporary files left beside r.toml"
if ! env -i PATH=/usr/bin:/bin LC_ALL=C.UTF-8 PARTNERPULSE_SHARE_DIR=/nonexistent "$binary" validate \
  --questionnaires "$source_dir/questionnaires/archive" r.toml >validate.out 2>&1; then
  fail "validate rejects the file left by kill -9:"
  cat validate.out
fi

# The same command again resumes at question k+1 and keeps every answer.
printf '5\nq\n' | timeout 60 "${ask[@]}" >run2.out 2>&1
code=$?
[ "$code" = 0 ] || fail "the resumed run exited with $code"
total=$(grep -o 'Resuming: [0-9]* of [0-9]*' run2.out | sed 's/.* of //')
grep -qF "Resuming: $k of $total answered in r.toml." run2.out || fail "the resumed run does not say 'Resuming: $k of ...'"
grep -qF "Continuing at question $((k + 1))/$total." run2.out || fail "the resumed run does not continue at $((k + 1))"
grep -qF "$((k + 1))/$total" run2.out || fail "question $((k + 1)) is not shown"
for ((i = 0; i < k; i++)); do
  holds "${items[i]}" "${expected[i]}" || fail "after resuming the file lacks answer $((i + 1))"
done
holds budget-alone 5 || fail "the answer given after resuming (budget-alone = 5) is not in the file"

if [ "$status" != 0 ]; then
  echo "---- r.toml"
  cat r.toml
  echo "---- run2.out (head)"
  head -n 20 run2.out
fi
exit $status
