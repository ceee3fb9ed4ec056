#!/usr/bin/env bash
# The end of a full `partnerpulse ask` of the four shipped questionnaires at 80x24 (tmux): the results never scroll
# off the screen: they come a page at a time, each page starting at the top with a clear "Press Enter" step, and
# "Your results" is on the first page.
#   test_ask_results_pages.sh BINARY SOURCE_DIR [CORPUS]        (exit 77: tmux is not installed)
set -u
binary=$(realpath "$1") source_dir=$(realpath "$2")
[ -x "$binary" ] || { echo "no executable at $1"; exit 1; }
. "$source_dir/tests/scripts/ask_tmux.bash"

start full 80 24 trust power-balance roles communication "${details[@]}" "${folders[@]}" -o full.toml
wait_for full '^1/[0-9]+ ' || { fail "the session did not start"; show full; exit $status; }
total=$(screen full | grep -oE '^1/[0-9]+' | head -n 1 | cut -d/ -f2)
keys=(4 5 3 na 2 4 1 5 4 3)
for ((i = 1; i <= total; i++)); do
  wait_for full "^$i/$total " || { fail "question $i/$total never appeared"; show full; exit $status; }
  if screen full | grep -qi 'open question'; then type_line full "Idea $i"; else type_line full "${keys[i % 10]}"; fi
done
wait_for full 'Press Enter for more \(page 1 of [0-9]+\)' || { fail "no 'Press Enter' step at the end"; show full; }
screen full | head -n 1 | grep -q '^Your results' || { fail "'Your results' is not at the top of the first page"; show full; }
[ "$(tm capture-pane -p -S -100 -t full | grep -c 'Your results')" = 1 ] || fail "'Your results' shown more than once"
pages=$(screen full | grep -oE 'page 1 of [0-9]+' | grep -oE '[0-9]+$')
seen=$(joined full)
for ((p = 2; p <= pages; p++)); do
  type_line full ''
  if ((p < pages)); then
    wait_for full "page $p of $pages" || { fail "page $p does not come"; show full; }
  fi
  sleep 0.2
  seen+=$'\n'$(joined full)
done
code=$(wait_exit full)
[ "$code" = 0 ] || fail "the session exited with $code"
seen+=$'\n'$(joined full)
flat=$(tr -s ' \n' '  ' <<<"$seen")
for text in "Weakest: " "Saved to full.toml: all" "the file is marked complete." \
  "To change an answer: partnerpulse ask --review full.toml --questionnaires $source_dir/questionnaires"; do
  grep -qF -- "$text" <<<"$flat" || { fail "no page shows: $text"; show full; }
done
grep -qx 'status = "complete"' full.toml || fail "full.toml is not marked complete"
exit $status
