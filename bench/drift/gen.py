#!/usr/bin/env python3
"""Generate the cases of the drift benchmark (bench/drift).

Each document is one of the seed articles in ../shared/corpus/seeds, lightly
varied (a header, a footer and two generated update paragraphs with figures,
placed at random). Passages of it (sentences or clauses of 20-200 characters
that occur once, byte for byte and after normalization) are pinned as
provcheck pins a citation: the exact bytes, 32 code points of prefix and of
suffix, and the byte span. Then the document is changed in one way, its
class (unchanged, re-wrapped, a paragraph inserted before, a figure changed
inside the quote, ...), aimed at one of its passages, the target. Every
pinned passage is tracked through the change (invisible marker characters
around it, removed before writing), so the ground truth of each selector
is computed from the changed bytes, not assumed from the class:

    intact          the exact bytes are at the pinned span
    moved           the passage is elsewhere, byte for byte
    normalized      the passage equals the quote after normalization (NFKD,
                    typographic quotes and dashes, invisible characters,
                    whitespace runs), and not byte for byte
    figure_changed  the passage is a close match and its figures differ
    modified        the passage is a close match, figures the same
    missing         the passage was removed (no close match anywhere)
    ambiguous       two copies whose context is the pinned context exactly
    source_missing  the text file is gone or binary

A case whose truth would be contestable (a stray copy of a quote, a changed
passage less than 80% similar to the quote, an old copy not where the class
put it, ...) is rejected and drawn again, so each class's target has the
class's status by construction and by check. See bench/README.md.

Writes, under --work (emptied first):
    text/dNNNNN.txt        the changed documents (locate's text_file)
    orig/dNNNNN.txt        the originals (only with --originals; the default
                           set has them, the scale set does not)
    selectors.jsonl        locate's input: id, text_file, exact, prefix,
                           suffix, start, end
    truth.jsonl            id, class, status, start, end (+ doc, target,
                           similarity, detail)
    params.json            what was generated, for run.sh's --check-current

Standard library only, deterministic: the same arguments give the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_SEEDS = REPO.parent / "shared" / "corpus" / "seeds"
DEFAULT_WORK = Path("/tmp/provcheck-bench-drift")
PARAMS_FORMAT = "provcheck.bench-drift/1"
MIN_QUOTE, MAX_QUOTE = 20, 200     # code points
CONTEXT = 32                       # code points of prefix and of suffix
MIN_SIM = 0.80                     # a modified passage is at least this similar
NEAR_SIM = 0.60                    # no other sentence this similar to a missing quote

# (class, status of its target, what is done)
CLASSES = [
    ("unchanged", "intact", "nothing changes"),
    ("duplicate_after", "intact",
     "a copy of the quote, with other context, is added after it"),
    ("rewrap", "normalized", "lines re-wrapped at another width (or joined)"),
    ("whitespace", "normalized", "whitespace inside the quote changed"),
    ("typography", "normalized",
     "quotes, dashes, ellipses, ligatures, decomposed accents, invisible characters inside the quote"),
    ("para_inserted_before", "moved", "1-3 paragraphs inserted before the quote's"),
    ("para_deleted_before", "moved", "a paragraph before the quote's deleted"),
    ("para_moved", "moved", "the quote's paragraph moved elsewhere"),
    ("duplicate_before", "moved",
     "a copy with other context added before the quote: the original shifts"),
    ("word_edit", "modified", "1-3 word edits inside the quote, figures untouched"),
    ("figure_digits", "figure_changed", "a number's digits changed (250,000 -> 270,000)"),
    ("figure_scale", "figure_changed", "a scaled number changed (4.7 million -> 4.9 million)"),
    ("figure_qualifier", "figure_changed",
     "a qualifier dropped, changed or added (some 4,000 -> 4,000)"),
    ("figure_words", "figure_changed",
     "a spelled-out number changed (three-quarters -> two-thirds)"),
    ("para_deleted", "missing", "the quote's paragraph deleted"),
    ("replaced_stale_copy", "missing",
     "the quote rewritten entirely in place; its old words survive in a summary box"),
    ("corrected_stale_copy", "modified",
     "a word edit in place; the old words survive in a summary box"),
    ("corrected_figure_stale_copy", "figure_changed",
     "a figure corrected in place; the old words survive in a summary box"),
    ("repeated_paragraph", "ambiguous",
     "the quote's paragraph repeated elsewhere, both copies shifted: same context twice"),
    ("moved_rewrap", "normalized", "paragraph moved and re-wrapped"),
    ("moved_word_edit", "modified", "paragraph moved or shifted, and a word edit inside"),
    ("moved_figure", "figure_changed", "paragraph moved or shifted, and a figure changed"),
    ("rewrap_figure", "figure_changed", "lines re-wrapped and a figure changed"),
    ("typography_word_edit", "modified", "typographic changes and a word edit"),
    ("source_deleted", "source_missing", "the text file is gone"),
    ("source_binary", "source_missing", "the text file was replaced by binary bytes"),
]
CLASS_STATUS = {c: s for c, s, _ in CLASSES}
STALE_CLASSES = {"replaced_stale_copy", "corrected_stale_copy", "corrected_figure_stale_copy"}
COPY_CLASSES = STALE_CLASSES | {"duplicate_after", "duplicate_before", "repeated_paragraph"}
SOURCE_CLASSES = {"source_deleted", "source_binary"}


class Retry(Exception):
    """This attempt cannot make a valid case; draw again."""


# --------------------------------------------------------------------------
# Normalization (DESIGN.md: Unicode compatibility forms, typographic quotes,
# dashes and ellipses, invisible characters, whitespace runs; case kept)
# --------------------------------------------------------------------------
_TYPO = {}
for _c in "\u2018\u2019\u201a\u201b\u2032\u2035":
    _TYPO[_c] = "'"
for _c in "\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb\u301d\u301e\u301f":
    _TYPO[_c] = '"'
for _c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d":
    _TYPO[_c] = "-"
_TYPO_RE = re.compile("[" + "".join(_TYPO) + "]")
_INVISIBLE_RE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = _INVISIBLE_RE.sub("", s)
    s = _TYPO_RE.sub(lambda m: _TYPO[m.group()], s)
    return " ".join(s.split())


# --------------------------------------------------------------------------
# Figures: numbers with digits (separators, decimals, %, a scale word),
# spelled-out numbers, and the qualifier before them. Used to keep word
# edits off figures and to check that a figure edit changed one.
# --------------------------------------------------------------------------
QUALIFIERS = ["about", "some", "almost", "nearly", "around", "roughly", "approximately",
              "an estimated", "estimated", "at least", "more than", "over", "fewer than",
              "less than", "up to", "close to"]
NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
                "eighty", "ninety", "hundred", "thousand", "million", "billion", "half", "third",
                "thirds", "quarter", "quarters", "dozen", "dozens", "hundreds", "thousands",
                "millions", "billions", "tens"]
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
            "ninth", "tenth", "twentieth", "hundredth"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_QUAL = "|".join(sorted((re.escape(q).replace(r"\ ", r"\s+") for q in QUALIFIERS), key=len, reverse=True))
_NUMW = "(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"
_SCALE = "(?:million|billion|thousand|hundred)"
_DIGITS = r"\d(?:[\d,]*\d)?(?:\.\d+)?"
FIG_RE = re.compile(
    # not a designation such as "T-90", "Su-24", "MiG-29": a name, not a figure
    rf"(?<![\w.,])(?-i:(?<![A-Z]-)(?<![A-Z][A-Za-z]-)(?<!MiG-))(?:(?P<qual>{_QUAL})\s+)?(?P<num>"
    rf"(?P<dig>{_DIGITS})(?:\s*(?:%|percent|per\s+cent))?(?:[\s-]+(?P<scale>{_SCALE}))?"
    rf"|(?P<words>{_NUMW}(?:(?:-|\s+|\s+of\s+|\s+or\s+|\s+to\s+){_NUMW})*))(?!\w)",
    re.IGNORECASE)
PROTECTED = ({w.lower() for q in QUALIFIERS for w in q.split()} | set(NUMBER_WORDS) |
             set(ORDINALS) | {m.lower() for m in MONTHS} | {d.lower() for d in WEEKDAYS} |
             {"percent", "per", "cent", "few", "many", "several", "most", "all", "no", "none",
              "only", "just", "once", "twice", "single", "double", "triple", "than", "least"})


def figures(text: str) -> list[str]:
    """The figures of a text as comparable strings, in order."""
    n = norm(text)
    return [" ".join(m.group().lower().split()) for m in FIG_RE.finditer(n)]


# --------------------------------------------------------------------------
# Edit distance: Myers' bit-parallel algorithm (Hyyro's formulation for the
# global distance), on Python integers.
# --------------------------------------------------------------------------
def levenshtein(a: str, b: str) -> int:
    if a == b:
        return 0
    if not a:
        return len(b)
    if not b:
        return len(a)
    m = len(a)
    peq: dict[str, int] = {}
    for i, c in enumerate(a):
        peq[c] = peq.get(c, 0) | (1 << i)
    mask = (1 << m) - 1
    high = 1 << (m - 1)
    pv, mv, score = mask, 0, m
    for c in b:
        eq = peq.get(c, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (~(xh | pv) & mask)
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        ph = ((ph << 1) | 1) & mask
        mh = (mh << 1) & mask
        pv = mh | (~(xv | ph) & mask)
        mv = ph & xv
    return score


def similarity(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    return 1.0 - levenshtein(a, b) / max(len(a), len(b))


# --------------------------------------------------------------------------
# Markers: a pair of private-use characters around each pinned passage,
# carried through every change and removed before the text is written.
# --------------------------------------------------------------------------
MARK_BASE = 0xE000
MARK_RE = re.compile("[\ue000-\uf8ff]")


def m_open(k: int) -> str:
    return chr(MARK_BASE + 2 * k)


def m_close(k: int) -> str:
    return chr(MARK_BASE + 2 * k + 1)


def strip_marks(s: str) -> str:
    return MARK_RE.sub("", s)


def visible_len(s: str) -> int:
    return len(s) - len(MARK_RE.findall(s))


# --------------------------------------------------------------------------
# Seeds, originals, passages
# --------------------------------------------------------------------------
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
PIECE_BREAK = re.compile(r"(?<=[.!?\u2026])\s+|\s*\n(?=[\"'\u201c\u2018(]?[A-Z0-9])")
CLAUSE_BREAK = re.compile(r"(?<=[,;:])\s+")

PLACES = ["East Aleppo", "Idlib province", "Hama", "Homs", "Palmyra", "the Ramoussa district",
          "Damascus", "the Turkish border", "Latakia", "Raqqa"]
WHO = ["people", "families", "civilians", "fighters", "refugees", "aid workers", "children"]
ORGS = ["the U.N.", "local officials", "the Red Crescent", "monitors", "the Syrian Observatory",
        "aid agencies", "state media"]
SPELLED = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "twelve", "twenty"]


def note_paragraph(rng: random.Random, kind: int | None = None) -> str:
    """A generated update with figures of several kinds."""
    if kind is None:
        kind = rng.randrange(4)
    place, who, org = rng.choice(PLACES), rng.choice(WHO), rng.choice(ORGS)
    month, day, year = rng.choice(MONTHS), rng.randrange(1, 29), rng.choice([2015, 2016, 2017])
    qual = rng.choice(["about", "some", "an estimated", "almost", "at least", "more than", "nearly"])
    if kind == 0:
        n = rng.randrange(1200, 400_000)
        return (f"Update: {qual} {n:,} {who} were still in {place} on {month} {day}, {year}, "
                f"according to {org}.")
    if kind == 1:
        x = rng.randrange(11, 99) / 10
        scale = rng.choice(["million", "million", "thousand", "billion"])
        return (f"By {month} {year}, {org} counted {x:.1f} {scale} {who} displaced from {place} "
                f"since the fighting began.")
    if kind == 2:
        a, b = rng.sample(SPELLED, 2)
        pct = rng.randrange(5, 95)
        return (f"{a.capitalize()} convoys reached {place} in {b} weeks, and {org} said {qual} "
                f"{pct}% of the {who} there needed help.")
    lo = rng.randrange(2, 9)
    return (f"Tens of thousands of {who} fled toward {place} over {lo} days in {month} {year}; "
            f"{org} put the number at {qual} {rng.randrange(10, 99)},{rng.randrange(0, 999):03d}.")


def seed_paragraphs(text: str) -> list[str]:
    paras = [p.strip("\n") for p in PARAGRAPH_BREAK.split(text)]
    return [p for p in paras if p.strip()]


def build_original(rng: random.Random, doc: str, seed_name: str, seed_paras: list[str]) -> list[str]:
    paras = list(seed_paras)
    if len(paras) > 4 and rng.random() < 0.5:  # a light variation: two paragraphs swap places
        i = rng.randrange(1, len(paras) - 1)
        paras[i], paras[i + 1] = paras[i + 1], paras[i]
    for kind in rng.sample(range(4), 2):
        paras.insert(rng.randrange(1, len(paras) + 1), note_paragraph(rng, kind))
    header = f"Document {doc} \u2014 a copy of {seed_name} for the provcheck drift benchmark"
    footer = f"Captured as {doc}; variant {rng.getrandbits(40):010x}."
    return [header, *paras, footer]


def piece_spans(text: str, brk: re.Pattern) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for m in brk.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def passage_spans(para: str) -> list[tuple[int, int]]:
    """Sentences of a paragraph, or the clauses of a sentence over 200 code points."""
    out = []
    for s, e in piece_spans(para, PIECE_BREAK):
        if e - s > MAX_QUOTE:
            out.extend((s + a, s + b) for a, b in piece_spans(para[s:e], CLAUSE_BREAK))
        else:
            out.append((s, e))
    return [(s, e) for s, e in out if MIN_QUOTE <= e - s <= MAX_QUOTE]


def count_occurrences(hay: str, needle: str, limit: int = 3) -> int:
    n, at = 0, hay.find(needle)
    while at >= 0 and n < limit:
        n += 1
        at = hay.find(needle, at + 1)
    return n


class Quote:
    __slots__ = ("k", "para", "s", "e", "text", "start", "end", "prefix", "suffix", "inside")

    def __init__(self, k, para, s, e, text):
        self.k, self.para, self.s, self.e, self.text = k, para, s, e, text


def candidates(paras: list[str], text0: str, ntext0: str) -> list[Quote]:
    """Passages that occur exactly once in the original, byte for byte and
    normalized, outside the header and footer."""
    out: list[Quote] = []
    for pi in range(1, len(paras) - 1):
        for s, e in passage_spans(paras[pi]):
            q = paras[pi][s:e]
            if count_occurrences(text0, q) == 1 and count_occurrences(ntext0, norm(q)) == 1:
                out.append(Quote(len(out), pi, s, e, q))
    return out


def pin(quotes: list[Quote], paras: list[str], text0: str) -> None:
    """Byte spans, prefix and suffix, as provcheck pins a citation."""
    starts, pos = [], 0
    for p in paras:
        starts.append(pos)
        pos += len(p) + 2
    for q in quotes:
        cs = starts[q.para] + q.s
        ce = starts[q.para] + q.e
        assert text0[cs:ce] == q.text
        q.start = len(text0[:cs].encode("utf-8"))
        q.end = q.start + len(q.text.encode("utf-8"))
        q.prefix = text0[max(0, cs - CONTEXT):cs]
        q.suffix = text0[ce:ce + CONTEXT]
        q.inside = cs - starts[q.para] >= CONTEXT and starts[q.para] + len(paras[q.para]) - ce >= CONTEXT


def join(paras: list[str]) -> str:
    return "\n\n".join(paras) + "\n"


def mark(paras: list[str], quotes: list[Quote]) -> list[str]:
    out = list(paras)
    by_para: dict[int, list[Quote]] = {}
    for q in quotes:
        by_para.setdefault(q.para, []).append(q)
    for pi, qs in by_para.items():
        p = out[pi]
        for q in sorted(qs, key=lambda q: q.s, reverse=True):
            p = p[:q.s] + m_open(q.k) + p[q.s:q.e] + m_close(q.k) + p[q.e:]
        out[pi] = p
    return out


# --------------------------------------------------------------------------
# Changes. Each works on the marked paragraphs and raises Retry when it
# cannot apply; the target is quote k.
# --------------------------------------------------------------------------
def find_para(paras: list[str], k: int) -> int:
    o = m_open(k)
    for i, p in enumerate(paras):
        if o in p:
            return i
    raise Retry("target not found")


def edit_inside(paras: list[str], k: int, fn) -> list[str]:
    pi = find_para(paras, k)
    p = paras[pi]
    o, c = p.index(m_open(k)), p.index(m_close(k))
    inner = p[o + 1:c]
    new = fn(inner)
    if new is None or new == inner:
        raise Retry("no edit")
    if new != new.strip() or not new:
        raise Retry("edit reached the edge")
    out = list(paras)
    out[pi] = p[:o + 1] + new + p[c:]
    return out


def quote_text(paras: list[str], k: int) -> str:
    p = paras[find_para(paras, k)]
    return strip_marks(p[p.index(m_open(k)) + 1:p.index(m_close(k))])


def rewrap_para(p: str, width: int | None) -> str:
    words = p.split()
    if width is None:
        return " ".join(words)
    lines, cur, cur_len = [], [], 0
    for w in words:
        wl = visible_len(w)
        if cur and cur_len + 1 + wl > width:
            lines.append(" ".join(cur))
            cur, cur_len = [w], wl
        else:
            cur_len += wl + (1 if cur else 0)
            cur.append(w)
    if cur:
        lines.append(" ".join(cur))
    return "\n".join(lines)


def ch_rewrap(rng, paras, k):
    width = None if rng.random() < 0.25 else rng.randrange(40, 100)
    out = list(paras)
    if rng.random() < 0.5:  # the whole document, as a re-publication reflows it
        return [rewrap_para(p, width) for p in out]
    pi = find_para(out, k)
    out[pi] = rewrap_para(out[pi], width)
    return out


WS_REPLACEMENTS = ["  ", "\n", " \n", "\t", "\u00a0", "\u2009", "   "]


def ch_whitespace(rng, paras, k):
    def fn(inner):
        runs = list(re.finditer(r"\s+", inner))
        if not runs:
            return None
        chosen = sorted(rng.sample(runs, min(len(runs), rng.randint(1, 3))), key=lambda m: m.start(),
                        reverse=True)
        for m in chosen:
            old = m.group()
            new = " " if old != " " else rng.choice(WS_REPLACEMENTS)
            inner = inner[:m.start()] + new + inner[m.end():]
        return inner
    return edit_inside(paras, k, fn)


def typography_ops(inner: str) -> list[tuple[int, int, str]]:
    """Possible (start, end, replacement) typographic changes, all of which
    normalize back to the same text."""
    ops = []
    for m in re.finditer("[\u2018\u2019]", inner):
        ops.append((m.start(), m.end(), "'"))
    for m in re.finditer(r"(?<=[A-Za-z])'(?=[A-Za-z])", inner):
        ops.append((m.start(), m.end(), "\u2019"))
    for m in re.finditer("[\u201c\u201d]", inner):
        ops.append((m.start(), m.end(), '"'))
    for m in re.finditer('"', inner):
        before = inner[m.start() - 1] if m.start() else " "
        ops.append((m.start(), m.end(), "\u201c" if before.isspace() else "\u201d"))
    for m in re.finditer("[\u2013\u2014]", inner):
        ops.append((m.start(), m.end(), "-"))
    for m in re.finditer(r"(?<=[A-Za-z])-(?=[A-Za-z])", inner):
        ops.append((m.start(), m.end(), "\u2010"))
    for m in re.finditer(r"(?<= )-(?= )", inner):
        ops.append((m.start(), m.end(), "\u2013"))
    for m in re.finditer(r"\.\.\.", inner):
        ops.append((m.start(), m.end(), "\u2026"))
    for m in re.finditer("\u2026", inner):
        ops.append((m.start(), m.end(), "..."))
    for m in re.finditer(r"[^\x00-\x7f]", inner):
        d = unicodedata.normalize("NFD", m.group())
        if d != m.group():
            ops.append((m.start(), m.end(), d))
    for m in re.finditer(r"(?<=[a-z])(fi|fl)", inner):
        ops.append((m.start(), m.end(), "\ufb01" if m.group() == "fi" else "\ufb02"))
    for m in re.finditer(r"[A-Za-z]{7,}", inner):  # a soft hyphen inside a long word
        mid = m.start() + len(m.group()) // 2
        ops.append((mid, mid, "\u00ad"))
    for m in re.finditer(r"(?<=[A-Za-z]) (?=[A-Za-z])", inner):  # a zero-width space at a word end
        ops.append((m.start(), m.start(), "\u200b"))
    return ops


def ch_typography(rng, paras, k):
    def fn(inner):
        ops = typography_ops(inner)
        if not ops:
            return None
        chosen, used = [], set()
        for op in rng.sample(ops, len(ops)):
            if len(chosen) >= rng.randint(1, 3):
                break
            span = set(range(op[0] - 1, op[1] + 1))
            if span & used:
                continue
            used |= span
            chosen.append(op)
        for s, e, r in sorted(chosen, reverse=True):
            inner = inner[:s] + r + inner[e:]
        return inner
    return edit_inside(paras, k, fn)


def new_paragraphs(rng, n, other_seed_paras):
    out = []
    for _ in range(n):
        if other_seed_paras and rng.random() < 0.5:
            out.append(rng.choice(other_seed_paras))
        else:
            out.append(note_paragraph(rng))
    return out


def ch_insert_before(rng, paras, k, other):
    pi = find_para(paras, k)
    out = list(paras)
    for p in new_paragraphs(rng, rng.randint(1, 3), other):
        out.insert(rng.randint(1, pi), p)
        pi += 1
    return out


def ch_delete_before(rng, paras, k):
    pi = find_para(paras, k)
    if pi < 2:
        raise Retry("nothing to delete before")
    out = list(paras)
    del out[rng.randint(1, pi - 1)]
    return out


def ch_move(rng, paras, k):
    pi = find_para(paras, k)
    out = list(paras)
    p = out.pop(pi)
    choices = [i for i in range(1, len(out)) if i != pi]  # never before the header nor after the footer
    if not choices:
        raise Retry("nowhere to move")
    out.insert(rng.choice(choices), p)
    return out


def ch_shift(rng, paras, k, other):
    """Moved one way or another: paragraph moved, or paragraphs inserted or deleted before."""
    r = rng.random()
    if r < 0.4:
        return ch_move(rng, paras, k)
    if r < 0.7 or find_para(paras, k) < 2:
        return ch_insert_before(rng, paras, k, other)
    return ch_delete_before(rng, paras, k)


DUP_TEMPLATES = [
    "Key facts: {q}",
    "In brief \u2014 {q} (A summary of the report.)",
    "Editor\u2019s summary. {q} Details are in the full text.",
    "Recap: \u201c{q}\u201d",
    "From our earlier coverage: {q}",
]
STALE_TEMPLATES = [
    "Key points (as first published): {q}",
    "At a glance \u2014 {q}",
    "Summary box. {q} This summary has not been updated.",
    "Highlights: {q}",
]


def insert_box(rng, paras, k, text, before: bool | None):
    pi = find_para(paras, k)
    out = list(paras)
    if before is None:
        before = rng.random() < 0.5
    at = rng.randint(1, pi) if before else rng.randint(pi + 1, len(out) - 1)
    out.insert(at, text)
    return out


def ch_duplicate(rng, paras, k, before: bool):
    q = quote_text(paras, k)
    return insert_box(rng, paras, k, rng.choice(DUP_TEMPLATES).format(q=q), before)


def ch_repeat_paragraph(rng, paras, k, other):
    pi = find_para(paras, k)
    out = list(paras)
    copy = strip_marks(out[pi])
    out.insert(rng.randint(pi + 1, len(out) - 1), copy)
    out.insert(rng.randint(1, pi), note_paragraph(rng))
    return out


SUBS = {
    "said": "stated", "says": "argues", "forces": "troops", "troops": "forces", "city": "town",
    "regime": "government", "government": "regime", "rebels": "insurgents", "attack": "assault",
    "control": "hold", "large": "big", "war": "conflict", "fighting": "clashes", "major": "big",
    "country": "nation", "state": "official", "likely": "probably", "opposition": "rebel",
    "military": "armed", "offensive": "campaign", "support": "backing", "fall": "loss",
    "important": "significant", "reported": "said", "still": "yet", "could": "might",
    "would": "could", "president": "leader", "capital": "city", "strategic": "tactical",
    "political": "diplomatic", "power": "control", "groups": "factions", "areas": "regions",
    "towns": "villages", "victory": "win", "moderate": "mainstream", "despite": "in spite of",
    "intense": "heavy", "recent": "latest", "border": "frontier", "ruins": "rubble",
    "allies": "partners", "battle": "fight", "rapid": "swift", "deal": "agreement",
}
FILLERS = ["major", "local", "recent", "vital", "broad", "other", "main", "new"]
ADVERBS = ["reportedly", "also", "now", "largely", "again", "officially"]


def editable_tokens(inner: str) -> list[re.Match]:
    """Words a word edit may touch: letters only, 3+ long, not part of a
    figure, not a figure's unit (the word after it), not a figure word."""
    fig_spans = [(m.start(), m.end()) for m in FIG_RE.finditer(inner)]
    toks = list(re.finditer(r"\S+", inner))
    out = []
    for i, t in enumerate(toks):
        core = t.group().strip(".,;:!?\"'()\u201c\u201d\u2018\u2019[]")
        if not re.fullmatch(r"[A-Za-z]{3,}", core) or core.lower() in PROTECTED:
            continue
        if any(s < t.end() and t.start() < e for s, e in fig_spans):
            continue
        if i > 0 and any(s < toks[i - 1].end() and toks[i - 1].start() < e for s, e in fig_spans):
            continue
        out.append(t)
    return out


