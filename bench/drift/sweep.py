#!/usr/bin/env python3
"""Threshold sweep for bench/drift (standard library only).

    sweep.py [--set DIR] [--provcheck PATH] [--out FILE] [NAME=V1,V2,... ...]

Runs `provcheck locate --threshold NAME=V` over a generated set (the default
set of run.sh, which must exist: run bench/drift/run.sh once) for each value
of each threshold in turn, the others at their defaults, and prints what each
value costs: accuracy over all cases, the lowest class accuracy and its class,
figure changes silently accepted, corrected passages that jumped to a stale
copy, and false alarms (an error status where the truth is ok or a warning).
The defaults in src/core/anchor.h are the values this sweep justifies; the
table of the last sweep is in bench/README.md. Without NAME=... arguments it
sweeps every threshold over a grid around its default.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import score  # noqa: E402  (the scorer's own rules of right and wrong)

GRID = {
    "context_accept": [0.3, 0.4, 0.5, 0.6, 0.75],
    "context_unique_accept": [0.1, 0.25, 0.4],
    "distinctive_quote_bytes": [20, 40, 80],
    "fuzzy_budget": [0.2, 0.25, 0.3, 0.4],
    "fuzzy_similar": [0.6, 0.7, 0.75, 0.8, 0.85],
    "fuzzy_context": [0.1, 0.25, 0.4],
    "fuzzy_alone": [0.8, 0.85, 0.9, 0.95],
    "fuzzy_tie": [0.0, 0.02, 0.05, 0.1],
}
DEFAULTS = {"context_accept": 0.5, "context_unique_accept": 0.25, "distinctive_quote_bytes": 40,
            "fuzzy_budget": 0.3, "fuzzy_similar": 0.75, "fuzzy_context": 0.25, "fuzzy_alone": 0.9,
            "fuzzy_tie": 0.02}
ERRORS = {"figure_changed", "ambiguous", "missing", "source_missing"}


def run(provcheck: str, selectors: Path, overrides: list[str]) -> dict:
    cmd = [provcheck, "locate", str(selectors)]
    for o in overrides:
        cmd += ["--threshold", o]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return {r["id"]: r for r in (json.loads(line) for line in out.splitlines() if line.strip())}


def measure(truth: list[dict], got: dict) -> dict:
    per_class = defaultdict(lambda: [0, 0])
    silent_figures = jumps = false_alarms = 0
    for tr in truth:
        g = got.get(tr["id"])
        _, ok = score.judge(tr, g)
        per_class[tr["class"]][0] += ok
        per_class[tr["class"]][1] += 1
        rep = g.get("status") if g else None
        if tr["status"] == "figure_changed" and rep in score.MILD:
            silent_figures += 1
        if tr["class"] in score.STALE_CLASSES and rep in score.SILENT:
            jumps += 1
        if tr["status"] not in ERRORS and rep in ERRORS:
            false_alarms += 1
    acc = {c: ok / n for c, (ok, n) in per_class.items()}
    worst = min(acc, key=acc.get)
    return {"all": sum(ok for ok, _ in per_class.values()) / len(truth), "worst_class": worst,
            "worst": acc[worst], "silent_figures": silent_figures, "stale_jumps": jumps,
            "false_alarms": false_alarms}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", default=str(score.DEFAULT_WORK / "default"))
    ap.add_argument("--provcheck", default=str(score.REPO / "build" / "provcheck"))
    ap.add_argument("--out", help="also write the rows as JSON to FILE")
    ap.add_argument("sweeps", nargs="*", help="NAME=V1,V2,... (default: every threshold over its grid)")
    a = ap.parse_args()
    d = Path(a.set)
    if not (d / "selectors.jsonl").exists():
        print(f"sweep.py: no set in {d}; run bench/drift/run.sh first", file=sys.stderr)
        return 2
    grid = GRID
    if a.sweeps:
        grid = {}
        for s in a.sweeps:
            name, _, values = s.partition("=")
            grid[name] = [float(v) for v in values.split(",") if v]
    truth = score.read_jsonl(d / "truth.jsonl")
    rows = []
    print(f"{'threshold':<26}{'value':>7}{'all %':>8}{'worst %':>9}  {'worst class':<28}"
          f"{'silent fig':>10}{'jumps':>7}{'false alarms':>13}")
    for name, values in grid.items():
        for v in values:
            val = int(v) if name.endswith("_bytes") or name.endswith("_quote") else v
            m = measure(truth, run(a.provcheck, d / "selectors.jsonl", [f"{name}={val}"]))
            mark = "  <- default" if DEFAULTS.get(name) == val else ""
            print(f"{name:<26}{val:>7}{100 * m['all']:>8.2f}{100 * m['worst']:>9.1f}  {m['worst_class']:<28}"
                  f"{m['silent_figures']:>10}{m['stale_jumps']:>7}{m['false_alarms']:>13}{mark}")
            rows.append({"threshold": name, "value": val, **m})
    if a.out:
        Path(a.out).write_text(json.dumps(rows, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
