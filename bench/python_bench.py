"""The Python side of `npm run bench`: runs the same workloads through python3's http.cookiejar.

Reads a JSON workload file (written by bench/jar.bench.ts) and prints one JSON object of median
seconds per operation. Standard library only.
"""
import http.cookiejar as cj
import json
import statistics
import sys
import tempfile
import time
import os
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


def median_per_op(fn, ops, repeats):
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) / ops)
    return statistics.median(samples)


def main():
    """python_bench.py WORK.json PART [HEADER_REQUESTS]; PART is 'extract', 'files' or a jar size."""
    work = json.load(open(sys.argv[1]))
    part = sys.argv[2]
    repeats = work["repeats"]
    out = {}
    if part == "extract":
        run_extract_part(work, repeats, out)
    elif part == "files":
        run_files_part(work, repeats, out)
    else:
        run_header_part(work, part, int(sys.argv[3]), repeats, out)
    json.dump(out, sys.stdout)


def run_extract_part(work, repeats, out):
    extract = work["extract"]
    def run_extract():
        jar = cj.CookieJar()
        for r in extract:
            jar.extract_cookies(Response(r["lines"]), urllib.request.Request(r["url"]))
    out["extract"] = median_per_op(run_extract, len(extract) * len(extract[0]["lines"]), repeats)


def run_header_part(work, size, requests, repeats, out):
    case = work["header"][size]
    jar = filled_jar(case["cookies"])
    urls = case["urls"][:requests]
    def run_header():
        for url in urls:
            jar.add_cookie_header(urllib.request.Request(url))
    out["header@" + size] = median_per_op(run_header, len(urls), repeats)


def run_files_part(work, repeats, out):
    files = work["files"]
    tmp = tempfile.mkdtemp()
    for fmt, cls in (("mozilla", cj.MozillaCookieJar), ("lwp", cj.LWPCookieJar)):
        jar = filled_jar(files["cookies"], cls)
        path = os.path.join(tmp, fmt + ".txt")
        out["save-" + fmt] = median_per_op(lambda: jar.save(path, ignore_discard=True), 1, repeats)
        def run_load():
            j = cls()
            j.load(path, ignore_discard=True)
        out["load-" + fmt] = median_per_op(run_load, 1, repeats)


main()
