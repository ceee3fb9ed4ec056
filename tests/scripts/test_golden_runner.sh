#!/usr/bin/env bash
# The golden runner itself (tests/golden/run_golden.py), on cases that run /usr/bin/env or /bin/sh instead of
# partnerpulse: content that looks like markers and content without a final newline survive; setup, stdin and after
# work; the command sees only the fixed environment; a wrong expectation fails with a diff; UPDATE_GOLDEN=1 rewrites
# the expected sections and nothing else; malformed case files fail with a message naming the line.
#   test_golden_runner.sh BINARY SOURCE_DIR [CORPUS]      (BINARY and CORPUS are not used)
set -euo pipefail
source_dir=$2
runner="$source_dir/tests/golden/run_golden.py"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
golden() { python3 "$runner" "$1" "$2" "$source_dir"; }

cat >"$work/markers.test" <<'EOF'
# Lines that look like markers, and no final newline, in a file and in stdout.
$ partnerpulse -c 'cat odd.txt; printf "to stderr\n" >&2; exit 3'
<<< file odd.txt noeol
\<<< file not-a-section
\\>>> exit 0
last line
>>> stdout noeol
\<<< file not-a-section
\\>>> exit 0
last line
>>> stderr
to stderr
>>> exit 3
EOF
golden /bin/sh "$work/markers.test" || fail "markers.test should pass"

cat >"$work/scripts.test" <<'EOF'
# setup runs before the command, stdin is fed to it, after's output joins stdout.
$ partnerpulse -c 'cat; cat made.txt'
<<< setup
printf 'made by setup in %s\n' "$(basename "$SOURCE_DIR")" >made.txt
<<< stdin
from stdin
<<< after
ls made.txt questionnaires/trust.toml
>>> stdout
from stdin
made by setup in SOURCE_NAME
--- after ---
made.txt
questionnaires/trust.toml
>>> stderr
>>> exit 0
EOF
sed -i "s|SOURCE_NAME|$(basename "$source_dir")|" "$work/scripts.test"
golden /bin/sh "$work/scripts.test" || fail "scripts.test should pass"

cat >"$work/environment.test" <<'EOF'
# The command's whole environment (HOME, the work folder, left out).
$ partnerpulse -u HOME
>>> stdout
PATH=/usr/bin:/bin
LC_ALL=C.UTF-8
TZ=UTC
NO_COLOR=1
PARTNERPULSE_SHARE_DIR=/nonexistent/partnerpulse-share
>>> stderr
>>> exit 0
EOF
PARTNERPULSE_SHARE_DIR=/leaks LANG=fr_FR.UTF-8 golden /usr/bin/env "$work/environment.test" ||
  fail "environment.test should pass"

# A wrong expectation fails with a diff; UPDATE_GOLDEN=1 then gives back the right file, byte for byte.
sed 's/^to stderr$/to standard error/; s/^>>> exit 3$/>>> exit 0/' "$work/markers.test" >"$work/wrong.test"
if golden /bin/sh "$work/wrong.test" >"$work/wrong.out"; then fail "wrong.test should fail"; fi
grep -q '^-to standard error$' "$work/wrong.out" || fail "no diff in: $(cat "$work/wrong.out")"
grep -q '^exit code: expected 0, got 3$' "$work/wrong.out" || fail "no exit code in: $(cat "$work/wrong.out")"
UPDATE_GOLDEN=1 golden /bin/sh "$work/wrong.test" >/dev/null
cmp "$work/markers.test" "$work/wrong.test" || fail "UPDATE_GOLDEN=1 did not restore markers.test"

# UPDATE_GOLDEN=1 appends the expected sections to a case that has none yet.
sed '/^>>> stdout/,$d' "$work/markers.test" >"$work/new.test"
if golden /bin/sh "$work/new.test" >/dev/null; then fail "a case without expected sections should fail"; fi
UPDATE_GOLDEN=1 golden /bin/sh "$work/new.test" >/dev/null
cmp "$work/markers.test" "$work/new.test" || fail "UPDATE_GOLDEN=1 did not write the expected sections"

# Malformed case files: each fails, naming the line and the problem.
malformed() {
  local expected=$1
  cat >"$work/malformed.test"
  if golden /bin/sh "$work/malformed.test" >"$work/malformed.out"; then fail "malformed case passed: $expected"; fi
  grep -qF "malformed.test:$expected" "$work/malformed.out" || fail "expected '$expected' in: $(cat "$work/malformed.out")"
}
printf '$ partnerpulse -c true\n>>> stdot\n>>> stderr\n>>> exit 0\n' | malformed "2: error: not a section marker"
printf '# no command\n>>> stdout\n>>> stderr\n>>> exit 0\n' | malformed "1: error: no \`\$ partnerpulse ARGS\` line"
printf '$ partnerpulse -c true\n>>> stdout\n<<< stdin\n>>> stderr\n>>> exit 0\n' | malformed "3: error: input sections"
printf '$ partnerpulse -c true\n>>> stderr\n>>> stdout\n>>> exit 0\n' | malformed "4: error: the expected sections"
printf '$ partnerpulse -c true\n>>> stdout\n>>> stderr\n>>> exit 0\nmore\n' | malformed "4: error: nothing may follow"
printf '$ partnerpulse -c true\n<<< file ../x\n>>> stdout\n>>> stderr\n>>> exit 0\n' | malformed "2: error: a file name"
printf 'validate\n>>> stdout\n>>> stderr\n>>> exit 0\n' | malformed "1: error: before the first section"
printf '$ partnerpulse -c true\n>>> stdout\n>>> stderr\n>>> exit 0' | malformed "end: error: the file must end"
echo "golden runner: all checks passed"
