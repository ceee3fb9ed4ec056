#!/usr/bin/env bash
# Makes po/partnerpulse.pot from the sources (every string marked with translate, translate_plural, tr, tr_plural)
# and merges it into every po/<language>.po, keeping the translations there. Usage: update-translations.sh [SRC]
# With --pot-only FILE: writes the template to FILE and changes nothing else (the up-to-date test uses it).
set -euo pipefail
source_dir=${1:-$(cd "$(dirname "$0")/.." && pwd)}
pot_output=""
if [ "${2:-}" = "--pot-only" ]; then pot_output=$3; fi
cd "$source_dir"
template=${pot_output:-po/partnerpulse.pot}
find src include -name '*.cpp' -o -name '*.hpp' | LC_ALL=C sort | \
  xgettext --files-from=- --output="$template" --from-code=UTF-8 --language=C++ --sort-output \
    --add-location=file --package-name=partnerpulse --msgid-bugs-address=maintainers@partnerpulse.invalid \
    --keyword= --keyword=translate:2 --keyword=translate_plural:2,3 --keyword=tr --keyword=tr_plural:1,2 \
    --add-comments=TRANSLATORS:
sed -i 's/^"Content-Type: text\/plain; charset=CHARSET\\n"$/"Content-Type: text\/plain; charset=UTF-8\\n"/' "$template"
sed -i "/^#, c-format$/d" "$template"
[ -n "$pot_output" ] && exit 0
for po in po/*.po; do
  [ -e "$po" ] || continue
  msgmerge --quiet --update --backup=none --no-fuzzy-matching --sort-output --add-location=file "$po" "$template"
  msgattrib --no-obsolete --sort-output --add-location=file -o "$po" "$po"  # no #~ entries for removed messages
done