def match_case(word: str, like: str) -> str:
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def one_word_edit(rng, inner: str) -> str | None:
    toks = editable_tokens(inner)
    if not toks:
        return None
    t = rng.choice(toks)
    word = t.group()
    core_m = re.search(r"[A-Za-z]+", word)
    core = core_m.group()
    all_toks = list(re.finditer(r"\S+", inner))
    first = all_toks[0].start() == t.start()
    last = all_toks[-1].start() == t.start()
    op = rng.choice(["sub", "sub", "delete", "insert", "swap"])
    if op == "delete" and not first and not last and word == core:
        # remove the word and the space before it
        return inner[:t.start() - 1] + inner[t.end():]
    if op == "insert" and not first:
        return inner[:t.start()] + rng.choice(ADVERBS) + " " + inner[t.start():]
    if op == "swap":
        nxt = [u for u in toks if u.start() > t.end() and inner[t.end():u.start()] == " "]
        if nxt and nxt[0].group() == re.search(r"[A-Za-z]+", nxt[0].group()).group() and word == core \
                and nxt[0].group().lower() != core.lower() and not first:
            u = nxt[0]
            return inner[:t.start()] + u.group() + " " + word + inner[u.end():]
    # substitution
    repl = SUBS.get(core.lower())
    if repl is None or rng.random() < 0.2:
        repl = rng.choice([f for f in FILLERS if f != core.lower()])
    repl = match_case(repl, core)
    return inner[:t.start() + core_m.start()] + repl + inner[t.start() + core_m.end():]


