#!/usr/bin/env bash
# The Markdown report passes markdownlint-cli2 (default rules, MD013 line length off) and renders its tables
# correctly in cmark-gfm, for the shipped example and for a hostile response set whose labels and comments hold
# pipes, HTML, Markdown syntax, newlines, terminal escapes and bidi controls (tests/data/hostile).
#   test_markdown_lint.sh BINARY SOURCE_DIR [CORPUS]
# Exit 0: all checks passed; 1: a check failed; 77: skipped (a tool or examples/ is missing; the reason is printed).
# markdownlint-cli2 is taken from PATH, else from $MARKDOWNLINT_CLI2 (an executable or a .js/.mjs/.cjs file run with
# node), else through `npx --no-install`. Install it with: npm install -g markdownlint-cli2@0.22.1
set -uo pipefail

binary=${1:?usage: test_markdown_lint.sh BINARY SOURCE_DIR [CORPUS]}
source_dir=${2:?usage: test_markdown_lint.sh BINARY SOURCE_DIR [CORPUS]}
questionnaires="$source_dir/questionnaires"
hostile="$source_dir/tests/data/hostile"
examples="$source_dir/examples/responses"

skip() {
  echo "SKIPPED: $*"
  exit 77
}

# --- Tools ---------------------------------------------------------------------------------------------------------
lint=()
if command -v markdownlint-cli2 >/dev/null 2>&1; then
  lint=(markdownlint-cli2)
elif [ -n "${MARKDOWNLINT_CLI2:-}" ]; then
  case "$MARKDOWNLINT_CLI2" in
    *.js | *.mjs | *.cjs) lint=(node "$MARKDOWNLINT_CLI2") ;;
    *) lint=("$MARKDOWNLINT_CLI2") ;;
  esac
elif command -v npx >/dev/null 2>&1 && npx --no-install markdownlint-cli2 --help 2>&1 | grep -q '^markdownlint-cli2 v'; then
  lint=(npx --no-install markdownlint-cli2)
else
  skip "markdownlint-cli2 not found (not on PATH, MARKDOWNLINT_CLI2 unset, not installed for npx);" \
    "install it with: npm install -g markdownlint-cli2@0.22.1"
fi
command -v cmark-gfm >/dev/null 2>&1 || skip "cmark-gfm not found; install it with: apt-get install cmark-gfm"

[ -x "$binary" ] || { echo "FAIL: no executable partnerpulse at '$binary'"; exit 1; }
[ -d "$hostile" ] || { echo "FAIL: the hostile response set '$hostile' is missing"; exit 1; }
# The reports run in a temporary folder: make the paths absolute.
binary="$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")"
questionnaires="$(cd "$questionnaires" && pwd)"
hostile="$(cd "$hostile" && pwd)"
[ -d "$examples" ] && examples="$(cd "$examples" && pwd)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# markdownlint-cli2 reads its configuration from the folder it runs in: defaults, without line length (MD013).
printf '{\n  "config": {\n    "default": true,\n    "MD013": false\n  }\n}\n' >"$work/.markdownlint-cli2.jsonc"
printf '# Probe\n' >"$work/probe.md"
if ! (cd "$work" && "${lint[@]}" probe.md >/dev/null 2>&1); then
  skip "markdownlint-cli2 ('${lint[*]}') does not run: it fails on a one-line valid file"
fi

failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# The table checks on the Markdown source: every row of a table has the header's number of unescaped pipes.
check_markdown_tables() {
  awk '
    function pipes(line,    i, c, n, backslashes) {
      n = 0; backslashes = 0
      for (i = 1; i <= length(line); i++) {
        c = substr(line, i, 1)
        if (c == "|" && backslashes % 2 == 0) n++
        backslashes = (c == "\\") ? backslashes + 1 : 0
      }
      return n
    }
    /^\|/ {
      if (!in_table) { in_table = 1; header = pipes($0); tables++ }
      else if (pipes($0) != header) { printf "line %d: %d column dividers, the header has %d\n", NR, pipes($0), header; bad = 1 }
      next
    }
    { in_table = 0 }
    END { exit bad }
  ' "$1"
}

# The table checks on cmark-gfm's HTML: each table has the same number of cells in every row, and there are as many
# tables as the Markdown has delimiter rows.
check_html_tables() {
  local md=$1 html=$2 expected actual
  awk '
    /^<table>/ { table++; columns = -1 }
    /^<tr>/ { cells = 0 }
    /^<t[hd][ >]/ { cells++ }
    /^<\/tr>/ {
      if (columns < 0) columns = cells
      else if (cells != columns) { printf "table %d: a row with %d cells, the header has %d\n", table, cells, columns; bad = 1 }
    }
    END { exit bad }
  ' "$html" || return 1
  expected=$(grep -cE '^\| -{3,}:? \|' "$md")
  actual=$(grep -c '^<table>' "$html")
  if [ "$expected" != "$actual" ]; then
    echo "the Markdown has $expected tables, cmark-gfm rendered $actual"
    return 1
  fi
}

# Runs one report (or, with subcommand=compare set, one comparison) and checks it. NAME ARGS...
check_report() {
  local name=$1
  shift
  local md="$work/$name.md" html="$work/$name.html" failures_before=$failures
  if ! (cd "$work" && "$binary" "${subcommand:-report}" "$@" >"$md" 2>"$work/$name.stderr"); then
    fail "$name: partnerpulse ${subcommand:-report} $* exited with an error:"
    sed 's/^/    /' "$work/$name.stderr"
    return
  fi
  check_markdown_file "$name" "$md" "$failures_before"
}

