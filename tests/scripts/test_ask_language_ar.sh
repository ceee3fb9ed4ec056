#!/usr/bin/env bash
# `partnerpulse ask --language ar` shows no English sentence of its own (tmux): the details' prompts, a question
# screen, the keys' help, the messages after a wrong key, an empty line, a comment and a step back, the message after
# q, a resumed session to the end with its results, the review list, and the scripted mode (piped input). The English
# sentences looked for are the msgids of po/ar.po marked in the sources of `ask` (src/terminal/, src/cli/ask.cpp),
# so the list cannot go stale: every literal piece of at least 10 characters with a space in it.
#   test_ask_language_ar.sh BINARY SOURCE_DIR [CORPUS]        (exit 77: tmux or python3 missing)
set -u
binary=$(realpath "$1") source_dir=$(realpath "$2")
[ -x "$binary" ] || { echo "no executable at $1"; exit 1; }
command -v python3 >/dev/null || { echo "python3 is not installed: skipped"; exit 77; }
. "$source_dir/tests/scripts/ask_tmux.bash"

# The English pieces to look for, one per line, from the catalogue's msgids and msgid_plurals.
catalogue="$source_dir/po/ar.po"
[ -f "$catalogue" ] || { echo "FAIL: po/ar.po does not exist"; exit 1; }
python3 - "$catalogue" >english.txt <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
# The entries whose references name a source of ask; in each, msgid "..." / msgid_plural "..." with continuations.
entries = [e for e in text.split("\n\n") if re.search(r"^#:.*(src/terminal/|src/cli/ask\.cpp)", e, re.M)]
for match in re.finditer(r'^(msgid|msgid_plural) ((?:"(?:[^"\\]|\\.)*"\s*)+)', "\n\n".join(entries), re.M):
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"', match.group(2))
    msgid = "".join(parts).encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
    for piece in re.split(r"\{\d*\}", msgid):
        piece = " ".join(piece.split()).strip(" .,:;()")
        if len(piece) >= 10 and " " in piece:
            print(piece)
PY
[ -s english.txt ] || { echo "FAIL: no English sentences found in $catalogue"; exit 1; }

# english_in FILE: prints every English piece found in FILE (lines joined, runs of spaces squeezed).
english_in() {
  local flat
  flat=$(tr -s ' \n' '  ' <"$1")
  while IFS= read -r piece; do
    grep -qF -- "$piece" <<<"$flat" && echo "$piece"
  done <english.txt
}
collect() { joined "$1" >>"$work/$1.screens"; echo >>"$work/$1.screens"; }  # NAME: keeps what the screen shows
last_line() { screen "$1" | grep -v '^$' | tail -n 1; }

# 1. The details, asked one by one.
start details 100 40 trust --language ar "${folders[@]}" -o ar.toml
wait_for details ':' || { fail "no first prompt"; show details; exit $status; }
sleep 0.3
if last_line details | grep -qF 'Your respondent id'; then
  fail "ask --language ar shows the English first prompt"; show details; exit 1
fi
collect details
for value in r-ar01 "Org A" p-a lead 2025; do
  type_line details "$value"
  sleep 0.3
  collect details
done
wait_for details '1-5' || { fail "the first question did not come after the details"; show details; exit $status; }
collect details
for key in '?' '' x '' c '' b; do  # help and back, a wrong key, an empty line, a comment cancelled, back at the start
  type_line details "$key"
  sleep 0.4
  collect details
done
type_line details 3
sleep 0.3
type_line details q
[ "$(wait_exit details)" = 0 ] || fail "q did not end the session with 0"
collect details

# 2. Resumed to the end: every question answered, then the results (a page at a time when long).
start resumed 100 50 trust --language ar "${folders[@]}" -o ar.toml
wait_for resumed '1-5' || { fail "the resumed session did not start"; show resumed; exit $status; }
collect resumed
for ((i = 0; i < 40; i++)); do
  [ -s "$work/resumed.exit" ] && break
  # A scored question's prompt shows its range; anything else is an open question or a page of the results, and a
  # line of text answers the one and turns the other.
  if last_line resumed | grep -q '1-5'; then type_line resumed 4; else type_line resumed "فكرة $i"; fi
  sleep 0.3
  collect resumed
done
[ "$(wait_exit resumed)" = 0 ] || { fail "the resumed session did not end with 0"; show resumed; }
collect resumed

# 3. The review list.
start review 100 40 --review ar.toml --language ar "${folders[@]}"
wait_for review 'q' || { fail "the review did not start"; show review; }
sleep 0.3
collect review
type_line review 2
sleep 0.3
collect review
type_line review ''
sleep 0.3
type_line review q
wait_exit review >/dev/null
collect review

# 4. Scripted: piped answers.
printf '5\nx\n\nq\n' | env LC_ALL=C.UTF-8 PARTNERPULSE_SHARE_DIR=/nonexistent "$binary" ask trust --language ar \
  "${details[@]}" "${folders[@]}" -o piped.toml >piped.out 2>&1
cp piped.out "$work/piped.screens"

for name in details resumed review piped; do
  found=$(english_in "$work/$name.screens")
  if [ -n "$found" ]; then
    fail "English text in the $name screens of ask --language ar:"
    sed 's/^/    /' <<<"$found"
  fi
done
grep -qF 'إجابتك' "$work/details.screens" || fail "the question screen shows no Arabic prompt"
exit $status
