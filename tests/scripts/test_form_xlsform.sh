#!/usr/bin/env bash
# `form --format xlsform` of every shipped questionnaire opens as a workbook (read back with python3-openpyxl) with
# the survey, choices and settings sheets, their columns, and every text in every language the questionnaires
# have (the default language where a text has no translation): the five languages of the shipped questionnaires,
# English, French, Spanish, Portuguese and Arabic, each text in each of them. And the same bytes when written again.
#   test_form_xlsform.sh BINARY SOURCE_DIR [CORPUS]
set -euo pipefail
binary=$1 source_dir=$2
# Debian's python3-openpyxl is in the system Python, which another python3 on the PATH (pyenv) may hide.
python=""
for candidate in python3 /usr/bin/python3; do
  if "$candidate" -c 'import openpyxl, tomllib' 2>/dev/null; then python=$candidate; break; fi
done
if [ -z "$python" ]; then
  echo "python3-openpyxl (or Python 3.11's tomllib) is missing: apt-get install python3-openpyxl; skipped"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ids=(trust power-balance roles communication learning)
PARTNERPULSE_SHARE_DIR=/nonexistent "$binary" form "${ids[@]}" --questionnaires "$source_dir/questionnaires" \
  -o "$work/form.xlsx"
# The same questionnaires give the same bytes, whenever they are written (the creation time is fixed).
sleep 1
PARTNERPULSE_SHARE_DIR=/nonexistent "$binary" form "${ids[@]}" --questionnaires "$source_dir/questionnaires" \
  -o "$work/again.xlsx" 2>/dev/null
cmp "$work/form.xlsx" "$work/again.xlsx" || { echo "error: the same form written twice differs"; exit 1; }
# With a partnership file, the respondent fields are select_one lists of its ids, the partnership and roles labelled
# by their titles.
mkdir -p "$work/partnerships"
cat >"$work/partnerships/partnership.toml" <<'TOML'
[partnership]
id = "horizon-alliance"
title = "Horizon Alliance"
[roles.funder]
title = "Funding partner"
aliases = ["north"]
[roles.implementer]
title = "Implementing partner"
[[periods]]
id = "2023"
[[periods]]
id = "2024"
TOML
PARTNERPULSE_SHARE_DIR=/nonexistent "$binary" form trust --questionnaires "$source_dir/questionnaires" \
  --partnerships "$work/partnerships" -o "$work/chosen.xlsx" 2>/dev/null
"$python" - "$work/chosen.xlsx" <<'PYTHON'
import sys
import openpyxl
book = openpyxl.load_workbook(sys.argv[1])
survey = [r[:3] for r in book["survey"].iter_rows(min_row=2, max_row=4, values_only=True)]
expected = [("select_one partnership", "partnership"), ("select_one role", "role"), ("select_one period", "period")]
if [r[:2] for r in survey] != expected:
    sys.exit(f"error: respondent fields with a partnership file: {survey}")
choices = [r[:3] for r in book["choices"].iter_rows(min_row=2, values_only=True) if r[0] in ("partnership", "role", "period")]
expected = [("partnership", "horizon-alliance", "Horizon Alliance"), ("role", "funder", "Funding partner"),
            ("role", "implementer", "Implementing partner"), ("period", "2024", "2024"), ("period", "2023", "2023")]
if choices != expected:
    sys.exit(f"error: respondent choices with a partnership file: {choices}")
PYTHON
exec "$python" - "$work/form.xlsx" "$source_dir/questionnaires" "${ids[@]}" <<'PYTHON'
import sys, tomllib
import openpyxl

path, folder, ids = sys.argv[1], sys.argv[2], sys.argv[3:]
names = {"en": "English", "fr": "French", "es": "Spanish", "pt": "Portuguese", "ar": "Arabic"}
shipped_languages = ["en", "fr", "es", "pt", "ar"]
problems = []
def check(condition, message):
    if not condition:
        problems.append(message)

def texts(value, default):
    return dict(value) if isinstance(value, dict) else {default: value}

def in_language(value, default, language):
    t = texts(value, default)
    return t.get(language, t[default])

questionnaires = []
for qid in ids:
    with open(f"{folder}/{qid}.toml", "rb") as f:
        questionnaires.append(tomllib.load(f))
languages = []
for q in questionnaires:
    default = q["questionnaire"]["language"]
    found = [default] + list(texts(q["questionnaire"]["title"], default))
    for scale in q["scales"].values():
        for label in scale["labels"]:
            found += list(texts(label, default))
    for item in q["items"]:
        found += list(texts(item["text"], default))
    for language in found:
        if language not in languages:
            languages.append(language)
