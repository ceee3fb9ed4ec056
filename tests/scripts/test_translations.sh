#!/usr/bin/env bash
# The interface catalogues (po/*.po) are complete and up to date, and a report in French, Spanish, Portuguese or
# Arabic holds none of the English report's own headings and sentences.
#   test_translations.sh BINARY SOURCE_DIR [CORPUS]
set -euo pipefail
binary=$1 source_dir=$2
for tool in msgfmt msgcmp xgettext python3; do
  command -v "$tool" >/dev/null || { echo "skipped: $tool not installed (apt-get install gettext python3)"; exit 77; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0

# Every catalogue compiles, with every message translated and none fuzzy, and has every message of the template.
for po in "$source_dir"/po/*.po; do
  statistics=$(msgfmt --check --statistics -o /dev/null "$po" 2>&1) || { echo "$statistics"; status=1; continue; }
  if grep -Eq 'untranslated|fuzzy' <<<"$statistics"; then
    echo "po/$(basename "$po") is incomplete: $statistics"
    status=1
  fi
  msgcmp "$po" "$source_dir/po/partnerpulse.pot" || { echo "po/$(basename "$po") lacks messages of the template"; status=1; }
done

# The template is what xgettext makes from the sources now (no string marked since it was last made is missing).
bash "$source_dir/scripts/update-translations.sh" "$source_dir" --pot-only "$work/fresh.pot"
if ! diff -u <(grep -v '^"POT-Creation-Date' "$source_dir/po/partnerpulse.pot") \
             <(grep -v '^"POT-Creation-Date' "$work/fresh.pot"); then
  echo "po/partnerpulse.pot is out of date: run scripts/update-translations.sh (or cmake --build build -t partnerpulse_pot)"
  status=1
fi

# The English report's headings and fixed wording (every run of three words that come from no input file) must not
# appear in the translated reports of the same responses.
run() {  # run NAME ARGS...: the reports of the worked example and of the example's waves, and their comparison
  local name=$1; shift
  { PARTNERPULSE_SHARE_DIR=/nonexistent "$binary" report "$@" --questionnaires "$source_dir/tests/data/worked-example" \
      --min-group 2 --comments "$source_dir/tests/data/worked-example/responses"
    PARTNERPULSE_SHARE_DIR=/nonexistent "$binary" report "$@" --questionnaires "$source_dir/questionnaires" \
      "$source_dir/examples/responses/2023" "$source_dir/examples/responses/2024"
    PARTNERPULSE_SHARE_DIR=/nonexistent "$binary" compare "$@" --questionnaires "$source_dir/questionnaires" \
      "$source_dir/examples/responses/2023" "$source_dir/examples/responses/2024"
  } >"$work/$name.md" 2>"$work/$name.err"
}
run en --language en
for language in fr es pt ar; do
  run "$language" --language "$language"
  python3 - "$work/en.md" "$work/$language.md" "$language" "$source_dir" <<'PY' || status=1
import glob, re, sys
english, translated, language, source = sys.argv[1:5]
inputs = set()
for pattern in ("questionnaires/**/*.toml", "tests/data/worked-example/**/*.toml", "examples/responses/**/*.toml"):
    for path in glob.glob(f"{source}/{pattern}", recursive=True):
        inputs.update(w.lower() for w in re.findall(r"[A-Za-z']+", open(path, encoding="utf-8").read()))
def fixed_words(line):
    return [w.lower() for w in re.findall(r"[A-Za-z']+", line) if len(w) > 2 and w.lower() not in inputs]
def headings(lines):  # levels 1 and 3: the report's own headings (2 and 4 name groups and dimensions)
    return {re.sub(r" \(.*\)$", "", l.lstrip("# ")) for l in lines if re.match(r"^(#|###) ", l)}
def shingles(lines):
    found = set()
    for line in lines:
        words = fixed_words(line)
        found.update(" ".join(words[i:i + 3]) for i in range(len(words) - 2))
    return found
en_lines = open(english, encoding="utf-8").read().splitlines()
tr_lines = open(translated, encoding="utf-8").read().splitlines()
problems = sorted(headings(en_lines) & headings(tr_lines)) + sorted(shingles(en_lines) & shingles(tr_lines))
for problem in problems:
    print(f"{language}: English left in the translated report: {problem}")
sys.exit(1 if problems else 0)
PY
done
# An explicit language nobody has is a usage error that lists the languages available.
if PARTNERPULSE_SHARE_DIR=/nonexistent "$binary" list --language xx >/dev/null 2>"$work/xx.err"; then
  echo "list --language xx succeeded"; status=1
elif ! grep -q "languages available: ar, en, es, fr, pt" "$work/xx.err"; then
  cat "$work/xx.err"; status=1
fi
[ $status = 0 ] && echo "catalogues complete and up to date; no English in the translated reports"
exit $status
