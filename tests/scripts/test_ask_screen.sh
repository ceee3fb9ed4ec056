#!/usr/bin/env bash
# `partnerpulse ask` on small and resized screens (tmux): at 40x15 the question's number, questionnaire, full text
# and scale are on screen, also after a wrong key; `?` shows the keys wrapped at word boundaries; a resize rewraps;
# details given as options are not asked again.
#   test_ask_screen.sh BINARY SOURCE_DIR [CORPUS]        (exit 77: tmux is not installed)
set -u
binary=$(realpath "$1") source_dir=$(realpath "$2")
[ -x "$binary" ] || { echo "no executable at $1"; exit 1; }
. "$source_dir/tests/scripts/ask_tmux.bash"

# on_screen NAME TEXT: the screen holds TEXT (lines joined with spaces, runs of spaces squeezed).
on_screen() { screen "$1" | tr -s ' \n' '  ' | grep -qF -- "$2"; }
question1="We know by name the people we work with in the partner organisation(s)."
check_first_question() {  # NAME WHEN
  wait_for "$1" '^1/15 ' || { fail "$2: progress 1/15 not at the top"; show "$1"; return; }
  screen "$1" | grep -q '^1/15  Trust and relationships' || fail "$2: the questionnaire is not named"
  on_screen "$1" "$question1" || fail "$2: the question's full text is not on screen"
  on_screen "$1" "1 Strongly disagree" || fail "$2: the scale's first point is not on screen"
  on_screen "$1" "5 Strongly agree" || fail "$2: the scale's last point is not on screen"
  screen "$1" | grep -v '^$' | tail -n 1 | grep -q '^Your answer (1-5 or na or dk):' || fail "$2: the prompt is not the last line"
  [ "$(screen "$1" | wc -l)" -le 15 ] || fail "$2: more lines than the screen holds"
}

# 1. 40x15: the first screen, after a wrong key, after an empty line.
start small 40 15 trust "${details[@]}" "${folders[@]}" -o small.toml
check_first_question small "first screen"
type_line small x
wait_for small 'Not an answer' || { fail "no explanation for a wrong key"; show small; }
check_first_question small "after a wrong key"
type_line small ''
wait_for small 'Nothing typed' || { fail "no explanation for an empty line"; show small; }
check_first_question small "after an empty line"

# 2. ? shows the keys on a screen of their own (paged when they do not fit), wrapped at word boundaries (no line
# wider than the screen; every word of the help whole on one line).
type_line small '?'
wait_for small 'Keys \(type one, then Enter\):' || { fail "? shows no help screen"; show small; }
for words in "skip: go to the next question," "leaving this one as it is" "add a comment to this question" \
  "(typed on the next line)" "save and quit (the command that" "resumes is shown)"; do
  screen small | grep -qF -- "$words" || { fail "help line not wrapped at word boundaries: '$words'"; show small; }
done
if screen small | grep -qF 'Press Enter for more'; then type_line small ''; fi
wait_for small 'Press Enter to go back to the question' || { fail "the help does not end with the way back"; show small; }
type_line small ''
check_first_question small "back from the help"
screen small | grep -qF 'q save and quit' || fail "the key line breaks 'q save and quit' apart"

# 3. A resize rewraps at once: wider, the question is on one line; narrower again, wrapped again.
tm resize-window -t small -x 100 -y 30
wait_for small '^We know by name the people we work with in the partner organisation.s.\.$' || { fail "the question is not rewrapped to 100 columns"; show small; }
wait_for small 'Keys: b back, s skip, c comment, \? help, q save and quit' || fail "the key line is not on one line"
tm resize-window -t small -x 40 -y 15
wait_for small '^We know by name the people we work with$' || { fail "not rewrapped back to 40 columns"; show small; }
check_first_question small "after resizing back"
type_line small c  # the comment's prompt takes the answer's place: the question stays on screen
wait_for small 'Your comment, on one line' || { fail "c does not ask for a comment"; show small; }
screen small | grep -q '^1/15  Trust and relationships' || { fail "the question scrolled off for the comment"; show small; }
type_line small 'We met twice.'
wait_for small 'Comment saved' || { fail "the comment is not saved"; show small; }
check_first_question small "after a comment"
type_line small 4
wait_for small '^2/15 ' || { fail "4 did not move to question 2"; show small; }
type_line small q
code=$(wait_exit small)
[ "$code" = 0 ] || fail "q exited with $code"
grep -qx 'knows-people = 4' small.toml || fail "small.toml lacks the answer"

# 4. At a terminal, details given as options are taken as they are (not asked again); the others are asked.
start details 40 15 trust --organisation "Org T" --role lead "${folders[@]}" -o details.toml
wait_for details 'Your respondent id' || { fail "the respondent id is not asked"; show details; }
type_line details ''
wait_for details 'The partnership you are' || { fail "the partnership is not asked"; show details; }
type_line details p-1
wait_for details 'The period you are' || { fail "the period is not asked"; show details; }
type_line details 2025
wait_for details '^1/15 ' || { fail "no first question after the details"; show details; }
tm capture-pane -p -S -100 -t details | grep -q 'Your organisation' && fail "the organisation given as an option was asked"
type_line details q
wait_exit details >/dev/null
grep -qx 'organisation = "Org T"' details.toml || fail "details.toml lacks the organisation given as an option"
grep -qx 'partnership = "p-1"' details.toml || fail "details.toml lacks the partnership typed"

# 5. Every question of the four shipped questionnaires fits 40x15 whole (number, text, a form of the scale).
start all 40 15 trust power-balance roles communication "${details[@]}" "${folders[@]}" -o all.toml
wait_for all '^1/[0-9]+ ' || { fail "the long run did not start"; show all; exit $status; }
total=$(screen all | grep -oE '^1/[0-9]+' | head -n 1 | cut -d/ -f2)
for ((i = 1; i <= total; i++)); do
  wait_for all "^$i/$total " || { fail "question $i/$total is not at the top of the screen"; show all; break; }
  screen all | grep -v '^$' | tail -n 1 | grep -q '^Your answer' || { fail "question $i: the prompt is not the last line"; show all; }
  if screen all | grep -q 'open question\|Open question'; then
    type_line all "Idea $i"
  else
    screen all | grep -qE '^ *1 ' || { fail "question $i: the scale is not on screen"; show all; }
    type_line all 3
  fi
done
exit $status