check(languages == shipped_languages, f"the shipped questionnaires have the languages {languages}, not {shipped_languages}")
unknown = [l for l in languages if l not in names]
if unknown:
    print(f"this test knows no XLSForm name for the languages {unknown}: add them")
    sys.exit(1)
columns_of = lambda language: f"label::{names[language]} ({language})"

book = openpyxl.load_workbook(path)
check(book.sheetnames == ["survey", "choices", "settings"], f"sheets: {book.sheetnames}")
def rows_of(sheet):
    rows = list(book[sheet].iter_rows(values_only=True))
    header = [c for c in rows[0]]
    return header, [dict(zip(header, ("" if c is None else str(c) for c in row))) for row in rows[1:]]

header, survey = rows_of("survey")
expected = ["type", "name", "label"] + [columns_of(l) for l in languages] + ["hint"] + \
    [f"hint::{names[l]} ({l})" for l in languages] + ["required"]
check(header == expected, f"survey columns: {header}, expected {expected}")
check([r["name"] for r in survey[:3]] == ["partnership", "role", "period"], "respondent fields do not come first")
check(all(r["type"] == "text" and r["required"] == "yes" for r in survey[:3]), "respondent fields: text, required")
check(not any(r["name"] in ("name", "email", "e-mail") for r in survey), "the form asks for a name or e-mail")
by_name = {}
group = None
for r in survey:
    if r["type"] == "end_group":
        group = None
        continue
    by_name[(group, r["name"])] = r
    if r["type"] == "begin_group":
        group = r["name"]

for q in questionnaires:
    qid, default = q["questionnaire"]["id"], q["questionnaire"]["language"]
    g = by_name.get((None, qid))
    check(g is not None and g["type"] == "begin_group", f"no group {qid}")
    for language in languages:
        if g:
            check(g[columns_of(language)] == in_language(q["questionnaire"]["title"], default, language),
                  f"group {qid}: {columns_of(language)} is {g[columns_of(language)]!r}")
    for item in q["items"]:
        r = by_name.get((qid, item["id"]))
        check(r is not None, f"no field {qid}/{item['id']}")
        if r is None:
            continue
        scored = item.get("kind", "scale") == "scale"
        check(r["type"] == (f"select_one {qid}_{item['scale']}" if scored else "text"), f"{qid}/{item['id']}: {r['type']}")
        for language in languages:
            check(r[columns_of(language)] == in_language(item["text"], default, language),
                  f"{qid}/{item['id']}: {columns_of(language)} is {r[columns_of(language)]!r}")
            check(language == default or r[columns_of(language)] != r[columns_of(default)],
                  f"{qid}/{item['id']}: {columns_of(language)} is the {default} text")
        comment = by_name.get((qid, item["id"] + "_comment"))
        check((comment is not None) == scored, f"{qid}/{item['id']}: comment field {'missing' if scored else 'present'}")
        if comment:
            check(comment["type"] == "text" and comment["required"] == "", f"{qid}/{item['id']}_comment: {comment}")

header, choices = rows_of("choices")
expected = ["list_name", "name", "label"] + [columns_of(l) for l in languages]
check(header == expected, f"choices columns: {header}, expected {expected}")
for q in questionnaires:
    qid, default = q["questionnaire"]["id"], q["questionnaire"]["language"]
    for sid, scale in q["scales"].items():
        rows = [r for r in choices if r["list_name"] == f"{qid}_{sid}"]
        points = [str(p) for p in range(scale["min"], scale["max"] + 1)]
        check([r["name"] for r in rows] == points + (["na"] if scale.get("allow_na") else [])
              + (["dk"] if scale.get("allow_dont_know") else []),
              f"choices {qid}_{sid}: {[r['name'] for r in rows]}")
        for r, label in zip(rows, scale["labels"]):
            for language in languages:
                check(r[columns_of(language)] == in_language(label, default, language),
                      f"choice {qid}_{sid}/{r['name']}: {columns_of(language)} is {r[columns_of(language)]!r}")

header, settings = rows_of("settings")
check(header == ["form_title", "form_id", "version", "default_language"], f"settings columns: {header}")
check(len(settings) == 1 and settings[0]["default_language"] == "English (en)", f"settings: {settings}")
check(settings and settings[0]["form_id"] == "partnerpulse_" + "_".join(ids), f"settings: {settings}")

for p in problems:
    print("error:", p)
print(f"{len(problems)} problem(s); languages checked: {', '.join(languages)}")
sys.exit(1 if problems else 0)
PYTHON
