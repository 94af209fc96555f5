"""The README never lies: run every `$ ...` command block of README.md and
compare its output with what the README shows (a cram-style test).

Usage: run_readme.py PROVCHECK README.md REPO_ROOT [--update]

The rules (CONTRIBUTING.md, "README examples", says the same for people):

- A command is a line whose first non-blank characters are `$ ` inside a
  code block (indented by four or more spaces, or fenced with ```), in
  README order. The lines after it, up to the next `$ ` line or the end of
  the block, are its shown output (stdout and stderr together, as a
  terminal shows them). A line of the block that starts with `> ` after a
  command continues it (a here-document).
- Every command runs with bash in ONE workspace, in README order: a fresh
  copy of the bundled example workspace (sources/, claims/, provcheck.json
  at the repository root) in a temporary folder, with the built provcheck
  first on PATH, NO_COLOR=1, TZ=UTC and SOURCE_DATE_EPOCH unset. So a block
  may use what an earlier block created (`$ provcheck source add
  harbour.txt`, then `$ provcheck figures harbour`).
- A command whose line ends with `# not checked: REASON` is neither run nor
  compared (a URL capture, a drifted workspace of another section); the
  reason must not be empty. This is the only way to leave a block out.
- Exit codes are not compared unless the shown output ends with a line
  `[N]` (cram's convention): then the exit code must be N.
- Masks, applied to both sides before comparing:
  ISO 8601 date-times (2026-12-04T16:02:17Z, with or without seconds,
  fractions and zone) become <TIME>; durations (12 ms, 0.8 s, 1.5s) become
  <DURATION>; absolute paths (/tmp/provcheck-readme.x1/ws/notes.txt,
  /home/me/story) become <PATH>, so a README may show any; run ids ("run
  12", "run #12", "\"run\": 12") become run <N>; trailing blanks are
  dropped. Dates (2016-12-07) are not masked: they are data.
- A shown line ending in ` (glob)` matches with `*` as any run of
  characters and `?` as one; ` (re)` matches as a Python regular expression
  (the whole line). Use them sparingly, for output that is truly volatile.

Exit 0 when every command's output matches; 1 with, for each mismatch, the
README line, the command and a unified diff (shown vs actual). With
--update, the shown output of mismatching commands is replaced in README.md
by the actual output (masked lines stay as the tool printed them).
"""

import difflib
import fnmatch
import os
import re
import shutil
import subprocess
import sys
import tempfile

FENCE = re.compile(r"^\s*```")
COMMAND = re.compile(r"^(\s*)\$ (.*)$")
NOT_CHECKED = re.compile(r"#\s*not checked:\s*(.*)$")
EXIT = re.compile(r"^\[(\d+)\]$")

