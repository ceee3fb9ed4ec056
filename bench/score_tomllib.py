#!/usr/bin/env python3
"""The benchmark's Python reference (bench/README.md): what `partnerpulse report --format json` computes, written
plainly in Python 3.11 with the standard library's tomllib, single-threaded, streaming like partnerpulse.

Reads the questionnaires in --questionnaires, then every *.toml file under RESPONSES (recursively, sorted). Checks
each answer against its questionnaire (known questionnaire and version, known item, whole number on the scale, "na"
only where allowed, respondent fields present, a respondent answering a questionnaire once per group) and scores it
as docs/scoring.md defines: item score (v' - min) / (max - min) * 100 with reverse keying v' = min + max - v; a
respondent's dimension score is the weighted mean of the answered items, missing when fewer than half are
answered. Per partnership and period, per dimension: index (mean), n, sample sd, scale mean, band, Cronbach's alpha
over complete cases; per role the same indexes (roles under --min-group withheld) and the gap between the highest
and lowest role, as printed (one decimal). Prints JSON to stdout.

    python3 bench/score_tomllib.py --questionnaires questionnaires bench/out/data-100x100 > scores.json
"""
import argparse
import decimal
import fractions
import json
import math
import os
import sys
import tomllib

DEFAULT_BANDS = [("attention", "needs attention", 50.0), ("developing", "developing", 75.0),
                 ("strength", "strength", None)]


def as_printed(value, places=1):
    """The figure a report prints: rounded half away from zero from the shortest decimal form (docs/scoring.md)."""
    step = decimal.Decimal(1).scaleb(-places)
    return float(decimal.Decimal(repr(value)).quantize(step, rounding=decimal.ROUND_HALF_UP))


class Stats:
    """Count, sum and sum of squares: enough for a mean and a sample variance, in constant memory. The sum is exact
    (whole multiples of 2^-80, as partnerpulse keeps it), so the mean is the correctly rounded exact mean whatever
    the order; the sum of squares is a plain float sum (the variance is compared within a tolerance)."""
    __slots__ = ("n", "s", "ss")

    def __init__(self):
        self.n = 0
        self.s = 0
        self.ss = 0.0

    def add(self, x):
        self.n += 1
        self.s += int(x * 2.0 ** 80)
        self.ss += x * x

    def mean(self):
        return float(fractions.Fraction(self.s, self.n << 80)) if self.n else None

    def variance(self):
        if self.n < 2:
            return None
        s = self.s / 2.0 ** 80
        return max(0.0, (self.ss - s * s / self.n) / (self.n - 1))


class Questionnaire:
    def __init__(self, data, path):
        q = data["questionnaire"]
        self.id = q["id"]
        self.version = q["version"]
        self.path = path
        self.bands = [(b["id"], b["label"] if isinstance(b["label"], str) else b["label"][q["language"]],
                       b.get("below")) for b in data.get("bands", [])] or DEFAULT_BANDS
        self.dimensions = [d["id"] for d in data["dimensions"]]
        dim_index = {d: i for i, d in enumerate(self.dimensions)}
        self.dim_items = [[] for _ in self.dimensions]  # per dimension: weights of its scored items
        self.dim_scales = [set() for _ in self.dimensions]
        self.items = {}  # scored item id -> (dimension, position in dimension, min, span, reverse, weight, allow_na)
        self.open_items = set()
        self.item_order = []
        for item in data["items"]:
            if item.get("kind", "scale") != "scale":
                self.open_items.add(item["id"])
                continue
            scale = data["scales"][item["scale"]]
            d = dim_index[item["dimension"]]
            weight = float(item.get("weight", 1))
            self.items[item["id"]] = (d, len(self.dim_items[d]), scale["min"], scale["max"] - scale["min"],
                                      bool(item.get("reverse", False)), weight, bool(scale.get("allow_na", False)))
            self.dim_items[d].append(weight)
            self.dim_scales[d].add((scale["min"], scale["max"]))
            self.item_order.append(item["id"])

    def band(self, index):
        index = as_printed(index)  # thresholds are decided on the figure as printed
        for band_id, label, below in self.bands:
            if below is None or index < below:
                return band_id, label
        return self.bands[-1][:2]


class Group:
    def __init__(self, questionnaires):
        self.respondents = {}  # respondent id -> [role, set of questionnaire ids]
        self.incomplete = 0
        self.missing_dimension_scores = 0
        self.q_respondents = {q.id: 0 for q in questionnaires}
        self.dims = {q.id: [Stats() for _ in q.dimensions] for q in questionnaires}
        self.alpha_items = {q.id: [[Stats() for _ in w] for w in q.dim_items] for q in questionnaires}
        self.alpha_totals = {q.id: [Stats() for _ in q.dimensions] for q in questionnaires}
        self.role_dims = {}  # role -> questionnaire id -> [Stats]
        self.items = {q.id: {i: Stats() for i in q.items} for q in questionnaires}
        self.items_na = {q.id: {i: 0 for i in q.items} for q in questionnaires}


