#!/usr/bin/env python3
"""A real HTTP server on loopback for provcheck's capture tests.

Binds 127.0.0.1 on an ephemeral port, writes the port to --port-file, and
serves the files of --root, each with an ETag (a digest of its bytes) and a
Last-Modified header, answering If-None-Match / If-Modified-Since with 304.
A test changes what is served by rewriting a file under --root between
requests. Query parameters and special paths make the failure cases:

  /FILE?type=T        serve FILE with Content-Type T (a header that lies)
  /FILE?no-validators  serve FILE without ETag or Last-Modified
  /FILE?cookie        serve FILE with a Set-Cookie header (a session secret)
  /status/N           an empty response with status N (404, 500, ...)
  /redirect?to=PATH   302 to PATH;  /loop/N  302 to /loop/N+1 forever
  /to-file            302 to file:///etc/hostname (a scheme that must be refused)
  /slow?seconds=S     waits S seconds (at most 30), then serves a small page
  /big?bytes=N        a text body of N bytes (at most 64 MiB)

Every request is appended to --log as "METHOD PATH STATUS". The server
stops by itself after --lifetime seconds (default 120), or on SIGTERM.
"""
import argparse
import email.utils
import hashlib
import http.server
import os
import signal
import socketserver
import sys
import threading
import time
import urllib.parse

MIME = {".html": "text/html; charset=utf-8", ".htm": "text/html", ".pdf": "application/pdf",
        ".md": "text/markdown; charset=utf-8", ".txt": "text/plain; charset=utf-8"}


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "provcheck-test-server"

    def log_message(self, fmt, *args):  # quiet stderr; the log file is the record
        pass

    def record(self, status):
        with self.server.log_lock, open(self.server.log_path, "a", encoding="utf-8") as log:
            log.write(f"{self.command} {self.path} {status}\n")

    def reply(self, status, body=b"", headers=None):
        self.send_response(status)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        self.record(status)

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        path = url.path
        if path.startswith("/status/"):
            return self.reply(int(path.split("/")[2]), b"status page\n", {"Content-Type": "text/plain"})
        if path == "/redirect":
            return self.reply(302, b"", {"Location": query["to"][0]})
        if path.startswith("/loop/"):
            n = int(path.split("/")[2])
            return self.reply(302, b"", {"Location": f"/loop/{n + 1}"})
        if path == "/to-file":
            return self.reply(302, b"", {"Location": "file:///etc/hostname"})
        if path == "/slow":
            time.sleep(min(float(query.get("seconds", ["5"])[0]), 30.0))
            return self.reply(200, b"<html><body><p>Late.</p></body></html>", {"Content-Type": "text/html"})
        if path == "/big":
            n = min(int(query.get("bytes", ["1000"])[0]), 64 << 20)
            return self.reply(200, (b"word " * (n // 5 + 1))[:n], {"Content-Type": "text/plain"})
        file = os.path.realpath(os.path.join(self.server.root, path.lstrip("/")))
        if not file.startswith(self.server.root + os.sep) or not os.path.isfile(file):
            return self.reply(404, b"not found\n", {"Content-Type": "text/plain"})
        with open(file, "rb") as f:
            body = f.read()
        mtime = int(os.stat(file).st_mtime)
        etag = '"' + hashlib.sha256(body).hexdigest()[:20] + '"'
        last_modified = email.utils.formatdate(mtime, usegmt=True)
        headers = {"Content-Type": query.get("type", [MIME.get(os.path.splitext(file)[1], "text/plain")])[0]}
        if "cookie" in query:
            headers["Set-Cookie"] = "session=s3cret-session-id; HttpOnly"
        if "no-validators" not in query:
            headers["ETag"] = etag
            headers["Last-Modified"] = last_modified
            inm = self.headers.get("If-None-Match")
            ims = self.headers.get("If-Modified-Since")
            if inm is not None:
                if etag in [t.strip() for t in inm.split(",")]:
                    return self.reply(304, b"", {"ETag": etag})
            elif ims is not None:
                try:
                    if mtime <= email.utils.parsedate_to_datetime(ims).timestamp():
                        return self.reply(304, b"", {"Last-Modified": last_modified})
                except (TypeError, ValueError):
                    pass
        return self.reply(200, body, headers)


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--log", required=True)
    ap.add_argument("--lifetime", type=float, default=120.0)
    args = ap.parse_args()
    server = Server(("127.0.0.1", 0), Handler)
    server.root = os.path.realpath(args.root)
    server.log_path = args.log
    server.log_lock = threading.Lock()
    open(args.log, "a").close()
    tmp = args.port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write(str(server.server_address[1]))
    os.replace(tmp, args.port_file)
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    threading.Timer(args.lifetime, server.shutdown).start()
    server.serve_forever(poll_interval=0.1)
    server.server_close()
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
