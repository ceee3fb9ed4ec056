#!/usr/bin/env python3
r"""Runs one golden case against the real binary and compares stdout, stderr and the exit code together.

    run_golden.py BINARY CASE.test SOURCE_DIR
    UPDATE_GOLDEN=1 run_golden.py ...      rewrites the expected sections of CASE.test with what the run gave

A case is one text file, tests/golden/NAME.test (ctest entry golden.NAME); tests/golden/README.md has examples:

    # What the case checks (lines starting with # and blank lines may come before the first section)
    $ partnerpulse validate a.toml
    <<< file a.toml
    the file's content, written into the work folder (the name may have folders: data/a.toml)
    <<< setup
    bash, run in the work folder before the command, with SOURCE_DIR set to the source tree
    <<< stdin
    fed to the command's standard input (else /dev/null)
    <<< after
    bash, run in the work folder after the command; "--- after ---" and its output (stdout and stderr) join stdout
    >>> stdout
    >>> stderr
    >>> exit 1

- The `$ partnerpulse` line comes once; its arguments are split and expanded by bash in the work folder (quotes,
  globs such as questionnaires/*.toml).
- A marker is a line that starts, at column 0, with `<<<` or `>>>`; every such line must be a valid marker. A
  section's content is every line up to the next marker. A content line that starts with `<<<` or `>>>` after zero
  or more backslashes is written with one backslash more: `\<<<` in the file stands for `<<<`, `\\>>>` for `\>>>`.
- Content ends with its last line's newline. Content with no final newline is marked `noeol` at the end of its
  marker line (`<<< file a.toml noeol`, `>>> stdout noeol`); the case file's own last line then ends it.
- Input sections (<<< file, as many as needed; <<< setup, <<< stdin, <<< after, once each) come first, in any
  order. The expected sections >>> stdout, >>> stderr, >>> exit N come last, all three, in that order.
  UPDATE_GOLDEN=1 rewrites the file from `>>> stdout` on (or appends the three when there are none yet) and leaves
  every byte before it alone.
- Bytes that are not UTF-8, byte-order marks and large inputs are made by `setup` (printf, sed, head, python3), so
  that case files stay plain, reviewable text.

The run is hermetic: a fresh temporary work folder holding copies of questionnaires/ and examples/ from SOURCE_DIR
and the case's files; the command, setup and after see only PATH=/usr/bin:/bin, HOME=<work folder>,
LC_ALL=C.UTF-8, TZ=UTC, NO_COLOR=1 and PARTNERPULSE_SHARE_DIR=/nonexistent/partnerpulse-share (setup and after
also SOURCE_DIR). The command's output is captured in .stdout and .stderr in the work folder, which an `after`
listing therefore shows.
"""

import difflib
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

LINE = re.compile(r"[^\n]*\n|[^\n]+\Z")  # every line with its newline; a last line without one
ESCAPED = re.compile(r"^\\(\\*(?:<<<|>>>))")  # a content line written with one backslash more
NEEDS_ESCAPE = re.compile(r"^(\\*(?:<<<|>>>))", re.MULTILINE)
MARKER = re.compile(r"(?:<<< (?:file (?P<file>\S+)|(?P<input>setup|stdin|after))|>>> (?P<output>stdout|stderr))"
                    r"(?P<noeol> noeol)?|>>> exit (?P<exit>-?[0-9]+)")
EXPECTED = ["stdout", "stderr", "exit"]


class Malformed(Exception):
    def __init__(self, line, message):
        super().__init__(f"{line}: error: {message}")


