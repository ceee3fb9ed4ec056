#!/usr/bin/env python3
"""Writes the examples in docs/form.md from what the binary produces for the shipped trust questionnaire.

    form-doc-examples.py BINARY SOURCE_DIR           # exit 1 (and a diff) when docs/form.md is out of date
    form-doc-examples.py BINARY SOURCE_DIR --write   # rewrite the generated blocks of docs/form.md

Each block sits between `<!-- generated: NAME -->` and `<!-- end generated -->`. Needs python3-openpyxl to read
the workbook back; exits 77 without it.
"""
import csv
import difflib
import os
import re
import subprocess
import sys
import tempfile

try:
    import openpyxl
except ImportError:
    print("python3-openpyxl is not installed (apt-get install python3-openpyxl): docs/form.md not checked")
    sys.exit(77)


PARTNERSHIPS = "examples/responses/delta-learning-network"


def run_form(binary, source_dir, work, fmt, name, partnerships=False):
    path = os.path.join(work, name)
    env = dict(os.environ, PARTNERPULSE_SHARE_DIR="/nonexistent", LC_ALL="C.UTF-8")
    extra = ["--partnerships", os.path.join(source_dir, PARTNERSHIPS)] if partnerships else []
    subprocess.run([binary, "form", "trust", "--questionnaires", os.path.join(source_dir, "questionnaires"),
                    "--format", fmt, "-o", path] + extra, check=True, env=env, stderr=subprocess.DEVNULL)
    return path


def markdown_table(sheet, columns, keep=lambda row: True):
    rows = list(sheet.iter_rows(values_only=True))
    header = list(rows[0])
    index = [header.index(column) for column in columns]
    cell = lambda value: "" if value is None else str(value).replace("|", "\\|")
    lines = ["| " + " | ".join(f"`{c}`" for c in columns) + " |", "|" + " --- |" * len(columns)]
    for row in rows[1:]:
        if not keep(row):
            continue
        cells = [cell(row[i]) if i < len(row) else "" for i in index]
        lines.append("|" + "".join(f" {c} |" if c else " |" for c in cells))
    return "\n".join(lines)


def blocks(binary, source_dir):
    with tempfile.TemporaryDirectory() as work:
        with open(run_form(binary, source_dir, work, "csv-template", "trust.csv"), encoding="utf-8") as f:
            csv_text = f.read()
        book = openpyxl.load_workbook(run_form(binary, source_dir, work, "xlsform", "trust.xlsx"))
        survey = markdown_table(book["survey"], ["type", "name", "label", "label::French (fr)", "hint", "required"])
        choices = markdown_table(book["choices"], ["list_name", "name", "label", "label::French (fr)"])
        settings = markdown_table(book["settings"], ["form_title", "form_id", "version", "default_language"])
        with open(run_form(binary, source_dir, work, "csv-template", "delta.csv", True), encoding="utf-8") as f:
            lines = f.read().splitlines()
        delta_csv = "\n".join(",".join(next(csv.reader([line]))[:3]) for line in lines) + "\n"
        book = openpyxl.load_workbook(run_form(binary, source_dir, work, "xlsform", "delta.xlsx", True))
        respondent = ("partnership", "role", "period")
        delta_survey = markdown_table(book["survey"], ["type", "name", "label"], lambda row: row[1] in respondent)
        delta_choices = markdown_table(book["choices"], ["list_name", "name", "label"], lambda row: row[0] in respondent)
    return {
        "partnership-survey": delta_survey,
        "partnership-choices": delta_choices,
        "partnership-csv-template": "```csv\n" + delta_csv + "```",
        "csv-template": "```csv\n" + csv_text + "```",
        "survey": survey,
        "choices": choices,
        "settings": settings,
    }


def main():
    binary, source_dir = sys.argv[1], sys.argv[2]
    write = "--write" in sys.argv[3:]
    doc_path = os.path.join(source_dir, "docs", "form.md")
    with open(doc_path, encoding="utf-8") as f:
        doc = f.read()
    generated = blocks(binary, source_dir)
    pattern = re.compile(r"(<!-- generated: ([a-z-]+) -->\n)(.*?)(<!-- end generated -->)", re.S)
    names = [m.group(2) for m in pattern.finditer(doc)]
    if sorted(names) != sorted(generated):
        print(f"docs/form.md: generated blocks {names}, expected {sorted(generated)}")
        return 1
    new = pattern.sub(lambda m: m.group(1) + generated[m.group(2)] + "\n" + m.group(4), doc)
    if new == doc:
        print("docs/form.md examples match the binary")
        return 0
    if write:
        with open(doc_path, "w", encoding="utf-8") as f:
            f.write(new)
        print("docs/form.md examples rewritten")
        return 0
    sys.stdout.writelines(difflib.unified_diff(doc.splitlines(True), new.splitlines(True), "docs/form.md",
                                               "generated"))
    print("docs/form.md examples differ from the binary (run scripts/form-doc-examples.py BINARY . --write)")
    return 1


if __name__ == "__main__":
    sys.exit(main())
