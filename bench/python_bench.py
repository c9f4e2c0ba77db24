"""The Python side of `npm run bench`: runs one workload through python3's http.cookiejar.

    python_bench.py WORK.json extract
    python_bench.py WORK.json real CLOCK PASSES
    python_bench.py WORK.json header header@SIZE REQUESTS
    python_bench.py WORK.json save|load mozilla|lwp TMPDIR

Reads its workload (written by bench/jar.bench.ts), builds it, prints "ready", then for each "run"
line on stdin runs the workload once and prints one JSON object: metric -> seconds per operation
(wall clock; metric~cpu the process CPU time), and facts about the run (a jar's size).
Standard library only.
"""
import hashlib
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


def timed(metric, fn, ops):
    """Seconds per operation: `metric` the wall-clock time, `metric~cpu` the process CPU time (as jar.bench.ts)."""
    cpu_start = time.process_time()
    start = time.perf_counter()
    fn()
    wall = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    return {metric: wall / ops, metric + "~cpu": cpu / ops}


def extract_worker(work):
    def run_extract():
        jar = cj.CookieJar()
        for r in work:
            jar.extract_cookies(Response(r["lines"]), urllib.request.Request(r["url"]))
    ops = len(work) * len(work[0]["lines"])
    return lambda: timed("extract", run_extract, ops)


class FixedClock:
    """The time module as http.cookiejar sees it, with time() fixed (the bench's clock for the real corpus)."""

    def __init__(self, now):
        self._now = now

    def time(self):
        return self._now

    def __getattr__(self, name):
        return getattr(time, name)


def jar_digest(jar):
    """48 bits of a SHA-256 of the jar's cookies in its order, as bench/jar.bench.ts computes them."""
    h = hashlib.sha256()
    for c in jar:
        expires = "" if c.expires is None else str(c.expires)
        value = "" if c.value is None else c.value
        h.update(("%s\t%s\t%s\t%s\t%s\n" % (c.domain, c.path, c.name, value, expires)).encode("utf-8", "surrogatepass"))
    return int(h.hexdigest()[:12], 16)


def real_worker(work, clock, passes):
    """PASSES passes over the real corpus, each into a new jar: each response's lines at its own URL, in its page's context."""
    cj.time = FixedClock(clock)
    responses = [Response(r["lines"]) for r in work]
    jar = None

    def run_real():
        nonlocal jar
        for _ in range(passes):
            jar = cj.CookieJar()
            for r, response in zip(work, responses):
                request = urllib.request.Request(r["url"], origin_req_host=r["originHost"], unverifiable=r["thirdParty"])
                jar.extract_cookies(response, request)

    def run():
        sample = timed("real", run_real, passes * len(work))
        sample["real-cookies"] = len(jar)
        sample["real-digest"] = jar_digest(jar)
        return sample
    return run


def header_worker(work, part, requests):
    jar = filled_jar(work["cookies"])
    urls = work["urls"][:requests]

    def run_header():
        for url in urls:
            jar.add_cookie_header(urllib.request.Request(url))
    return lambda: timed(part, run_header, len(urls))


def file_worker(work, operation, fmt, tmp):
    """A save, a load, or a load and every cookie read ("read"), each in a process of its own (as on the Node side)."""
    cls = cj.MozillaCookieJar if fmt == "mozilla" else cj.LWPCookieJar
    jar = filled_jar(work["cookies"], cls)
    path = os.path.join(tmp, operation + "-" + fmt + ".txt")
    if operation == "save":
        return lambda: timed("save-" + fmt, lambda: jar.save(path, ignore_discard=True), 1)
    jar.save(path, ignore_discard=True)
    jar.clear()

    def run_load():
        loaded = cls()
        loaded.load(path, ignore_discard=True)
        if operation == "read":
            for cookie in loaded:
                cookie.value
    return lambda: timed(operation + "-" + fmt, run_load, 1)


def main():
    with open(sys.argv[1]) as f:
        work = json.load(f)
    kind = sys.argv[2]
    if kind == "extract":
        run = extract_worker(work)
    elif kind == "real":
        run = real_worker(work, int(sys.argv[3]), int(sys.argv[4]))
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