class Section:
    """One section: its kind (file, setup, stdin, after, stdout, stderr, exit), its name or exit code, its content."""

    def __init__(self, marker, line):
        match = MARKER.fullmatch(marker)
        if not match:
            raise Malformed(line, f"not a section marker: {marker!r} (markers: <<< file NAME, <<< setup, "
                            "<<< stdin, <<< after, >>> stdout, >>> stderr, >>> exit N, the first six optionally "
                            "ending in ' noeol'; a content line starting with <<< or >>> is written with a "
                            "backslash in front)")
        self.direction, self.line, self.content = marker[:3], line, ""
        self.kind = match["input"] or match["output"] or ("file" if match["file"] else "exit")
        self.value = match["file"] or match["exit"] or self.kind  # the file's name, the exit code, or the kind
        self.noeol = bool(match["noeol"])

    def add(self, line):
        if self.kind == "exit":
            raise Malformed(self.line, "nothing may follow `>>> exit N`")
        self.content += ESCAPED.sub(r"\1", line)

    def finish(self):
        if self.noeol:
            if not self.content:
                raise Malformed(self.line, "`noeol` on an empty section")
            self.content = self.content[:-1]


def parse(text):
    """Returns (args, sections, offset of the first `>>>` marker or the end of the text)."""
    if not text.endswith("\n"):
        raise Malformed("end", "the file must end with a newline")
    args, sections, offset, expected_at = None, [], 0, len(text)
    for number, line in enumerate(LINE.findall(text), 1):
        bare = line[:-1]
        if bare.startswith(("<<<", ">>>")):
            section = Section(bare, number)
            if section.direction == "<<<" and expected_at < len(text):
                raise Malformed(number, "input sections (<<<) must come before the expected ones (>>>)")
            if section.direction == ">>>" and expected_at == len(text):
                expected_at = offset
            sections.append(section)
        elif sections:
            sections[-1].add(line)
        elif bare == "$ partnerpulse" or bare.startswith("$ partnerpulse "):
            if args is not None:
                raise Malformed(number, "a second `$ partnerpulse` line")
            args = bare[len("$ partnerpulse"):]
        elif bare and not bare.startswith("#"):
            raise Malformed(number, "before the first section, only # comments, blank lines and the "
                            "`$ partnerpulse ARGS` line may stand")
        offset += len(line)
    if args is None:
        raise Malformed(1, "no `$ partnerpulse ARGS` line")
    seen = set()
    for section in sections:
        section.finish()
        if (section.kind, section.value) in seen:
            raise Malformed(section.line, f"a second `{section.kind}` section for {section.value}")
        seen.add((section.kind, section.value))
        if section.kind == "file" and (section.value.startswith("/") or ".." in section.value.split("/")):
            raise Malformed(section.line, f"a file name must lie inside the work folder: {section.value}")
    expected = [s.kind for s in sections if s.direction == ">>>"]
    if expected and expected != EXPECTED:
        raise Malformed(sections[-1].line, "the expected sections must be >>> stdout, >>> stderr, >>> exit N, "
                        "in that order, once each")
    return args, sections, expected_at


def run_script(script, what, work, env, output=None):
    """Runs a setup or after section with bash; its stderr goes where its stdout goes (by default, ours)."""
    done = subprocess.run(["bash", "-c", script], cwd=work, env=env, stdout=output, stderr=subprocess.STDOUT)
    if done.returncode != 0:
        raise RuntimeError(f"the {what} section failed with exit code {done.returncode}")


