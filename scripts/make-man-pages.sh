#!/usr/bin/env bash
# Writes gzipped man pages for partnerpulse and each of its commands into OUT_DIR, with help2man, from the
# binary's own --help: partnerpulse.1 and partnerpulse-COMMAND.1, the commands and their one-line summaries read
# from `partnerpulse --help`, so the pages never drift from the program.
#   make-man-pages.sh BINARY OUT_DIR VERSION
set -euo pipefail
binary=$(realpath "$1") out=$2 version=$3
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LC_ALL=C.UTF-8 NO_COLOR=1
page() {  # page NAME SUMMARY PROGRAM
  help2man --no-info --no-discard-stderr --section 1 --source "partnerpulse $version" --version-string "$version" \
    --name "$2" --output "$work/$1.1" "$3"
  gzip -9n -c "$work/$1.1" >"$out/$1.1.gz"
}
page partnerpulse "assess the health of partnerships between organisations" "$binary"
# The commands: the lines of `partnerpulse --help` under "Subcommands:", "  NAME   SUMMARY".
"$binary" --help | awk '/^Subcommands:/ {on = 1; next} on && /^  [a-z]/ {print} on && /^$/ {on = 0}' |
  while read -r name summary; do
    # A program named partnerpulse-NAME, so that the page is titled and named after the command.
    printf '#!/bin/sh\nexec %q %q "$@"\n' "$binary" "$name" >"$work/partnerpulse-$name"
    chmod +x "$work/partnerpulse-$name"
    page "partnerpulse-$name" "$summary" "$work/partnerpulse-$name"
  done
