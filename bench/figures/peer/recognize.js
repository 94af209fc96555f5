#!/usr/bin/env node
// bench/figures peer: Microsoft Recognizers-Text (English) as a figure
// extractor, for the same scorer and the same corpus as provcheck.
//
//   node recognize.js score FILE...        JSON Lines, one figure a line:
//        {"file", "start", "end", "text", "kind", "value", "type"}
//        (UTF-8 byte offsets, end exclusive; kinds as provcheck names them)
//   node recognize.js time [--runs N] FILE  one JSON object: bytes and the
//        best wall time of (a) the number-with-unit package's recognizers
//        alone and (b) all the recognizers the scoring uses.
//
// Recognizers used, and how their result types map to provcheck's kinds:
//   number-with-unit: currency -> money; dimension -> distance (length
//     units) or count; age -> duration; temperature -> count
//   number: number -> count, or fraction for a value below one written in
//     words ("three-quarters"); ordinal -> ordinal; percentage -> percent
//   date-time: date, datetime -> date ("YYYY-MM-DD", "--MM-DD" for XXXX);
//     daterange -> year for a timex "YYYY" (or a season or half of one,
//     or no timex and a four-digit year in the text), else date
//     ("YYYY-MM", "--MM");
//     time -> time ("HH:MM"); duration -> duration (P5Y -> 5);
//     other datetime types -> date with the timex as value.
// Results overlap across recognizers; the most specific wins (date-time,
// then units and percentages, then ordinals, then plain numbers), then the
// longer span, so a span is reported once, as the scorer expects.
'use strict';
const fs = require('fs');
const path = require('path');
const N = require('@microsoft/recognizers-text-number');
const U = require('@microsoft/recognizers-text-number-with-unit');
const D = require('@microsoft/recognizers-text-date-time');

const CULTURE = 'en-us';
const UNIT_RECOGNIZERS = [
  ['currency', U.recognizeCurrency, 4],
  ['dimension', U.recognizeDimension, 4],
  ['age', U.recognizeAge, 4],
  ['temperature', U.recognizeTemperature, 4],
];
const ALL_RECOGNIZERS = [
  ...UNIT_RECOGNIZERS,
  ['number', N.recognizeNumber, 1],
  ['ordinal', N.recognizeOrdinal, 2],
  ['percentage', N.recognizePercentage, 3],
  ['datetime', D.recognizeDateTime, 5],
];
const LENGTH_UNITS = new Set(['Kilometer', 'Mile', 'Meter', 'Centimeter', 'Millimeter', 'Foot', 'Inch', 'Yard',
  'Decimeter', 'Nautical mile', 'Light year']);

function num(s) {
  const v = parseFloat(String(s).replace(/[%,]/g, ''));
  return Number.isFinite(v) ? v : null;
}

function timexDate(t) {
  let m;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})/.exec(t))) return `${m[1]}-${m[2]}-${m[3]}`;
  if ((m = /^XXXX-(\d{2})-(\d{2})/.exec(t))) return `--${m[1]}-${m[2]}`;
  if ((m = /^(\d{4})-(\d{2})$/.exec(t))) return `${m[1]}-${m[2]}`;
  if ((m = /^XXXX-(\d{2})$/.exec(t))) return `--${m[1]}`;
  return t;
}

function durationValue(t) {
  const m = /^PT?(\d+(?:\.\d+)?)[YMWDHS]$/.exec(t);
  return m ? parseFloat(m[1]) : t;
}

// [kind, value] for a result, or null to drop it.
function mapResult(name, r) {
  const res = r.resolution || {};
  switch (name) {
    case 'currency': return ['money', num(res.value)];
    case 'dimension': return [LENGTH_UNITS.has(res.unit) ? 'distance' : 'count', num(res.value)];
    case 'age': return ['duration', num(res.value)];
    case 'temperature': return ['count', num(res.value)];
    case 'ordinal': return ['ordinal', num(res.value)];
    case 'percentage': return ['percent', num(res.value)];
    case 'number': {
      const v = num(res.value);
      const fraction = v !== null && v > 0 && v < 1 && !/[0-9]/.test(r.text);
      return [fraction ? 'fraction' : 'count', v];
    }
    case 'datetime': {
      const first = (res.values || [])[0] || {};
      const timex = first.timex || '';
      const type = r.typeName.replace('datetimeV2.', '');
      if (type === 'date' || type === 'datetime') return ['date', timexDate(timex)];
      if (type === 'daterange') {
        // "2015", "the summer of 2015" (2015-SU), "later in 2012" (no timex): the year
        const y = /^(\d{4})(-(SU|WI|FA|SP|H1|H2|Q\d))?$/.exec(timex) || (!timex && /\b(\d{4})\b/.exec(r.text));
        if (y) return ['year', parseInt(y[1], 10)];
        return ['date', timexDate(timex)];
      }
      if (type === 'time') {
        const m = /^T(\d{2}):(\d{2})/.exec(timex) || /^T(\d{2})$/.exec(timex);
        return ['time', m ? `${m[1]}:${m[2] || '00'}` : timex];
      }
      if (type === 'duration') return ['duration', durationValue(timex)];
      return ['date', timex];
    }
    default: return null;
  }
}