def word_edit_fn(rng):
    def fn(inner):
        n = 1 if len(inner) < 80 else rng.randint(1, 2) if len(inner) < 140 else rng.randint(1, 3)
        new = inner
        for _ in range(n):
            edited = one_word_edit(rng, new)
            if edited is None:
                break
            new = edited
        if new == inner or figures(new) != figures(inner):
            return None
        return new
    return fn


def ch_word_edit(rng, paras, k):
    return edit_inside(paras, k, word_edit_fn(rng))


WORD_NUM_CHANGE = {
    "two": "three", "three": "four", "four": "five", "five": "six", "six": "seven",
    "seven": "eight", "eight": "nine", "nine": "ten", "ten": "twelve", "eleven": "twelve",
    "twelve": "ten", "twenty": "thirty", "thirty": "forty", "forty": "fifty", "fifty": "sixty",
    "sixty": "seventy", "seventy": "eighty", "eighty": "ninety", "ninety": "eighty",
    "tens": "hundreds", "dozens": "hundreds", "thousands": "hundreds", "millions": "thousands",
    "quarters": "thirds",
}
QUAL_CHANGE = ["about", "some", "almost", "nearly", "at least", "more than", "up to"]


def figure_edit_fn(rng, kind: str):
    """kind: digits, scale, qualifier, words, or any."""
    def change_digits(num: str, is_year: bool) -> str:
        if is_year:
            return str(int(num) + rng.choice([-3, -2, -1, 1, 2, 3]))
        if num.isdigit() and len(num) <= 2:
            # small numbers (days of a month, counts) stay plausible: 11 -> 13, not 71
            v = int(num)
            cap = 28 if v <= 31 else 99
            options = [v + d for d in (-3, -2, -1, 1, 2, 3) if 1 <= v + d <= cap]
            return str(rng.choice(options)).zfill(len(num))
        positions = [i for i, c in enumerate(num) if c.isdigit()]
        lead = [i for i in positions if num[i] != "0"][:1] or positions[:1]
        cand = sorted(set(lead + positions[1:2]))
        i = rng.choice(cand)
        first = i == positions[0]
        options = [d for d in "0123456789" if d != num[i] and not (first and d == "0")]
        return num[:i] + rng.choice(options) + num[i + 1:]

    def fn(inner):
        ms = list(FIG_RE.finditer(inner))
        kinds = [kind] if kind != "any" else rng.sample(["digits", "scale", "qualifier", "words"], 4)
        for kd in kinds:
            opts = []
            for m in ms:
                if kd == "digits" and m.group("dig") and not m.group("scale"):
                    opts.append(m)
                elif kd == "scale" and m.group("dig") and m.group("scale"):
                    opts.append(m)
                elif kd == "qualifier" and (m.group("qual") or (
                        m.group("dig") and not re.fullmatch(r"(19|20)\d\d", m.group("dig"))
                        and (len(m.group("dig")) >= 3 or "%" in m.group()))):
                    opts.append(m)
                elif kd == "words" and m.group("words") and m.group("words").lower() != "one":
                    if any(w.lower() in WORD_NUM_CHANGE for w in re.findall(r"[A-Za-z]+", m.group("words"))) \
                            or "three-quarters" in m.group("words").lower():
                        opts.append(m)
            if not opts:
                continue
            m = rng.choice(opts)
            if kd == "digits":
                dig = m.group("dig")
                s = m.start("dig")
                new = change_digits(dig, bool(re.fullmatch(r"(19|20)\d\d", dig)))
                return inner[:s] + new + inner[s + len(dig):]
            if kd == "scale":
                if rng.random() < 0.5:
                    dig, s = m.group("dig"), m.start("dig")
                    pos = [i for i, c in enumerate(dig) if c.isdigit()]
                    i = pos[-1] if "." in dig else pos[0]
                    options = [d for d in "123456789" if d != dig[i]]
                    return inner[:s + i] + rng.choice(options) + inner[s + i + 1:]
                sc, s = m.group("scale"), m.start("scale")
                new = {"million": "billion", "billion": "million", "thousand": "million",
                       "hundred": "thousand"}[sc.lower()]
                return inner[:s] + match_case(new, sc) + inner[s + len(sc):]
            if kd == "qualifier":
                if m.group("qual"):
                    q, s = m.group("qual"), m.start("qual")
                    if rng.random() < 0.5:  # drop it: "some 4,000" -> "4,000"
                        return inner[:s] + inner[m.start("num"):]
                    new = rng.choice([x for x in QUAL_CHANGE if x != q.lower()])
                    return inner[:s] + match_case(new, q) + inner[s + len(q):]
                s = m.start("num")
                return inner[:s] + rng.choice(["about ", "some ", "almost ", "more than "]) + inner[s:]
            # words
            words = m.group("words")
            s = m.start("words")
            if "three-quarters" in words.lower():
                i = words.lower().index("three-quarters")
                return inner[:s + i] + match_case("two-thirds", words[i:]) + inner[s + i + 14:]
            ws = [w for w in re.finditer(r"[A-Za-z]+", words) if w.group().lower() in WORD_NUM_CHANGE]
            w = rng.choice(ws)
            new = match_case(WORD_NUM_CHANGE[w.group().lower()], w.group())
            if w.group().lower() == "hundreds" and "thousand" not in words.lower():
                new = match_case("thousands", w.group())
            return inner[:s + w.start()] + new + inner[s + w.end():]
        return None
    return fn


