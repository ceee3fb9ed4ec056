#!/usr/bin/env bash
# Every translation in po/*.po keeps the {} placeholders of its English msgid (none dropped,
# added or changed; numbered {N} may reorder them), and every file passes `msgfmt --check` with nothing untranslated
# or fuzzy. A translation that lost a placeholder would print a message without its file name, id or number.
#   test_po_placeholders.sh BINARY SOURCE_DIR
# Exit 0: all files agree; 1: a problem (printed); 77: skipped (python3 or msgfmt missing, or no .po file).
set -uo pipefail

source_dir=${2:?usage: test_po_placeholders.sh BINARY SOURCE_DIR}

command -v python3 >/dev/null 2>&1 || { echo "SKIPPED: python3 is not installed"; exit 77; }
command -v msgfmt >/dev/null 2>&1 || { echo "SKIPPED: msgfmt is not installed (apt-get install gettext)"; exit 77; }

shopt -s nullglob
files=("$source_dir"/po/*.po)
[ ${#files[@]} -gt 0 ] || { echo "SKIPPED: no .po file under $source_dir/po"; exit 77; }

status=0
for file in "${files[@]}"; do
  if ! statistics=$(msgfmt --check --statistics -o /dev/null "$file" 2>&1); then
    echo "$statistics"
    echo "FAIL: $file does not pass msgfmt --check"
    status=1
  elif [[ $statistics == *untranslated* || $statistics == *fuzzy* ]]; then
    echo "FAIL: $file is incomplete: $statistics"
    status=1
  fi
done

python3 "$source_dir/tests/scripts/po_placeholders.py" "${files[@]}" || status=1

# The checker itself: a translation that drops, adds or reorders-without-numbers a placeholder must be caught.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cat >"$scratch/bad.po" <<'PO'
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"

msgid "{}: unknown key '{}'"
msgstr "clé inconnue '{}'"

msgid "byte 0x{:02X} at offset {}"
msgstr "octet 0x{} à la position {}"

msgid "{} of {}"
msgstr "{1} sur {0} {2}"
PO
cat >"$scratch/good.po" <<'PO'
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"

msgid "{} of {}"
msgstr "{1} sur {0}"

msgid "{0} = {{ value = \"TEXT\" }}"
msgstr "{0} = {{ value = \"TEXTE\" }}"
PO
bad_output=$(python3 "$source_dir/tests/scripts/po_placeholders.py" "$scratch/bad.po")
if [ $? -ne 1 ] || [ "$(grep -c 'other placeholders' <<<"$bad_output")" -ne 3 ]; then
  echo "$bad_output"
  echo "FAIL: the placeholder check does not catch a dropped, changed or added placeholder"
  status=1
fi
if ! python3 "$source_dir/tests/scripts/po_placeholders.py" "$scratch/good.po" >/dev/null; then
  echo "FAIL: the placeholder check refuses reordered numbered placeholders or literal braces"
  status=1
fi

[ $status -eq 0 ] && echo "ok: ${#files[@]} .po file(s) complete, every placeholder kept"
exit $status
