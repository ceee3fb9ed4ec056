#!/usr/bin/env bash
# Ctrl-C, SIGTERM and SIGHUP during `partnerpulse ask` (tmux, 40x15): each saves, prints one line saying the answers
# are saved with the exact command that resumes, exits with 130, leaves the terminal's mode as it was and no lock or
# temporary file; the command printed resumes the session.
#   test_ask_signals.sh BINARY SOURCE_DIR [CORPUS]        (exit 77: tmux is not installed)
set -u
binary=$(realpath "$1") source_dir=$(realpath "$2")
[ -x "$binary" ] || { echo "no executable at $1"; exit 1; }
. "$source_dir/tests/scripts/ask_tmux.bash"

# start_watched NAME FILE: `ask trust` into FILE at 40x15, with the terminal's mode recorded before and after.
start_watched() {
  local command
  printf -v command '%q ' env -i PATH=/usr/bin:/bin HOME="$work" TERM=xterm-256color LC_ALL=C.UTF-8 TZ=UTC \
    PARTNERPULSE_SHARE_DIR=/nonexistent "$binary" ask trust "${details[@]}" "${folders[@]}" -o "$2"
  tm -u new-session -d -x 40 -y 15 -s "$1" \
    "cd $(printf %q "$work") && stty -g >$1.mode-before; $command; echo \$? >$1.exit; stty -g >$1.mode-after; sleep 600"
}

for signal in INT TERM HUP; do
  name=sig-$signal file="answers $signal.toml"
  start_watched "$name" "$file"
  wait_for "$name" '^1/15 ' || { fail "$signal: the session did not start"; show "$name"; continue; }
  type_line "$name" 4
  wait_for "$name" '^2/15 ' || { fail "$signal: no question 2"; show "$name"; continue; }
  type_line "$name" 2
  wait_for "$name" '^3/15 ' || { fail "$signal: no question 3"; show "$name"; continue; }
  if [ "$signal" = INT ]; then
    tm send-keys -t "$name" C-c
  else
    pid=$(ask_pid "$name")
    [ -n "$pid" ] && kill -"$signal" "$pid"
  fi
  code=$(wait_exit "$name")
  [ "$code" = 130 ] || { fail "$signal: exit code $code, expected 130"; show "$name"; }
  flat=$(joined "$name" | tr -s ' \n' '  ')
  grep -qF "Stopped; 2 of 15 answers are saved in $file. To resume:" <<<"$flat" ||
    { fail "$signal: no line saying the answers are saved"; show "$name"; }
  resume="partnerpulse ask trust -o 'answers $signal.toml' --questionnaires $source_dir/questionnaires"
  grep -qF -- "$resume" <<<"$flat" || { fail "$signal: the resume command is not printed: $resume"; show "$name"; }
  grep -qx 'knows-people = 4' "$file" || fail "$signal: the file lacks the first answer"
  grep -qx 'values-discussed = 2' "$file" || fail "$signal: the file lacks the second answer"
  cmp -s "$name.mode-before" "$name.mode-after" || fail "$signal: the terminal's mode was not restored"
  leftovers=$(find . -name ".answers*" | wc -l)
  [ "$leftovers" = 0 ] || fail "$signal: lock or temporary files left: $(find . -name '.answers*')"
done

# The command printed resumes: run it as printed (partnerpulse being the binary under test) at question 3.
resume_line=$(joined sig-INT | grep -o "partnerpulse ask trust -o 'answers INT.toml' .*" | head -n 1)
printf -v command 'cd %q && partnerpulse() { %q "$@"; }; %s; echo $? >resumed.exit; sleep 600' "$work" "$binary" \
  "$resume_line"
tm -u new-session -d -x 40 -y 15 -s resumed "env -i PATH=/usr/bin:/bin TERM=xterm-256color LC_ALL=C.UTF-8 bash -c $(printf %q "$command")"
wait_for resumed 'Continuing at question 3/15' || { fail "the printed command does not resume at question 3"; show resumed; }
type_line resumed q
code=$(wait_exit resumed)
[ "$code" = 0 ] || fail "the resumed session exited with $code after q"
exit $status
