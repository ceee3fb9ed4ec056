#!/usr/bin/env bash
# `partnerpulse ask` driven through a pipe: every key, details asked first, end of input, resume, refusals, junk.
#   test_ask_piped.sh BINARY SOURCE_DIR [CORPUS]
set -u
binary=$(realpath "$1") source_dir=$(realpath "$2")
[ -x "$binary" ] || { echo "no executable at $1"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1

status=0
fail() {
  echo "FAIL: $*"
  status=1
}
run() {
  env -i PATH=/usr/bin:/bin HOME="$work" LC_ALL=C.UTF-8 TZ=UTC NO_COLOR=1 PARTNERPULSE_SHARE_DIR=/nonexistent \
    timeout 60 "$binary" "$@"
}
folders=(--questionnaires "$source_dir/questionnaires")
details=(--respondent r-piped1 --organisation "Org A" --partnership p-1 --role lead --period 2025)
expect_in() {  # FILE TEXT: FILE contains TEXT (messages are wrapped to 80 columns: line breaks count as spaces)
  tr -s ' \n' '  ' <"$1" | grep -qF -- "$2" || fail "$1 lacks: $2"
}
validates() {  # FILE: validate accepts it
  if ! run validate "${folders[@]}" "$1" >"$work/validate.out" 2>&1; then
    fail "validate rejects $1:"
    cat "$work/validate.out"
  fi
}

# 1. Every key (the respondent details come from the options: piped input never answers them).
{
  printf '4\nna\n\nxyz\n9\nc\nA comment with "quotes" and \\backslash\nb\n?\ns\n3\n'
  printf '\377\376\001\033[2J junk\n'       # binary junk: not an answer
  head -c 100000 /dev/zero | tr '\0' '5'     # a 100 kB line: refused
  printf '\n1\nc\n'
  printf 'bad bytes \377 and \033[31mescapes\033[0m\n'
  printf 'q\n'
} >keys.in
run ask trust "${details[@]}" "${folders[@]}" -o keys.toml <keys.in >keys.out 2>keys.err
code=$?
[ "$code" = 0 ] || fail "every-key session exited with $code, expected 0"
for text in "1/15" "Strongly disagree" \
  "Nothing typed" "Not an answer" "9 is off the scale" "Comment saved." "Keys (type one, then Enter):" \
  "too long to be an answer" "Saved 4 of 15 answers to keys.toml. To resume: partnerpulse ask trust -o keys.toml --questionnaires $source_dir/questionnaires"; do
  expect_in keys.out "$text"
done
validates keys.toml
expect_in keys.toml 'status = "incomplete"'
expect_in keys.toml 'knows-people = 4'
expect_in keys.toml 'values-discussed = "na"'
expect_in keys.toml 'expectations-known = 3'
expect_in keys.toml 'paper-only = 1'
expect_in keys.toml 'expectations-known = "A comment with \"quotes\" and \\backslash"'
expect_in keys.toml 'period = "'
grep -q $'\x1b' keys.toml && fail "an escape character reached keys.toml"
grep -qF $'\xef\xbf\xbd' keys.toml || fail "invalid bytes in a comment were not replaced by U+FFFD"
grep -q $'\x1b' keys.out && fail "colour or escape codes in the output despite NO_COLOR"
[ -s keys.err ] && { fail "unexpected standard error:"; cat keys.err; }

# 2. End of input saves and says so; the same command resumes at the next question.
printf '4\n2\n' | run ask trust "${details[@]}" "${folders[@]}" -o eof.toml >eof.out 2>&1
code=$?
[ "$code" = 0 ] || fail "end of input exited with $code, expected 0"
expect_in eof.out "Input ended; 2 answers saved to eof.toml. To resume: partnerpulse ask trust -o eof.toml"
validates eof.toml
printf '5\nq\n' | run ask trust "${details[@]}" "${folders[@]}" -o eof.toml >resume.out 2>&1
code=$?
[ "$code" = 0 ] || fail "resume exited with $code, expected 0"
expect_in resume.out "Resuming: 2 of 15 answered in eof.toml."
expect_in resume.out "Continuing at question 3/15."
expect_in eof.toml 'values-discussed = 2'
expect_in eof.toml 'expectations-known = 5'

# 3. Other details or other questionnaires than the file's: refused, the file untouched.
cp eof.toml eof.before
printf 'q\n' | run ask trust --respondent r-piped1 --role funder "${folders[@]}" -o eof.toml >conflict.out 2>&1
code=$?
[ "$code" = 2 ] || fail "other role exited with $code, expected 2"
expect_in conflict.out "role is 'lead' in the file, not 'funder'"
printf 'q\n' | run ask trust roles "${details[@]}" "${folders[@]}" -o eof.toml >conflict2.out 2>&1
code=$?
[ "$code" = 2 ] || fail "other questionnaires exited with $code, expected 2"
expect_in conflict2.out "holds answers to 'trust', not to 'trust', 'roles'"
cmp -s eof.toml eof.before || fail "a refused resume changed the file"

# 4. An output file that is not a response is never overwritten.
cp "$source_dir/questionnaires/trust.toml" notes.toml
printf '4\n' | run ask trust "${details[@]}" "${folders[@]}" -o notes.toml >notes.out 2>&1
code=$?
[ "$code" = 1 ] || fail "a questionnaire as output exited with $code, expected 1"
expect_in notes.out "exists and is not a response file"
cmp -s notes.toml "$source_dir/questionnaires/trust.toml" || fail "a non-response output file was changed"

# 5. Usage errors: unknown questionnaire, missing -o, an invalid detail.
printf '' | run ask no-such "${details[@]}" "${folders[@]}" -o x.toml >unknown.out 2>&1
[ $? = 2 ] || fail "an unknown questionnaire should exit with 2"
expect_in unknown.out "unknown questionnaire 'no-such'"
printf '' | run ask trust "${folders[@]}" >noout.out 2>&1
[ $? = 2 ] || fail "a missing -o should exit with 2"
printf '' | run ask trust "${details[@]}" --role "" --period "$(printf 'a\tb')" "${folders[@]}" -o x.toml >bad.out 2>&1
[ $? = 2 ] || fail "a detail with a tab should exit with 2"
[ -e x.toml ] && fail "x.toml written despite a usage error"

# 6. Piped input never answers the respondent details: missing options are named, exit 2, nothing read or written.
printf 'r-1\nOrg\n' | run ask trust "${folders[@]}" --role lead -o early.toml >early.out 2>&1
code=$?
[ "$code" = 2 ] || fail "missing details with piped input exited with $code, expected 2"
expect_in early.out "missing: --respondent, --organisation, --partnership, --period."
[ -e early.toml ] && fail "early.toml written although the details were missing"
[ -n "$(ls -A . | grep -E '^\.?early\.toml')" ] && fail "something was written for early.toml: $(ls -A .)"
# Resuming a file gives the details: no option is needed then.
printf '3\nq\n' | run ask trust "${folders[@]}" -o eof.toml >details-from-file.out 2>&1
code=$?
[ "$code" = 0 ] || fail "resuming with details from the file exited with $code, expected 0"

# 7. Random bytes on standard input: no crash, and any file written is valid.
head -c 200000 /dev/urandom >random.in
run ask trust power-balance "${details[@]}" "${folders[@]}" -o random.toml <random.in >random.out 2>&1
code=$?
[ "$code" = 0 ] || fail "random input exited with $code, expected 0"
validates random.toml

# 8. A complete run of all four questionnaires through a pipe: complete, valid, scored by report.
yes 4 | head -n 200 |
  run ask trust power-balance roles communication "${details[@]}" "${folders[@]}" -o full.toml >full.out 2>&1
code=$?
[ "$code" = 0 ] || fail "the full run exited with $code, expected 0"
validates full.toml
expect_in full.toml 'status = "complete"'
expect_in full.out "Your results"
expect_in full.out "Weakest: "
expect_in full.out "the file is marked complete"
if ! run report --min-group 1 "${folders[@]}" full.toml >report.out 2>&1; then
  fail "report does not score full.toml:"
  cat report.out
fi

# 9. --help lists the keys.
run ask --help >help.out 2>&1 || fail "ask --help failed"
for text in "na not applicable" "b back to the previous" "s skip:" "c add a comment" "q save and quit" "--plain" "-o,--output"; do
  expect_in help.out "$text"
done

if [ "$status" != 0 ]; then
  for f in keys.out; do
    echo "---- $f (last 40 lines)"
    tail -n 40 "$f"
  done
fi
exit $status