MASKS = [
    (re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?"), "<TIME>"),
    (re.compile(r"\b\d+(\.\d+)? ?(ms|µs|us|s)\b"), "<DURATION>"),
    (re.compile(r"(?<![\w.:/~-])/[\w.+-]+(?:/[\w.+-]*)*"), "<PATH>"),
    (re.compile(r"\brun #?\d+\b"), "run <N>"),
    (re.compile(r'"run": ?\d+'), '"run": <N>'),
]


class Command:
    def __init__(self, line_no, indent, text):
        self.line_no = line_no  # 1-based line of the `$ ` line in README.md
        self.indent = indent
        self.text = text
        self.shown = []  # the shown output lines, indentation removed
        self.first_out = line_no  # 0-based index of the first output line
        self.skip_reason = None


def blocks(lines):
    """Commands in README order, with their shown output."""
    commands = []
    in_fence = False
    current = None
    prev_blank = True
    for i, raw in enumerate(lines):
        line = raw.rstrip("\n")
        if FENCE.match(line):
            in_fence = not in_fence
            current = None
            continue
        indented = line.startswith("    ") or line.startswith("\t")
        in_block = in_fence or (indented and (current is not None or prev_blank or line.strip().startswith("$ ")))
        if not line.strip():
            # A blank line ends an indented block's command output only when
            # the block itself ends (the next non-blank line is not indented).
            prev_blank = True
            if current is not None and not in_fence:
                rest = next((l for l in lines[i + 1:] if l.strip()), "")
                if not (rest.startswith("    ") or rest.startswith("\t")):
                    current = None
                else:
                    current.shown.append("")
            elif current is not None:
                current.shown.append("")
            continue
        prev_blank = False
        if not in_block:
            current = None
            continue
        m = COMMAND.match(line)
        if m:
            current = Command(i + 1, m.group(1), m.group(2))
            current.first_out = i + 1
            nc = NOT_CHECKED.search(current.text)
            if nc:
                current.skip_reason = nc.group(1).strip()
            commands.append(current)
            continue
        if current is None:
            continue
        body = line[len(current.indent):] if line.startswith(current.indent) else line.lstrip()
        if body.startswith("> ") and not current.shown:
            current.text += "\n" + body[2:]
            current.first_out = i + 1
            continue
        current.shown.append(body)
    for c in commands:
        while c.shown and c.shown[-1] == "":
            c.shown.pop()
    return commands


def mask(line, workspace):
    line = line.rstrip()
    for where in {workspace, os.path.realpath(workspace)}:
        line = line.replace(where, "/workspace")
    for pattern, repl in MASKS:
        line = pattern.sub(repl, line)
    return line


def matches(shown, actual):
    if shown.endswith(" (glob)"):
        return fnmatch.fnmatchcase(actual, shown[: -len(" (glob)")])
    if shown.endswith(" (re)"):
        return re.fullmatch(shown[: -len(" (re)")], actual) is not None
    return shown == actual


def compare(shown, actual, workspace):
    want = [mask(l, workspace) for l in shown]
    got = [mask(l, workspace) for l in actual]
    if len(want) != len(got):
        return False, want, got
    return all(matches(w, g) for w, g in zip(want, got)), want, got


def make_workspace(repo):
    tmp = tempfile.mkdtemp(prefix="provcheck-readme.")
    ws = os.path.join(tmp, "ws")
    os.mkdir(ws)
    for name in ("sources", "claims"):
        shutil.copytree(os.path.join(repo, name), os.path.join(ws, name))
    shutil.copy(os.path.join(repo, "provcheck.json"), ws)
    return tmp, ws


def run(command, ws, env):
    p = subprocess.run(["bash", "-c", command], cwd=ws, env=env, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, timeout=120)
    out = p.stdout.decode("utf-8", "replace").split("\n")
    if out and out[-1] == "":
        out.pop()
    return p.returncode, out


def main(argv):
    if len(argv) < 4:
        print(__doc__.splitlines()[2], file=sys.stderr)
        return 2
    provcheck, readme, repo = (os.path.realpath(a) for a in argv[1:4])
    update = "--update" in argv[4:]
    with open(readme, encoding="utf-8") as f:
        lines = f.readlines()
    commands = blocks(lines)
    if not commands:
        print(f"{readme}: no `$ ` command blocks found", file=sys.stderr)
        return 1
    tmp, ws = make_workspace(repo)
    bindir = os.path.join(tmp, "bin")
    os.mkdir(bindir)
    os.symlink(provcheck, os.path.join(bindir, "provcheck"))
    env = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "PROVCHECK_STORE", "CLICOLOR_FORCE")}
    env.update({"PATH": bindir + os.pathsep + env.get("PATH", "/usr/bin:/bin"), "NO_COLOR": "1", "TZ": "UTC",
                "LC_ALL": "C.UTF-8", "HOME": tmp})
    failures, checked, skipped = [], 0, 0
    replacements = []  # (first output index, count of shown lines, indent, new lines)
    try:
        for c in commands:
            if c.skip_reason is not None:
                if not c.skip_reason:
                    failures.append(f"README.md:{c.line_no}: `$ {c.text}`: '# not checked:' needs a reason")
                skipped += 1
                continue
            checked += 1
            rc, actual = run(c.text, ws, env)
            shown = list(c.shown)
            want_rc = None
            if shown and EXIT.match(shown[-1]):
                want_rc = int(EXIT.match(shown[-1]).group(1))
                shown.pop()
            ok, want, got = compare(shown, actual, ws)
            if ok and (want_rc is None or want_rc == rc):
                continue
            diff = "\n".join(difflib.unified_diff(want, got, "README.md (shown, masked)", "actual (masked)",
                                                  lineterm="", n=2))
            rc_note = f"\nexit code {rc}, the README shows [{want_rc}]" if want_rc is not None and want_rc != rc else ""
            failures.append(f"README.md:{c.line_no}: $ {c.text}\n{diff}{rc_note}")
            new = actual + ([f"[{rc}]"] if want_rc is not None else [])
            replacements.append((c.first_out, len(c.shown), c.indent, new))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if update and replacements:
        for first, count, indent, new in sorted(replacements, reverse=True):
            lines[first:first + count] = [(indent + l).rstrip() + "\n" for l in new]
        with open(readme, "w", encoding="utf-8") as f:
            f.writelines(lines)
        print(f"updated the shown output of {len(replacements)} command(s) in {readme}; review the diff")
    summary = f"{checked} README commands run, {skipped} marked not checked, {len(failures)} failing"
    if failures:
        print("\n\n".join(failures), file=sys.stderr)
        print("\n" + summary + "\nto see the actual output in place: tests/readme/run_readme.py "
              "build/provcheck README.md . --update, then review `git diff README.md`", file=sys.stderr)
        return 0 if update else 1
    print(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