def ch_figure(rng, paras, k, kind):
    return edit_inside(paras, k, figure_edit_fn(rng, kind))


REPLACEMENTS = [
    "Correction: an earlier version of this paragraph gave details that could not be confirmed; they have been removed.",
    "This passage was rewritten after publication to reflect what officials later said.",
    "[Paragraph revised: the earlier wording has been withdrawn pending verification.]",
    "Editor\u2019s note: the account first given here was replaced after a review of the sources.",
]


def ch_replace(rng, paras, k):
    pi = find_para(paras, k)
    p = paras[pi]
    o, c = p.index(m_open(k)), p.index(m_close(k))
    out = list(paras)
    out[pi] = p[:o] + rng.choice(REPLACEMENTS) + p[c + 1:]
    return out


def apply_change(cls: str, rng: random.Random, paras: list[str], k: int, other) -> list[str]:
    if cls == "unchanged":
        return list(paras)
    if cls == "duplicate_after":
        return ch_duplicate(rng, paras, k, before=False)
    if cls == "duplicate_before":
        return ch_duplicate(rng, paras, k, before=True)
    if cls == "rewrap":
        return ch_rewrap(rng, paras, k)
    if cls == "whitespace":
        return ch_whitespace(rng, paras, k)
    if cls == "typography":
        return ch_typography(rng, paras, k)
    if cls == "para_inserted_before":
        return ch_insert_before(rng, paras, k, other)
    if cls == "para_deleted_before":
        return ch_delete_before(rng, paras, k)
    if cls == "para_moved":
        return ch_move(rng, paras, k)
    if cls == "word_edit":
        return ch_word_edit(rng, paras, k)
    if cls.startswith("figure_"):
        return ch_figure(rng, paras, k, cls[len("figure_"):])
    if cls == "para_deleted":
        out = list(paras)
        del out[find_para(paras, k)]
        return out
    if cls in STALE_CLASSES:
        old = quote_text(paras, k)
        if cls == "replaced_stale_copy":
            out = ch_replace(rng, paras, k)
        elif cls == "corrected_stale_copy":
            out = ch_word_edit(rng, paras, k)
        else:
            out = ch_figure(rng, paras, k, "any")
        box = rng.choice(STALE_TEMPLATES).format(q=old)
        at = rng.randint(1, len(out) - 1)
        out.insert(at, box)
        return out
    if cls == "repeated_paragraph":
        return ch_repeat_paragraph(rng, paras, k, other)
    if cls == "moved_rewrap":
        out = ch_move(rng, paras, k)
        pi = find_para(out, k)
        out[pi] = rewrap_para(out[pi], None if rng.random() < 0.25 else rng.randrange(40, 100))
        return out
    if cls == "moved_word_edit":
        return ch_word_edit(rng, ch_shift(rng, paras, k, other), k)
    if cls == "moved_figure":
        return ch_figure(rng, ch_shift(rng, paras, k, other), k, "any")
    if cls == "rewrap_figure":
        return ch_figure(rng, ch_rewrap(rng, paras, k), k, "any")
    if cls == "typography_word_edit":
        return ch_typography(rng, ch_word_edit(rng, paras, k), k)
    raise ValueError(cls)


