#!/usr/bin/env python3
"""Checks schema.org ClaimReview JSON-LD the way Google's Fact Check
markup documentation describes it, for provcheck's tests.

Required (Google): claimReviewed (text), reviewRating (a Rating with
alternateName), url. Recommended: author (Organization or Person with a
name), datePublished (ISO 8601 date), itemReviewed (a Claim with
appearance and/or firstAppearance as CreativeWork, author, datePublished),
reviewRating's ratingValue, bestRating, worstRating (numbers, worst <=
value <= best) and name. Every @type must be a schema.org type used
correctly, and every property must belong to its type in schema.org's
vocabulary (the subset this check knows is listed below), so a misspelt
property fails.

Usage: claimreview_check.py FILE [--require-recommended]
Prints "ok N" and exits 0, or "claimreview: ..." on stderr and exits 1.
"""
import json
import re
import sys

PROPS = {
    "ClaimReview": {"@context", "@type", "url", "claimReviewed", "datePublished", "author", "reviewRating",
                    "itemReviewed"},
    "Rating": {"@type", "ratingValue", "bestRating", "worstRating", "alternateName", "name"},
    "Claim": {"@type", "datePublished", "author", "appearance", "firstAppearance"},
    "CreativeWork": {"@type", "url", "headline", "datePublished", "author", "publisher"},
    "Organization": {"@type", "name", "url"},
    "Person": {"@type", "name", "url"},
}
DATE = re.compile(r"^\d{4}-\d\d-\d\d([T ][0-9:.]+(Z|[+-]\d\d:?\d\d)?)?$")


def die(msg):
    print("claimreview: " + msg, file=sys.stderr)
    sys.exit(1)


def check_node(node, expected, where):
    if not isinstance(node, dict):
        die(f"{where}: expected a {expected} object")
    t = node.get("@type")
    if t not in expected.split("|"):
        die(f"{where}: @type {t!r}, expected {expected}")
    unknown = set(node) - PROPS[t]
    if unknown:
        die(f"{where}: properties not in schema.org's {t}: {sorted(unknown)}")
    return t


def check_party(node, where):
    check_node(node, "Organization|Person", where)
    if not isinstance(node.get("name"), str) or not node["name"]:
        die(f"{where}: an author needs a name")


def check_work(node, where, recommended):
    check_node(node, "CreativeWork", where)
    if recommended and "url" not in node:
        die(f"{where}: an appearance should have a url")
    if "datePublished" in node and not DATE.match(node["datePublished"]):
        die(f"{where}.datePublished: not an ISO 8601 date")
    for k in ("author", "publisher"):
        if k in node:
            check_party(node[k], f"{where}.{k}")


def check_review(r, where, recommended):
    check_node(r, "ClaimReview", where)
    if r.get("@context") not in ("https://schema.org", "http://schema.org", "https://schema.org/"):
        die(f"{where}: @context must be schema.org")
    for k in ("claimReviewed", "reviewRating", "url"):
        if k not in r:
            die(f"{where}: required property {k} missing")
    if not isinstance(r["claimReviewed"], str) or not r["claimReviewed"]:
        die(f"{where}.claimReviewed: must be the claim's text")
    if not re.match(r"^https?://", r["url"]):
        die(f"{where}.url: not an http(s) URL")
    rating = r["reviewRating"]
    check_node(rating, "Rating", where + ".reviewRating")
    if not isinstance(rating.get("alternateName"), str) or not rating["alternateName"]:
        die(f"{where}.reviewRating: alternateName (the rating in words) is required")
    nums = [rating.get(k) for k in ("worstRating", "ratingValue", "bestRating")]
    if recommended and any(n is None for n in nums):
        die(f"{where}.reviewRating: ratingValue, bestRating and worstRating are recommended")
    if all(isinstance(n, (int, float)) for n in nums) and not nums[0] <= nums[1] <= nums[2]:
        die(f"{where}.reviewRating: worstRating <= ratingValue <= bestRating does not hold: {nums}")
    if "datePublished" in r and not DATE.match(r["datePublished"]):
        die(f"{where}.datePublished: not an ISO 8601 date")
    if "author" in r:
        check_party(r["author"], where + ".author")
    if recommended:
        for k in ("author", "datePublished", "itemReviewed"):
            if k not in r:
                die(f"{where}: recommended property {k} missing")
    if "itemReviewed" in r:
        item = r["itemReviewed"]
        check_node(item, "Claim", where + ".itemReviewed")
        for i, w in enumerate(item.get("appearance", [])):
            check_work(w, f"{where}.itemReviewed.appearance[{i}]", recommended)
        if "firstAppearance" in item:
            check_work(item["firstAppearance"], where + ".itemReviewed.firstAppearance", recommended)
        if "author" in item:
            check_party(item["author"], where + ".itemReviewed.author")
        if recommended and not item.get("appearance") and "firstAppearance" not in item:
            die(f"{where}.itemReviewed: appearance or firstAppearance is recommended")


def main():
    args = sys.argv[1:]
    recommended = "--require-recommended" in args
    args = [a for a in args if a != "--require-recommended"]
    text = open(args[0], encoding="utf-8").read()
    try:
        doc = json.loads(text)
        docs = doc if isinstance(doc, list) else [doc]
    except json.JSONDecodeError:
        docs = [json.loads(line) for line in text.splitlines() if line.strip()]
    for i, r in enumerate(docs):
        check_review(r, f"[{i}]", recommended)
    print(f"ok {len(docs)}")


if __name__ == "__main__":
    main()
