#!/usr/bin/env python3
"""Crash safety: kill provcheck with SIGKILL at random moments and check what is left.

Usage: scripts/crash-stress.py --provcheck build/provcheck [--kills 100] [--sources 300]
                               [--import-claims 2000] [--seed N] [--keep]

A workspace of --sources local sources, a few sources captured from a real
HTTP server on loopback, and claims in several claims files. Each round
picks one of the commands the issue names -- `claim add`, `claim import`
(--import-claims claims), `claim accept --all` (after edits to sources
cited from several claims files, so that it rewrites several files), `check`,
`source refresh` (after the served pages changed) and `reindex` -- and:

1. records the state of the workspace (every file in claims/ and sources/,
   hidden temporaries aside) before the command;
2. runs the same command to completion on a copy, for the state after it;
3. runs it in the workspace and sends SIGKILL after a random delay within
   the command's own run time (a round where the command finished first is
   not counted as a kill); one `claim accept` in four is instead killed
   right after its commit point (PROVCHECK_FILESET_PAUSE, util/file_set.h),
   the moment a random kill rarely hits;
4. runs `provcheck source list` (any command finishes a multi-file write cut
   short after its commit point) and then requires: every file byte-identical
   to the state before or to the state after -- the whole workspace one or
   the other, never a mix --, `PRAGMA integrity_check` = ok on the store,
   and `check --format json` giving the same verdicts as a check of the same
   files with a new store.

Exit 0 when every round holds, 1 at the first that does not (with the
workspace kept), 2 on bad usage. Prints the number of kills per command.
"""
import argparse
import hashlib
import http.server
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

WORDS = ("harbour ferry council budget survey relief bulletin river bridge school clinic market census "
         "district station report transport housing water power road rail port").split()


def sentence(rng, i):
    return (f"Item {i}: the {rng.choice(WORDS)} {rng.choice(WORDS)} counted {rng.randint(100, 99999):,} "
            f"{rng.choice(WORDS)}s by {rng.choice(['March', 'June', 'October'])} {rng.randint(1990, 2024)}.")


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *a):
        pass


def serve(root):
    handler = lambda *a, **k: Quiet(*a, directory=root, **k)
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv


