#!/usr/bin/env python3
"""Fills a CSV in the template layout (the naming rule of issue 11: partnership, role, period, id, then
QUESTIONNAIRE.ITEM and QUESTIONNAIRE.ITEM_comment per item, a second row starting with '#') with random answers,
and writes the same answers as response files (docs/response-format.md), one per row, named by the row's id.

usage: fill_template.py QUESTIONNAIRES_DIR ROWS OUT.csv OUT_DIR QUESTIONNAIRE...
"""
import csv
import random
import sys
import tomllib
from pathlib import Path


def toml_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def main():
    folder, rows, out_csv, out_dir, ids = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3], Path(sys.argv[4]), sys.argv[5:]
    questionnaires = []
    for qid in ids:
        data = tomllib.loads((folder / f"{qid}.toml").read_text(encoding="utf-8"))
        questionnaires.append((qid, data["questionnaire"]["version"], data["scales"], data["items"]))
    header = ["partnership", "role", "period", "id"]
    allowed = ["#allowed answers", "text", "text", "text"]
    for qid, _, scales, items in questionnaires:
        for item in items:
            header += [f"{qid}.{item['id']}", f"{qid}.{item['id']}_comment"]
            if item.get("kind", "scale") == "text":
                allowed += ["text", "text"]
            else:
                scale = scales[item["scale"]]
                allowed += [f"{scale['min']}-{scale['max']}" + (" or na" if scale.get("allow_na") else ""), "text"]
    rng = random.Random(7)
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_csv, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerow(allowed)
        for row in range(rows):
            who = [f"partnership-{row % 2}", "north" if row % 3 == 0 else "south", "2024", f"person-{row}"]
            cells, answers, comments = [], {}, {}
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
                    if rng.random() < 0.05:
                        comment = rng.choice(["Hard to say", "Yes, mostly; not always"])
                        comments[qid].append((item["id"], toml_string(comment)))
                    cells += [value, comment]
            writer.writerow(who + cells)
            lines = ["[respondent]", f'id = "row-{row}"', 'organisation = "not recorded"', f'partnership = "{who[0]}"',
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
