#!/usr/bin/env node
// The peer of bench/drift: re-anchoring the way the Hypothesis annotation
// client does it, over the same input and output as `provcheck locate`.
//
//   node locate.js [FILE]   (JSON Lines of selectors from FILE or stdin)
//
// Input lines:  {"id", "text_file", "exact", "prefix", "suffix", "start", "end"}
//               (start/end: UTF-8 byte offsets, as provcheck pins them)
// Output lines: {"id", "status", "start", "end", "similarity"}
//
// The anchoring follows the Hypothesis client (src/annotator/anchoring):
//   1. The TextPositionSelector first: if the text at the pinned span is the
//      exact quote, that is the anchor (the client's position anchor with
//      its quote assertion).
//   2. Otherwise the TextQuoteSelector, with the old start as the position
//      hint: all exact occurrences of the quote if there is any, else the
//      approximate matches of Myers' bit-parallel algorithm (the npm package
//      approx-string-match) with at most min(256, quote.length / 2) errors;
//      each candidate scored by quote similarity (weight 50), prefix and
//      suffix similarity (20 each, themselves approximate matches of the
//      stored context against the text beside the candidate) and nearness
//      to the hint (2); the best score wins. There is no minimum score and
//      no margin over the runner-up: any candidate within the error budget
//      is taken.
// This is our own code written after the client's match-quote.ts, not a
// copy of it. The client works on the DOM's text (UTF-16 code units, no
// normalization); so does this program, on the file's text.
//
// Mapping what it finds to provcheck's statuses, as fairly as we can:
//   exact quote at the pinned span                 -> intact
//   exact quote elsewhere                          -> moved
//   a match equal to the quote after normalization -> normalized
//     (NFKD, typographic quotes/dashes, invisible characters, whitespace:
//      the same rules as provcheck's normalizer, applied to what the
//      anchorer returned; the anchorer itself does not normalize)
//   any other match                                -> modified
//   no match                                       -> missing
//   file unreadable, or binary (a NUL byte in its first 64 KiB)
//                                                  -> source_missing
// Hypothesis cannot tell a changed figure from a changed word, and it never
// declines to choose between equal candidates: it never says
// figure_changed or ambiguous.

