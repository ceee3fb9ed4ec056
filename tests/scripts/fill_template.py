#!/usr/bin/env python3
"""Fills the CSV template that `partnerpulse form --format csv-template` wrote (header row: partnership, role,
period, then QUESTIONNAIRE.ITEM and, for scored items, QUESTIONNAIRE.ITEM_comment; a second row starting with '#')
with random answers, column by column as the template names them, and writes the same answers as response files
(docs/response-format.md), one per row.

usage: fill_template.py TEMPLATE.csv QUESTIONNAIRES_DIR ROWS OUT.csv OUT_DIR
"""
import csv
import random
import sys
import tomllib
from pathlib import Path


def toml_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def main():
    template, folder, rows = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    out_csv, out_dir = sys.argv[4], Path(sys.argv[5])
    with open(template, newline="", encoding="utf-8") as handle:
        header, allowed = list(csv.reader(handle))[:2]
    assert header[:3] == ["partnership", "role", "period"] and allowed[0].startswith("#"), "not a template"
    ids = []
    for name in header[3:]:
        qid = name.split(".", 1)[0]
        if qid not in ids:
            ids.append(qid)
    questionnaires = []
    for qid in ids:
        data = tomllib.loads((folder / f"{qid}.toml").read_text(encoding="utf-8"))
        items = [item for item in data["items"] if f"{qid}.{item['id']}" in header]
        assert len(items) == len(data["items"]), f"the template lacks items of {qid}"
        questionnaires.append((qid, data["questionnaire"]["version"], data["scales"], items))
    rng = random.Random(7)
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_csv, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerow(allowed)
        for row in range(rows):
            who = [f"partnership-{row % 2}", "north" if row % 3 == 0 else "south", "2024"]
            cells, answers, comments = {}, {}, {}
            for qid, _, scales, items in questionnaires:
                answers[qid], comments[qid] = [], []
                for item in items:
                    value, comment = "", ""
                    if item.get("kind", "scale") == "text":
                        if rng.random() < 0.3:
                            value = rng.choice(["More visits, please", 'They said "later", again', "Budget, and\ntime"])
                            answers[qid].append((item["id"], toml_string(value)))
                    else:
                        scale = scales[item["scale"]]
                        draw = rng.random()
                        if draw < 0.05:
                            value = ""
                        elif draw < 0.1 and scale.get("allow_na"):
                            value = "na"
                            answers[qid].append((item["id"], '"na"'))
                        else:
                            number = rng.randint(scale["min"], scale["max"])
                            value = str(number)
                            answers[qid].append((item["id"], value))
                    cells[f"{qid}.{item['id']}"] = value
                    if f"{qid}.{item['id']}_comment" in header:  # scored items only
                        if rng.random() < 0.05:
                            comment = rng.choice(["Hard to say", "Yes, mostly; not always"])
                            comments[qid].append((item["id"], toml_string(comment)))
                        cells[f"{qid}.{item['id']}_comment"] = comment
            writer.writerow(who + [cells[name] for name in header[3:]])
            lines = ["[respondent]", f'id = "row-{row + 1}"', 'organisation = "not recorded"', f'partnership = "{who[0]}"',
                     f'role = "{who[1]}"', f'period = "{who[2]}"', "", "[questionnaires]"]
            lines += [f'{qid} = "{version}"' for qid, version, _, _ in questionnaires]
            for qid, _, _, _ in questionnaires:
                lines += ["", f"[answers.{qid}]"] + [f"{key} = {value}" for key, value in answers[qid]]
            for qid, _, _, _ in questionnaires:
                if comments[qid]:
                    lines += ["", f"[comments.{qid}]"] + [f"{key} = {value}" for key, value in comments[qid]]
            (out_dir / f"row-{row}.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
