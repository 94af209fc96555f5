# Hostile input in the CI formats, through the real binary: a source whose
# text holds a line break followed by a GitHub workflow command, `%`, `::`
# and control characters (\x01, \x0b, ESC), a title and claim text holding
# commands too, and a claims file whose NAME holds a line break, `::`, `%`
# and `,`. The quoted passage then changes, so every finding carries the
# hostile words in its message and diff. `check --format github` must give
# exactly one workflow command per finding, each on one line, with only the
# file, line and title properties, and the data must decode (as GitHub's
# runner does) to the original text; `check --format junit` must be
# well-formed XML (expat) with the file name read back intact.
. "$(dirname "$0")/../lib.sh" || exit 1
setup_ws
printf 'Intro line.\nThe count was 100%% final, said the clerk\n::error file=x.json,line=1::injected \x01 bell\x0b and \x1b[31m end of it.\nClosing line.\n' >"$TMP/h.txt"
pc_ok source add --allow-outside "$TMP/h.txt" --id hostile --title $'Title\n::error::pwned %0A'
QUOTE=$'100% final, said the clerk\n::error file=x.json,line=1::injected \x01 bell'
pc_ok claim add --source hostile --quote "$QUOTE" --id h1 --text $'Claim text\n::warning::pwned'
ODD=$'claims/odd::name%0A,x\n::error::y.json'
sed 's/"h1"/"h2"/' claims/claims.json >"$ODD" || fail "cannot write $ODD"
pc_ok check
# The passage changes: both citations become `modified`, with the hostile words in their diff.
sed -i 's/said the clerk/said the clerks/' sources/hostile.txt
pc check --format github
expect_rc 0
py - "$TMP/out" "$ODD" <<'PY' || fail "GitHub annotations are not what the runner must see (above)"
import re, sys
out = open(sys.argv[1], "rb").read().decode("utf-8")
odd = sys.argv[2]
# GitHub's runner reads one command per line (\n, \r or \r\n end a line).
lines = re.split(r"\r\n|\r|\n", out.rstrip("\n"))
commands = [l for l in lines if l.startswith("::")]
others = [l for l in lines if not l.startswith("::")]
assert len(commands) == 2, f"expected 2 workflow commands, got {len(commands)}: {lines}"
assert len(others) == 1 and others[0].startswith("provcheck: 2 claims"), others
unescape = lambda s: s.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")
files = []
for c in commands:
    # As the runner parses it: the command runs to the first "::" after the
    # leading one; its name ends at the first space; the data follows.
    end = c.find("::", 2)
    assert end > 0, f"malformed command: {c!r}"
    name, _, props = c[2:end].partition(" ")
    assert name in ("error", "warning", "notice"), c
    props = dict(p.split("=", 1) for p in props.split(","))
    assert set(props) <= {"file", "line", "title"}, props
    files.append(unescape(props["file"]))
    data = unescape(c[end + 2:])
    assert "::error file=x.json,line=1::injected" in data, data
    assert "100% final" in data, data
assert sorted(files) == sorted(["claims/claims.json", odd]), files
PY
pc check --format junit
expect_rc 0
py - "$TMP/out" "$ODD" <<'PY' || fail "JUnit XML is not well-formed or lost the file name (above)"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()   # expat: fails on any character XML 1.0 forbids
cases = list(root.iter("testcase"))
assert len(cases) == 2, len(cases)
assert sorted(c.get("file") for c in cases) == sorted(["claims/claims.json", sys.argv[2]]), [c.get("file") for c in cases]
text = "".join(e.text or "" for c in cases for e in c)
assert "::error file=x.json,line=1::injected" in text, text
PY