import { readFileSync, createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import approxSearch from "approx-string-match";

// --- Hypothesis-style matching ----------------------------------------------

// All exact occurrences if there are any (the cheap path), else the
// approximate matches with the fewest errors up to maxErrors.
function search(text, str, maxErrors) {
  const exact = [];
  let at = text.indexOf(str);
  while (at !== -1) {
    exact.push({ start: at, end: at + str.length, errors: 0 });
    at = text.indexOf(str, at + 1);
  }
  if (exact.length > 0) return exact;
  return approxSearch(text, str, maxErrors);
}

// Similarity of `str` to its best approximate occurrence in `text`, 0..1.
function textMatchScore(text, str) {
  if (str.length === 0 || text.length === 0) return 0.0;
  const matches = search(text, str, str.length);
  return 1 - matches[0].errors / str.length;
}

const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POS_WEIGHT = 2;

function matchQuote(text, quote, context) {
  if (quote.length === 0) return null;
  const maxErrors = Math.min(256, quote.length / 2);
  const matches = search(text, quote, maxErrors);
  if (matches.length === 0) return null;
  let best = null;
  for (const m of matches) {
    const quoteScore = 1 - m.errors / quote.length;
    const prefixScore = context.prefix
      ? textMatchScore(text.slice(Math.max(0, m.start - context.prefix.length), m.start), context.prefix)
      : 1.0;
    const suffixScore = context.suffix
      ? textMatchScore(text.slice(m.end, m.end + context.suffix.length), context.suffix)
      : 1.0;
    let posScore = 1.0;
    if (typeof context.hint === "number") {
      posScore = 1.0 - Math.abs(m.start - context.hint) / text.length;
    }
    const score =
      (QUOTE_WEIGHT * quoteScore + PREFIX_WEIGHT * prefixScore + SUFFIX_WEIGHT * suffixScore + POS_WEIGHT * posScore) /
      (QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POS_WEIGHT);
    // The client sorts by score and takes the first; a stable sort keeps
    // the earliest of equal scores, and so does a strict comparison here.
    if (best === null || score > best.score) {
      best = { start: m.start, end: m.end, errors: m.errors, score };
    }
  }
  return best;
}

// --- normalization, for the mapping to statuses only ------------------------

const TYPO = new Map();
for (const c of "\u2018\u2019\u201a\u201b\u2032\u2035") TYPO.set(c, "'");
for (const c of "\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb\u301d\u301e\u301f") TYPO.set(c, '"');
for (const c of "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d") TYPO.set(c, "-");
const TYPO_RE = new RegExp("[" + [...TYPO.keys()].join("") + "]", "g");
const INVISIBLE_RE = /[\u00ad\u200b\u200c\u200d\u2060\ufeff]/g;
const SPACE_RE = /[\s\u0085]+/g;

function normalize(s) {
  return s
    .normalize("NFKD")
    .replace(INVISIBLE_RE, "")
    .replace(TYPO_RE, (c) => TYPO.get(c))
    .replace(SPACE_RE, " ")
    .trim();
}

// --- files and offsets ------------------------------------------------------

class Source {
  constructor(path) {
    this.path = path;
    this.problem = null;
    this.buf = null;
    this.text = null;
    try {
      this.buf = readFileSync(path);
    } catch (e) {
      this.problem = e.code || String(e);
      return;
    }
    if (this.buf.subarray(0, 65536).includes(0)) {
      this.problem = "binary";
      return;
    }
    this.text = this.buf.toString("utf8");
  }

  // UTF-8 byte offset -> UTF-16 index (for the position hint).
  charIndex(byteOffset) {
    const b = Math.max(0, Math.min(byteOffset, this.buf.length));
    return this.buf.subarray(0, b).toString("utf8").length;
  }

  // UTF-16 index -> UTF-8 byte offset.
  byteOffset(charIndex) {
    return Buffer.byteLength(this.text.slice(0, charIndex), "utf8");
  }
}

function locateOne(src, sel) {
  if (src.problem !== null) return { status: "source_missing", start: null, end: null, similarity: 0 };
  const exact = sel.exact;
  const exactBytes = Buffer.from(exact, "utf8");
  // 1. The position selector, with the quote assertion.
  if (
    Number.isInteger(sel.start) &&
    Number.isInteger(sel.end) &&
    sel.end - sel.start === exactBytes.length &&
    sel.end <= src.buf.length &&
    src.buf.subarray(sel.start, sel.end).equals(exactBytes)
  ) {
    return { status: "intact", start: sel.start, end: sel.end, similarity: 1 };
  }
  // 2. The quote selector with the old position as a hint.
  const hint = Number.isInteger(sel.start) ? src.charIndex(sel.start) : undefined;
  const m = matchQuote(src.text, exact, { prefix: sel.prefix || "", suffix: sel.suffix || "", hint });
  if (m === null) return { status: "missing", start: null, end: null, similarity: 0 };
  const start = src.byteOffset(m.start);
  const end = start + Buffer.byteLength(src.text.slice(m.start, m.end), "utf8");
  const found = src.text.slice(m.start, m.end);
  const similarity = Math.round((1 - m.errors / exact.length) * 10000) / 10000;
  let status;
  if (found === exact) status = start === sel.start ? "intact" : "moved";
  else if (normalize(found) === normalize(exact)) status = "normalized";
  else status = "modified";
  return { status, start, end, similarity };
}

// --- main: JSON Lines in, JSON Lines out ------------------------------------

async function main() {
  const file = process.argv[2];
  const input = file && file !== "-" ? createReadStream(file) : process.stdin;
  const lines = createInterface({ input, crlfDelay: Infinity });
  let src = null;
  let count = 0;
  let broken = 0;
  let lineNo = 0;
  let out = [];
  const flush = () => {
    if (out.length) {
      process.stdout.write(out.join(""));
      out = [];
    }
  };
  for await (const line of lines) {
    lineNo += 1;
    if (line.trim() === "") continue;
    let sel;
    try {
      sel = JSON.parse(line);
    } catch (e) {
      flush();
      process.stderr.write(`peer: ${file || "stdin"}:${lineNo}: not JSON: ${e.message}\n`);
      process.exit(2);
    }
    if (typeof sel.exact !== "string" || typeof sel.text_file !== "string") {
      flush();
      process.stderr.write(`peer: ${file || "stdin"}:${lineNo}: needs "exact" and "text_file"\n`);
      process.exit(2);
    }
    if (src === null || src.path !== sel.text_file) src = new Source(sel.text_file);
    const r = locateOne(src, sel);
    if (r.status === "missing" || r.status === "source_missing") broken += 1;
    out.push(
      JSON.stringify({ id: sel.id, status: r.status, start: r.start, end: r.end, similarity: r.similarity }) + "\n"
    );
    count += 1;
    if (out.length >= 512) flush();
  }
  flush();
  process.stderr.write(`peer: located ${count} selectors, ${broken} missing or source_missing\n`);
}

main().catch((e) => {
  process.stderr.write(`peer: ${e.stack || e}\n`);
  process.exit(3);
});
