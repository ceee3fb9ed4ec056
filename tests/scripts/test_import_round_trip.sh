#!/usr/bin/env bash
# Round trip: the CSV template written by `partnerpulse form`, filled by a script (fill_template.py, which also
# writes the same answers as response files), scores to the same report with `report EXPORT.csv` as the response files do, and `import`
# writes response files that score to that report too; with comments, in JSON and Markdown.
#   test_import_round_trip.sh BINARY SOURCE_DIR [CORPUS]
set -euo pipefail
binary=$1 source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PARTNERPULSE_SHARE_DIR=/nonexistent HOME=$work
command -v python3 >/dev/null || { echo "python3 is missing: skipped"; exit 77; }
python3 -c 'import tomllib' 2>/dev/null || { echo "Python 3.11 (tomllib) is missing: skipped"; exit 77; }
q=(--questionnaires "$source_dir/questionnaires")
"$binary" form trust power-balance "${q[@]}" --format csv-template -o "$work/template.csv" 2>/dev/null
python3 "$source_dir/tests/scripts/fill_template.py" "$work/template.csv" "$source_dir/questionnaires" 60 \
  "$work/export.csv" "$work/typed"
status=0
for format in json markdown; do
  "$binary" report "$work/typed" "${q[@]}" --comments --format "$format" >"$work/typed.$format"
  "$binary" report "$work/export.csv" "${q[@]}" --comments --format "$format" >"$work/export.$format"
  diff -u "$work/typed.$format" "$work/export.$format" || { echo "FAIL report EXPORT.csv ($format)"; status=1; }
done
"$binary" import "$work/export.csv" "${q[@]}" --out-dir "$work/imported" 2>/dev/null
[ "$(find "$work/imported" -name '*.toml' | wc -l)" = 60 ] || { echo "FAIL import wrote no 60 files"; status=1; }
"$binary" report "$work/imported" "${q[@]}" --comments --format json >"$work/imported.json"
diff -u "$work/typed.json" "$work/imported.json" || { echo "FAIL report on the imported files"; status=1; }

# With partnership files, the template lists their partnerships, roles and periods as the allowed values, and an
# export filled with them reads back with no mapping, to the report of the same answers as response files.
mkdir -p "$work/partnerships"
for p in 0 1; do
  cat >"$work/partnerships/partnership-$p.partnership.toml" <<TOML
[partnership]
id = "partnership-$p"
title = "Partnership $p"
[roles.north]
title = "Northern partner"
[roles.south]
title = "Southern partner"
[[periods]]
id = "2024"
invited = { north = 20, south = 40 }
TOML
done
p=(--partnerships "$work/partnerships")
"$binary" form trust power-balance "${q[@]}" "${p[@]}" --format csv-template -o "$work/chosen.csv" 2>/dev/null
allowed='#allowed: one of: partnership-0 | partnership-1 (required),one of: north | south (required),one of: 2024 (required),'
case "$(sed -n 2p "$work/chosen.csv")" in
  "$allowed"*) ;;
  *) echo "FAIL the template's second row does not list the partnership file's values: $(sed -n 2p "$work/chosen.csv" | cut -c1-120)"; status=1 ;;
esac
python3 "$source_dir/tests/scripts/fill_template.py" "$work/chosen.csv" "$source_dir/questionnaires" 60 \
  "$work/chosen-export.csv" "$work/chosen-typed"
"$binary" report "$work/chosen-typed" "${q[@]}" "${p[@]}" --comments --format json >"$work/chosen-typed.json"
"$binary" report "$work/chosen-export.csv" "${q[@]}" "${p[@]}" --comments --format json >"$work/chosen-export.json"
diff -u "$work/chosen-typed.json" "$work/chosen-export.json" || { echo "FAIL report EXPORT.csv with partnership files"; status=1; }
grep -q '"title": "Northern partner"' "$work/chosen-export.json" || { echo "FAIL the partnership files were not used"; status=1; }

[ $status = 0 ] && echo "ok: round trip of 60 rows, without and with partnership files"
exit $status
