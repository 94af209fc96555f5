#!/usr/bin/env python3
"""Scorer for bench/drift (standard library only).

    score.py summarize --set NAME=DIR [--set NAME=DIR] --out last-run.json ...
        per-class accuracy of provcheck and the peer side by side, the
        figure changes each one silently accepted, the corrected passages
        each one let jump to a stale copy, quotes per second, the targets;
        writes last-run.json. DIR is a set made by gen.py, with run.sh's
        results in DIR/out/ (provcheck.jsonl, peer.jsonl, timing.json).
    score.py show ID [--set DIR]
        one case by hand: its selector, its truth, both verdicts, and the
        changed text at each of those places (and the original's, when the
        set has originals).
    score.py list [--set DIR] [--tool provcheck|peer] [--class C] [--limit N]
        the cases a tool got wrong.

A verdict is correct when its status is the truth's and it is in the right
place: for intact, moved and normalized the exact byte span; for modified and
figure_changed a span overlapping the true one by at least half of their
union (fuzzy matchers may disagree on the edges of a reworded passage); for
ambiguous, missing and source_missing the status alone.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
DEFAULT_WORK = Path("/tmp/provcheck-bench-drift")
TOOLS = ("provcheck", "peer")
STATUSES = ["intact", "moved", "normalized", "modified", "figure_changed", "ambiguous",
            "missing", "source_missing"]
MILD = {"intact", "moved", "normalized", "modified"}      # never right for a changed figure
SILENT = {"intact", "moved", "normalized"}                 # "nothing to see" for a corrected passage
STALE_CLASSES = {"replaced_stale_copy", "corrected_stale_copy", "corrected_figure_stale_copy"}
TARGETS = {"min_class_accuracy": 0.99, "speedup": 10.0, "figures_accepted": 0}


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def iou(a: tuple, b: tuple) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union > 0 else 0.0


def judge(truth: dict, got: dict | None) -> tuple[bool, bool]:
    """(status right, status and place right)."""
    if got is None:
        return False, False
    if got.get("status") != truth["status"]:
        return False, False
    st = truth["status"]
    if st in ("intact", "moved", "normalized"):
        return True, (got.get("start"), got.get("end")) == (truth["start"], truth["end"])
    if st in ("modified", "figure_changed"):
        if got.get("start") is None or got.get("end") is None:
            return True, False
        return True, iou((got["start"], got["end"]), (truth["start"], truth["end"])) >= 0.5
    return True, True


def class_order(params: dict) -> list[str]:
    return list(params.get("classes", [])) + ["bystander"]


def score_set(name: str, d: Path) -> dict:
    params = json.loads((d / "params.json").read_text())
    truth = read_jsonl(d / "truth.jsonl")
    outs = {}
    for tool in TOOLS:
        p = d / "out" / f"{tool}.jsonl"
        outs[tool] = {r["id"]: r for r in read_jsonl(p)} if p.exists() else {}
    timing = {}
    tp = d / "out" / "timing.json"
    if tp.exists():
        timing = json.loads(tp.read_text())
    per_class: dict[str, dict] = {}
    confusion = {t: defaultdict(Counter) for t in TOOLS}
    fig_accepted = {t: [] for t in TOOLS}
    jumped = {t: [] for t in TOOLS}
    wrong_place = {t: 0 for t in TOOLS}
    for tr in truth:
        c = per_class.setdefault(tr["class"], {
            "status": tr["status"] if tr["class"] != "bystander" else "mixed", "n": 0,
            "truth_statuses": Counter(),
            **{t: {"correct": 0, "status_correct": 0, "reported": Counter()} for t in TOOLS}})
        c["n"] += 1
        c["truth_statuses"][tr["status"]] += 1
        for tool in TOOLS:
            got = outs[tool].get(tr["id"])
            st_ok, ok = judge(tr, got)
            rep = got.get("status") if got else "(no output)"
            c[tool]["reported"][rep] += 1
            c[tool]["status_correct"] += st_ok
            c[tool]["correct"] += ok
            if st_ok and not ok:
                wrong_place[tool] += 1
            confusion[tool][tr["status"]][rep] += 1
            if tr["status"] == "figure_changed" and rep in MILD:
                fig_accepted[tool].append(tr["id"])
            if tr["class"] in STALE_CLASSES and rep in SILENT:
                jumped[tool].append(tr["id"])
    n = len(truth)
    summary = {}
    for tool in TOOLS:
        t = timing.get(tool, {})
        wall = t.get("best_wall_s")
        summary[tool] = {
            "correct": sum(c[tool]["correct"] for c in per_class.values()),
            "figures_silently_accepted": len(fig_accepted[tool]),
            "figures_silently_accepted_ids": fig_accepted[tool][:50],
            "stale_copy_jumps": len(jumped[tool]),
            "stale_copy_jump_ids": jumped[tool][:50],
            "right_status_wrong_place": wrong_place[tool],
            "wall_s": wall,
            "wall_s_runs": t.get("wall_s"),
            "quotes_per_s": (n / wall) if wall else None,
            "max_rss_kb": t.get("max_rss_kb"),
            "exit": t.get("exit"),
            "confusion": {k: dict(v) for k, v in confusion[tool].items()},
        }
    for c in per_class.values():
        c["truth_statuses"] = dict(c["truth_statuses"])
        for tool in TOOLS:
            c[tool]["reported"] = dict(c[tool]["reported"])
            c[tool]["accuracy"] = c[tool]["correct"] / c["n"]
            c[tool]["status_accuracy"] = c[tool]["status_correct"] / c["n"]
    order = [k for k in class_order(params) if k in per_class]
    order += sorted(k for k in per_class if k not in order)
    return {
        "name": name, "dir": str(d), "quotes": n, "documents": params.get("docs"),
        "quotes_per_doc": params.get("quotes_per_doc"), "text_bytes": params.get("text_bytes"),
        "random_seed": params.get("random_seed"), "generator_sha256": params.get("generator_sha256"),
        "generator_seconds": params.get("seconds"),
        "per_class": {k: per_class[k] for k in order}, "summary": summary,
    }


def pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def print_set(s: dict) -> None:
    print()
    print(f"== set '{s['name']}': {s['documents']} documents, {s['quotes']} quotes "
          f"({s['quotes_per_doc']} per document), {s['dir']}")
    print(f"{'class':<28} {'truth':<15} {'n':>6}  {'provcheck':>9}  {'peer':>7}")
    for cls, c in s["per_class"].items():
        a, b = c["provcheck"]["accuracy"], c["peer"]["accuracy"]
        flag = ""
        if a < TARGETS["min_class_accuracy"]:
            flag += "  < 99%"
        if b > a:
            flag += "  peer better"
        truth = c["status"]
        if cls == "bystander":
            truth = "mixed"
        print(f"{cls:<28} {truth:<15} {c['n']:>6}  {pct(a):>9}  {pct(b):>7}{flag}")
    n = s["quotes"]
    pc, pe = s["summary"]["provcheck"], s["summary"]["peer"]
    print(f"{'all':<28} {'':<15} {n:>6}  {pct(pc['correct'] / n):>9}  {pct(pe['correct'] / n):>7}")
    print(f"figure changes silently accepted (figure_changed reported intact/moved/normalized/modified): "
          f"provcheck {pc['figures_silently_accepted']}, peer {pe['figures_silently_accepted']}")
    print(f"corrected passages reported intact/moved/normalized (stale-copy classes): "
          f"provcheck {pc['stale_copy_jumps']}, peer {pe['stale_copy_jumps']}")
    print(f"right status, wrong place: provcheck {pc['right_status_wrong_place']}, "
          f"peer {pe['right_status_wrong_place']}")
    if pc["wall_s"] and pe["wall_s"]:
        ratio = pc["quotes_per_s"] / pe["quotes_per_s"]
        rss = ""
        if pc.get("max_rss_kb") and pe.get("max_rss_kb"):
            rss = (f"; max RSS provcheck {pc['max_rss_kb'] / 1024:.1f} MiB, "
                   f"peer {pe['max_rss_kb'] / 1024:.1f} MiB")
        print(f"speed: provcheck {pc['wall_s']:.3f} s = {pc['quotes_per_s']:,.0f} quotes/s; "
              f"peer {pe['wall_s']:.3f} s = {pe['quotes_per_s']:,.0f} quotes/s; "
              f"provcheck/peer {ratio:.1f}x{rss}")


def git(*args: str) -> str | None:
    try:
        p = subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return p.stdout.strip() if p.returncode == 0 else None


def cmd_out(*cmd: str) -> str | None:
    try:
        p = subprocess.run(list(cmd), capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return (p.stdout.strip() or None) if p.returncode == 0 else None


def cpu_model() -> str | None:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return None


def provcheck_info(a: argparse.Namespace) -> dict:
    info = {"path": a.provcheck, "version": cmd_out(a.provcheck, "--version") if a.provcheck else None,
            "build_type": a.build_type or None}
    inside = False
    if a.provcheck:
        try:
            Path(a.provcheck).resolve().relative_to(REPO)
            inside = True
        except ValueError:
            pass
    if inside:
        info["git_commit"] = git("rev-parse", "HEAD")
        info["git_dirty"] = bool(git("status", "--porcelain", "--untracked-files=no"))
        info["src_dirty"] = bool(git("status", "--porcelain", "--untracked-files=no", "--", "src"))
    else:
        info["git_commit"] = None
        info["note"] = "binary built outside this work tree: its commit is not known here"
    return info


def targets(sets: list[dict]) -> dict:
    """The issue's targets, judged on every set that was run (the worst counts)."""
    out = {}
    below: dict[str, dict] = {}
    peer_better: dict[str, dict] = {}
    for s in sets:
        for k, c in s["per_class"].items():
            a, b = round(c["provcheck"]["accuracy"], 4), round(c["peer"]["accuracy"], 4)
            if a < TARGETS["min_class_accuracy"]:
                below.setdefault(s["name"], {})[k] = a
            if b > a:
                peer_better.setdefault(s["name"], {})[k] = [a, b]
    figs = {s["name"]: s["summary"]["provcheck"]["figures_silently_accepted"] for s in sets}
    out["zero_figures_silently_accepted"] = {"passed": sum(figs.values()) == 0, "provcheck": figs}
    out["class_accuracy_at_least_99"] = {"passed": not below, "classes_below": below}
    out["no_class_where_peer_better"] = {"passed": not peer_better, "classes": peer_better}
    scale = next((s for s in sets if s["name"] == "scale"), None)
    if scale and scale["summary"]["provcheck"]["quotes_per_s"] and scale["summary"]["peer"]["quotes_per_s"]:
        r = scale["summary"]["provcheck"]["quotes_per_s"] / scale["summary"]["peer"]["quotes_per_s"]
        out["speed_10x_peer_on_scale_set"] = {"passed": r >= TARGETS["speedup"], "ratio": round(r, 2)}
    else:
        out["speed_10x_peer_on_scale_set"] = {"passed": None, "note": "scale set not run (run.sh --scale)"}
    return out