def run(binary, args, sections, source_dir):
    """Runs the case in a fresh work folder; returns (stdout, stderr, exit code)."""
    inputs = {s.kind: s.content for s in sections if s.direction == "<<<"}
    with tempfile.TemporaryDirectory(prefix="golden-") as work:
        for folder in ("questionnaires", "examples"):
            shutil.copytree(os.path.join(source_dir, folder), os.path.join(work, folder), symlinks=True)
        for section in sections:
            if section.kind == "file":
                path = os.path.join(work, section.value)
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "w", encoding="utf-8", errors="surrogateescape", newline="") as out:
                    out.write(section.content)
        env = {"PATH": "/usr/bin:/bin", "HOME": work, "LC_ALL": "C.UTF-8", "TZ": "UTC", "NO_COLOR": "1",
               "PARTNERPULSE_SHARE_DIR": "/nonexistent/partnerpulse-share"}
        scripts_env = dict(env, SOURCE_DIR=source_dir)
        if "setup" in inputs:
            run_script(inputs["setup"], "setup", work, scripts_env)
        # bash splits and expands the arguments ($1) in the work folder; `env -i` then starts the binary ($0) with
        # the fixed environment and nothing that bash adds to it.
        fixed = " ".join(shlex.quote(f"{name}={value}") for name, value in env.items())
        command = f'eval "set -- $1"; exec env -i {fixed} "$0" "$@"'
        stdin = inputs.get("stdin")
        feed = {"stdin": subprocess.DEVNULL} if stdin is None else {"input": stdin.encode("utf-8", "surrogateescape")}
        with open(os.path.join(work, ".stdout"), "wb") as out, open(os.path.join(work, ".stderr"), "wb") as err:
            code = subprocess.run(["bash", "-c", command, binary, args], cwd=work, env=env, stdout=out, stderr=err,
                                  **feed).returncode
        if "after" in inputs:
            with open(os.path.join(work, ".stdout"), "ab") as out:
                out.write(b"--- after ---\n")
                out.flush()
                run_script(inputs["after"], "after", work, scripts_env, out)
        outputs = []
        for stream in (".stdout", ".stderr"):
            with open(os.path.join(work, stream), encoding="utf-8", errors="surrogateescape", newline="") as got:
                outputs.append(got.read())
        return outputs[0], outputs[1], code


def section_text(marker, content):
    """A section as it stands in a case file: the marker (with noeol when needed), then the escaped content."""
    noeol = content != "" and not content.endswith("\n")
    body = NEEDS_ESCAPE.sub(r"\\\1", content)
    return marker + (" noeol\n" if noeol else "\n") + body + ("\n" if noeol else "")


def show_difference(stream, expected, actual):
    if expected == actual:
        return True
    print(f"{stream} differs:")
    for line in difflib.unified_diff(expected.split("\n"), actual.split("\n"), f"expected {stream}",
                                     f"actual {stream}", lineterm=""):
        print(line)
    if expected.rstrip("\n") == actual.rstrip("\n"):
        print("(only the newlines at the end differ)")
    return False


def main():
    binary, case_path, source_dir = sys.argv[1:4]
    with open(case_path, encoding="utf-8", errors="surrogateescape", newline="") as case_file:
        text = case_file.read()
    try:
        args, sections, expected_at = parse(text)
    except Malformed as problem:
        print(f"{case_path}:{problem}")
        return 2
    expected = {s.kind: s for s in sections if s.direction == ">>>"}
    update = os.environ.get("UPDATE_GOLDEN") == "1"
    if not expected and not update:
        print(f"{case_path}: no expected sections yet; UPDATE_GOLDEN=1 writes them from a run")
        return 2
    try:
        stdout, stderr, code = run(binary, args, sections, source_dir)
    except RuntimeError as problem:
        print(f"{case_path}: {problem}")
        return 1
    if update:
        updated = text[:expected_at] + section_text(">>> stdout", stdout) + section_text(">>> stderr", stderr) + \
            f">>> exit {code}\n"
        if updated != text:
            with open(case_path, "w", encoding="utf-8", errors="surrogateescape", newline="") as case_file:
                case_file.write(updated)
        print(f"{'updated' if updated != text else 'unchanged'}: {case_path}")
        return 0
    ok = show_difference("stdout", expected["stdout"].content, stdout)
    ok = show_difference("stderr", expected["stderr"].content, stderr) and ok
    if code != int(expected["exit"].value):
        print(f"exit code: expected {expected['exit'].value}, got {code}")
        ok = False
    if not ok:
        print(f"{case_path}: failed (UPDATE_GOLDEN=1 rewrites its expected sections when the change is intended)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
