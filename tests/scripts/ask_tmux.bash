# Helpers for the tmux-driven tests of `partnerpulse ask` (sourced by tests/scripts/test_ask_*.sh; not a test).
# Expects $binary and $source_dir; sets up $work (a temporary folder, removed on exit) and a private tmux server.
# Exits with 77 (skipped, with a message) when tmux is not installed.
command -v tmux >/dev/null || { echo "tmux is not installed (apt-get install tmux): skipped"; exit 77; }
work=$(mktemp -d)
sock="$work/tmux.sock"
tm() { tmux -S "$sock" "$@"; }
cleanup() {
  tm kill-server 2>/dev/null
  rm -rf "$work" 2>/dev/null || { sleep 0.5; rm -rf "$work"; }
}
trap cleanup EXIT
cd "$work" || exit 1
status=0
fail() {
  echo "FAIL: $*"
  status=1
}
details=(--respondent r-tty01 --organisation "Org T" --partnership p-t --role lead --period 2025)
folders=(--questionnaires "$source_dir/questionnaires")

# start NAME COLUMNS ROWS ARGS...: runs `partnerpulse ask ARGS...` in a new detached session of that size, in a
# fixed environment; its exit code goes to NAME.exit, and the pane stays.
start() {
  local name=$1 columns=$2 rows=$3
  shift 3
  local command
  printf -v command '%q ' env -i PATH=/usr/bin:/bin HOME="$work" TERM=xterm-256color LC_ALL=C.UTF-8 TZ=UTC \
    PARTNERPULSE_SHARE_DIR=/nonexistent "$binary" ask "$@"
  tm -u new-session -d -x "$columns" -y "$rows" -s "$name" \
    "cd $(printf %q "$work") && $command; echo \$? >$(printf %q "$work/$name.exit"); sleep 600"
}
screen() { tm capture-pane -p -t "$1"; }
joined() { tm capture-pane -p -J -t "$1"; }  # lines the terminal wrapped joined again
# wait_for NAME REGEX: waits up to 15 s for the screen to match.
wait_for() {
  local t
  for ((t = 0; t < 300; t++)); do
    screen "$1" | grep -qE -- "$2" && return 0
    sleep 0.05
  done
  return 1
}
wait_exit() {  # NAME: waits for the command to end; prints its exit code
  local t
  for ((t = 0; t < 300; t++)); do
    if [ -s "$work/$1.exit" ]; then
      cat "$work/$1.exit"
      return 0
    fi
    sleep 0.05
  done
  echo timeout
}
type_line() {  # NAME TEXT: types TEXT and Enter
  tm send-keys -t "$1" -l -- "$2"
  tm send-keys -t "$1" Enter
}
show() {
  echo "---- screen of $1"
  screen "$1"
}
# The process id of the partnerpulse running in pane NAME.
ask_pid() { pgrep -P "$(tm display-message -p -t "$1" '#{pane_pid}')" | head -n 1; }
