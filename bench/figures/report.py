#!/usr/bin/env python3
"""Summarizes a bench/figures run: prints the table and writes last-run.json.

Inputs (in --dir, written by run.sh): hyperfine.json (ripgrep, extractor,
cli on the corpus), inprocess.json (provcheck_figures_bench's own timing),
peer-time.json (Recognizers-Text on the slice), provcheck-score.json and
peer-score.json (score.py on the labelled seeds).
"""
import argparse
import datetime
import json
import os
import platform
import subprocess
import sys

TARGET_RATIO_PEER = 1000.0  # provcheck MB/s over Recognizers-Text MB/s, at least
TARGET_RATIO_RG = 5.0  # provcheck time over ripgrep time, at most
TARGET_PR = 0.97


def load(d, name):
    return json.load(open(os.path.join(d, name)))


def git(repo, *args):
    try:
        return subprocess.run(["git", "-C", repo, *args], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", required=True)
    ap.add_argument("--dir", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--repo", required=True)
    ap.add_argument("--runs", type=int, required=True)
    ap.add_argument("--peer-runs", type=int, required=True)
    ap.add_argument("--build-type", default="")
    ap.add_argument("--strict", action="store_true")
    a = ap.parse_args()

    corpus = json.load(open(a.corpus))
    size = corpus["bytes"]
    hf = {r["command"]: r for r in load(a.dir, "hyperfine.json")["results"]}
    best = {k: min(r["times"]) for k, r in hf.items()}
    inproc = load(a.dir, "inprocess.json")
    peer = load(a.dir, "peer-time.json")
    ps, rs = load(a.dir, "provcheck-score.json"), load(a.dir, "peer-score.json")

    mbs = lambda seconds: size / 1e6 / seconds
    pc_mbs = mbs(best["extractor"])
    peer_best = max(peer["number_with_unit"]["mb_per_s"], peer["all_recognizers"]["mb_per_s"])
    ratio_peer = pc_mbs / peer_best
    ratio_rg = best["extractor"] / best["ripgrep"]
    checks = {
        "throughput_vs_recognizers_at_least_1000x": ratio_peer >= TARGET_RATIO_PEER,
        "time_vs_ripgrep_at_most_5x": ratio_rg <= TARGET_RATIO_RG,
        "precision_at_least_0.97": ps["precision"] >= TARGET_PR,
        "recall_at_least_0.97": ps["recall"] >= TARGET_PR,
        "precision_not_below_recognizers": ps["precision"] >= rs["precision"],
        "recall_not_below_recognizers": ps["recall"] >= rs["recall"],
    }

    rows = [
        ("provcheck (extractor, whole process)", pc_mbs, best["extractor"], ps["precision"], ps["recall"]),
        ("provcheck figures --format json (CLI)", mbs(best["cli"]), best["cli"], ps["precision"], ps["recall"]),
        ("Recognizers-Text number-with-unit", peer["number_with_unit"]["mb_per_s"], None, None, None),
        ("Recognizers-Text, all recognizers scored", peer["all_recognizers"]["mb_per_s"], None, rs["precision"],
         rs["recall"]),
        ("ripgrep rg -o '[0-9]+' (floor)", mbs(best["ripgrep"]), best["ripgrep"], None, None),
    ]
    fmt = lambda v, f: format("-", f[0] + f[1:].split(".")[0]) if v is None else format(v, f)
    print(f"\ncorpus: {size / 1e6:.1f} MB from {len(corpus['seeds'])} seed articles; "
          f"Recognizers-Text on a {peer['bytes']} byte slice; best of {a.runs} (peer: {a.peer_runs})")
    print(f"{'':42} {'MB/s':>10} {'x Recognizers':>14} {'time/ripgrep':>13} {'precision':>10} {'recall':>7}")
    for name, rate, secs, p, r in rows:
        x_peer = rate / peer_best
        x_rg = secs / best["ripgrep"] if secs is not None else None
        print(f"{name:42} {rate:>10.4g} {x_peer:>14.4g} {fmt(x_rg, '>13.2f')} {fmt(p, '>10.3f')} {fmt(r, '>7.3f')}")
    print(f"provcheck's own timing of the extraction alone: {inproc['mb_per_s']:.1f} MB/s, "
          f"{inproc['figures']} figures")
    print("targets: " + ", ".join(f"{k} {'ok' if v else 'MISSED'}" for k, v in checks.items()))

    head = git(a.repo, "rev-parse", "HEAD")
    dirty = bool(git(a.repo, "status", "--porcelain", "--untracked-files=no"))
    result = {
        "schema": "provcheck.bench-figures.run/1",
        "date": datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat(),
        "host": {"cpus": os.cpu_count(), "machine": platform.machine(), "kernel": platform.release(),
                 "loadavg_after": list(os.getloadavg())},
        "git_commit": head, "git_dirty": dirty, "build_type": a.build_type,
        "corpus": corpus, "runs": a.runs, "peer_runs": a.peer_runs,
        "seconds_best": best,
        "seconds_mean": {k: r["mean"] for k, r in hf.items()},
        "mb_per_s": {"provcheck_extractor": pc_mbs, "provcheck_cli": mbs(best["cli"]),
                     "provcheck_in_process": inproc["mb_per_s"], "ripgrep": mbs(best["ripgrep"]),
                     "recognizers_number_with_unit": peer["number_with_unit"]["mb_per_s"],
                     "recognizers_all": peer["all_recognizers"]["mb_per_s"]},
        "ratio_to_recognizers": ratio_peer, "time_ratio_to_ripgrep": ratio_rg,
        "figures_in_corpus": inproc["figures"],
        "accuracy": {"provcheck": {k: ps[k] for k in ("labels", "predictions", "matched", "precision", "recall")},
                     "recognizers": {k: rs[k] for k in ("labels", "predictions", "matched", "precision", "recall")}},
        "peer": {"node": peer["node"], "versions": peer["versions"], "slice_bytes": peer["bytes"]},
        "targets_met": checks,
    }
    with open(a.out + ".tmp", "w") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    os.replace(a.out + ".tmp", a.out)
    print(f"wrote {os.path.relpath(a.out, a.repo)}")
    if a.strict and not all(checks.values()):
        sys.exit(1)


if __name__ == "__main__":
    main()
