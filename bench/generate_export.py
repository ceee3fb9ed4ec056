#!/usr/bin/env python3
"""Writes a survey export in the CSV template layout (docs/import.md): ROWS rows answering every item of the
questionnaires in QUESTIONNAIRES_DIR, 100 partnerships, roles north/south, an id column and an e-mail column (left
out by the import). The seed is fixed: the same bytes on every machine.

usage: generate_export.py QUESTIONNAIRES_DIR ROWS OUT.csv
"""
import csv
import random
import sys
import tomllib
from pathlib import Path


def main():
    folder, rows, out = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    items = []
    for path in sorted(folder.glob("*.toml")):
        questionnaire = tomllib.loads(path.read_text(encoding="utf-8"))
        q = questionnaire["questionnaire"]["id"]
        scales = questionnaire.get("scales", {})
        for item in questionnaire.get("items", []):
            if item.get("kind", "scale") != "scale":
                continue
            scale = scales[item["scale"]]
            items.append((f"{q}.{item['id']}", scale["min"], scale["max"], scale.get("allow_na", False)))
    rng = random.Random(11)
    with open(out, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(["partnership", "role", "period", "id"] + [name for name, *_ in items] + ["email"])
        for row in range(rows):
            answers = []
            for _, low, high, allow_na in items:
                draw = rng.random()
                answers.append("" if draw < 0.03 else "na" if allow_na and draw < 0.07 else rng.randint(low, high))
            writer.writerow([f"partnership-{row % 100:03d}", "north" if row % 3 == 0 else "south", "2024",
                             f"uuid:{row:08d}"] + answers + [f"person{row}@example.org"])


if __name__ == "__main__":
    main()
