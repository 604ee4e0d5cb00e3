#!/usr/bin/env python3
"""Runs the shell commands of README.md and docs/*.md as a reader of a fresh clone would.

    test_docs_commands.py SOURCE_DIR BUILD_DIR [FILE.md...]

Every fenced ```sh block is run, each command on its own, in the order of the file, in a
fresh directory per file that holds what a clone has after `./run.sh build`: corpus/ and
build/ (the build under test). PATH starts with the build's tool directories, so
`akhbar-search` works as after `cmake --install`; HOME is a fresh directory and AKHBAR_DB is
unset, so the tools' default database is new too. `./run.sh` is the source tree's, building
in BUILD_DIR.

In a block, a line starting `$ ` is a command and the lines under it, up to the next `$ `,
its standard output as the doc shows it, line for line; a last line `…` shows that the output
goes on, and then only the lines above it are compared. In a block without `$ `, every line
is a command (a line ending with `\\` or `|` goes on to the next). A command must exit 0.

A block that cannot run here is marked on the line before its fence:
    <!-- not run: REASON -->
(a server that must be running, a path on another host, a long benchmark). Files in
NOT_RUN below are not read at all. A failure names FILE:LINE and the command.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# Whole files whose commands are measurements (minutes to hours, ../shared's data) and that
# this test must not edit to mark: the benchmarks own them.
NOT_RUN = {
    "docs/benchmarks.md": "benchmarks beside Lucene: hours, ../shared/peers",
    "docs/relevance.md": "the relevance runs: hours, ../shared/data",
}
MARKER = re.compile(r"^\s*<!--\s*not run:\s*(.+?)\s*-->\s*$")
FENCE = re.compile(r"^(\s*)```(\S*)\s*$")
TOOL_DIRS = ("searcher", "indexer", "common", "server")
TIMEOUT_SECONDS = 300


class Command:
    def __init__(self, line, text):
        self.line = line  # 1-based, in the file
        self.text = text
        self.expected = None  # the output lines the doc shows, if it shows any


def blocks(path):
    """Yields (fence line, marker reason or None, [(line number, text)]) for ```sh blocks."""
    lines = path.read_text(encoding="utf-8").split("\n")
    i = 0
    last_text = ""
    while i < len(lines):
        fence = FENCE.match(lines[i])
        if not fence:
            if lines[i].strip():
                last_text = lines[i]
            i += 1
            continue
        indent, language = fence.group(1), fence.group(2)
        start = i
        body = []
        i += 1
        while i < len(lines) and not re.match(r"^\s*```\s*$", lines[i]):
            body.append((i + 1, lines[i][len(indent):] if lines[i].startswith(indent) else lines[i]))
            i += 1
        i += 1
        marker = MARKER.match(last_text)
        last_text = ""
        if language == "sh":
            yield start + 1, marker.group(1) if marker else None, body


def commands(body):
    """The commands of one block, with the first line of output the doc shows, if any."""
    prompted = any(text.startswith("$ ") for _, text in body)
    result = []
    pending = None  # a command continued on the next line
    for number, text in body:
        if pending is not None:
            pending.text += "\n" + text
            if not continues(text):
                pending = None
            continue
        if prompted and not text.startswith("$ "):
            if result:
                result[-1].expected = (result[-1].expected or []) + [text]
            continue
        command_text = text[2:] if prompted else text
        if not command_text.strip() or command_text.lstrip().startswith("#"):
            continue
        command = Command(number, command_text)
        result.append(command)
        if continues(command_text):
            pending = command
    return result


def continues(text):
    code = text.split(" #", 1)[0].rstrip()
    return code.endswith("\\") or code.endswith("|") or code.endswith("&&")


def environment(source_dir, build_dir, work):
    env = dict(os.environ)
    env.pop("AKHBAR_DB", None)
    env.pop("XDG_DATA_HOME", None)
    env["HOME"] = str(work / "home")
    env["PATH"] = os.pathsep.join(
        [str(build_dir / d) for d in TOOL_DIRS] + [env.get("PATH", "/usr/bin:/bin")])
    # ./run.sh: the source tree's, on the build under test, with its database in the work
    # directory rather than the build's.
    env["BUILD_DIR"] = str(build_dir)
    env["AKHBAR_RUN_SH"] = str(source_dir / "run.sh")
    env["NO_COLOR"] = "1"
    env["LC_ALL"] = "C.UTF-8"
    return env