def suits(cls: str, q: Quote) -> bool:
    """Whether quote q can be the target of a class (a cheap pre-filter; the
    truth check after the change decides)."""
    words = len(q.text.split())
    if cls in ("rewrap", "moved_rewrap") and words < 6:
        return False
    if cls == "whitespace" and words < 3:
        return False
    if cls == "para_deleted_before" and q.para < 2:
        return False
    if cls in ("word_edit", "corrected_stale_copy", "moved_word_edit", "typography_word_edit") \
            and not (len(q.text) >= 40 and words >= 6 and editable_tokens(q.text)):
        return False
    if (cls.startswith("figure_") or cls in ("corrected_figure_stale_copy", "moved_figure", "rewrap_figure")) \
            and not (len(q.text) >= 25 and FIG_RE.search(q.text)):
        return False
    if cls == "repeated_paragraph" and not q.inside:
        return False
    return True


# --------------------------------------------------------------------------
# Ground truth
# --------------------------------------------------------------------------
class Located:
    """The changed text without markers, and where each marked passage is."""

    def __init__(self, marked: str):
        self.spans: dict[int, tuple[int, int]] = {}
        opens: dict[int, int] = {}
        removed = 0
        for m in MARK_RE.finditer(marked):
            v = ord(m.group()) - MARK_BASE
            k, is_close = divmod(v, 2)
            at = m.start() - removed
            removed += 1
            if is_close:
                if k not in opens or k in self.spans:
                    raise Retry("marker damaged")
                self.spans[k] = (opens[k], at)
            else:
                if k in opens:
                    raise Retry("marker duplicated")
                opens[k] = at
        if set(opens) != set(self.spans):
            raise Retry("marker lost")
        self.text = MARK_RE.sub("", marked)
        self.bytes = self.text.encode("utf-8")
        self._norm: str | None = None
        self._sentences: list[str] | None = None

    @property
    def ntext(self) -> str:
        if self._norm is None:
            self._norm = norm(self.text)
        return self._norm

    def byte_span(self, cs: int, ce: int) -> tuple[int, int]:
        b = len(self.text[:cs].encode("utf-8"))
        return b, b + len(self.text[cs:ce].encode("utf-8"))

    def sentences(self) -> list[str]:
        if self._sentences is None:
            out = []
            for p in PARAGRAPH_BREAK.split(self.text):
                for s, e in piece_spans(p, PIECE_BREAK):
                    out.append(p[s:e])
                    if e - s > MAX_QUOTE:
                        out.extend(p[s + a:s + b] for a, b in piece_spans(p[s:e], CLAUSE_BREAK))
            self._sentences = out
        return self._sentences


