#!/usr/bin/env bash
# The translations of `ask` waiting to be merged (po/incoming/ask-*.po) are complete and safe to format: each passes
# `msgfmt --check --statistics` with nothing untranslated or fuzzy, covers every string marked with tr()/tr_plural()
# in src/terminal and src/cli/ask.cpp (extracted with xgettext) and every msgid of the others, and every
# translation (each plural form) uses exactly the {}/{N} placeholders of its msgid, so that fmt never throws on it.
#   test_ask_po_fragments.sh BINARY SOURCE_DIR [CORPUS]   (exit 77: msgfmt or python3 missing, or nothing to merge)
set -u
source_dir=$(realpath "$2")
command -v msgfmt >/dev/null || { echo "msgfmt is not installed (apt-get install gettext): skipped"; exit 77; }
command -v python3 >/dev/null || { echo "python3 is not installed: skipped"; exit 77; }
shopt -s nullglob
fragments=("$source_dir"/po/incoming/ask-*.po)
((${#fragments[@]})) || { echo "no po/incoming/ask-*.po (merged into po/<lang>.po): skipped"; exit 77; }
status=0
for po in "${fragments[@]}"; do
  report=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po" 2>&1) || { echo "FAIL: msgfmt --check $po"; status=1; }
  echo "$(basename "$po"): $report"
  grep -qE 'untranslated|fuzzy' <<<"$report" && { echo "FAIL: $po is not complete"; status=1; }
done
# Every string marked in the ask screens has a translation here.
pot=$(mktemp)
trap 'rm -f "$pot"' EXIT
if command -v xgettext >/dev/null; then
  (cd "$source_dir" && xgettext --language=C++ --from-code=UTF-8 --keyword= --keyword=tr --keyword=tr_plural:1,2 \
    --keyword=translate:2 --keyword=translate_plural:2,3 --no-wrap -o "$pot" src/terminal/*.cpp src/cli/ask.cpp) ||
    { echo "FAIL: xgettext"; status=1; }
else
  echo "xgettext is not installed: the marked strings are not compared with the fragments"
  : >"$pot"
fi
python3 - "$pot" "${fragments[@]}" <<'PY' || status=1
import re, sys
def entries(path):
    text = open(path, encoding="utf-8").read()
    found = {}
    for block in text.split("\n\n"):
        fields = {}
        key = None
        for line in block.splitlines():
            m = re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d+\])?) "(.*)"$', line)
            if m:
                key = m.group(1)
                fields[key] = m.group(2)
            elif line.startswith('"') and key:
                fields[key] += line[1:-1]
        if fields.get("msgid"):
            found[fields["msgid"]] = fields
    return found
def holders(text):
    return sorted(re.findall(r"\{\d*\}", text))
failed = False
marked = set(entries(sys.argv[1]))
catalogues = {path: entries(path) for path in sys.argv[2:]}
ids = set().union(marked, *catalogues.values())
for path, found in catalogues.items():
    for missing in sorted(ids - set(found)):
        print(f"FAIL: {path} lacks {missing!r}"); failed = True
    for msgid, fields in found.items():
        for key, value in fields.items():
            if key.startswith("msgstr") and holders(value) != holders(msgid):
                print(f"FAIL: {path}: {key} of {msgid!r} has placeholders {holders(value)}, not {holders(msgid)}")
                failed = True
sys.exit(1 if failed else 0)
PY
exit $status
