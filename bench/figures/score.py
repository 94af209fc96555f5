#!/usr/bin/env python3
"""Scores figure predictions against tests/data/figures/seeds-labels.jsonl.

The scorer of bench/figures, the same for every extractor and the same rule
as tests/unit/core/figures_seeds_test.cpp: a prediction matches a label when
they are in the same file, their spans overlap, their kinds are equal and
their values are equal (numbers within 1e-6 relative, dates and clock times
as strings); each label and each prediction matches at most once, labels
taken in document order.

Predictions: JSON Lines with "file" (the seed's file name) or "source" (a
provcheck source id; the file is ID + ".txt"), "start", "end", "kind",
"value". Prints one JSON object: labels, predictions, matched, precision,
recall, and the misses and extras (with --details).
"""
import argparse
import json
import sys


def same_value(a, b):
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    if a is None or b is None:
        return False
    return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))


def load_labels(path):
    labels = {}
    for line in open(path, encoding="utf-8"):
        if not line.strip():
            continue
        o = json.loads(line)
        if "sha256" in o:
            labels.setdefault(o["file"], [])
            continue
        labels.setdefault(o["file"], []).append(o)
    return labels


def score(labels, predictions):
    by_file = {}
    for p in predictions:
        f = p.get("file") or (p["source"] + ".txt")
        by_file.setdefault(f, []).append(p)
    matched, misses, extras = 0, [], []
    n_labels = sum(len(v) for v in labels.values())
    n_pred = sum(len(v) for f, v in by_file.items() if f in labels)
    for f, want in labels.items():
        got = sorted(by_file.get(f, []), key=lambda p: p["start"])
        used = [False] * len(got)
        for l in want:
            hit = False
            for i, p in enumerate(got):
                if used[i] or p["end"] <= l["start"] or p["start"] >= l["end"]:
                    continue
                if p["kind"] != l["kind"] or not same_value(p["value"], l["value"]):
                    continue
                used[i] = hit = True
                break
            if hit:
                matched += 1
            else:
                misses.append({"file": f, "start": l["start"], "end": l["end"], "kind": l["kind"], "value": l["value"]})
        extras += [dict(p, file=f) for i, p in enumerate(got) if not used[i]]
    return {
        "labels": n_labels,
        "predictions": n_pred,
        "matched": matched,
        "precision": matched / n_pred if n_pred else 0.0,
        "recall": matched / n_labels if n_labels else 0.0,
        "misses": misses,
        "extras": extras,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("labels")
    ap.add_argument("predictions", help="JSON Lines file, or - for stdin")
    ap.add_argument("--details", action="store_true", help="keep the misses and extras in the output")
    a = ap.parse_args()
    src = sys.stdin if a.predictions == "-" else open(a.predictions, encoding="utf-8")
    preds = [json.loads(l) for l in src if l.strip()]
    r = score(load_labels(a.labels), preds)
    if not a.details:
        r["misses"], r["extras"] = len(r["misses"]), len(r["extras"])
    print(json.dumps(r))


if __name__ == "__main__":
    main()