def near_copies(loc: Located, quote: str, exclude: set[str]) -> bool:
    """Whether some sentence of the text, other than those in exclude, is at
    least NEAR_SIM similar to the quote (a missing quote must have none)."""
    qwords = set(quote.lower().split())
    for s in loc.sentences():
        if s in exclude or not (0.6 * len(quote) <= len(s) <= 1.6 * len(quote)):
            continue
        swords = set(s.lower().split())
        if len(qwords & swords) < 0.4 * len(qwords):
            continue
        if similarity(quote, s) >= NEAR_SIM:
            return True
    return False


def truth_of(loc: Located, q: Quote, cls: str | None) -> dict:
    """The ground truth of quote q in the changed text, computed from the
    bytes; raises Retry when it would be contestable. cls is the class when
    q is the target, None for a bystander (other quotes of the document)."""
    qb = q.text.encode("utf-8")
    at_pin = loc.bytes[q.start:q.end] == qb
    span = loc.spans.get(q.k)
    n_exact = count_occurrences(loc.text, q.text)
    n_norm = count_occurrences(loc.ntext, norm(q.text))
    copies = 1 if cls in COPY_CLASSES else 0
    t = {"status": None, "start": None, "end": None, "similarity": None}
    if span is None:
        if at_pin:
            raise Retry("old words back at the pinned span")
        if n_exact != copies or n_norm != copies:
            raise Retry("a copy of a removed quote")
        # In a stale-copy class the box holds the old words: its sentences
        # (the quote, or pieces of it) are the intended copy, not a near one.
        exclude = {s for s in loc.sentences() if copies and (q.text in s or s in q.text)}
        if near_copies(loc, q.text, exclude):
            raise Retry("a near copy of a removed quote")
        t["status"] = "missing"
        return t
    b, e = loc.byte_span(*span)
    passage = loc.text[span[0]:span[1]]
    if at_pin and (b, e) != (q.start, q.end):
        raise Retry("another copy at the pinned span")
    t["start"], t["end"] = b, e
    if passage == q.text:
        if n_exact != 1 + copies or n_norm != 1 + copies:
            raise Retry("stray copies")
        t["status"] = "intact" if at_pin else "moved"
        t["similarity"] = 1.0
        return t
    if norm(passage) == norm(q.text):
        if n_exact != 0 or n_norm != 1 + copies:
            raise Retry("stray copies (normalized)")
        t["status"] = "normalized"
        t["similarity"] = 1.0
        return t
    if n_exact != copies or n_norm != copies:
        raise Retry("old words elsewhere")
    sim = similarity(q.text, passage)
    if sim < MIN_SIM:
        raise Retry("changed too much to be a close match")
    t["similarity"] = round(sim, 4)
    t["status"] = "figure_changed" if figures(passage) != figures(q.text) else "modified"
    return t