class Stress:
    def __init__(self, args):
        self.a = args
        self.rng = random.Random(args.seed)
        self.tmp = tempfile.mkdtemp(prefix="provcheck-crash.")
        self.ws = os.path.join(self.tmp, "ws")
        self.site = os.path.join(self.tmp, "site")
        self.env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000", NO_PROXY="*", no_proxy="*")
        for k in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy"):
            self.env.pop(k, None)
        self.kills = {}
        self.rounds = 0
        self.next_id = 0
        self.cited = []  # (source file, sentence) pinned by claims

    # --- running provcheck -------------------------------------------------
    def run(self, args, cwd=None, check=True, env=None):
        p = subprocess.run([self.a.provcheck] + args, cwd=cwd or self.ws, env=env or self.env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
        if check and p.returncode not in (0, 1):
            self.fail(f"provcheck {' '.join(args)} exited {p.returncode}: {p.stderr.decode(errors='replace')}")
        return p

    def fail(self, why):
        print(f"crash-stress: FAIL after {sum(self.kills.values())} kills: {why}\nworkspace kept in {self.tmp}",
              file=sys.stderr)
        sys.exit(1)

    # --- the workspace ------------------------------------------------------
    def setup(self):
        os.makedirs(self.ws)
        os.makedirs(self.site)
        self.run(["init"])
        raw = os.path.join(self.tmp, "raw")
        os.makedirs(raw)
        paths = []
        for s in range(self.a.sources):
            lines = [sentence(self.rng, s * 100 + i) for i in range(8)]
            p = os.path.join(raw, f"s{s:04d}.txt")
            with open(p, "w") as f:
                f.write("\n".join(lines) + "\n")
            paths.append(p)
        self.run(["source", "add", "--allow-outside"] + paths)
        self.srv = serve(self.site)
        self.base = f"http://127.0.0.1:{self.srv.server_address[1]}"
        for w in range(4):
            self.write_page(w, 0)
            self.run(["source", "add", f"{self.base}/w{w}.txt", "--id", f"web{w}"])
        # Claims in several files: the first sentence of each source, spread over 6 files.
        for k in range(6):
            lines = []
            for s in range(k, self.a.sources, 6):
                first = self.source_lines(f"s{s:04d}")[0]
                lines.append(json.dumps({"id": self.new_id(), "source": f"s{s:04d}", "quote": first}))
                self.cited.append((f"s{s:04d}", first))
            self.write_jsonl(lines, "seed.jsonl")
            self.run(["claim", "import", os.path.join(self.tmp, "seed.jsonl"), "--to", f"claims/story{k}.json"])
        for w in range(4):
            self.run(["claim", "add", "--source", f"web{w}", "--quote", f"Page {w} line one stays.", "--id",
                      self.new_id()])
        self.run(["check"])

    def write_page(self, w, version):
        with open(os.path.join(self.site, f"w{w}.txt"), "w") as f:
            f.write(f"Page {w} line one stays.\nPage {w} version {version} says {version * 7 + w} things.\n")

    def source_lines(self, sid):
        with open(os.path.join(self.ws, "sources", f"{sid}.txt")) as f:
            return f.read().splitlines()

    def new_id(self):
        self.next_id += 1
        return f"c{self.next_id:06d}"

    def write_jsonl(self, lines, name):
        with open(os.path.join(self.tmp, name), "w") as f:
            f.write("\n".join(lines) + "\n")

    # --- state --------------------------------------------------------------
    def state(self, root):
        out = {}
        for top in ("claims", "sources"):
            for dirpath, _, files in os.walk(os.path.join(root, top)):
                for n in files:
                    if n.startswith("."):
                        continue  # write_temporary's hidden temporaries: nothing reads them
                    p = os.path.join(dirpath, n)
                    with open(p, "rb") as f:
                        out[os.path.relpath(p, root)] = hashlib.sha256(f.read()).hexdigest()
        return out

    def verdicts(self, root):
        p = self.run(["check", "--format", "json"], cwd=root)
        j = json.loads(p.stdout)
        return sorted((c["claim"], c["source"], c["status"], str(c.get("found_span"))) for c in j["citations"])

    # --- one round ----------------------------------------------------------
    def prepare(self, op):
        """Sets up the command's input (not killed); returns its arguments."""
        if op == "add":
            sid, line = self.rng.randrange(self.a.sources), self.rng.randrange(1, 8)
            return ["claim", "add", "--source", f"s{sid:04d}", "--quote", self.source_lines(f"s{sid:04d}")[line],
                    "--id", self.new_id()]
        if op == "import":
            lines = []
            for _ in range(self.a.import_claims):
                sid, line = self.rng.randrange(self.a.sources), self.rng.randrange(1, 8)
                lines.append(json.dumps({"id": self.new_id(), "source": f"s{sid:04d}",
                                         "quote": self.source_lines(f"s{sid:04d}")[line]}))
            self.write_jsonl(lines, "import.jsonl")
            return ["claim", "import", os.path.join(self.tmp, "import.jsonl"), "--to",
                    f"claims/import{self.rounds}.json"]
        if op in ("accept", "check"):
            # Reword cited sentences of sources cited from different claims files.
            for sid, first in self.rng.sample(self.cited, min(8, len(self.cited))):
                p = os.path.join(self.ws, "sources", f"{sid}.txt")
                with open(p) as f:
                    text = f.read()
                text = text.replace(" counted ", " tallied ", 1) if " counted " in text else \
                    text.replace(" tallied ", " counted ", 1)
                with open(p, "w") as f:
                    f.write(text)
            return ["claim", "accept", "--all"] if op == "accept" else ["check"]
        if op == "refresh":
            v = self.rounds + 1
            for w in range(4):
                self.write_page(w, v)
            return ["source", "refresh"]
        return ["reindex"]

    def round(self, op):
        self.rounds += 1
        args = self.prepare(op)
        before = self.state(self.ws)
        after_ws = os.path.join(self.tmp, "after")
        shutil.rmtree(after_ws, ignore_errors=True)
        shutil.copytree(self.ws, after_ws, symlinks=True)
        t0 = time.monotonic()
        self.run(args, cwd=after_ws)
        took = time.monotonic() - t0
        after = self.state(after_ws)

        pause = os.path.join(self.tmp, "paused")
        env = dict(self.env)
        at_commit = op == "accept" and self.rng.random() < 0.25 and before != after
        if at_commit:
            env["PROVCHECK_FILESET_PAUSE"] = pause
            if os.path.exists(pause):
                os.unlink(pause)
        proc = subprocess.Popen([self.a.provcheck] + args, cwd=self.ws, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        if at_commit:
            deadline = time.monotonic() + 60 + took * 5
            while not os.path.exists(pause) and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.005)
        else:
            time.sleep(self.rng.uniform(0, took * 1.1))
        killed = proc.poll() is None
        if killed:
            proc.send_signal(signal.SIGKILL)
        proc.wait()
        if killed:
            key = op + (" (at commit)" if at_commit else "")
            self.kills[key] = self.kills.get(key, 0) + 1

        # Any command finishes a multi-file write cut short after its commit point.
        self.run(["source", "list"])
        now = self.state(self.ws)
        if now != before and now != after:
            diff = sorted(k for k in set(now) | set(before) | set(after)
                          if not (now.get(k) == before.get(k) or now.get(k) == after.get(k)))
            mixed = sorted(k for k in set(now) | set(before) | set(after)
                           if now.get(k) != before.get(k)) + ["|"] + sorted(
                k for k in set(now) | set(before) | set(after) if now.get(k) != after.get(k))
            self.fail(f"`{' '.join(args)}` killed: the files are neither the state before nor after it; "
                      f"torn files: {diff[:10]}; differ from before | from after: {mixed[:20]}")
        db = sqlite3.connect(os.path.join(self.ws, ".provcheck", "store.db"))
        ok = db.execute("PRAGMA integrity_check").fetchall()
        db.close()
        if ok != [("ok",)]:
            self.fail(f"`{' '.join(args)}` killed: integrity_check says {ok[:5]}")
        fresh = os.path.join(self.tmp, "fresh")
        shutil.rmtree(fresh, ignore_errors=True)
        shutil.copytree(self.ws, fresh, symlinks=True, ignore=shutil.ignore_patterns(".provcheck"))
        got, want = self.verdicts(self.ws), self.verdicts(fresh)
        if got != want:
            wrong = [g for g in got if g not in want][:5]
            self.fail(f"`{' '.join(args)}` killed: check on the store gives other verdicts than a new store: "
                      f"{wrong} (of {len(got)})")
        shutil.rmtree(after_ws, ignore_errors=True)
        return killed

    def main(self):
        self.setup()
        ops = ["add", "import", "accept", "check", "refresh", "reindex"]
        total = 0
        limit = self.a.kills * 6 + 20
        while total < self.a.kills and self.rounds < limit:
            op = ops[self.rounds % len(ops)] if self.rounds < len(ops) else self.rng.choice(ops)
            total += self.round(op)
        summary = ", ".join(f"{k} {v}" for k, v in sorted(self.kills.items()))
        print(f"crash-stress: {total} kills in {self.rounds} rounds ({summary}); every file before or after, "
              f"store ok, verdicts as a new store's")
        if total < self.a.kills:
            self.fail(f"only {total} of {self.a.kills} kills landed while the command ran")
        if not self.a.keep:
            shutil.rmtree(self.tmp, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--provcheck", required=True)
    ap.add_argument("--kills", type=int, default=100)
    ap.add_argument("--sources", type=int, default=300)
    ap.add_argument("--import-claims", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=int(time.time()))
    ap.add_argument("--keep", action="store_true")
    a = ap.parse_args()
    a.provcheck = os.path.abspath(a.provcheck)
    print(f"crash-stress: seed {a.seed}", file=sys.stderr)
    Stress(a).main()


if __name__ == "__main__":
    main()
