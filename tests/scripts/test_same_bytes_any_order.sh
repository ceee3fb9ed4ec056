#!/usr/bin/env bash
# Every report format is the same bytes for any order of the inputs, any --jobs and any folder layout holding the
# same files (docs/scoring.md, "Figures and thresholds").
#   test_same_bytes_any_order.sh BINARY SOURCE_DIR [CORPUS]
set -u
binary=$(realpath "$1") source_dir=$(realpath "$2")
command -v python3 >/dev/null || { echo "SKIP: python3 is missing (it generates the responses)"; exit 77; }
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
    "$binary" report --questionnaires "$source_dir/questionnaires" "$@"
}

# 24 partnerships x 9 respondents (more than one chunk of 32 files per layout, more than 16 groups to finish in
# parallel), plus the shipped example's two periods.
python3 "$source_dir/bench/generate_responses.py" --partnerships 24 --respondents 9 \
  --questionnaires "$source_dir/questionnaires" --out nested >/dev/null || { echo "generator failed"; exit 1; }
cp -R "$source_dir/examples/responses" nested/example
mapfile -t files < <(find nested -name '*.toml' | LC_ALL=C sort)
[ "${#files[@]}" -gt 200 ] || fail "expected more than 200 response files, found ${#files[@]}"

# The same files in one flat folder, and in a layout whose sorted order is the reverse of the nested one.
mkdir flat reversed
for i in "${!files[@]}"; do
  # A partnership file keeps the end of its name, by which it is found among responses (docs/partnership-format.md).
  ext=.toml
  [ "$(basename "${files[$i]}")" = partnership.toml ] && ext=.partnership.toml
  cp "${files[$i]}" "flat/$(printf '%04d' "$i")$ext"
  cp "${files[$i]}" "reversed/$(printf '%04d' $(( ${#files[@]} - i )))$ext"
done
reverse=()
for (( i = ${#files[@]} - 1; i >= 0; i-- )); do reverse+=("${files[$i]}"); done

for format in markdown json csv html; do
  run --format "$format" --comments nested >"expected.$format" || fail "$format: report on the nested folder failed"
  check() {
    local label=$1
    shift
    run --format "$format" --comments "$@" >"actual.$format" 2>/dev/null || fail "$format, $label: report failed"
    cmp -s "expected.$format" "actual.$format" || {
      fail "$format, $label: output differs"
      diff "expected.$format" "actual.$format" | head -10
    }
  }
  check "files in order" "${files[@]}"
  check "files in reverse order" "${reverse[@]}"
  check "flat folder" flat
  check "reversed layout" reversed
  for jobs in 1 2 3 7; do check "--jobs $jobs" --jobs "$jobs" reversed; done
done
[ $status = 0 ] && echo "same bytes for every order, layout and --jobs"
exit $status