def ambiguous_truth(loc: Located, q: Quote) -> dict:
    qb = q.text.encode("utf-8")
    places = []
    at = loc.bytes.find(qb)
    while at >= 0:
        places.append(at)
        at = loc.bytes.find(qb, at + 1)
    if len(places) != 2 or q.start in places:
        raise Retry("not two shifted copies")
    if count_occurrences(loc.ntext, norm(q.text)) != 2:
        raise Retry("normalized copies")
    pre_b, suf_b = q.prefix.encode("utf-8"), q.suffix.encode("utf-8")
    for p in places:
        if loc.bytes[p - len(pre_b):p] != pre_b or loc.bytes[p + len(qb):p + len(qb) + len(suf_b)] != suf_b:
            raise Retry("the copies' contexts differ")
    return {"status": "ambiguous", "start": None, "end": None, "similarity": 1.0}


def stale_copy_ok(loc: Located, q: Quote) -> None:
    """In a stale-copy class the only exact copy of the old words is in the box."""
    at = loc.text.find(q.text)
    line_start = loc.text.rfind("\n\n", 0, at) + 2
    box = loc.text[line_start:at]
    if not any(box.endswith(t.split("{q}")[0]) for t in STALE_TEMPLATES):
        raise Retry("old words not in the box")


# --------------------------------------------------------------------------
# One document
# --------------------------------------------------------------------------
BINARY_HEAD = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"


class Doc:
    """A generated document: its original, its changed text and its records."""

    def __init__(self):
        self.name = ""
        self.cls = ""
        self.original = ""
        self.changed: bytes | None = None  # None: the file is not written (source_deleted)
        self.gone_file: str | None = None    # for the source classes: the path the target names
        self.gone_bytes: bytes | None = None
        self.records: list[tuple[dict, dict]] = []


def make_doc(index: int, cfg: dict, seeds: list[tuple[str, list[str]]]) -> Doc:
    n_cls = len(CLASSES)
    cls = CLASSES[index % n_cls][0]
    seed_i = index % len(seeds)
    name = f"d{index + 1:06d}"
    rng = random.Random(f"{cfg['seed']}:{name}")
    seed_name, seed_paras = seeds[seed_i]
    other = [p for j, (_, ps) in enumerate(seeds) if j != seed_i for p in ps if 80 <= len(p) <= 900]
    for _variant in range(20):
        paras = build_original(rng, name, seed_name, seed_paras)
        text0 = join(paras)
        cands = candidates(paras, text0, norm(text0))
        pin(cands, paras, text0)
        marked = mark(paras, cands)
        order = [q for q in rng.sample(cands, len(cands)) if suits(cls, q)]
        for q in order[:40]:
            for _attempt in range(4):
                try:
                    doc = try_doc(index, cls, name, rng, cfg, paras, text0, cands, marked, q, other)
                except Retry:
                    continue
                return doc
    raise RuntimeError(f"could not make a {cls} case for {name} from {seed_name}")


def try_doc(index, cls, name, rng, cfg, paras, text0, cands, marked, target, other) -> Doc:
    doc = Doc()
    doc.name, doc.cls, doc.original = name, cls, text0
    k = target.k
    if cls in SOURCE_CLASSES:
        changed = list(marked)
    else:
        changed = apply_change(cls, rng, marked, k, other)
    loc = Located(join(changed))
    records = []
    if cls in SOURCE_CLASSES:
        t_truth = {"status": "source_missing", "start": None, "end": None, "similarity": None}
    elif cls == "repeated_paragraph":
        t_truth = ambiguous_truth(loc, target)
    else:
        t_truth = truth_of(loc, target, cls)
        if cls in STALE_CLASSES:
            stale_copy_ok(loc, target)
    if t_truth["status"] != CLASS_STATUS[cls]:
        raise Retry(f"target is {t_truth['status']}, not {CLASS_STATUS[cls]}")
    records.append((target, cls, t_truth))
    # Bystanders: other pinned passages of the same document, judged in the
    # same changed text (the scale set has several quotes per document).
    want = cfg["quotes_per_doc"] - 1
    if want > 0:
        others = [q for q in cands if q.k != k]
        for q in rng.sample(others, len(others)):
            if len(records) > want:
                break
            try:
                records.append((q, "bystander", truth_of(loc, q, None)))
            except Retry:
                continue
        if len(records) <= want:
            raise Retry("too few bystanders")
    doc.changed = loc.bytes
    text_file = cfg["text_path"](name)
    if cls == "source_deleted":
        text_file = cfg["gone_path"](name) if want > 0 else text_file
        if want == 0:
            doc.changed = None
        doc.gone_file = text_file
    elif cls == "source_binary":
        blob = BINARY_HEAD + rng.randbytes(2048)
        if want > 0:
            text_file = cfg["gone_path"](name)
            doc.gone_file, doc.gone_bytes = text_file, blob
        else:
            doc.changed = blob
    for q, label, t in records:
        qid = f"{name}:{label if label != 'bystander' else 'b%02d' % q.k}"
        tf = text_file if label != "bystander" else cfg["text_path"](name)
        sel = {"id": qid, "text_file": tf, "exact": q.text, "prefix": q.prefix,
               "suffix": q.suffix, "start": q.start, "end": q.end}
        tr = {"id": qid, "class": label, "status": t["status"], "start": t["start"],
              "end": t["end"], "doc": name, "similarity": t["similarity"]}
        doc.records.append((sel, tr))
    return doc