def summarize(a: argparse.Namespace) -> int:
    sets = []
    for spec in a.set:
        name, _, d = spec.partition("=")
        sets.append(score_set(name, Path(d)))
    for s in sets:
        print_set(s)
    tg = targets(sets)
    print()
    print("targets (issue 4):")
    for k, v in tg.items():
        verdict = {True: "PASS", False: "FAIL", None: "----"}[v["passed"]]
        detail = {kk: vv for kk, vv in v.items() if kk != "passed"}
        print(f"  {verdict}  {k}: {json.dumps(detail)}")
    node = cmd_out("node", "--version")
    asm = None
    try:
        asm = json.loads((HERE / "peer" / "node_modules" / "approx-string-match" / "package.json")
                         .read_text())["version"]
    except (OSError, ValueError, KeyError):
        pass
    record = {
        "schema": "provcheck.bench-drift.run/1",
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "host": {"cpus": os.cpu_count(), "cpu": cpu_model(), "kernel": platform.release(),
                 "loadavg_after": Path("/proc/loadavg").read_text().split()[:3]
                 if Path("/proc/loadavg").exists() else None},
        "provcheck": provcheck_info(a),
        "peer": {"node": node, "approx_string_match": asm,
                 "program": "bench/drift/peer/locate.js (Hypothesis-style TextQuoteSelector anchoring)"},
        "timed_runs": a.runs,
        "accuracy_rule": "status right and place right: exact span for intact/moved/normalized, "
                         "span overlap >= 50% of the union for modified/figure_changed, status alone otherwise",
        "sets": {s["name"]: s for s in sets},
        "targets": tg,
    }
    if a.out:
        Path(a.out).write_text(json.dumps(record, indent=1) + "\n")
        print(f"wrote {a.out}")
    failed = any(v["passed"] is False for v in tg.values())
    return 1 if a.strict and failed else 0


