#!/usr/bin/env bash
# `partnerpulse ask` in a real pseudo-terminal (tmux, 80x30): the screen shows progress, the dimension and the scale
# labels; keys typed at the terminal work; Ctrl-D saves; --plain has no escape codes; and a full self-assessment of
# all four shipped questionnaires, typed key by key, writes a file that `validate` accepts and `report` scores.
#   test_ask_tty.sh BINARY SOURCE_DIR [CORPUS]        (exit 77: tmux is not installed)
set -u
binary=$(realpath "$1") source_dir=$(realpath "$2")
[ -x "$binary" ] || { echo "no executable at $1"; exit 1; }
. "$source_dir/tests/scripts/ask_tmux.bash"  # tm, start, screen, wait_for, wait_exit, type_line, show, fail

# 1. Colours and one question per screen.
start one 80 30 trust "${details[@]}" "${folders[@]}" -o tty.toml
wait_for one '^1/15 ' || { fail "progress 1/15 not on screen"; show one; }
screen one | grep -q 'Strongly disagree' || fail "scale label 'Strongly disagree' not on screen"
screen one | grep -q 'Personal relationships' || fail "dimension title not on screen"
screen one | grep -q 'Every answer is saved to tty.toml' || fail "the opening notice is not on screen"
tm capture-pane -p -e -t one | grep -q $'\x1b\\[' || fail "no colour on a terminal without NO_COLOR"
type_line one 4
wait_for one '^2/15 ' || { fail "4 did not move to 2/15"; show one; }
screen one | grep -q '^1/15' && fail "the previous question is still on screen (no redraw)"
type_line one x
wait_for one 'Not an answer' || { fail "no explanation for an unknown key"; show one; }
screen one | grep -q '^2/15 ' || fail "the same question is not asked again after a bad key"
type_line one c
wait_for one 'Your comment, on one line' || { fail "c does not ask for a comment"; show one; }
type_line one 'Très bien — مرحبا'
wait_for one 'Comment saved' || { fail "comment not saved"; show one; }
tm send-keys -t one C-d
code=$(wait_exit one)
[ "$code" = 0 ] || { fail "Ctrl-D: exit code $code, expected 0"; show one; }
screen one | grep -q 'Input ended; 1 answer saved to tty.toml' || { fail "Ctrl-D: no 'Input ended' message"; show one; }
grep -qx 'knows-people = 4' tty.toml || fail "tty.toml lacks knows-people = 4"
grep -qxF 'values-discussed = "Très bien — مرحبا"' tty.toml || fail "tty.toml lacks the comment typed"

# 2. --plain: resumes, says so, and writes no escape codes.
start two 80 30 trust "${details[@]}" "${folders[@]}" -o tty.toml --plain
wait_for two 'Resuming: 1 of 15 answered in tty.toml' || { fail "no 'Resuming' message"; show two; }
screen two | grep -q 'Continuing at question 2/15' || fail "does not continue at 2/15"
screen two | grep -q 'Current answer\|Your comment: Très bien' || fail "the comment on question 2 is not shown"
tm capture-pane -p -e -t two | grep -q $'\x1b\\[' && fail "escape codes on screen with --plain"
type_line two q
code=$(wait_exit two)
[ "$code" = 0 ] || fail "q: exit code $code, expected 0"

# 3. A full self-assessment of the four shipped questionnaires, typed at the terminal.
start full 80 30 trust power-balance roles communication "${details[@]}" "${folders[@]}" -o full.toml
if ! wait_for full '^1/[0-9]+ '; then
  fail "the full run did not start"
  show full
  exit $status
fi
total=$(screen full | grep -oE '^1/[0-9]+' | head -n 1 | cut -d/ -f2)
keys=(4 5 3 na 2 4 1 5 4 3)
for ((i = 1; i <= total; i++)); do
  if ! wait_for full "^$i/$total "; then
    fail "question $i/$total never appeared"
    show full
    break
  fi
  if screen full | grep -qi 'open question'; then
    type_line full "Réponse $i: نعمل معاً — 一緒に"
  else
    type_line full "${keys[i % ${#keys[@]}]}"
  fi
done
code=$(wait_exit full)
# The whole transcript, scrollback included, with line breaks and runs of spaces squeezed.
flat=$(tm capture-pane -p -S -500 -t full | tr -s ' \n' '  ')
for text in "Your results" "Weakest: " "scored questions answered; the file is marked complete."; do
  grep -qF -- "$text" <<<"$flat" || { fail "the end of the full run lacks: $text"; show full; }
done
[ "$code" = 0 ] || fail "the full run exited with $code"
if ! env -i PATH=/usr/bin:/bin LC_ALL=C.UTF-8 PARTNERPULSE_SHARE_DIR=/nonexistent "$binary" validate \
  --questionnaires "$source_dir/questionnaires" full.toml >validate.out 2>&1; then
  fail "validate rejects full.toml:"
  cat validate.out
fi
grep -qx 'status = "complete"' full.toml || fail "full.toml is not marked complete"
if ! env -i PATH=/usr/bin:/bin LC_ALL=C.UTF-8 PARTNERPULSE_SHARE_DIR=/nonexistent "$binary" report --min-group 1 \
  --questionnaires "$source_dir/questionnaires" full.toml >report.out 2>&1; then
  fail "report does not score full.toml:"
  cat report.out
fi
exit $status