# --------------------------------------------------------------------------
# Parameters, output
# --------------------------------------------------------------------------
def sha256_files(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(p.name.encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def seed_files(seeds_dir: Path) -> list[Path]:
    if not seeds_dir.is_dir():
        sys.exit(f"gen.py: no seeds folder at {seeds_dir} (pass --seeds DIR)")
    files = sorted(p for p in seeds_dir.iterdir() if p.is_file() and p.suffix in (".txt", ".md"))
    if not files:
        sys.exit(f"gen.py: no .txt/.md seed articles in {seeds_dir}")
    return files


def expected_params(args, seeds: list[Path]) -> dict:
    return {
        "format": PARAMS_FORMAT,
        "docs": args.docs,
        "quotes_per_doc": args.quotes_per_doc,
        "originals": args.originals,
        "random_seed": args.seed,
        "classes": [c for c, _, _ in CLASSES],
        "seeds_sha256": sha256_files(seeds),
        "generator_sha256": hashlib.sha256(Path(__file__).read_bytes()).hexdigest(),
    }


def check_current(args, seeds) -> int:
    try:
        have = json.loads((args.work / "params.json").read_text())
    except (OSError, ValueError):
        print(f"gen.py: no finished set at {args.work}")
        return 1
    want = expected_params(args, seeds)
    changed = [k for k in want if have.get(k) != want[k]]
    if not have.get("complete") or changed:
        print(f"gen.py: the set at {args.work} is unfinished or differs in: {', '.join(changed) or 'complete'}")
        return 1
    print(f"gen.py: the set at {args.work} is current")
    return 0


def clear_work(work: Path, force: bool) -> None:
    if work.exists():
        if not work.is_dir():
            sys.exit(f"gen.py: {work} exists and is not a directory")
        ours = (work / "params.json").exists() or (work / ".bench-drift").exists()
        if any(work.iterdir()) and not (ours or force):
            sys.exit(f"gen.py: {work} is not empty and was not made by this generator; "
                     f"pick another --work or pass --force")
        shutil.rmtree(work)
    work.mkdir(parents=True)
    (work / ".bench-drift").touch()


def load_seeds(paths: list[Path]) -> list[tuple[str, list[str]]]:
    out = []
    for p in paths:
        text = p.read_text(encoding="utf-8")
        if MARK_RE.search(text):
            sys.exit(f"gen.py: {p} contains private-use characters, which the generator uses as markers")
        out.append((p.stem, seed_paragraphs(text)))
    return out


_WORKER: dict = {}


def _init_worker(cfg_items, seeds):
    _WORKER["cfg"] = make_cfg(cfg_items)
    _WORKER["seeds"] = seeds


def _work(index: int) -> Doc:
    return make_doc(index, _WORKER["cfg"], _WORKER["seeds"])


def make_cfg(items: dict) -> dict:
    cfg = dict(items)
    work = Path(cfg["work"])
    shard = cfg["shard"]

    def text_path(name: str) -> str:
        if shard:
            n = int(name[1:]) - 1
            return str(work / "text" / f"{n // 1000:03d}" / f"{name}.txt")
        return str(work / "text" / f"{name}.txt")

    def gone_path(name: str) -> str:
        return str(work / "gone" / f"{name}.txt")

    cfg["text_path"], cfg["gone_path"] = text_path, gone_path
    return cfg


def generate(args, seed_paths: list[Path]) -> None:
    t0 = time.perf_counter()
    work: Path = args.work
    clear_work(work, args.force)
    seeds = load_seeds(seed_paths)
    params = expected_params(args, seed_paths)
    params["complete"] = False
    (work / "params.json").write_text(json.dumps(params, indent=2) + "\n")
    items = {"seed": args.seed, "quotes_per_doc": args.quotes_per_doc, "work": str(work),
             "shard": args.docs > 2000}
    cfg = make_cfg(items)
    (work / "text").mkdir()
    (work / "gone").mkdir()
    if args.originals:
        (work / "orig").mkdir()
    made_dirs: set[str] = set()
    counts: Counter = Counter()
    status_counts: Counter = Counter()
    n_quotes = 0
    text_bytes = 0
    if args.jobs > 1 and args.docs >= 200:
        import multiprocessing as mp
        pool = mp.get_context("fork").Pool(args.jobs, _init_worker, (items, seeds))
        docs = pool.imap(_work, range(args.docs), chunksize=32)
    else:
        pool = None
        docs = (make_doc(i, cfg, seeds) for i in range(args.docs))
    with open(work / "selectors.jsonl", "w", encoding="utf-8", newline="\n") as fs, \
            open(work / "truth.jsonl", "w", encoding="utf-8", newline="\n") as ft:
        for n, doc in enumerate(docs, 1):
            path = Path(cfg["text_path"](doc.name))
            if str(path.parent) not in made_dirs:
                path.parent.mkdir(parents=True, exist_ok=True)
                made_dirs.add(str(path.parent))
            if doc.changed is not None:
                path.write_bytes(doc.changed)
                text_bytes += len(doc.changed)
            if doc.gone_bytes is not None:
                Path(doc.gone_file).write_bytes(doc.gone_bytes)
            if args.originals:
                (work / "orig" / f"{doc.name}.txt").write_text(doc.original, encoding="utf-8")
            for sel, tr in doc.records:
                fs.write(json.dumps(sel, ensure_ascii=False) + "\n")
                ft.write(json.dumps(tr, ensure_ascii=False) + "\n")
                counts[tr["class"]] += 1
                status_counts[tr["status"]] += 1
                n_quotes += 1
            if n % 5000 == 0:
                print(f"gen.py:   {n}/{args.docs} documents", flush=True)
    if pool is not None:
        pool.close()
        pool.join()
    params.update(complete=True, quotes=n_quotes, text_bytes=text_bytes,
                  by_class=dict(sorted(counts.items())), by_status=dict(sorted(status_counts.items())),
                  seconds=round(time.perf_counter() - t0, 2))
    (work / "params.json").write_text(json.dumps(params, indent=2) + "\n")
    print(f"gen.py: {args.docs} documents ({text_bytes / 1e6:.1f} MB), {n_quotes} quotes, "
          f"{len(counts)} classes, at {work} in {time.perf_counter() - t0:.1f} s")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="Classes:\n" + "\n".join(
                                     f"  {c:<28} {s:<15} {d}" for c, s, d in CLASSES))
    ap.add_argument("--work", "-w", type=Path, default=None,
                    help=f"output folder, emptied first (default {DEFAULT_WORK}/default, "
                         f"or {DEFAULT_WORK}/scale with --scale)")
    ap.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS,
                    help="folder of seed articles (default ../shared/corpus/seeds)")
    ap.add_argument("--per-class", type=int, default=120,
                    help="documents per class in the default set (default 120)")
    ap.add_argument("--scale", action="store_true",
                    help="the scale set: 20,000 documents, 10 quotes each (one target, nine bystanders)")
    ap.add_argument("--docs", type=int, default=None, help="documents (overrides --per-class)")
    ap.add_argument("--quotes-per-doc", type=int, default=None,
                    help="quotes pinned per document: 1 target and the rest bystanders "
                         "(default 1, or 10 with --scale)")
    ap.add_argument("--originals", action=argparse.BooleanOptionalAction, default=None,
                    help="also write the original texts to orig/ (default: yes, but not with --scale)")
    ap.add_argument("--seed", type=int, default=20161215, help="random seed")
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1),
                    help="worker processes (the output does not depend on it)")
    ap.add_argument("--force", action="store_true", help="empty --work even if not made by this script")
    ap.add_argument("--check-current", action="store_true",
                    help="exit 0 if --work holds a finished set made with these arguments, else 1")
    args = ap.parse_args()
    if args.docs is None:
        args.docs = 20000 if args.scale else args.per_class * len(CLASSES)
    if args.quotes_per_doc is None:
        args.quotes_per_doc = 10 if args.scale else 1
    if args.originals is None:
        args.originals = not args.scale
    if args.work is None:
        args.work = DEFAULT_WORK / ("scale" if args.scale else "default")
    args.work = args.work.absolute()
    if args.docs < 1 or args.quotes_per_doc < 1:
        sys.exit("gen.py: --docs and --quotes-per-doc must be positive")
    seeds = seed_files(args.seeds)
    if args.check_current:
        return check_current(args, seeds)
    generate(args, seeds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