# --------------------------------------------------------------------------
# Looking at cases by hand
# --------------------------------------------------------------------------
def excerpt(data: bytes, start: int | None, end: int | None, width: int = 60) -> str:
    if start is None or end is None:
        return "(no place)"
    before = data[max(0, start - width):start].decode("utf-8", "replace")
    mid = data[start:end].decode("utf-8", "replace")
    after = data[end:end + width].decode("utf-8", "replace")
    return f"{before!r} [[{mid!r}]] {after!r}"


def find_set(case_id: str, set_dir: str | None) -> Path:
    if set_dir:
        return Path(set_dir)
    for name in ("default", "scale"):
        d = DEFAULT_WORK / name
        if (d / "truth.jsonl").exists():
            with open(d / "truth.jsonl", encoding="utf-8") as f:
                if any(f'"id": "{case_id}"' in line for line in f):
                    return d
    sys.exit(f"score.py: no set under {DEFAULT_WORK} has {case_id}; pass --set DIR")


def show(a: argparse.Namespace) -> int:
    d = find_set(a.id, a.set)
    sel = next((r for r in read_jsonl(d / "selectors.jsonl") if r["id"] == a.id), None)
    tr = next((r for r in read_jsonl(d / "truth.jsonl") if r["id"] == a.id), None)
    if sel is None or tr is None:
        sys.exit(f"score.py: {a.id} is not in {d}")
    print(f"case {a.id} ({d})")
    print(f"  class {tr['class']}; truth {tr['status']} at {tr['start']}-{tr['end']} "
          f"(similarity {tr.get('similarity')})")
    print(f"  text_file {sel['text_file']}")
    print(f"  pinned {sel['start']}-{sel['end']}")
    print(f"  exact  {sel['exact']!r}")
    print(f"  prefix {sel['prefix']!r}")
    print(f"  suffix {sel['suffix']!r}")
    orig = d / "orig" / Path(sel["text_file"]).name
    if orig.exists():
        print(f"  original at the pin: {excerpt(orig.read_bytes(), sel['start'], sel['end'])}")
    try:
        data = Path(sel["text_file"]).read_bytes()
    except OSError as e:
        print(f"  (changed text unreadable: {e})")
        data = b""
    print(f"  changed text at the truth: {excerpt(data, tr['start'], tr['end'])}")
    print(f"  changed text at the pin:   {excerpt(data, sel['start'], sel['end'])}")
    for tool in TOOLS:
        p = d / "out" / f"{tool}.jsonl"
        if not p.exists():
            continue
        got = next((r for r in read_jsonl(p) if r["id"] == a.id), None)
        if got is None:
            continue
        st_ok, ok = judge(tr, got)
        print(f"  {tool:<9} {got['status']} at {got.get('start')}-{got.get('end')} "
              f"(similarity {got.get('similarity')}): {'right' if ok else 'WRONG'}")
        if not ok and got.get("start") is not None:
            print(f"            there: {excerpt(data, got['start'], got['end'])}")
    return 0


