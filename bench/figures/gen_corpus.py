#!/usr/bin/env python3
"""Builds the figures benchmark corpus from the seed articles.

Deterministic: the same seeds and arguments always give the same bytes. The
corpus is the seeds' paragraphs in shuffled order (a fixed PRNG seed), round
after round, until it reaches --mb megabytes; so it is real prose with the
seeds' density of figures, not one article repeated verbatim. Also writes a
slice (the first --slice-kb kilobytes, cut at a paragraph) for the slow peer.
"""
import argparse
import hashlib
import json
import os
import random
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seeds", required=True, help="folder of the seed articles (*.txt)")
    ap.add_argument("--out", required=True, help="folder to write corpus.txt, slice.txt and corpus.json into")
    ap.add_argument("--mb", type=float, default=52.0, help="corpus size in MB (10^6 bytes), default 52")
    ap.add_argument("--slice-kb", type=int, default=48, help="slice size in KB, default 48")
    a = ap.parse_args()

    names = sorted(n for n in os.listdir(a.seeds) if n.endswith(".txt"))
    if not names:
        sys.exit(f"gen_corpus.py: no *.txt in {a.seeds}")
    paragraphs = []
    digest = hashlib.sha256()
    for n in names:
        data = open(os.path.join(a.seeds, n), "rb").read()
        digest.update(n.encode() + b"\0" + data)
        paragraphs += [p.strip(b"\n") + b"\n\n" for p in data.split(b"\n\n") if p.strip()]
    target = int(a.mb * 1e6)
    rng = random.Random(20261125)
    os.makedirs(a.out, exist_ok=True)
    path = os.path.join(a.out, "corpus.txt")
    size = 0
    with open(path + ".tmp", "wb") as f:
        while size < target:
            order = list(range(len(paragraphs)))
            rng.shuffle(order)
            for i in order:
                f.write(paragraphs[i])
                size += len(paragraphs[i])
    os.replace(path + ".tmp", path)
    with open(path, "rb") as f:
        head = f.read(a.slice_kb * 1024 + 65536)
    cut = head.rfind(b"\n\n", 0, a.slice_kb * 1024)
    open(os.path.join(a.out, "slice.txt"), "wb").write(head[: cut + 2])
    meta = {"seeds": names, "seeds_sha256": digest.hexdigest(), "bytes": size, "slice_bytes": cut + 2,
            "paragraphs": len(paragraphs), "mb": a.mb, "slice_kb": a.slice_kb}
    json.dump(meta, open(os.path.join(a.out, "corpus.json"), "w"), indent=2)
    print(json.dumps(meta))


if __name__ == "__main__":
    main()
