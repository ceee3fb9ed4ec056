#!/usr/bin/env python3
"""Writes the fictional example partnership's response files (examples/responses/<period>/*.toml).

The partnership, its organisations and its people are invented. Answers are drawn from a fixed seed so the files
are reproducible: a northern fund sees the partnership more favourably than its two southern partners, above all
on power balance, and most dimensions improve from 2023 to 2024. The 2023 wave answered the 1.0 questionnaires
(questionnaires/archive/), the 2024 wave the 2.0 ones, where the southern partners often answer "dont-know" about
decisions and the budget. Run from the repository root:
    python3 examples/generate_example.py
"""
import pathlib
import random
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent
# The questionnaires each wave answered, and where their files are.
WAVES = {
    "2023": {q: f"questionnaires/archive/{q}-1.0.toml" for q in ["trust", "power-balance", "roles", "communication"]},
    "2024": {q: f"questionnaires/{q}.toml" for q in ["trust", "power-balance", "roles", "communication", "learning"]},
}
# In 2024, a southern respondent answers "dont-know" to an item of these dimensions with this probability.
DONT_KNOW = {"decision-making": 0.3}
PARTNERSHIP = "horizon-alliance"
ORGANISATIONS = {
    "north": ["Northfield Example Fund"],
    "south": ["Southbank Example Collective", "Riverside Example Network"],
}
# Respondents per organisation and period: 5 north, 4 + 4 south.
PEOPLE = {"Northfield Example Fund": 5, "Southbank Example Collective": 4, "Riverside Example Network": 4}
# The level (1..5) a role tends to agree at, per questionnaire, per period.
LEVEL = {
    ("north", "2023"): {"trust": 4.0, "power-balance": 3.9, "roles": 3.6, "communication": 3.4},
    ("south", "2023"): {"trust": 3.4, "power-balance": 2.4, "roles": 3.0, "communication": 2.9},
    ("north", "2024"): {"trust": 4.2, "power-balance": 4.0, "roles": 3.9, "communication": 3.9, "learning": 3.8},
    ("south", "2024"): {"trust": 3.9, "power-balance": 3.0, "roles": 3.5, "communication": 3.6, "learning": 3.1},
}
COMMENTS = {
    "trust": ["We only met in person once; more time together would help.",
              "Our partner listens when we raise concerns."],
    "power-balance": ["Budget changes are announced to us rather than discussed.",
                      "We would like to lead the evaluation next year."],
    "communication": ["Calls are often scheduled outside our working hours.",
                      "The quarterly review meeting is very useful."],
}


def toml_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    rng = random.Random(20241012)
    out_root = ROOT / "examples" / "responses"
    for period, files in WAVES.items():
        names = list(files)
        questionnaires = {q: tomllib.loads((ROOT / path).read_text()) for q, path in files.items()}
        folder = out_root / period
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("*.toml"):
            old.unlink()
        number = 0
        for role, organisations in ORGANISATIONS.items():
            for organisation in organisations:
                for _ in range(PEOPLE[organisation]):
                    number += 1
                    # A respondent's own view of each questionnaire's theme: answers within it hang together.
                    person = {q: rng.gauss(0, 0.55) for q in names}
                    lines = ["[respondent]", f'id = "r-{period}-{number:02d}"',
                             f"organisation = {toml_string(organisation)}", f'partnership = "{PARTNERSHIP}"',
                             f'role = "{role}"', f'period = "{period}"', f"date = {period}-10-{10 + number:02d}"]
                    # One 2024 respondent stopped half-way: the file is marked incomplete and left out.
                    incomplete = period == "2024" and number == 13
                    if incomplete:
                        lines.append('status = "incomplete"')
                    lines += ["", "[questionnaires]"]
                    lines += [f'{q} = "{questionnaires[q]["questionnaire"]["version"]}"' for q in names]
                    comments = []
                    for q in names:
                        lines += ["", f"[answers.{q}]"]
                        scored = [i for i in questionnaires[q]["items"] if i.get("kind", "scale") == "scale"]
                        if incomplete and q != "trust":
                            continue
                        for item in scored:
                            roll = rng.random()
                            if roll < 0.03:
                                continue  # skipped
                            if roll < 0.07:
                                lines.append(f'{item["id"]} = "na"')
                                continue
                            scale = questionnaires[q]["scales"][item["scale"]]
                            chance = DONT_KNOW.get(item["dimension"], 0) if role == "south" else 0
                            if scale.get("allow_dont_know", False) and chance and rng.random() < chance:
                                lines.append(f'{item["id"]} = "dont-know"')
                                continue
                            level = LEVEL[(role, period)][q] + person[q] + rng.gauss(0, 0.45)
                            value = min(5, max(1, round(level)))
                            if item.get("reverse", False):
                                value = 6 - value
                            lines.append(f'{item["id"]} = {value}')
                        if q in COMMENTS and rng.random() < 0.35:
                            comments.append((q, scored[0]["id"], rng.choice(COMMENTS[q])))
                    if comments:
                        lines += ["", "[comments]"]
                        for q, item, text in comments:
                            lines += ["", f"[comments.{q}]", f"{item} = {toml_string(text)}"]
                    (folder / f"r-{number:02d}.toml").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
