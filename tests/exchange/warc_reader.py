#!/usr/bin/env python3
"""A WARC 1.1 reader written from the specification (IIPC, "The WARC Format
1.1"), for provcheck's tests: it checks what a web archive's reader relies
on and prints the records as JSON.

Checked, for every record: the version line "WARC/1.1"; named fields, one
per line, "Name: value" with CRLF line ends; the mandatory fields
WARC-Record-ID (a <URI>), Content-Length (a decimal), WARC-Date
(YYYY-MM-DDThh:mm:ssZ) and WARC-Type; the block of exactly Content-Length
bytes followed by two CRLFs; WARC-Block-Digest and WARC-Payload-Digest
("sha1:" + base 32) match the block and the payload (for application/http
responses, the bytes after the HTTP header's blank line); record ids unique;
WARC-Concurrent-To names an earlier record; WARC-Target-URI present on
response, resource and metadata records; an application/http response
block starts with an HTTP status line and, when it states Content-Length,
its body has that length.

Usage: warc_reader.py FILE   -> JSON list of records on stdout, exit 0;
       a violation prints "warc: ..." on stderr and exits 1.
"""
import base64
import hashlib
import json
import re
import sys

MANDATORY = ("WARC-Record-ID", "Content-Length", "WARC-Date", "WARC-Type")
TYPES = {"warcinfo", "response", "resource", "request", "metadata", "revisit", "conversion", "continuation"}


def die(msg):
    print("warc: " + msg, file=sys.stderr)
    sys.exit(1)


def sha1_label(data):
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode()


def read_records(data):
    pos, records, seen = 0, [], set()
    while pos < len(data):
        end = data.find(b"\r\n\r\n", pos)
        if end < 0:
            die(f"offset {pos}: a record header without its blank line")
        head = data[pos:end].decode("utf-8")
        lines = head.split("\r\n")
        if lines[0] != "WARC/1.1":
            die(f"offset {pos}: version line {lines[0]!r}, expected 'WARC/1.1'")
        fields = {}
        for line in lines[1:]:
            m = re.match(r"^([!#$%&'*+\-.^_`|~0-9A-Za-z]+):[ \t]*(.*)$", line)
            if not m:
                die(f"offset {pos}: malformed field line {line!r}")
            if m.group(1) in fields:
                die(f"offset {pos}: field {m.group(1)} twice")
            fields[m.group(1)] = m.group(2)
        for name in MANDATORY:
            if name not in fields:
                die(f"offset {pos}: mandatory field {name} missing")
        if not re.match(r"^<[A-Za-z][A-Za-z0-9+.-]*:[^<>\s]+>$", fields["WARC-Record-ID"]):
            die(f"offset {pos}: WARC-Record-ID {fields['WARC-Record-ID']!r} is not <URI>")
        if fields["WARC-Record-ID"] in seen:
            die(f"offset {pos}: record id {fields['WARC-Record-ID']} used twice")
        if not re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", fields["WARC-Date"]):
            die(f"offset {pos}: WARC-Date {fields['WARC-Date']!r} is not YYYY-MM-DDThh:mm:ssZ")
        if fields["WARC-Type"] not in TYPES:
            die(f"offset {pos}: unknown WARC-Type {fields['WARC-Type']}")
        if not fields["Content-Length"].isdigit():
            die(f"offset {pos}: Content-Length {fields['Content-Length']!r} is not a number")
        length = int(fields["Content-Length"])
        block = data[end + 4:end + 4 + length]
        if len(block) != length:
            die(f"offset {pos}: block shorter than Content-Length {length}")
        after = end + 4 + length
        if data[after:after + 4] != b"\r\n\r\n":
            die(f"offset {pos}: the block is not followed by CRLF CRLF (Content-Length wrong?)")
        payload = block
        if fields["WARC-Type"] == "response" and fields.get("Content-Type", "").startswith("application/http"):
            split = block.find(b"\r\n\r\n")
            if split < 0 or not re.match(rb"^HTTP/1\.[01] \d{3}( .*)?$", block[:block.find(b"\r\n")]):
                die(f"offset {pos}: the response block is not an HTTP response")
            payload = block[split + 4:]
            m = re.search(rb"\r\nContent-Length:[ \t]*(\d+)", block[:split + 2], re.I)
            if m and int(m.group(1)) != len(payload):
                die(f"offset {pos}: the HTTP Content-Length {m.group(1).decode()} is not the body's {len(payload)}")
        if "WARC-Block-Digest" in fields and fields["WARC-Block-Digest"] != sha1_label(block):
            die(f"offset {pos}: WARC-Block-Digest does not match the block")
        if "WARC-Payload-Digest" in fields and fields["WARC-Payload-Digest"] != sha1_label(payload):
            die(f"offset {pos}: WARC-Payload-Digest does not match the payload")
        if fields["WARC-Type"] in ("response", "resource", "metadata") and "WARC-Target-URI" not in fields:
            die(f"offset {pos}: a {fields['WARC-Type']} record without WARC-Target-URI")
        if "WARC-Concurrent-To" in fields and fields["WARC-Concurrent-To"] not in seen:
            die(f"offset {pos}: WARC-Concurrent-To names no earlier record")
        seen.add(fields["WARC-Record-ID"])
        records.append({"fields": fields, "payload": payload.decode("latin-1")})
        pos = after + 4
    return records


def main():
    if len(sys.argv) != 2:
        die("usage: warc_reader.py FILE")
    with open(sys.argv[1], "rb") as f:
        data = f.read()
    if not data:
        die("empty file")
    recs = read_records(data)
    if recs[0]["fields"]["WARC-Type"] != "warcinfo":
        die("the first record is not warcinfo")
    json.dump(recs, sys.stdout)


if __name__ == "__main__":
    main()