def list_wrong(a: argparse.Namespace) -> int:
    d = Path(a.set) if a.set else DEFAULT_WORK / "default"
    truth = read_jsonl(d / "truth.jsonl")
    got = {r["id"]: r for r in read_jsonl(d / "out" / f"{a.tool}.jsonl")}
    n = 0
    for tr in truth:
        if a.cls and tr["class"] != a.cls:
            continue
        g = got.get(tr["id"])
        if judge(tr, g)[1]:
            continue
        n += 1
        if n <= a.limit:
            print(f"{tr['id']:<40} truth {tr['status']:<15} {tr['start']}-{tr['end']}   "
                  f"{a.tool} {g['status'] if g else '-':<15} {g.get('start') if g else ''}-{g.get('end') if g else ''}")
    print(f"{n} wrong")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("summarize")
    s.add_argument("--set", action="append", required=True, help="NAME=DIR, once per set")
    s.add_argument("--out", help="where to write last-run.json")
    s.add_argument("--provcheck", default="")
    s.add_argument("--build-type", default="")
    s.add_argument("--runs", type=int, default=1)
    s.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    sh = sub.add_parser("show")
    sh.add_argument("id")
    sh.add_argument("--set", help="the set's folder (default: look in the default and scale sets)")
    ls = sub.add_parser("list")
    ls.add_argument("--set", help=f"the set's folder (default {DEFAULT_WORK}/default)")
    ls.add_argument("--tool", choices=TOOLS, default="provcheck")
    ls.add_argument("--class", dest="cls")
    ls.add_argument("--limit", type=int, default=50)
    a = ap.parse_args()
    return {"summarize": summarize, "show": show, "list": list_wrong}[a.cmd](a)


if __name__ == "__main__":
    sys.exit(main())