class InputProblem(Exception):
    pass


def load_questionnaires(folder):
    result = {}
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".toml"):
            continue
        path = os.path.join(folder, name)
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
        if "questionnaire" in data:
            q = Questionnaire(data, path)
            result.setdefault(q.id, q)
    return result


def toml_files(paths):
    for path in paths:
        if not os.path.isdir(path):
            yield path
            continue
        found = []
        for folder, subfolders, names in os.walk(path):
            subfolders[:] = [s for s in subfolders if not s.startswith(".")]
            found.extend(os.path.join(folder, n) for n in names if n.endswith(".toml") and not n.startswith("."))
        found.sort()
        yield from found


def required_label(table, key, path):
    value = table.get(key)
    if not isinstance(value, str) or not value or len(value) > 200:
        raise InputProblem(f"{path}: [respondent]: '{key}' must be a non-empty string")
    return value


def score_file(path, questionnaires, groups):
    with open(path, "rb") as handle:
        data = tomllib.loads(handle.read().decode("utf-8"))
    if "questionnaire" in data:
        return False
    who = data.get("respondent")
    if not isinstance(who, dict):
        raise InputProblem(f"{path}: missing [respondent]")
    rid = required_label(who, "id", path)
    required_label(who, "organisation", path)
    partnership = required_label(who, "partnership", path)
    role = required_label(who, "role", path)
    period = required_label(who, "period", path)
    versions = data.get("questionnaires")
    if not isinstance(versions, dict) or not versions:
        raise InputProblem(f"{path}: missing [questionnaires]")
    for qid, version in versions.items():
        q = questionnaires.get(qid)
        if q is None:
            raise InputProblem(f"{path}: unknown questionnaire '{qid}'")
        if version != q.version:
            raise InputProblem(f"{path}: questionnaire '{qid}' is version {q.version!r}, not {version!r}")
    answers_tables = data.get("answers")
    if not isinstance(answers_tables, dict):
        raise InputProblem(f"{path}: missing [answers]")
    comments = data.get("comments", {})
    for qid, table in comments.items():
        if qid not in versions:
            raise InputProblem(f"{path}: [comments.{qid}] is not listed in [questionnaires]")
        for item_id, text in table.items():
            if item_id not in questionnaires[qid].items and item_id not in questionnaires[qid].open_items:
                raise InputProblem(f"{path}: [comments.{qid}]: no item '{item_id}'")
            if not isinstance(text, str):
                raise InputProblem(f"{path}: [comments.{qid}]: '{item_id}' must be a string")

    key = (partnership, period)
    group = groups.get(key)
    if group is None:
        group = groups[key] = Group(questionnaires.values())
    if who.get("status") == "incomplete":
        group.incomplete += 1
        return True
    seen = group.respondents.get(rid)
    if seen is None:
        seen = group.respondents[rid] = [role, set()]
    elif seen[0] != role:
        raise InputProblem(f"{path}: respondent '{rid}' has two roles")
    role_dims = group.role_dims.get(role)
    if role_dims is None:
        role_dims = group.role_dims[role] = {q.id: [Stats() for _ in q.dimensions] for q in questionnaires.values()}

    for qid, answers in answers_tables.items():
        if qid not in versions:
            raise InputProblem(f"{path}: [answers.{qid}] is not listed in [questionnaires]")
        if qid in seen[1]:
            raise InputProblem(f"{path}: respondent '{rid}' answers '{qid}' a second time")
        seen[1].add(qid)
        group.q_respondents[qid] += 1
        q = questionnaires[qid]
        item_stats = group.items[qid]
        # Per dimension: item scores by position (None: not answered), weighted sum, weight sum, answered count.
        scores = [[None] * len(w) for w in q.dim_items]
        weighted = [0.0] * len(q.dimensions)
        weights = [0.0] * len(q.dimensions)
        answered = [0] * len(q.dimensions)
        for item_id, value in answers.items():
            spec = q.items.get(item_id)
            if spec is None:
                if item_id in q.open_items and isinstance(value, str):
                    continue
                raise InputProblem(f"{path}: [answers.{qid}]: no scored item '{item_id}'")
            d, position, low, span, reverse, weight, allow_na = spec
            if type(value) is int:
                if value < low or value > low + span:
                    raise InputProblem(f"{path}: [answers.{qid}]: '{item_id}' = {value} is off the scale")
                score = ((low + low + span - value) - low if reverse else value - low) / span * 100.0
                item_stats[item_id].add(score)
                scores[d][position] = score
                weighted[d] += weight * score
                weights[d] += weight
                answered[d] += 1
            elif value == "na" and allow_na:
                group.items_na[qid][item_id] += 1
            else:
                raise InputProblem(f"{path}: [answers.{qid}]: '{item_id}' must be a whole number or \"na\"")
        dims = group.dims[qid]
        roles = role_dims[qid]
        for d, item_weights in enumerate(q.dim_items):
            k = len(item_weights)
            if answered[d] == 0 or answered[d] * 2 < k:
                group.missing_dimension_scores += 1
                continue
            value = weighted[d] / weights[d]
            dims[d].add(value)
            roles[d].add(value)
            if answered[d] == k:
                alpha_items = group.alpha_items[qid][d]
                for position, score in enumerate(scores[d]):
                    alpha_items[position].add(score)
                group.alpha_totals[qid][d].add(sum(scores[d]))
    return True


