#!/usr/bin/env python3
"""Generate the workspace for the `check` benchmark (bench/check).

Builds a provcheck workspace of N sources and M claims from the seed articles
in ../shared/corpus/seeds, deterministically (same arguments, same bytes), and
registers it with the provcheck binary:

    provcheck -C WS init
    provcheck -C WS source add sources/s00001.txt ...   (batches of ~500 paths)
    provcheck -C WS claim import .bench/import/batch-001.jsonl --to claims/batch-001.json
    ...

Each source is one seed article with its paragraphs shuffled, a header and a
footer naming the source and a couple of generated "note" lines, so that every
file's bytes differ while the text stays real prose. Each claim quotes a
sentence or passage (20-200 characters) that occurs exactly once in its
source, both byte for byte and after whitespace/typographic/case
normalization, so `claim import` never needs "occurrence" and `check` on the
untouched workspace must find every citation intact.

The finished workspace carries .bench/params.json; `--check-current` compares
it with the arguments so that run.sh regenerates only when something changed
(arguments, seed files or this script).

Standard library only. `--dry-run` writes sources and the JSON Lines import
files but calls no binary (for testing the generator alone).
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_SEEDS = REPO.parent / "shared" / "corpus" / "seeds"
DEFAULT_WORKSPACE = Path("/tmp/provcheck-bench-check")
DEFAULT_PROVCHECK = REPO / "build" / "provcheck"

# Bump the format when the meaning of params.json changes; edits to this file
# already force regeneration through generator_sha256.
PARAMS_FORMAT = "provcheck.bench-check/1"
MIN_QUOTE, MAX_QUOTE = 20, 200  # characters, as the benchmark specifies

# --------------------------------------------------------------------------
# Normalization used only to make sure a quote is unique.  It is deliberately
# more aggressive than provcheck's matching is likely to be (NFKC, typographic
# quotes and dashes to ASCII, case folding, whitespace collapsed): a quote that
# is unique here is unique under any milder normalization, so provcheck never
# sees an ambiguous quote and never asks for "occurrence".
# --------------------------------------------------------------------------
_TYPO = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2015": "-", "\u2212": "-",
}
# A regex over the few mapped characters is far faster than str.translate
# with a dict, which looks up every character of the text in Python.
_TYPO_RE = re.compile("[" + "".join(_TYPO) + "]")


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = _TYPO_RE.sub(lambda m: _TYPO[m.group()], text).casefold()
    return " ".join(text.split())


def occurs_once(haystack: str, needle: str) -> bool:
    """True when needle occurs exactly once, overlapping matches counted."""
    first = haystack.find(needle)
    return first >= 0 and haystack.find(needle, first + 1) < 0


# --------------------------------------------------------------------------
# Building one source
# --------------------------------------------------------------------------
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# Sentence ends, or a line break before a capital/digit (headline lists and
# hard-wrapped text: a fragment of a wrapped sentence is still a passage).
PIECE_BREAK = re.compile(r"(?<=[.!?\u2026])\s+|\s*\n(?=[\"'\u201c\u2018(]?[A-Z0-9])")
CLAUSE_BREAK = re.compile(r"(?<=[,;:])\s+")

PLACES = ["East Aleppo", "Idlib province", "Hama", "Homs", "Palmyra",
          "the Ramoussa district", "Damascus", "the Turkish border"]
WHAT = [("people", "were still living in"), ("families", "were evacuated from"),
        ("fighters", "were reported near"), ("civilians", "were trapped in"),
        ("aid trucks", "reached"), ("families", "returned to")]
QUALIFIERS = ["about", "some", "an estimated", "almost", "at least", "more than", ""]
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]


def note_line(rng: random.Random, sid: str, k: int) -> str:
    """A generated, source-unique sentence with figures (like a wire update)."""
    what, verb = rng.choice(WHAT)
    qual = rng.choice(QUALIFIERS)
    count = rng.randrange(120, 400_000)
    day, month, year = rng.randrange(1, 29), rng.choice(MONTHS), rng.choice([2015, 2016, 2017])
    qual = qual + " " if qual else ""
    return (f"Update {k} to {sid}: {qual}{count:,} {what} {verb} "
            f"{rng.choice(PLACES)} on {month} {day}, {year}.")


def build_source(sid: str, number: int, seed_name: str, seed_text: str,
                 rng: random.Random) -> str:
    paragraphs = [p.strip("\n") for p in PARAGRAPH_BREAK.split(seed_text)]
    paragraphs = [p for p in paragraphs if p.strip()]
    rng.shuffle(paragraphs)
    # Two generated note paragraphs at random places between the seed's.
    for k in (1, 2):
        paragraphs.insert(rng.randrange(len(paragraphs) + 1), note_line(rng, sid, k))
    header = f"Source {sid} \u2014 benchmark copy {number} of {seed_name}"
    footer = (f"Captured for the provcheck check benchmark as {sid}; "
              f"variant tag {rng.getrandbits(48):012x}.")
    return "\n\n".join([header, *paragraphs, footer]) + "\n"


@functools.lru_cache(maxsize=None)
def passages(paragraph: str) -> tuple[str, ...]:
    """Sentences of a paragraph, or clauses of sentences over 200 characters.
    Cached: the same seed paragraphs recur in every copy of a seed."""
    out = []
    for piece in PIECE_BREAK.split(paragraph):
        piece = piece.strip()
        if len(piece) > MAX_QUOTE:
            out.extend(c.strip() for c in CLAUSE_BREAK.split(piece))
        else:
            out.append(piece)
    return tuple(q for q in out if MIN_QUOTE <= len(q) <= MAX_QUOTE)


normalize_quote = functools.lru_cache(maxsize=None)(normalize)


def candidate_quotes(text: str) -> list[str]:
    """Passages of 20-200 characters that occur exactly once in text (exactly
    and normalized), in document order, without duplicates."""
    norm_text = normalize(text)
    seen: set[str] = set()
    out: list[str] = []
    for para in PARAGRAPH_BREAK.split(text):
        for quote in passages(para):
            if quote in seen:
                continue
            seen.add(quote)
            if occurs_once(text, quote) and occurs_once(norm_text, normalize_quote(quote)):
                out.append(quote)
    return out


# --------------------------------------------------------------------------
# Parameters and the "is the workspace current?" check
# --------------------------------------------------------------------------
def sha256_files(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(p.name.encode() + b"\0")
        h.update(p.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


def seed_files(seeds_dir: Path) -> list[Path]:
    if not seeds_dir.is_dir():
        sys.exit(f"gen.py: no seeds folder at {seeds_dir} (pass --seeds DIR)")
    files = sorted(p for p in seeds_dir.iterdir()
                   if p.is_file() and p.suffix in (".txt", ".md"))
    if not files:
        sys.exit(f"gen.py: no .txt/.md seed articles in {seeds_dir}")
    return files


def expected_params(args: argparse.Namespace, seeds: list[Path]) -> dict:
    return {
        "format": PARAMS_FORMAT,
        "sources": args.sources,
        "claims": args.claims,
        "claims_per_file": args.claims_per_file,
        "random_seed": args.seed,
        "seeds_sha256": sha256_files(seeds),
        "generator_sha256": hashlib.sha256(Path(__file__).read_bytes()).hexdigest(),
    }


def params_path(ws: Path) -> Path:
    return ws / ".bench" / "params.json"


def check_current(args: argparse.Namespace, seeds: list[Path]) -> int:
    path = params_path(args.workspace)
    try:
        have = json.loads(path.read_text())
    except (OSError, ValueError):
        print(f"gen.py: no finished workspace at {args.workspace}")
        return 1
    want = expected_params(args, seeds)
    if not have.get("complete") or have.get("dry_run"):
        print(f"gen.py: workspace at {args.workspace} is unfinished or a dry run")
        return 1
    changed = [k for k in want if have.get(k) != want[k]]
    if changed:
        print(f"gen.py: workspace at {args.workspace} differs in: {', '.join(changed)}")
        return 1
    print(f"gen.py: workspace at {args.workspace} is current")
    return 0


# --------------------------------------------------------------------------
# Workspace
# --------------------------------------------------------------------------
def clear_workspace(ws: Path, force: bool) -> None:
    """Empty ws, refusing a non-empty folder that is not ours unless --force."""
    if ws.exists():
        if not ws.is_dir():
            sys.exit(f"gen.py: {ws} exists and is not a directory")
        ours = (ws / ".bench").is_dir()
        if any(ws.iterdir()) and not (ours or force):
            sys.exit(f"gen.py: {ws} is not empty and was not made by this "
                     f"generator; pick another --workspace or pass --force")
        shutil.rmtree(ws)
    ws.mkdir(parents=True)
    (ws / ".bench" / "import").mkdir(parents=True)


def run_provcheck(provcheck: Path, ws: Path, *args: str) -> None:
    # cwd=ws as well as -C ws, and only workspace-relative paths, so the
    # result does not depend on how the binary resolves paths under -C.
    cmd = [str(provcheck), "-C", str(ws), *args]
    proc = subprocess.run(cmd, cwd=ws, stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        shown = " ".join(cmd[:6]) + (" ..." if len(cmd) > 6 else "")
        sys.stderr.write(f"gen.py: `{shown}` exited {proc.returncode}\n")
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-20:]
        sys.stderr.write("".join(f"  | {line}\n" for line in tail))
        sys.exit(1)


class Timer:
    def __init__(self) -> None:
        self.start = self.last = time.perf_counter()
        self.phases: dict[str, float] = {}

    def phase(self, name: str, detail: str = "") -> None:
        now = time.perf_counter()
        self.phases[name] = round(now - self.last, 3)
        print(f"gen.py: {name:<14} {now - self.last:7.2f} s  {detail}", flush=True)
        self.last = now

    def total(self) -> float:
        return round(time.perf_counter() - self.start, 3)


def generate(args: argparse.Namespace, seeds: list[Path]) -> None:
    ws: Path = args.workspace
    provcheck: Path = args.provcheck
    if not args.dry_run and not (provcheck.is_file() and os.access(provcheck, os.X_OK)):
        sys.exit(f"gen.py: no provcheck binary at {provcheck} (build it first, "
                 f"or pass --provcheck PATH, or --dry-run)")
    if args.sources < 1 or args.claims < 0 or args.claims_per_file < 1 or args.add_batch < 1:
        sys.exit("gen.py: --sources, --claims-per-file and --add-batch must be "
                 "positive and --claims not negative")

    timer = Timer()
    clear_workspace(ws, args.force)
    params = expected_params(args, seeds)
    params.update(complete=False, dry_run=args.dry_run)
    params_path(ws).write_text(json.dumps(params, indent=2) + "\n")

    if not args.dry_run:
        # init before writing sources/, in case init insists on creating it.
        run_provcheck(provcheck, ws, "init")
        timer.phase("init")
    (ws / "sources").mkdir(exist_ok=True)

    seed_texts = [(p.stem, p.read_text(encoding="utf-8")) for p in seeds]
    base, extra = divmod(args.claims, args.sources)
    claims: list[dict] = []
    names: list[str] = []
    source_bytes = 0
    for i in range(args.sources):
        number = i + 1
        sid = f"s{number:05d}"
        seed_name, seed_text = seed_texts[i % len(seed_texts)]
        # A string seed is hashed with SHA-512 by random.seed: stable across
        # runs, platforms and PYTHONHASHSEED.
        rng = random.Random(f"{args.seed}:{sid}")
        text = build_source(sid, number, seed_name, seed_text, rng)
        data = text.encode("utf-8")
        (ws / "sources" / f"{sid}.txt").write_bytes(data)
        source_bytes += len(data)
        names.append(f"sources/{sid}.txt")

        quota = base + (1 if i < extra else 0)
        pool = candidate_quotes(text)
        if len(pool) < quota:
            sys.exit(f"gen.py: {sid} (from {seed_name}) has only {len(pool)} unique "
                     f"passages for {quota} claims; use fewer claims per source")
        picked = sorted(rng.sample(range(len(pool)), quota))  # document order
        for j in picked:
            quote = pool[j]
            claims.append({
                "id": f"c{len(claims) + 1:06d}",
                "source": sid,
                "quote": quote,
                # The claim's own words repeat the quote: no figure in the text
                # that its quote lacks, so nothing for the checker to flag.
                "text": f"Reported: {quote}",
            })
    timer.phase("write sources", f"{args.sources} files, {source_bytes / 1e6:.1f} MB")

    batches: list[tuple[str, str]] = []
    for b in range(0, len(claims), args.claims_per_file):
        name = f"batch-{b // args.claims_per_file + 1:03d}"
        jsonl = f".bench/import/{name}.jsonl"
        with open(ws / jsonl, "w", encoding="utf-8", newline="\n") as f:
            for c in claims[b:b + args.claims_per_file]:
                f.write(json.dumps(c, ensure_ascii=False) + "\n")
        batches.append((jsonl, f"claims/{name}.json"))
    timer.phase("write claims", f"{len(claims)} claims in {len(batches)} import files")

    verify(ws, batches)
    timer.phase("self-check", "every quote occurs exactly once in its source")

    if not args.dry_run:
        for k in range(0, len(names), args.add_batch):
            run_provcheck(provcheck, ws, "source", "add", *names[k:k + args.add_batch])
        calls = -(-len(names) // args.add_batch)
        timer.phase("source add", f"{len(names)} sources, {calls} call(s)")
        for n, (jsonl, target) in enumerate(batches, 1):
            run_provcheck(provcheck, ws, "claim", "import", jsonl, "--to", target)
            if n % 50 == 0 or n == len(batches):
                print(f"gen.py:   imported {n}/{len(batches)} claim files", flush=True)
        timer.phase("claim import", f"{len(batches)} calls")

    params.update(complete=True, source_bytes=source_bytes,
                  claim_files=len(batches), timings_s=timer.phases,
                  total_s=timer.total())
    params_path(ws).write_text(json.dumps(params, indent=2) + "\n")
    kind = "dry run (no binary called)" if args.dry_run else "workspace"
    print(f"gen.py: {kind} ready at {ws} in {timer.total():.2f} s")


def verify(ws: Path, batches: list[tuple[str, str]]) -> None:
    """Re-read what was written and check the generator's own promise."""
    cache: dict[str, bytes] = {}
    ids: set[str] = set()
    for jsonl, _ in batches:
        with open(ws / jsonl, encoding="utf-8") as f:
            for line in f:
                c = json.loads(line)
                if c["id"] in ids:
                    sys.exit(f"gen.py: self-check: duplicate claim id {c['id']}")
                ids.add(c["id"])
                data = cache.get(c["source"])
                if data is None:
                    data = cache[c["source"]] = (ws / "sources" / f"{c['source']}.txt").read_bytes()
                q = c["quote"].encode("utf-8")
                first = data.find(q)
                if first < 0 or data.find(q, first + 1) >= 0 or not (
                        MIN_QUOTE <= len(c["quote"]) <= MAX_QUOTE):
                    sys.exit(f"gen.py: self-check failed for {c['id']} in {jsonl}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--workspace", "-w", type=Path, default=DEFAULT_WORKSPACE,
                    help=f"where to build it (default {DEFAULT_WORKSPACE}); emptied first")
    ap.add_argument("--sources", type=int, default=3000)
    ap.add_argument("--claims", type=int, default=30000)
    ap.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS,
                    help="folder of seed articles (default ../shared/corpus/seeds)")
    ap.add_argument("--provcheck", type=Path, default=DEFAULT_PROVCHECK,
                    help="the binary (default build/provcheck in the repo)")
    ap.add_argument("--seed", type=int, default=20161213, help="random seed")
    ap.add_argument("--claims-per-file", type=int, default=100,
                    help="claims per claims/batch-NNN.json (default 100)")
    ap.add_argument("--add-batch", type=int, default=500,
                    help="source paths per `source add` call (default 500)")
    ap.add_argument("--dry-run", action="store_true",
                    help="write sources and import files only; call no binary")
    ap.add_argument("--force", action="store_true",
                    help="empty --workspace even if this script did not make it")
    ap.add_argument("--check-current", action="store_true",
                    help="exit 0 if the workspace is finished and matches the "
                         "arguments, 1 otherwise; change nothing")
    args = ap.parse_args()
    args.workspace = args.workspace.absolute()
    args.provcheck = args.provcheck.absolute()
    seeds = seed_files(args.seeds)
    if args.check_current:
        return check_current(args, seeds)
    generate(args, seeds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
