"""The Python side of `npm run bench`: runs one workload through python3's http.cookiejar.

    python_bench.py WORK.json extract
    python_bench.py WORK.json header header@SIZE REQUESTS
    python_bench.py WORK.json save|load mozilla|lwp TMPDIR

Reads its workload (written by bench/jar.bench.ts), builds it, prints "ready", then for each "run"
line on stdin runs the workload once and prints one JSON object: metric -> seconds per operation.
Standard library only.
"""
import http.cookiejar as cj
import json
import os
import sys
import time
import urllib.request


class Response:
    """What CookieJar.extract_cookies needs of a response: info().get_all()."""

    def __init__(self, lines):
        self._lines = lines

    def info(self):
        return self

    def get_all(self, name, default=None):
        if name.lower() == "set-cookie":
            return list(self._lines)
        return default


def make_cookie(c):
    return cj.Cookie(0, c["name"], c["value"], None, False, c["domain"], c["domainSpecified"],
                     c["domain"].startswith("."), c["path"], True, c["secure"], c["expires"],
                     c["expires"] is None, None, None, {})


def filled_jar(cookies, cls=cj.CookieJar):
    jar = cls()
    for c in cookies:
        jar.set_cookie(make_cookie(c))
    return jar


def per_op(fn, ops):
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) / ops


def extract_worker(work):
    def run_extract():
        jar = cj.CookieJar()
        for r in work:
            jar.extract_cookies(Response(r["lines"]), urllib.request.Request(r["url"]))
    ops = len(work) * len(work[0]["lines"])
    return lambda: {"extract": per_op(run_extract, ops)}


def header_worker(work, part, requests):
    jar = filled_jar(work["cookies"])
    urls = work["urls"][:requests]

    def run_header():
        for url in urls:
            jar.add_cookie_header(urllib.request.Request(url))
    return lambda: {part: per_op(run_header, len(urls))}


def file_worker(work, operation, fmt, tmp):
    """A save or a load, each in a process of its own (as on the Node side)."""
    cls = cj.MozillaCookieJar if fmt == "mozilla" else cj.LWPCookieJar
    jar = filled_jar(work["cookies"], cls)
    path = os.path.join(tmp, operation + "-" + fmt + ".txt")
    if operation == "save":
        return lambda: {"save-" + fmt: per_op(lambda: jar.save(path, ignore_discard=True), 1)}
    jar.save(path, ignore_discard=True)
    jar.clear()

    def run_load():
        loaded = cls()
        loaded.load(path, ignore_discard=True)
    return lambda: {"load-" + fmt: per_op(run_load, 1)}


def main():
    with open(sys.argv[1]) as f:
        work = json.load(f)
    kind = sys.argv[2]
    if kind == "extract":
        run = extract_worker(work)
    elif kind == "header":
        run = header_worker(work, sys.argv[3], int(sys.argv[4]))
    else:
        run = file_worker(work, kind, sys.argv[3], sys.argv[4])
    del work
    print("ready", flush=True)
    for line in sys.stdin:
        if line.strip() == "run":
            print(json.dumps(run()), flush=True)


main()
