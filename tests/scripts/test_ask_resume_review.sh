#!/usr/bin/env bash
# Resuming and reviewing with `partnerpulse ask` (tmux, 80x24): a session quit at question 6 with question 2 skipped
# resumes at question 6, the furthest reached, and offers question 2 at the end; `ask --review FILE` lists the
# answers by number, opens the one typed, saves the new answer at once and prints the command to come back.
#   test_ask_resume_review.sh BINARY SOURCE_DIR [CORPUS]        (exit 77: tmux is not installed)
set -u
binary=$(realpath "$1") source_dir=$(realpath "$2")
[ -x "$binary" ] || { echo "no executable at $1"; exit 1; }
. "$source_dir/tests/scripts/ask_tmux.bash"

# 1. Answer 1, skip 2, answer 3 to 5, quit at 6.
start first 80 24 trust "${details[@]}" "${folders[@]}" -o r.toml
for key in 4 s 3 5 2; do
  wait_for first 'Your answer' || { fail "no prompt"; show first; exit $status; }
  type_line first "$key"
  sleep 0.1
done
wait_for first '^6/15 ' || { fail "not at question 6 before quitting"; show first; }
type_line first q
code=$(wait_exit first)
[ "$code" = 0 ] || fail "q exited with $code"
joined first | tr -s ' \n' '  ' | grep -qF "Saved 4 of 15 answers to r.toml. To resume: partnerpulse ask trust -o r.toml" ||
  { fail "q does not print the command that resumes"; show first; }

# 2. The same command resumes at question 6; question 2 comes back at the end.
start second 80 24 trust "${folders[@]}" -o r.toml
wait_for second 'Continuing at question 6/15' || { fail "does not continue at question 6"; show second; }
screen second | grep -q '^6/15 ' || { fail "question 6 is not shown"; show second; }
for ((i = 6; i <= 15; i++)); do
  wait_for second "^$i/15 " || { fail "question $i never appeared"; show second; break; }
  if ((i == 15)); then type_line second "An open answer"; else type_line second 4; fi
done
wait_for second '1 question is still unanswered' || { fail "the skipped question is not offered at the end"; show second; }
screen second | grep -q '^2/15 ' || { fail "question 2 is not the one offered"; show second; }
type_line second 1
code=$(wait_exit second)
[ "$code" = 0 ] || fail "the resumed session exited with $code"
grep -qx 'values-discussed = 1' r.toml || fail "the skipped question's answer is not saved"
grep -qx 'status = "complete"' r.toml || fail "r.toml is not complete"

# 3. --review lists the answers by number; 2 opens question 2; 5 changes it, saved at once; q ends.
start review 80 24 --review r.toml "${folders[@]}"
wait_for review 'Your answers in r.toml: 15 of 15 answered' || { fail "no list of answers"; show review; }
screen review | grep -qE '^ +1  4 +We know by name the people' || { fail "answer 1 not listed with its number"; show review; }
screen review | grep -qE '^ +2  1 +We have talked' || { fail "answer 2 not listed with its number"; show review; }
type_line review 2
wait_for review '^2/15 ' || { fail "2 does not open question 2"; show review; }
screen review | grep -q 'Current answer: 1 Strongly disagree' || { fail "the current answer is not shown"; show review; }
type_line review 5
wait_for review '^ +2  5 +We have talked' || { fail "the list does not show the new answer"; show review; }
grep -qx 'values-discussed = 5' r.toml || fail "the changed answer is not saved at once"
type_line review 99
wait_for review 'from 1 to 15' || { fail "no explanation for a number off the list"; show review; }
type_line review q
code=$(wait_exit review)
[ "$code" = 0 ] || fail "q in the review exited with $code"
joined review | tr -s ' \n' '  ' | grep -qF "To resume: partnerpulse ask --review r.toml" ||
  { fail "the review does not print the command to come back"; show review; }
grep -qx 'status = "complete"' r.toml || fail "r.toml is no longer complete"
exit $status
