#!/usr/bin/env python3
"""Writes synthetic response files for the benchmark (bench/README.md), deterministically (fixed seed).

PARTNERSHIPS partnerships x RESPONDENTS respondents each, one file per respondent, in one subfolder per
partnership: OUT/p-001/r-0001.toml ... Every respondent answers every scored item (kind = "scale") of every
questionnaire in --questionnaires (default: the shipped ones), period "2024", role "north" for about a third of
each partnership and "south" for the rest. About 3% of answers are skipped and about 4% are "na" where the scale
allows it; about 5% of respondents leave a comment. Same arguments, same bytes.

    python3 bench/generate_responses.py --out bench/out/data-100x100
    python3 bench/generate_responses.py --partnerships 10 --respondents 1000 --out bench/out/data-10x1000
"""
import argparse
import pathlib
import random
import sys
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEED = 20241012
PERIOD = "2024"
COMMENTS = [
    "We only met in person once; more time together would help.",
    "Budget changes are announced to us rather than discussed.",
    "The quarterly review meeting is very useful.",
    "Calls are often scheduled outside our working hours.",
]


def toml_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def load_questionnaires(folder):
    """(id, version, [(item id, min, max, allow_na, reverse)]) per questionnaire file, sorted by file name."""
    result = []
    for path in sorted(folder.glob("*.toml")):
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
        if "questionnaire" not in data:
            continue
        scales = data["scales"]
        items = []
        for item in data["items"]:
            if item.get("kind", "scale") != "scale":
                continue
            scale = scales[item["scale"]]
            items.append((item["id"], scale["min"], scale["max"], scale.get("allow_na", False),
                          item.get("reverse", False)))
        result.append((data["questionnaire"]["id"], data["questionnaire"]["version"], items))
    if not result:
        sys.exit(f"generate_responses.py: no questionnaire in {folder}")
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--partnerships", type=int, default=100)
    parser.add_argument("--respondents", type=int, default=100, help="respondents per partnership")
    parser.add_argument("--questionnaires", type=pathlib.Path, default=ROOT / "questionnaires")
    parser.add_argument("--out", type=pathlib.Path, required=True, help="output folder (created)")
    args = parser.parse_args()

    questionnaires = load_questionnaires(args.questionnaires)
    rng = random.Random(SEED)
    width = max(3, len(str(args.partnerships)))
    r_width = max(4, len(str(args.respondents)))
    files = 0
    for p in range(1, args.partnerships + 1):
        partnership = f"partnership-{p:0{width}d}"
        folder = args.out / f"p-{p:0{width}d}"
        folder.mkdir(parents=True, exist_ok=True)
        # The partnership's overall level and how much more favourably the northern partner sees it.
        base = rng.uniform(2.6, 4.2)
        north_bias = rng.uniform(0.0, 0.9)
        for r in range(1, args.respondents + 1):
            role = "north" if r % 3 == 1 else "south"
            leniency = rng.gauss(0.0, 0.4)
            lines = [
                "[respondent]",
                f'id = "r-{p:0{width}d}-{r:0{r_width}d}"',
                f'organisation = "{role.capitalize()} Example Organisation {1 + r % 4}"',
                f'partnership = "{partnership}"',
                f'role = "{role}"',
                f'period = "{PERIOD}"',
                f"date = {PERIOD}-10-{1 + r % 28:02d}",
                "",
                "[questionnaires]",
            ]
            lines += [f'{qid} = "{version}"' for qid, version, _ in questionnaires]
            comment = None
            for qid, _, items in questionnaires:
                lines += ["", f"[answers.{qid}]"]
                q_level = base + (north_bias if role == "north" else 0.0) + leniency
                for item_id, low, high, allow_na, reverse in items:
                    roll = rng.random()
                    if roll < 0.03:
                        continue  # skipped
                    if roll < 0.07 and allow_na:
                        lines.append(f'{item_id} = "na"')
                        continue
                    level = q_level + rng.gauss(0.0, 0.8)
                    value = min(high, max(low, round(low + (level - 1.0) * (high - low) / 4.0)))
                    if reverse:
                        value = low + high - value
                    lines.append(f"{item_id} = {value}")
                if comment is None and items and rng.random() < 0.0125:
                    comment = (qid, items[0][0], rng.choice(COMMENTS))
            if comment:
                lines += ["", "[comments]", "", f"[comments.{comment[0]}]", f"{comment[1]} = {toml_string(comment[2])}"]
            (folder / f"r-{r:0{r_width}d}.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
            files += 1
    print(f"generate_responses.py: wrote {files} response files ({args.partnerships} partnerships x "
          f"{args.respondents} respondents) to {args.out}")


if __name__ == "__main__":
    main()