// UTF-16 index -> UTF-8 byte offset, for every index of s (and its end).
function byteOffsets(s) {
  const out = new Int32Array(s.length + 1);
  let b = 0;
  for (let i = 0; i < s.length; i++) {
    out[i] = b;
    const c = s.charCodeAt(i);
    if (c < 0x80) b += 1;
    else if (c < 0x800) b += 2;
    else if (c >= 0xd800 && c <= 0xdbff) { out[i + 1] = b; b += 4; i++; }
    else b += 3;
  }
  out[s.length] = b;
  return out;
}

// Line by line, as the library is meant to be used (on utterances): on a
// whole article some of its recognizers take time that grows faster than
// the text (currency: 10 s for 8 KB at once, 1.6 s line by line).
function recognize(text, recognizers) {
  const found = [];
  let at = 0;
  for (const line of text.split('\n')) {
    if (/[^\s]/.test(line)) {
      for (const [name, fn, priority] of recognizers) {
        for (const r of fn(line, CULTURE)) found.push({ name, r, priority, start: at + r.start, end: at + r.end + 1 });
      }
    }
    at += line.length + 1;
  }
  return found;
}

// Results that are no figure by the labelled set's conventions and that a
// user of the library would drop: relative references with neither digits,
// number words nor a month name ("now", "last week", "the fall"), and
// relative ordinals ("last", "next": value 0).
const FIGURE_WORD = new RegExp('\\d|\\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|' +
  'thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|' +
  'eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?|half|quarters?|thirds?|several|few|first|' +
  'second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|january|february|march|april|may|june|july|' +
  'august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\\b', 'i');
function isFigure(f, mapped) {
  if (!FIGURE_WORD.test(f.r.text)) return false;
  if (mapped[0] === 'ordinal' && !(mapped[1] > 0)) return false;
  return true;
}

// Non-overlapping figures, most specific first, in document order.
function resolve(found) {
  found.sort((a, b) => b.priority - a.priority || (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  const kept = [];
  for (const f of found) {
    if (kept.some((k) => f.start < k.end && k.start < f.end)) continue;
    kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function score(files) {
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const offs = byteOffsets(text);
    for (const f of resolve(recognize(text, ALL_RECOGNIZERS))) {
      const mapped = mapResult(f.name, f.r);
      if (!mapped || !isFigure(f, mapped)) continue;
      process.stdout.write(JSON.stringify({
        file: path.basename(file), start: offs[f.start], end: offs[f.end], text: text.slice(f.start, f.end),
        kind: mapped[0], value: mapped[1], type: f.r.typeName,
      }) + '\n');
    }
  }
}

function bestTime(text, recognizers, runs) {
  let best = Infinity;
  let count = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    count = resolve(recognize(text, recognizers)).length;
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    best = Math.min(best, s);
  }
  return { best_s: best, figures: count };
}

function time(args) {
  let runs = 3;
  const files = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--runs') runs = Math.max(1, parseInt(args[++i], 10));
    else files.push(args[i]);
  }
  const text = files.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
  const bytes = Buffer.byteLength(text, 'utf8');
  recognize('Some 4,000 people left on December 15, 2016, about 60% of them, for 3 km.', ALL_RECOGNIZERS);  // warm-up
  const unit = bestTime(text, UNIT_RECOGNIZERS, runs);
  const all = bestTime(text, ALL_RECOGNIZERS, runs);
  const versions = {};
  for (const p of ['recognizers-text-number-with-unit', 'recognizers-text-number', 'recognizers-text-date-time']) {
    versions[p] = require(`@microsoft/${p}/package.json`).version;
  }
  process.stdout.write(JSON.stringify({
    bytes, runs, node: process.version, versions,
    number_with_unit: { ...unit, mb_per_s: bytes / 1e6 / unit.best_s },
    all_recognizers: { ...all, mb_per_s: bytes / 1e6 / all.best_s },
  }) + '\n');
}

const [mode, ...rest] = process.argv.slice(2);
if (mode === 'score' && rest.length) score(rest);
else if (mode === 'time' && rest.length) time(rest);
else {
  process.stderr.write('usage: node recognize.js score FILE... | time [--runs N] FILE...\n');
  process.exit(2);
}
