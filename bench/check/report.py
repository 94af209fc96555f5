#!/usr/bin/env python3
"""Report for bench/check/run.sh (standard library only).

    report.py summarize --hyperfine H.json --out last-run.json ...
        prints the table (best of the runs, median, ratio to the floor,
        target, PASS/FAIL), max RSS, and writes last-run.json.
    report.py explain CHECK.json
        says why a `check --format json` run was not clean.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import subprocess
import sys
from pathlib import Path

# The benchmark's targets, as multiples of the floor's best time.
TARGETS = {"cold": 4.0, "warm": 0.5}


def fmt_s(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 10 else f"{seconds:.2f} s"


def read_time_v(path: Path) -> dict:
    """Max RSS and wall time from a /usr/bin/time -v report."""
    out: dict = {}
    try:
        text = path.read_text()
    except OSError:
        return out
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    if m:
        out["max_rss_kb"] = int(m.group(1))
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text)
    if m:
        secs = 0.0
        for part in m.group(1).split(":"):
            secs = secs * 60 + float(part)
        out["wall_s"] = round(secs, 4)
    return out


def git(repo: str, *args: str) -> str | None:
    try:
        proc = subprocess.run(["git", "-C", repo, *args], capture_output=True,
                              text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return proc.stdout.strip() if proc.returncode == 0 else None


def binary_version(provcheck: str) -> str | None:
    try:
        proc = subprocess.run([provcheck, "--version"], capture_output=True,
                              text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return (proc.stdout.strip() or None) if proc.returncode == 0 else None


def cpu_model() -> str | None:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return None


def summarize(a: argparse.Namespace) -> int:
    hf = json.loads(Path(a.hyperfine).read_text())
    res = {r["command"]: r for r in hf["results"]}
    missing = {"floor", "cold", "warm"} - res.keys()
    if missing:
        sys.exit(f"report.py: hyperfine results lack {sorted(missing)}")

    files = [f for f in Path(a.files).read_bytes().split(b"\0") if f]
    hashed_bytes = sum(os.path.getsize(f) for f in files)
    params = {}
    try:
        params = json.loads((Path(a.workspace) / ".bench" / "params.json").read_text())
    except (OSError, ValueError):
        pass
    check_summary = None
    try:
        check_summary = json.loads(Path(a.check_json).read_text()).get("summary")
    except (OSError, ValueError, AttributeError):
        pass
    rss = {"cold": read_time_v(Path(a.cold_time)), "warm": read_time_v(Path(a.warm_time))}

    floor_best = res["floor"]["min"]
    results, ok = {}, True
    print()
    print(f"workspace: {params.get('sources', '?')} sources, {params.get('claims', '?')} claims; "
          f"{len(files)} files, {hashed_bytes / 1e6:.1f} MB hashed by the floor")
    print(f"{'command':<8} {'best':>10} {'median':>10} {'x floor':>8} {'target':>8}  result")
    for name in ("floor", "cold", "warm"):
        r = res[name]
        ratio = r["min"] / floor_best if floor_best > 0 else float("inf")
        entry = {
            "best_s": r["min"], "median_s": r["median"], "mean_s": r["mean"],
            "stddev_s": r.get("stddev"), "times_s": r["times"],
            "ratio_to_floor": round(ratio, 3),
        }
        if name in TARGETS:
            passed = ratio <= TARGETS[name]
            ok &= passed
            entry.update(target_ratio=TARGETS[name], passed=passed)
            entry.update({f"time_v_{k}": v for k, v in rss[name].items()})
            target, verdict = f"<= {TARGETS[name]:g}", "PASS" if passed else "FAIL"
        else:
            target, verdict = "-", "-"
        results[name] = entry
        print(f"{name:<8} {fmt_s(r['min']):>10} {fmt_s(r['median']):>10} "
              f"{ratio:>8.2f} {target:>8}  {verdict}")
    for name in ("cold", "warm"):
        if "max_rss_kb" in rss[name]:
            print(f"max RSS {name}: {rss[name]['max_rss_kb'] / 1024:.1f} MiB "
                  f"(one run under /usr/bin/time -v, --format json)")
    if check_summary:
        print(f"check summary (cold): {json.dumps(check_summary, sort_keys=True)}")

    record = {
        "schema": "provcheck.bench-check.run/1",
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "host": {
            "cpus": os.cpu_count(), "cpu": cpu_model(),
            "kernel": platform.release(),
            "loadavg_after": Path("/proc/loadavg").read_text().split()[:3]
            if Path("/proc/loadavg").exists() else None,
        },
        "provcheck": {
            "path": a.provcheck, "version": binary_version(a.provcheck),
            "build_type": a.build_type or None,
            "git_commit": git(a.repo, "rev-parse", "HEAD"),
            "git_dirty": bool(git(a.repo, "status", "--porcelain", "--untracked-files=no")),
        },
        "workspace": {
            "path": a.workspace, "sources": params.get("sources"),
            "claims": params.get("claims"), "claim_files": params.get("claim_files"),
            "source_bytes": params.get("source_bytes"),
            "files_hashed": len(files), "bytes_hashed": hashed_bytes,
        },
        "runs": a.runs,
        "floor_command": "xxhsum -H2 over every file in sources/ and claims/",
        "results": results,
        "all_passed": ok,
        "check_summary": check_summary,
    }
    Path(a.out).write_text(json.dumps(record, indent=2) + "\n")
    print(f"wrote {a.out}")
    if not ok:
        print("some target was missed" + (" (--strict: exit 1)" if a.strict else ""))
    return 1 if a.strict and not ok else 0


def explain(a: argparse.Namespace) -> int:
    try:
        doc = json.loads(Path(a.check_json).read_text())
    except (OSError, ValueError) as e:
        print(f"(no JSON report to show: {e})")
        return 0
    print(f"summary: {json.dumps(doc.get('summary'), sort_keys=True)}")
    bad = [c for c in doc.get("citations", []) if c.get("severity") not in ("ok", None)]
    for c in bad[:10]:
        print(f"  {c.get('claim')} -> {c.get('source')}: {c.get('status')}: {c.get('message')}")
    for c in doc.get("conflicts", [])[:10]:
        print(f"  conflict {c.get('kind')} {c.get('claims')}: {c.get('message')}")
    if len(bad) > 10:
        print(f"  ... and {len(bad) - 10} more citations")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description="report for bench/check/run.sh")
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("summarize")
    for opt in ("hyperfine", "files", "cold-time", "warm-time", "check-json",
                "workspace", "provcheck", "repo", "out"):
        s.add_argument(f"--{opt}", required=True)
    s.add_argument("--build-type", default="")
    s.add_argument("--runs", type=int, default=5)
    s.add_argument("--strict", action="store_true")
    e = sub.add_parser("explain")
    e.add_argument("check_json")
    a = ap.parse_args()
    return summarize(a) if a.cmd == "summarize" else explain(a)


if __name__ == "__main__":
    sys.exit(main())