def run_file(source_dir, build_dir, relative):
    """Runs one file's commands; returns the failures as messages."""
    failures = []
    with tempfile.TemporaryDirectory(prefix="akhbar-docs-") as tmp:
        work = Path(tmp)
        shutil.copytree(source_dir / "corpus", work / "corpus")
        (work / "build").symlink_to(build_dir)
        (work / "home").mkdir()
        env = environment(source_dir, build_dir, work)
        env["AKHBAR_DB_FOR_RUN_SH"] = str(work / "run-sh-corpus.db")
        ran = skipped = 0
        for fence_line, reason, body in blocks(source_dir / relative):
            if reason:
                skipped += 1
                continue
            for command in commands(body):
                ran += 1
                failure = run_command(work, env, relative, command)
                if failure:
                    failures.append(failure)
        print(f"{relative}: {ran} command(s) run, {skipped} block(s) marked not run")
    return failures


def run_command(work, env, relative, command):
    where = f"{relative}:{command.line}"
    script = command.text
    # `./run.sh ...` as written, but the source tree's run.sh (the work directory is not a
    # clone); its database beside the others of this run.
    script = re.sub(r"(^|[\s;&|(])\./run\.sh\b",
                    r'\1AKHBAR_DB="$AKHBAR_DB_FOR_RUN_SH" "$AKHBAR_RUN_SH"', script)
    try:
        done = subprocess.run(["bash", "-o", "pipefail", "-c", script], cwd=work, env=env,
                              stdin=subprocess.DEVNULL, capture_output=True,
                              timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        return f"{where}: `{command.text}` ran for more than {TIMEOUT_SECONDS} s"
    stdout = done.stdout.decode("utf-8", "replace")
    stderr = done.stderr.decode("utf-8", "replace")
    if done.returncode != 0:
        return (f"{where}: `{command.text}` exited {done.returncode}\n"
                + indent("stderr", stderr) + indent("stdout", stdout))
    if command.expected is not None:
        expected = list(command.expected)
        while expected and not expected[-1].strip():
            expected.pop()
        whole = not (expected and expected[-1].strip() == "…")
        if not whole:
            expected.pop()
        got = stdout.rstrip("\n").split("\n") if stdout else []
        compared = got if whole else got[:len(expected)]
        for number, (want, have) in enumerate(zip(expected, compared), 1):
            if want != have:
                return (f"{where}: `{command.text}`: output line {number} is\n    {have}\n"
                        f"  where the doc shows\n    {want}")
        if len(compared) != len(expected):
            return (f"{where}: `{command.text}` prints {len(got)} line(s) where the doc shows "
                    f"{len(expected)}" + ("" if whole else " and more")
                    + "\n" + indent("stdout", stdout))
    return None


def indent(name, text, limit=12):
    lines = text.rstrip("\n").split("\n") if text.strip() else []
    if not lines:
        return ""
    shown = lines[:limit] + ([f"… ({len(lines) - limit} more lines)"] if len(lines) > limit else [])
    return f"  {name}:\n" + "".join(f"    {line}\n" for line in shown)


def main():
    source_dir = Path(sys.argv[1]).resolve()
    build_dir = Path(sys.argv[2]).resolve()
    files = sys.argv[3:] or (["README.md"] + sorted(
        str(p.relative_to(source_dir)) for p in (source_dir / "docs").glob("*.md")))
    failures = []
    for relative in files:
        if relative in NOT_RUN:
            print(f"{relative}: not run ({NOT_RUN[relative]})")
            continue
        failures += run_file(source_dir, build_dir, relative)
    for failure in failures:
        print("FAIL: " + failure, end="" if failure.endswith("\n") else "\n")
    if failures:
        print(f"{len(failures)} command(s) of the docs do not work as written")
        return 1
    print("every command of the docs ran as written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