# Checks one Markdown file written by partnerpulse: NAME FILE [FAILURES_BEFORE].
check_markdown_file() {
  local name=$1 md=$2 failures_before=${3:-$failures}
  local html="${md%.md}.html"
  [ -s "$md" ] || { fail "$name: empty report"; return; }
  local lint_output
  if ! lint_output=$(cd "$(dirname "$md")" && "${lint[@]}" "$(basename "$md")" 2>&1); then
    fail "$name: markdownlint-cli2 found problems:"
    printf '%s\n' "$lint_output" | sed 's/^/    /'
  fi
  local problems
  problems=$(check_markdown_tables "$md") || fail "$name: Markdown table columns: $problems"
  # --unsafe: raw HTML, if any got through, is rendered as is, so the checks below would see it.
  if ! cmark-gfm --unsafe --extension table --extension strikethrough --extension autolink "$md" >"$html"; then
    fail "$name: cmark-gfm failed"
    return
  fi
  problems=$(check_html_tables "$md" "$html") || fail "$name: cmark-gfm tables: $problems"
  grep -qi '<script' "$html" && fail "$name: the HTML holds a <script element"
  grep -q $'\x1b' "$md" "$html" && fail "$name: a raw ESC byte in the output"
  grep -q $'\r' "$md" && fail "$name: a CR in the Markdown"
  LC_ALL=C grep -qE $'\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]' "$md" && fail "$name: a bidi control in the Markdown"
  grep -q '<' "$md" && fail "$name: a raw < in the Markdown"
  grep -qE 'SECRET-ORGANISATION|hostile-[0-9]' "$md" && fail "$name: an organisation or respondent id is printed"
  [ "$(tail -c 1 "$md" | od -An -c | tr -d ' ')" = '\n' ] || fail "$name: no final newline"
  [ -z "$(tail -c 2 "$md" | tr -d '\n')" ] && fail "$name: more than one final newline"
  [ "$failures" = "$failures_before" ] && echo "ok: $name ($(grep -c '^<table>' "$html") tables)"
}

# Other formats: no raw ESC byte, whatever the input.
check_plain() {
  local name=$1
  shift
  local out="$work/$name.out" failures_before=$failures
  if ! (cd "$work" && "$binary" report "$@" >"$out" 2>"$work/$name.stderr"); then
    fail "$name: partnerpulse report $* exited with an error:"
    sed 's/^/    /' "$work/$name.stderr"
    return
  fi
  grep -q $'\x1b' "$out" && fail "$name: a raw ESC byte in the output"
  grep -qE 'SECRET-ORGANISATION|hostile-[0-9]' "$out" && fail "$name: an organisation or respondent id is printed"
  [ "$failures" = "$failures_before" ] && echo "ok: $name"
}

q="--questionnaires=$questionnaires"
check_report hostile-comments "$q" --comments --date 2024-12-01 "$hostile"
check_report hostile-plain "$q" "$hostile"
check_report hostile-min-group-1 "$q" --comments --min-group 1 "$hostile"
check_report hostile-language "$q" --comments --language fr "$hostile"
check_plain hostile-json "$q" --comments --format json "$hostile"
check_plain hostile-csv "$q" --format csv "$hostile"

# The comparison of the hostile set's three periods, one folder per period (so the trend column is checked too).
for period in "1. first" "2024 | <i>q4</i>" "2025."; do
  folder="$work/hostile-period-$(printf '%s' "$period" | tr -c 'a-z0-9' '_')"
  mkdir -p "$folder"
  grep -lF "period = \"$period\"" "$hostile"/*.toml | xargs -I{} cp {} "$folder/"
done
subcommand=compare check_report hostile-compare "$q" "$work"/hostile-period-1* "$work"/hostile-period-2024* \
  "$work"/hostile-period-2025*
subcommand=compare check_report hostile-compare-min-group-1 "$q" --min-group 1 "$work"/hostile-period-1* \
  "$work"/hostile-period-2024* "$work"/hostile-period-2025*

if [ -d "$examples" ]; then
  check_report examples-comments "$q" --comments "$examples"
  check_report examples-plain "$q" "$examples"
  subcommand=compare check_report examples-compare "$q" "$examples/2023" "$examples/2024"
fi

# The portfolio folders (report --out-dir): every Markdown file passes the checks above, and every link in index.md
# points to a file that exists in the folder.
check_portfolio() {
  local name=$1
  shift
  local dir="$work/$name"
  # markdownlint-cli2 reads its configuration from the folder it runs in.
  mkdir -p "$dir" && cp "$work/.markdownlint-cli2.jsonc" "$dir/"
  if ! (cd "$work" && "$binary" report "$@" --force --out-dir "$dir" 2>"$work/$name.stderr"); then
    fail "$name: partnerpulse report $* --out-dir exited with an error:"
    sed 's/^/    /' "$work/$name.stderr"
    return
  fi
  local md link
  for md in "$dir"/*.md; do check_markdown_file "$name/$(basename "$md")" "$md"; done
  # The links as cmark-gfm renders them (text that only looks like a link is escaped, so it is no link).
  while IFS= read -r link; do
    [ -f "$dir/$link" ] || fail "$name: index.md links to '$link', which does not exist"
  done < <(grep -oE 'href="[^"]*"' "$dir/index.html" | sed -E 's/^href="(.*)"$/\1/')
  [ "$(grep -cE 'href="[^"]*"' "$dir/index.html")" -gt 0 ] || fail "$name: index.md has no link"
}
check_portfolio hostile-portfolio "$q" "$hostile"
check_portfolio hostile-portfolio-min-group-1 "$q" --min-group 1 "$hostile"
[ -d "$examples" ] && check_portfolio examples-portfolio "$q" "$examples"

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
[ -d "$examples" ] || skip "the hostile set passed, but '$examples' does not exist yet, so the example is not checked"
echo "all Markdown checks passed"