def alpha(items, totals, min_respondents):
    k = len(items)
    if k < 2 or totals.n < max(min_respondents, 2):
        return None
    total_variance = totals.variance()
    if not total_variance or total_variance <= 1e-12:
        return None
    return k / (k - 1) * (1.0 - sum(i.variance() or 0.0 for i in items) / total_variance)


def finish_group(key, group, questionnaires, options):
    min_group = max(options.min_group, 1)
    role_counts = {}
    for role, _ in group.respondents.values():
        role_counts[role] = role_counts.get(role, 0) + 1
    out = {"partnership": key[0], "period": key[1], "respondents": len(group.respondents),
           "incomplete_skipped": group.incomplete, "overall": {"index": None, "band": None},
           "dimensions": [], "roles": [], "gaps": [], "withheld_roles": [], "attention_items": []}
    if len(group.respondents) < min_group:
        out["withheld"] = True
        return out
    shown = sorted(r for r, n in role_counts.items() if n >= min_group)
    out["withheld_roles"] = [{"role": r, "n": n} for r, n in sorted(role_counts.items()) if n < min_group]
    roles_out = {r: {"role": r, "n": role_counts[r], "dimensions": []} for r in shown}
    indexes = []
    items = []
    for qid in sorted(questionnaires):
        if group.q_respondents[qid] == 0:
            continue
        q = questionnaires[qid]
        for d, dim_id in enumerate(q.dimensions):
            stats = group.dims[qid][d]
            entry = {"questionnaire": qid, "id": dim_id, "index": None, "scale_mean": None, "n": stats.n, "sd": None,
                     "alpha": None, "band": None}
            if stats.n >= min_group:
                index = stats.mean()
                variance = stats.variance()
                entry["index"] = index
                entry["sd"] = math.sqrt(variance) if variance is not None else None
                entry["alpha"] = alpha(group.alpha_items[qid][d], group.alpha_totals[qid][d], max(min_group, 3))
                if len(q.dim_scales[d]) == 1:
                    low, high = next(iter(q.dim_scales[d]))
                    entry["scale_mean"] = low + index / 100.0 * (high - low)
                entry["band"] = q.band(index)[0]
                indexes.append(index)
            out["dimensions"].append(entry)
            role_indexes = {}
            for r in shown:
                cell = group.role_dims[r][qid][d]
                index = cell.mean() if stats.n >= min_group and cell.n >= min_group else None
                roles_out[r]["dimensions"].append({"questionnaire": qid, "id": dim_id, "index": index})
                if index is not None:
                    role_indexes[r] = index
            printed = [as_printed(i) for i in role_indexes.values()]
            gap = as_printed(max(printed) - min(printed)) if len(printed) >= 2 else None
            out["gaps"].append({"questionnaire": qid, "dimension": dim_id, "gap": gap,
                                "flagged": gap is not None and gap >= options.gap_threshold})
        for item_id in q.item_order:
            stats = group.items[qid][item_id]
            if stats.n < min_group:
                continue
            variance = stats.variance()
            items.append({"questionnaire": qid, "id": item_id, "n": stats.n, "na": group.items_na[qid][item_id],
                          "index": stats.mean(), "sd": math.sqrt(variance) if variance is not None else None})
    out["roles"] = [roles_out[r] for r in shown]
    if indexes:
        overall = sum(indexes) / len(indexes)
        out["overall"] = {"index": overall, "band": next(iter(questionnaires.values())).band(overall)[0]}
    items.sort(key=lambda i: i["index"])
    out["attention_items"] = items[:options.attention_items]
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("responses", nargs="+")
    parser.add_argument("--questionnaires", default="questionnaires")
    parser.add_argument("--gap-threshold", type=float, default=15.0)
    parser.add_argument("--min-group", type=int, default=3)
    parser.add_argument("--attention-items", type=int, default=5)
    options = parser.parse_args()

    questionnaires = load_questionnaires(options.questionnaires)
    if not questionnaires:
        sys.exit(f"score_tomllib.py: no questionnaire in {options.questionnaires}")
    groups = {}
    files = 0
    try:
        for path in toml_files(options.responses):
            files += score_file(path, questionnaires, groups)
    except (InputProblem, tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as error:
        sys.exit(f"score_tomllib.py: {error}")
    result = {"files": files,
              "groups": [finish_group(key, groups[key], questionnaires, options) for key in sorted(groups)]}
    json.dump(result, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
