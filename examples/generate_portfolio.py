#!/usr/bin/env python3
"""Writes the response files of two more fictional partnerships, so that `report --out-dir` on examples/responses
shows a portfolio with every column (examples/portfolio/, written by examples/regenerate.sh):

- riverbend-coalition: a funder and its grantees answered in 2023; in 2024 only the funder's people answered.
- delta-learning-network: has a partnership file (roles with titles and aliases, people invited per period); its
  responses spell roles in several ways ("Funder", "north", " FUNDER ") that all mean one role, and its learning
  partner was invited in 2024 but nobody answered.

Everything is invented. Answers are drawn from a fixed seed, so the files are reproducible. Run from anywhere:
    python3 examples/generate_portfolio.py
"""
import pathlib
import random
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent
QUESTIONNAIRES = ["trust", "power-balance", "roles", "communication"]

# partnership -> period -> list of (role label as written, organisation, level per questionnaire)
PEOPLE = {
    "riverbend-coalition": {
        "2023": [("funder", "Riverbend Example Foundation", 3.6)] * 4 + [("grantee", "Creek Example Collective", 3.0)] * 4,
        "2024": [("funder", "Riverbend Example Foundation", 3.8)] * 4,
    },
    "delta-learning-network": {
        "2023": [("Funder", "Delta Example Trust", 3.4)] * 2 + [("north", "Delta Example Trust", 3.4)]
        + [("implementer", "Estuary Example Alliance", 2.7)] * 4,
        "2024": [("Funder", "Delta Example Trust", 3.7)] + [(" FUNDER ", "Delta Example Trust", 3.7)]
        + [("north", "Delta Example Trust", 3.7)] + [("Implementer", "Estuary Example Alliance", 3.1)] * 5,
    },
}

PARTNERSHIP_FILE = """\
# The roles of the Delta Learning Network and who was asked to answer (fictional).
[partnership]
id = "delta-learning-network"
title = "Delta Learning Network"

[roles.funder]
title = "Funding partner"
aliases = ["north"]

[roles.implementer]
title = "Implementing partner"

[roles.evaluator]
title = "Learning partner"

[[periods]]
id = "2023"
invited = { funder = 4, implementer = 6 }

[[periods]]
id = "2024"
invited = { funder = 4, implementer = 6, evaluator = 3 }
"""


def toml_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def response(questionnaires, rng, partnership, period, number, role, organisation, level):
    lines = ["[respondent]", f'id = "{partnership[:5]}-{period}-{number:02d}"',
             f"organisation = {toml_string(organisation)}", f'partnership = "{partnership}"',
             f"role = {toml_string(role)}", f'period = "{period}"', "", "[questionnaires]"]
    lines += [f'{q} = "{questionnaires[q]["questionnaire"]["version"]}"' for q in QUESTIONNAIRES]
    person = rng.gauss(0, 0.4)
    for q in QUESTIONNAIRES:
        lines += ["", f"[answers.{q}]"]
        for item in questionnaires[q]["items"]:
            if item.get("kind", "scale") != "scale":
                continue
            value = min(5, max(1, round(level + person + rng.gauss(0, 0.5))))
            if item.get("reverse", False):
                value = 6 - value
            lines.append(f'{item["id"]} = {value}')
    return "\n".join(lines) + "\n"


def main():
    rng = random.Random(20250301)
    questionnaires = {q: tomllib.loads((ROOT / "questionnaires" / f"{q}.toml").read_text()) for q in QUESTIONNAIRES}
    for partnership, periods in PEOPLE.items():
        for period, people in periods.items():
            folder = ROOT / "examples" / "responses" / partnership / period
            folder.mkdir(parents=True, exist_ok=True)
            for old in folder.glob("*.toml"):
                old.unlink()
            for number, (role, organisation, level) in enumerate(people, start=1):
                text = response(questionnaires, rng, partnership, period, number, role, organisation, level)
                (folder / f"r-{number:02d}.toml").write_text(text)
    (ROOT / "examples" / "responses" / "delta-learning-network" / "partnership.toml").write_text(PARTNERSHIP_FILE)


if __name__ == "__main__":
    main()
