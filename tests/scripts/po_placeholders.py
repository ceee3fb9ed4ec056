#!/usr/bin/env python3
"""Checks that every translation in the given .po files keeps the {fmt} placeholders of its msgid.

  po_placeholders.py FILE.po...

A placeholder is {} or {N}, with an optional format spec ({:02X}); {{ and }} are literal braces. Automatic {} are
numbered in order, so "{} of {}" and "{1} sur {0}"... must use the same arguments with the same specs: a translation
may reorder with numbered placeholders but never drop, add or change one. In a plural entry a form may leave out
the count, as English "one priority" / "{} priorities" does: each form must use every placeholder that both English
forms use, and no placeholder that neither uses.
Exit 0: all agree; 1: a mismatch or an unreadable entry (each printed as FILE:LINE: message)."""
import re
import sys

PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")


def placeholders(text):
    """The set of (argument index, format spec) `text` uses, or an error message."""
    found, automatic, manual = set(), 0, False
    for match in PLACEHOLDER.finditer(text):
        if match.group(0) in ("{{", "}}"):
            continue
        field = match.group(1)
        name, _, spec = field.partition(":")
        if name == "":
            if manual:
                return "mixes automatic {} and numbered {N} placeholders"
            found.add((automatic, spec))
            automatic += 1
        elif name.isdigit():
            if automatic:
                return "mixes automatic {} and numbered {N} placeholders"
            manual = True
            found.add((int(name), spec))
        else:
            return f"has a named placeholder {{{field}}}, which the messages never use"
    stray = PLACEHOLDER.sub("", text)
    if "{" in stray or "}" in stray:
        return "has a lone brace (write {{ or }} for a literal one)"
    return found


def unquote(line):
    body = line[line.index('"') + 1:line.rindex('"')]
    return re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), body)


def entries(path):
    """(line, fields) for each entry; fields maps msgid, msgid_plural, msgstr, msgstr[N] to text."""
    current, last, start = {}, None, 0
    with open(path, encoding="utf-8") as file:
        for number, raw in enumerate(file, 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                if current and not line:
                    yield start, current
                    current, last = {}, None
                continue
            keyword = re.match(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+\"", line)
            if keyword:
                if not current:
                    start = number
                last = keyword.group(1)
                current[last] = unquote(line)
            elif line.startswith('"') and last:
                current[last] += unquote(line)
    if current:
        yield start, current


def check(path):
    problems = 0
    for line, fields in entries(path):
        msgid = fields.get("msgid", "")
        if msgid == "":
            continue  # the header
        expected = placeholders(msgid)
        if isinstance(expected, str):
            print(f"{path}:{line}: msgid {expected}: {msgid!r}")
            problems += 1
            continue
        required, allowed = expected, expected
        plural = fields.get("msgid_plural")
        if plural is not None:
            plural_expected = placeholders(plural)
            if isinstance(plural_expected, str):
                print(f"{path}:{line}: msgid_plural {plural_expected}: {plural!r}")
                problems += 1
                continue
            required, allowed = expected & plural_expected, expected | plural_expected
        for key, text in fields.items():
            if not key.startswith("msgstr") or text == "":
                continue
            got = placeholders(text)
            if isinstance(got, str) or not (required <= got <= allowed):
                why = got if isinstance(got, str) else "has other placeholders than its msgid"
                print(f"{path}:{line}: {key} {why}: {msgid!r} -> {text!r}")
                problems += 1
    return problems


def main(paths):
    problems = sum(check(path) for path in paths)
    print(f"{len(paths)} file(s) checked, {problems} placeholder problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
