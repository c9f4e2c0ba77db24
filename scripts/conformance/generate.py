#!/usr/bin/env python3
"""Generate the conformance corpus: drive python3's http.cookiejar with many generated inputs and
record inputs and outputs as JSONL files under test/conformance/data/.

Run by hand:  python3 scripts/conformance/generate.py  (standard library only; deterministic:
two runs give byte-identical files).  test/conformance/replay.test.ts replays the files against
src/jar.  See docs/conformance.md.

The clock: http.cookiejar reads `time.time()` through its module-level `time` reference.  We replace
that reference with a shim whose `time()` returns the case's clock (whole seconds) and which
delegates everything else to the real module, so `time.localtime(time.time())` (the "current year"
used for two-digit years) follows the case clock too.  The process runs with TZ=UTC.
"""

import http.cookiejar as cj
import io
import json
import logging
import os
import random
import sys
import time as _real_time
import urllib.request
import warnings

os.environ["TZ"] = "UTC"
_real_time.tzset()

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "test", "conformance", "data")
SEED = 20260615
SAVE_CASES = 600
# The clock of the date-function cases (two-digit years resolve against its year).  Fixed, so the
# corpus does not depend on the day it was generated; recorded in meta.json for the replay.
REFERENCE_NOW = 1781524800  # 2026-06-15T12:00:00Z


# ----------------------------------------------------------------------------------------------
# Clock shim and debug-log capture


class _ClockShim:
    def __init__(self):
        self.now = REFERENCE_NOW

    def time(self):
        return self.now

    def __getattr__(self, name):
        return getattr(_real_time, name)


CLOCK = _ClockShim()
cj.time = CLOCK


class _Capture(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.lines = []

    def emit(self, record):
        self.lines.append(record.getMessage())

    def take(self):
        lines, self.lines = self.lines, []
        return lines


LOG = _Capture()
_logger = logging.getLogger("http.cookiejar")
_logger.setLevel(logging.DEBUG)
_logger.addHandler(LOG)
_logger.propagate = False
cj.debug = True


# ----------------------------------------------------------------------------------------------
# Recording helpers


def cookie_json(c):
    """Every attribute of an http.cookiejar.Cookie, with the names of src/jar's Cookie.

    secure/discard/portSpecified/pathSpecified/domainInitialDot are recorded as their truth value:
    Python may hold the raw attribute string there (`Secure=x`), but every use is a truth test.
    """
    return {
        "version": c.version, "name": c.name, "value": c.value, "port": c.port,
        "portSpecified": bool(c.port_specified), "domain": c.domain,
        "domainSpecified": bool(c.domain_specified), "domainInitialDot": bool(c.domain_initial_dot),
        "path": c.path, "pathSpecified": bool(c.path_specified), "secure": bool(c.secure),
        "expires": c.expires, "discard": bool(c.discard), "comment": c.comment,
        "commentUrl": c.comment_url, "rfc2109": bool(c.rfc2109),
        "rest": [[k, v] for k, v in c._rest.items()],
    }


def cookie_from_json(d):
    return cj.Cookie(d["version"], d["name"], d["value"], d["port"], d["portSpecified"],
                     d["domain"], d["domainSpecified"], d["domainInitialDot"], d["path"],
                     d["pathSpecified"], d["secure"], d["expires"], d["discard"], d["comment"],
                     d["commentUrl"], dict((k, v) for k, v in d["rest"]), rfc2109=d["rfc2109"])


def jar_json(jar):
    return [cookie_json(c) for c in jar]


# A cookie in the data files is an array of these fields, in this order (see meta.json).
COOKIE_FIELDS = ["version", "name", "value", "port", "portSpecified", "domain", "domainSpecified",
                 "domainInitialDot", "path", "pathSpecified", "secure", "expires", "discard", "comment",
                 "commentUrl", "rfc2109", "rest"]


def cookie_row(d):
    return [d[f] for f in COOKIE_FIELDS]


class CookieTable:
    """Per-case table of distinct cookies (as rows): steps refer to cookies by index, to keep the
    corpus small."""

    def __init__(self):
        self.rows = []
        self.index = {}

    def ref(self, cookie_dict):
        row = cookie_row(cookie_dict)
        key = json.dumps(row, ensure_ascii=False, separators=(",", ":"))
        if key not in self.index:
            self.index[key] = len(self.rows)
            self.rows.append(row)
        return self.index[key]

    def refs(self, cookie_dicts):
        return [self.ref(c) for c in cookie_dicts]


class FakeHeaders:
    def __init__(self, pairs):
        self.pairs = pairs

    def get_all(self, name, default=None):
        name = name.lower()
        values = [v for k, v in self.pairs if k.lower() == name]
        return values if values else default

    def __str__(self):
        return "".join("%s: %s\n" % (k, v) for k, v in self.pairs)


class FakeResponse:
    def __init__(self, pairs):
        self._headers = FakeHeaders(pairs)

    def info(self):
        return self._headers


def make_request(spec):
    kwargs = {"unverifiable": spec.get("unverifiable", False)}
    if spec.get("originReqHost") is not None:
        kwargs["origin_req_host"] = spec["originReqHost"]
    return urllib.request.Request(spec["url"], **kwargs)


POLICY_ARGS = [
    ("blockedDomains", "blocked_domains"), ("allowedDomains", "allowed_domains"),
    ("netscape", "netscape"), ("rfc2965", "rfc2965"), ("rfc2109AsNetscape", "rfc2109_as_netscape"),
    ("hideCookie2", "hide_cookie2"), ("strictDomain", "strict_domain"),
    ("strictRfc2965Unverifiable", "strict_rfc2965_unverifiable"),
    ("strictNsUnverifiable", "strict_ns_unverifiable"), ("strictNsDomain", "strict_ns_domain"),
    ("strictNsSetInitialDollar", "strict_ns_set_initial_dollar"),
    ("strictNsSetPath", "strict_ns_set_path"), ("secureProtocols", "secure_protocols"),
]


def make_policy(options):
    kwargs = {}
    for ts, py in POLICY_ARGS:
        if ts in options:
            v = options[ts]
            kwargs[py] = tuple(v) if isinstance(v, list) else v
    return cj.DefaultCookiePolicy(**kwargs)


def write_jsonl(name, cases):
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for case in cases:
            f.write(json.dumps(case, ensure_ascii=False, separators=(",", ":")))
            f.write("\n")
    return path


def call(fn, *args):
    """{"result": value} or {"raises": exception class name}."""
    try:
        return {"result": fn(*args)}
    except Exception as e:  # noqa: BLE001 -- recording what Python does
        return {"raises": type(e).__name__}


# ----------------------------------------------------------------------------------------------
# Grammar pieces

WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
LONG_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
LONG_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]
# Whitespace where Python and JavaScript disagree: \x1c-\x1f and \x85 are whitespace to Python's
# str.strip()/unicode \s, not to JavaScript; \ufeff is whitespace to JavaScript, not to Python.
ODD_SPACES = ["\xa0", "\u2003", "\x1c", "\x1f", "\x85", "\ufeff", "\u3000", "\x0b", "\x0c", "\u2028"]
CONTROL = ["\x00", "\x01", "\x07", "\x08", "\t", "\x0b", "\x1b", "\x7f", "\x9f"]


def pick(rng, seq):
    return seq[rng.randrange(len(seq))]


def chance(rng, p):
    return rng.random() < p


def ts_to_tuple(t):
    return _real_time.gmtime(t)


def date_string(rng, t):
    """A date string for timestamp t in one of many formats (mostly ones http2time reads)."""
    g = ts_to_tuple(t)
    wd = g.tm_wday
    kind = rng.randrange(14)
    Y, m, d, H, M, S = g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec
    mon = MONTHS[m - 1]
    if kind == 0:
        return "%s, %02d %s %04d %02d:%02d:%02d GMT" % (WEEKDAYS[wd], d, mon, Y, H, M, S)
    if kind == 1:
        return "%s, %02d-%s-%02d %02d:%02d:%02d GMT" % (LONG_WEEKDAYS[wd], d, mon, Y % 100, H, M, S)
    if kind == 2:
        return "%s, %02d-%s-%04d %02d:%02d:%02d GMT" % (WEEKDAYS[wd], d, mon, Y, H, M, S)
    if kind == 3:
        return "%02d %s %04d %02d:%02d:%02d" % (d, mon, Y, H, M, S)
    if kind == 4:
        return "%d/%s/%d %d:%02d:%02d %s" % (d, mon.upper(), Y, H, M, S, pick(rng, ["+0000", "UTC", "Z", "-0000", "UT", "gmt"]))
    if kind == 5:  # asctime: not understood by http2time
        return "%s %s %2d %02d:%02d:%02d %04d" % (WEEKDAYS[wd], mon, d, H, M, S, Y)
    if kind == 6:
        return "%s, %02d %s %04d %02d:%02d:%02d %+03d00" % (WEEKDAYS[wd], d, mon, Y, H, M, S, rng.randint(-12, 12))
    if kind == 7:
        return "%04d-%02d-%02dT%02d:%02d:%02dZ" % (Y, m, d, H, M, S)  # ISO: not http2time
    if kind == 8:
        return "%02d-%s-%02d" % (d, mon.lower(), Y % 100)
    if kind == 9:
        return "%s %02d %s %04d %02d:%02d" % (LONG_WEEKDAYS[wd].lower(), d, mon, Y, H, M)
    if kind == 10:
        return "%02d %s %04d %02d:%02d:%02d %s" % (d, mon, Y, H, M, S, pick(rng, ["EST", "PST", "CET", "BST", "(GMT)", "GMT (Greenwich)", "+01:00"]))
    if kind == 11:
        return "  %02d %s %04d\t%02d:%02d:%02d GMT  " % (d, mon, Y, H, M, S)
    if kind == 12:
        return "%02d %02d %04d %02d:%02d:%02d" % (d, m, Y, H, M, S)
    return "%s, %02d %s %04d %02d:%02d:%02d GMT" % (pick(rng, ["Foo", "wed", "WED"]), d, mon, Y, H, M, S)


def http_date_text(rng):
    """A date string for http2time from a component grammar: valid, near-miss, out of range."""
    if chance(rng, 0.25):
        t = pick(rng, [rng.randint(0, 2 ** 31), rng.randint(-10 ** 9, 0), rng.randint(2 ** 31, 253402300799),
                       rng.randint(0, 4 * 10 ** 9)])
        return date_string(rng, t)
    if chance(rng, 0.1):
        # strict-format near misses (the strict regex checks shapes, not names)
        return "%s, %s %s %s %s:%s:%s GMT" % (
            pick(rng, ["Sun", "Mon", "Fxx", "Sat", "Tue"]), pick(rng, ["06", "00", "31", "32", "99"]),
            pick(rng, ["Nov", "Jax", "Feb", "Sep", "Oct", "Mxy"]), pick(rng, ["1994", "1969", "1970", "2038", "9999", "0000"]),
            pick(rng, ["08", "00", "23", "24", "25", "99"]), pick(rng, ["49", "00", "59", "60"]),
            pick(rng, ["37", "00", "59", "60", "61", "62"]))
    parts = []
    lead = pick(rng, ["", "", "", " ", "  ", "\t", pick(rng, ODD_SPACES)])
    wd = pick(rng, ["", "", "", "Wed, ", "Wednesday, ", "wed ", "THU,", "Sunday", "Mon ,", "Fri,  ", "Saturn, "])
    day = pick(rng, [str(rng.randint(1, 31)), "%02d" % rng.randint(1, 31), "0", "00", "32", "123", "1"])
    mon = pick(rng, MONTHS + [x.upper() for x in MONTHS] + [x.lower() for x in MONTHS] +
               LONG_MONTHS[:3] + [str(rng.randint(1, 12)), "%02d" % rng.randint(1, 12), "13", "0", "Foo", "J\xe4n"])
    yr = pick(rng, [str(rng.randint(1970, 2038)), str(rng.randint(1900, 9999)), "%02d" % rng.randint(0, 99),
                    str(rng.randint(0, 99)), "1969", "9999", "10000", str(rng.randint(100, 999)), "123456789",
                    "%02d" % rng.randint(70, 80), "%02d" % rng.randint(20, 30), "76", "77", "75", "26"])
    sep1 = pick(rng, [" ", "-", "/", "  ", "\t", " - ", "--", "."])
    sep2 = pick(rng, [" ", "-", "/", "  ", "\t"]) if chance(rng, 0.7) else sep1
    clock = pick(rng, ["", "", " %02d:%02d:%02d" % (rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)),
                       " %d:%02d" % (rng.randint(0, 23), rng.randint(0, 59)), ":%02d:%02d:%02d" % (rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)),
                       " 24:00:00", " 23:60:00", " 23:59:61", " 23:59:62", " 1:2:3", " 12:34:5", " 99:99",
                       " %02d:%02d:%02d" % (rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59))])
    tz = pick(rng, ["", "", " GMT", " UTC", " UT", " Z", " z", " gmt", " utc", " +0100", " -0800", " +01:00",
                    " +1", " -12", " +2400", " -9999", " EST", " PST", " (GMT)", " GMT (Greenwich)", " AM", " pm",
                    " +0000 (UTC)", " Gmt", "GMT", " -0000", " +05", " +123", " 0100", " MEZ", " CEST"])
    trail = pick(rng, ["", "", "", " ", "  ", "\t", pick(rng, ODD_SPACES), " junk", "\n"])
    parts = [lead, wd, day, sep1, mon, sep2, yr, clock, tz, trail]
    return "".join(parts)


def iso_date_text(rng):
    if chance(rng, 0.2):
        t = rng.randint(-10 ** 9, 253402300799)
        g = ts_to_tuple(t)
        return pick(rng, ["%04d-%02d-%02d %02d:%02d:%02dZ", "%04d-%02d-%02dT%02d:%02d:%02d",
                          "%04d%02d%02dT%02d%02d%02dZ", "%04d/%02d/%02d %02d:%02d:%02d +0000"]) % (
            g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec)
    lead = pick(rng, ["", "", "", " ", "\t", pick(rng, ODD_SPACES)])
    yr = pick(rng, [str(rng.randint(1970, 2038)), str(rng.randint(1000, 9999)), "1969", "0000", "99", "12345"])
    s1 = pick(rng, ["-", "-", "/", "", "."])
    mon = pick(rng, ["%02d" % rng.randint(1, 12), str(rng.randint(1, 12)), "13", "00", "0"])
    s2 = pick(rng, ["-", "-", "/", "", s1])
    day = pick(rng, ["%02d" % rng.randint(1, 31), str(rng.randint(1, 31)), "00", "32", "0"])
    clock = ""
    if chance(rng, 0.75):
        sep = pick(rng, [" ", "T", "t", "-", ":", "  ", "\t", "x", ""])
        hr = pick(rng, ["%02d" % rng.randint(0, 23), str(rng.randint(0, 23)), "24", "25"])
        c = pick(rng, [":", ":", ""])
        mi = pick(rng, ["%02d" % rng.randint(0, 59), "60", "5"])
        sec = pick(rng, ["", ":%02d" % rng.randint(0, 59), "%02d" % rng.randint(0, 61), ":%02d.%d" % (rng.randint(0, 59), rng.randint(0, 999)),
                         ":%02d." % rng.randint(0, 59), ":60", ":61", ":62"])
        clock = sep + hr + c + mi + sec
    tz = pick(rng, ["", "", "Z", "z", " Z", " +0100", "-01:00", " -0800", "+1", " +01:30:00", "+5:30", " EST", " UTC", " +2400", " -99"])
    trail = pick(rng, ["", "", " ", "\t", " junk", pick(rng, ODD_SPACES)])
    return lead + yr + s1 + mon + s2 + day + clock + tz + trail


# -- hosts, URLs

REQUEST_HOSTS = [
    "www.acme.com", "acme.com", "a.b.acme.com", "www.foo.co.uk", "foo.co.uk", "shop.example.co.jp",
    "localhost", "intranet", "printer.local", "x.y.local", "192.168.1.2", "10.0.0.1", "127.0.0.1",
    "[::1]", "[2001:db8::7]", "WWW.Acme.COM", "www.acme.com.", "acme.com.", "m\xfcnchen.example.de",
    "xn--mnchen-3ya.example.de", "www.example.org", "a-b.c-d.net", "123.example.com", "example.123",
    "sub.www.acme.com", "www.acme.com.evil.net", "acme", "www.ACME.com", "com", "x.co", "www.x.co",
]
OTHER_SITES = ["www.evil.com", "evil.com", "ads.tracker.net", "cdn.acme.com", "acme.com", "www.acme.com",
               "www.foo.co.uk", "192.168.1.3", "localhost", "printer.local", "example.org"]


def request_path_pool(rng):
    return pick(rng, [
        "", "/", "/acme", "/acme/", "/acme/rocket_launchers", "/acme/ammo/", "/acme/ammo/bombs.html",
        "/a/b/c/d.html", "/foo%2fbar", "/foo%2Fbar/baz", "/%7Euser/", "/~user/index", "/sp ace/x",
        "/\xfcn\xefc\xf6de/p", "/a;params/b", "/A/B/c", "//double//slash", "/a/./b/../c", "/acme/rocket",
        "/acmeX/", "/blah/rhubarb", "/foo/bar/", "/%e2%82%ac/", "/x%zz/y", "/a%2/b",
    ])


def make_url(rng, host=None, path=None, scheme=None):
    if host is None:
        host = pick(rng, REQUEST_HOSTS)
    if scheme is None:
        scheme = pick(rng, ["http"] * 6 + ["https"] * 3 + ["HTTP", "HTTPS", "ws", "wss", "ftp"])
    port = ""
    if chance(rng, 0.2):
        port = pick(rng, [":80", ":8080", ":443", ":81", ":0", ":65535", ":", ":abc"])
    userinfo = "user:pw@" if chance(rng, 0.02) else ""
    if path is None:
        path = request_path_pool(rng)
    query = pick(rng, ["", "", "", "", "?q=1", "?a=/b/c", "?", "?x=%20y"])
    frag = pick(rng, ["", "", "", "", "", "#frag", "#/x/y"])
    return scheme + "://" + userinfo + host + port + path + query + frag


# -- cookie names, values, attributes

NAMES = ["foo", "SID", "sessionid", "spam", "n", "$Version", "$foo", "a b", "\"quoted\"", "n,m", "na\tme",
         "\xfcml\xe4ut", "\u20ac", "Name", "NAME", "x-y_z.1", "__Secure-id", "__Host-id", "a\x01b",
         "(paren)", "semi\\colon", "emoji\U0001F36A", "very" + "long" * 10, "1", "$Path", "$Domain", "Domain",
         "path", "expires", "secure", "version"]
VALUES = ["bar", "", "\"quoted value\"", "a=b=c", "a,b", "sp ace", "\xfc\u20ac", "\\\"esc\\\"", "x\ty",
          "v\x01w", "0", "\"\"", "\"unbalanced", "trailing\\", "long" * 25, "d%20e", "=", "==", "a;b",
          "<script>", "null", "$val", "1, 2", "\u2028", "x\x7fy"]


def pick_name(rng):
    if chance(rng, 0.5):
        return pick(rng, ["foo", "bar", "SID", "spam", "eggs", "id", "token", "lang"])
    return pick(rng, NAMES)


def pick_value(rng):
    if chance(rng, 0.5):
        return pick(rng, ["bar", "1", "xyz", "abc123", "en-US", "deadbeef"])
    return pick(rng, VALUES)


def domain_candidates(host):
    h = host.lower()
    if h.endswith("."):
        h = h[:-1]
    labels = h.split(".")
    out = [h, "." + h, h.upper(), "." + h + "."]
    for i in range(1, len(labels)):
        parent = ".".join(labels[i:])
        out += ["." + parent, parent]
    out += [".com", "com", ".co.uk", "co.uk", ".evil.com", "evil.com", ".local", "local", "", ".",
            "..acme.com", ".1.2", "cme.com", ".acme.com.", "\".acme.com\"", ".ACME.COM", ".co.jp",
            labels[0], "." + labels[-1]]
    return out


def path_candidates(path):
    p = path.split("?")[0].split("#")[0] or "/"
    out = ["/", p, p + "/", "/other", "/other/", "", "relative", "/ACME", "/a%2fb", "/a b", "/\xfc",
           "/%7e", "\"/acme\"", "/acme;x", "/acme/"]
    segs = p.split("/")
    for i in range(1, len(segs)):
        out.append("/".join(segs[:i]) or "/")
    if len(p) > 2:
        out.append(p[:-1])
        out.append(p[: len(p) // 2])
    return out


def expires_value(rng, now):
    r = rng.randrange(10)
    if r < 4:
        dt = pick(rng, [-10 ** 8, -86400, -1, 0, 1, 60, 3600, 86400, 10 ** 7, 10 ** 9, rng.randint(-10 ** 6, 10 ** 8)])
        t = now + dt
        if t < 0:
            t = 0
        return date_string(rng, min(t, 253402300799))
    if r < 5:
        return pick(rng, ["Thu, 01 Jan 1970 00:00:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT", "Tue, 19 Jan 2038 03:14:07 GMT",
                          "Wed, 09 Feb 1994 22:23:32 GMT", "Sun, 06 Jax 1994 08:49:37 GMT", "Fri, 31-Dec-99 23:59:59 GMT",
                          "Sat, 01-Jan-00 00:00:00 GMT", "Thu, 01-Jan-70 00:00:01 GMT", "Wed, 01-Jan-50 00:00:00 GMT",
                          "Mon, 01-Jan-49 00:00:00 GMT"])
    if r < 6:
        return pick(rng, ["", "never", "0", "-1", "tomorrow", "\"Wed, 09 Feb 1994 22:23:32 GMT\"", "Wed, 09 Feb 2094 22:23:32 GMT",
                          "\"\"", "1994-02-03 14:15:29", "Wednesday, 09-Nov-99 23:12:40 GMT", "Thu Jan  1 00:00:00 1970"])
    return http_date_text(rng)


def max_age_value(rng):
    return pick(rng, ["-1", "0", "1", "60", "3600", "86400", "31536000", "abc", "", " 60", "+60", "1e3", "60.5",
                      "9007199254740991", "1000000000000", "10000000000", "1_000", "\u0663", "0x10", "-0", "007",
                      "99999", "2147483648", "3600 ", "\"3600\""])


def ns_attr(rng, ctx):
    r = rng.randrange(22)
    if r < 3:
        return pick(rng, ["expires", "Expires", "EXPIRES"]) + "=" + expires_value(rng, ctx["now"])
    if r < 5:
        return pick(rng, ["max-age", "Max-Age", "MAX-AGE", "max-Age"]) + "=" + max_age_value(rng)
    if r < 8:
        return pick(rng, ["domain", "Domain", "DOMAIN"]) + "=" + pick(rng, ctx["domains"])
    if r < 11:
        return pick(rng, ["path", "Path", "PATH"]) + "=" + pick(rng, ctx["paths"])
    if r < 13:
        return pick(rng, ["secure", "Secure", "SECURE", "secure=", "Secure=true", "Secure=0"])
    if r < 15:
        return pick(rng, ["HttpOnly", "httponly", "HTTPOnly", "HTTPONLY", "httpOnly", "HttpOnly=", "HttpOnly=false"])
    if r < 16:
        return pick(rng, ["SameSite=Lax", "SameSite=Strict", "samesite=None", "SameSite", "SameSite=bogus"])
    if r < 17:
        return pick(rng, ["port=\"80,8080\"", "port=80", "Port", "port=\"8080\"", "port=abc", "port=\"80, 8080\"",
                          "port=443", "port=\"81,82\"", "port="])
    if r < 18:
        return pick(rng, ["version=1", "Version=\"1\"", "version=0", "version=2", "version=abc", "version=1.0",
                          "version= 1 ", "version", "version=", "VERSION=1"])
    if r < 19:
        return pick(rng, ["comment=hello", "Comment=\"a comment\"", "comment", "commenturl=http://x.com/c",
                          "CommentURL=\"http://acme.com/why\"", "commenturl"])
    if r < 20:
        return pick(rng, ["discard", "Discard", "discard=yes", "discard="])
    if r < 21:
        return pick(rng, ["Priority=High", "Partitioned", "Foo=bar", "foo", "x=\"y;z\"", "=empty", "", " ",
                          "Unknown=\xfc"])
    # max-age without a value makes Python fail (int(None)): every Set-Cookie cookie of the response is lost
    return pick(rng, ["domain", "path", "expires", "domain", "path", "expires", "max-age", "domain=", "path=", "expires=", "max-age="])


def clean_ns_header(rng, ctx):
    """A Set-Cookie header as well-behaved servers send them."""
    out = pick(rng, ["sid", "lang", "theme", "cart", "uid"]) + "=" + pick(rng, ["abc123", "en", "dark", "42", "x%20y"])
    for _ in range(rng.randint(0, 4)):
        r = rng.randrange(7)
        if r == 0:
            out += "; Path=" + pick(rng, ["/", ctx["paths"][1], pick(rng, ctx["paths"])])
        elif r == 1:
            out += "; Domain=" + pick(rng, ctx["domains"][:6])
        elif r == 2:
            out += "; Max-Age=" + pick(rng, ["3600", "86400", "60", "0", "31536000"])
        elif r == 3:
            out += "; Expires=" + cj.time2netscape(ctx["now"] + pick(rng, [3600, 86400, -86400, 10 ** 7]))
        elif r == 4:
            out += "; Secure"
        elif r == 5:
            out += "; HttpOnly"
        else:
            out += "; SameSite=" + pick(rng, ["Lax", "Strict", "None"])
    return out


def ns_header(rng, ctx):
    if ctx.get("clean"):
        return clean_ns_header(rng, ctx)
    name = pick_name(rng)
    r = rng.random()
    if r < 0.05:
        first = name  # no "=": a cookie with no value
    elif r < 0.07:
        first = "=" + pick_value(rng)  # empty name
    elif r < 0.08:
        first = ""
    else:
        first = name + "=" + pick_value(rng)
    attrs = [ns_attr(rng, ctx) for _ in range(rng.randint(0, 6))]
    if chance(rng, 0.1) and attrs:  # duplicate attribute
        attrs.append(attrs[0])
    pieces = [first] + attrs
    out = pieces[0]
    for p in pieces[1:]:
        out += pick(rng, ["; ", "; ", "; ", ";", " ; ", ";;", "; ;", ";\t"]) + p
    if chance(rng, 0.05):
        out = pick(rng, [" ", "\t"]) + out + pick(rng, [" ", ";", "; "])
    return out


def quote2965(rng, v):
    if chance(rng, 0.7):
        return "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\""
    return v


def rfc2965_cookie(rng, ctx):
    name = pick_name(rng)
    if chance(rng, 0.85):
        first = name + "=" + quote2965(rng, pick_value(rng))
    else:
        first = name
    attrs = []
    if chance(rng, 0.85):
        attrs.append(pick(rng, ["Version=\"1\"", "Version=1", "version=1", "Version=\"0\"", "Version=2", "Version=abc", "Version"]))
    for _ in range(rng.randint(0, 5)):
        r = rng.randrange(12)
        if r < 3:
            attrs.append(pick(rng, ["Path", "path"]) + "=" + quote2965(rng, pick(rng, ctx["paths"])))
        elif r < 6:
            attrs.append(pick(rng, ["Domain", "domain"]) + "=" + quote2965(rng, pick(rng, ctx["domains"])))
        elif r < 7:
            attrs.append(pick(rng, ["Port=\"80,8080\"", "Port", "Port=\"8080\"", "port=\"abc\"", "Port=\"80, 81\"", "Port=443", "Port=\"\""]))
        elif r < 8:
            attrs.append("Max-Age=" + quote2965(rng, max_age_value(rng)))
        elif r < 9:
            attrs.append(pick(rng, ["Discard", "Secure", "discard", "secure", "Secure=\"\""]))
        elif r < 10:
            attrs.append(pick(rng, ["Comment=\"why, not\"", "CommentURL=\"http://acme.com/c\"", "Comment", "commenturl=x"]))
        elif r < 11 and chance(rng, 0.3):  # Python fails on these (str <= int): the whole header kind is lost
            attrs.append("expires=" + pick(rng, ["\"Wed, 09 Feb 2094 22:23:32 GMT\"", "\"Thu, 01 Jan 1970 00:00:00 GMT\"", "Wed, 09 Feb 2094 22:23:32 GMT"]))
        else:
            attrs.append(pick(rng, ["Foo=bar", "HttpOnly", "x=\"a\\\"b\"", "Domain", "Path=\"\""]))
    return "; ".join([first] + attrs)


def rfc2965_header(rng, ctx):
    cookies = [rfc2965_cookie(rng, ctx) for _ in range(rng.randint(1, 3))]
    return pick(rng, [", ", ",", " , "]).join(cookies)


# -- policies

def random_policy(rng, index):
    opts = {}
    if index % 5 == 0:
        return opts  # the default policy
    # strict_ns_domain goes through all 0..7 systematically
    opts["strictNsDomain"] = index % 8
    for key, p in [("netscape", 0.1), ("rfc2965", 0.5), ("hideCookie2", 0.2), ("strictDomain", 0.25),
                   ("strictRfc2965Unverifiable", 0.2), ("strictNsUnverifiable", 0.3),
                   ("strictNsSetInitialDollar", 0.3), ("strictNsSetPath", 0.3)]:
        if chance(rng, p):
            opts[key] = not {"netscape": True, "strictRfc2965Unverifiable": True}.get(key, False)
    r = rng.random()
    if r < 0.15:
        opts["rfc2109AsNetscape"] = True
    elif r < 0.3:
        opts["rfc2109AsNetscape"] = False
    elif r < 0.35:
        opts["rfc2109AsNetscape"] = None
    if chance(rng, 0.1):
        opts["blockedDomains"] = rng.sample(["acme.com", ".acme.com", "www.acme.com", "evil.com", "192.168.1.2",
                                             ".co.uk", "localhost", ".local"], rng.randint(1, 3))
    if chance(rng, 0.1):
        opts["allowedDomains"] = rng.sample(["acme.com", ".acme.com", "www.acme.com", ".foo.co.uk", "192.168.1.2",
                                             "localhost", ".example.org"], rng.randint(0, 3))
    if chance(rng, 0.05):
        opts["secureProtocols"] = pick(rng, [["https"], ["https", "wss", "http"], [], ["wss"]])
    return opts


# ----------------------------------------------------------------------------------------------
# Area: cookies (extract, set_ok decisions, add_cookie_header, expiry)

def clock_for(rng):
    r = rng.random()
    if r < 0.7:
        return rng.randint(946684800, 2000000000)  # 2000 .. 2033
    if r < 0.8:
        return 2 ** 31 + rng.randint(-100000, 100000)
    if r < 0.9:  # around the change of century of two-digit years (cur year % 100 near 50)
        return rng.randint(2493072000, 2556144000)  # 2049 .. 2051
    return rng.randint(788918400, 946684800)  # 1995 .. 2000


def response_headers(rng, ctx, policy):
    pairs = []
    n = rng.randint(1, 4)
    p2965 = 0.35 if policy.get("rfc2965") else 0.15
    for _ in range(n):
        if chance(rng, p2965):
            pairs.append((pick(rng, ["Set-Cookie2", "Set-Cookie2", "set-cookie2", "SET-COOKIE2"]), rfc2965_header(rng, ctx)))
        else:
            pairs.append((pick(rng, ["Set-Cookie", "Set-Cookie", "Set-Cookie", "set-cookie", "SET-COOKIE"]), ns_header(rng, ctx)))
    if chance(rng, 0.1):
        pairs.insert(rng.randint(0, len(pairs)), (pick(rng, ["Content-Type", "X-Set-Cookie"]), "text/html; foo=bar"))
    if chance(rng, 0.15) and len(pairs) >= 1:
        # the same cookie again with another value or an expiry (replacement, deletion in one response)
        name, value = pairs[0]
        pairs.append((name, value.split(";")[0] + pick(rng, ["; max-age=0", "x", "; expires=Thu, 01 Jan 1970 00:00:00 GMT", ""])))
    return pairs


def request_spec(rng, url, origin_choices):
    """A request: {"url"} plus "unverifiable": true and "originReqHost" only where given."""
    spec = {"url": url}
    if chance(rng, 0.3):
        spec["unverifiable"] = True
    if chance(rng, 0.5):
        spec["originReqHost"] = pick(rng, origin_choices)
    return spec


def followup_urls(rng, url, host):
    h = host
    scheme = url.split(":", 1)[0]
    other_scheme = "https" if scheme.lower() != "https" else "http"
    path = url.split("://", 1)[1]
    path = path[path.find("/"):] if "/" in path else "/"
    out = [url]
    for _ in range(rng.randint(1, 3)):
        r = rng.randrange(9)
        if r == 0:
            out.append(make_url(rng, host=h, scheme=scheme))
        elif r == 1:
            out.append(other_scheme + "://" + h + path)
        elif r == 2:
            out.append(scheme + "://sub." + h.lstrip(".") + path)
        elif r == 3:
            parent = h.split(".", 1)[1] if h.count(".") >= 2 and not h.startswith("[") else h
            out.append(scheme + "://" + parent + "/")
        elif r == 4:
            out.append(make_url(rng))
        elif r == 5:
            out.append(scheme + "://" + h + pick(rng, [":8080", ":80", ":81"]) + path)
        elif r == 6:
            out.append(scheme + "://" + h + pick(rng, ["/", "/acme/ammo/x", "/acme", "/acmeX", "/other/p", "/foo%2fbar", "/foo%2Fbar/baz/q"]))
        elif r == 7:
            out.append(url.upper() if chance(rng, 0.3) else url + "x/y")
        else:
            out.append(scheme + "://www.evil.com/")
    return out


def _warn_lines():
    """Line numbers of make_cookies' two `_warn_unhandled_exception()` calls: Set-Cookie2, then Set-Cookie."""
    import inspect
    lines, first = inspect.getsourcelines(cj.CookieJar.make_cookies)
    found = [first + i for i, line in enumerate(lines) if "_warn_unhandled_exception()" in line]
    assert len(found) == 2, found
    return {found[0]: "Set-Cookie2", found[1]: "Set-Cookie"}


WARN_LINES = _warn_lines()


# make_cookies' debug log names four of its ways of dropping a cookie (a missing domain, path or
# version value, a bad Max-Age, an expired cookie). The other six it does silently; run_extract
# watches for them and records how often each happened, under src/jar's rule ids (makeDrops):
#   set.header.rfc2965-disabled / set.header.netscape-disabled  a header line of a kind Python never parsed
#   set.header.no-cookie       a header line its parser read no cookie from
#   set.version.invalid        _cookie_from_cookie_tuple returned None without logging "Expiring cookie"
#   set.netscape.hidden-by-cookie2  a Set-Cookie cookie made and then filtered out by a Set-Cookie2 one
#   set.header.error           a cookie lost when Python gave up on its header kind (the catch-all
#                              except): every cookie of that kind it had read and not dropped for a
#                              reason of its own, and one per line it had not yet parsed
_DROP_MESSAGE_PREFIXES = ("Expiring cookie, ", "   missing value for ", "   missing or invalid (non-numeric) value for max-age")


class _MakeWatch:
    """Watches one make_cookies call: which header kinds it parsed, and per kind what the debug log
    does not say."""

    def __init__(self, jar):
        self.jar = jar
        self.kinds = {}  # "Set-Cookie2" | "Set-Cookie" -> {"made": int|None, "invalidVersion": int, "logged": int}
        self.current = None

    def __enter__(self):
        real_split, real_parse = cj.split_header_words, cj.parse_ns_headers
        real_attrs_set, real_tuple = self.jar._cookies_from_attrs_set, self.jar._cookie_from_cookie_tuple

        def enter(kind):
            self.current = self.kinds[kind] = {"made": None, "invalidVersion": 0, "logged": 0}

        def split(values):
            enter("Set-Cookie2")
            return real_split(values)

        def parse_ns(values):
            enter("Set-Cookie")
            return real_parse(values)

        def attrs_set(attrs, request):
            before = len(LOG.lines)
            try:
                made = real_attrs_set(attrs, request)
            finally:
                self.current["logged"] = sum(1 for line in LOG.lines[before:] if line.startswith(_DROP_MESSAGE_PREFIXES))
            self.current["made"] = len(made)
            return made

        def cookie_from_tuple(tup, request):
            before = len(LOG.lines)
            cookie = real_tuple(tup, request)
            if cookie is None and not any(line.startswith("Expiring cookie, ") for line in LOG.lines[before:]):
                self.current["invalidVersion"] += 1
            return cookie

        self.restore = (real_split, real_parse)
        cj.split_header_words, cj.parse_ns_headers = split, parse_ns
        self.jar._cookies_from_attrs_set, self.jar._cookie_from_cookie_tuple = attrs_set, cookie_from_tuple
        return self

    def __exit__(self, *exc):
        cj.split_header_words, cj.parse_ns_headers = self.restore
        del self.jar._cookies_from_attrs_set, self.jar._cookie_from_cookie_tuple
        return False


def _lists_per_line(parse, lines):
    """How many cookies the parser reads from each line on its own (the parsers treat lines
    independently), up to the first line it raises on: (counts, index of that line or None)."""
    counts = []
    for i, line in enumerate(lines):
        try:
            counts.append(len(parse([line])))
        except Exception:  # noqa: BLE001 - the same catch-all as make_cookies'
            return counts, i
    return counts, None


def make_drops(watch, pairs, made, warned_kinds):
    """The six silent drops of make_cookies, counted per src/jar rule id (only those that happened)."""
    lines = {"Set-Cookie2": [v for k, v in pairs if k.lower() == "set-cookie2"],
             "Set-Cookie": [v for k, v in pairs if k.lower() == "set-cookie"]}
    parsers = {"Set-Cookie2": cj.split_header_words, "Set-Cookie": cj.parse_ns_headers}
    not_parsed = {"Set-Cookie2": "set.header.rfc2965-disabled", "Set-Cookie": "set.header.netscape-disabled"}
    drops = {}

    def add(rule, n):
        if n:
            drops[rule] = drops.get(rule, 0) + n

    made_by_kinds = 0
    for kind, kind_lines in lines.items():
        seen = watch.kinds.get(kind)
        if seen is None:
            add(not_parsed[kind], len(kind_lines))
            continue
        counts, raised_at = _lists_per_line(parsers[kind], kind_lines)
        add("set.header.no-cookie", sum(1 for n in counts if n == 0))
        add("set.version.invalid", seen["invalidVersion"])
        if kind in warned_kinds:
            unparsed = 0 if raised_at is None else len(kind_lines) - raised_at
            add("set.header.error", sum(counts) + unparsed - seen["logged"] - seen["invalidVersion"])
        else:
            assert raised_at is None, (kind, kind_lines)
            made_by_kinds += seen["made"]
    add("set.netscape.hidden-by-cookie2", made_by_kinds - len(made))
    return drops


def run_extract(table, jar, policy, spec, pairs, now):
    CLOCK.now = now
    LOG.take()
    req = make_request(spec)
    resp = FakeResponse(pairs)
    with warnings.catch_warnings(record=True) as caught, _MakeWatch(jar) as watch:
        warnings.simplefilter("always")
        made = jar.make_cookies(resp, req)
    make_log = LOG.take()
    warned = [(WARN_LINES.get(w.lineno, "?"), str(w.message).strip().splitlines()[-1]) for w in caught]
    made_refs = table.refs(cookie_json(c) for c in made)
    decisions = []
    for c in made:
        ok = policy.set_ok(c, req)
        log = LOG.take()
        if ok:
            jar.set_cookie(c)
            decisions.append({"accepted": True})
        else:
            decisions.append({"accepted": False, "log": log})
    step = {"op": "extract", "now": now, "request": spec, "headers": [list(p) for p in pairs],
            "made": made_refs, "makeLog": make_log, "decisions": decisions, "jar": table.refs(jar_json(jar))}
    if warned:
        # which header kind Python gave up on (it drops every cookie of that kind), and why
        step["pythonWarned"] = [kind + ": " + message for kind, message in warned]
    drops = make_drops(watch, pairs, made, {kind for kind, _ in warned})
    if drops:
        step["makeDrops"] = drops
    return step


def explain_return(jar, req):
    """For each cookie of the jar (iteration order), why Python's add_cookie_header would not send
    it: None if it is sent, else the last debug message of the check that refused it ("" where
    domain_return_ok refuses without a message: the request host is outside the cookie's domain).
    This is the walk of CookieJar._cookies_for_request, one cookie at a time."""
    policy = jar._policy
    policy._now = jar._now = int(CLOCK.time())
    out = []
    LOG.take()
    for domain, by_path in jar._cookies.items():
        domain_ok = policy.domain_return_ok(domain, req)
        domain_log = LOG.take()
        for path, by_name in by_path.items():
            path_ok = False
            path_log = []
            if domain_ok:
                path_ok = policy.path_return_ok(path, req)
                path_log = LOG.take()
            for cookie in by_name.values():
                if not domain_ok:
                    out.append(domain_log[-1] if domain_log else "")
                elif not path_ok:
                    out.append(path_log[-1])
                else:
                    ok = policy.return_ok(cookie, req)
                    log = LOG.take()
                    out.append(None if ok else log[-1])
    return out


def run_header(table, jar, spec, now):
    CLOCK.now = now
    LOG.take()
    req = make_request(spec)
    explain = explain_return(jar, req)
    jar.add_cookie_header(req)
    LOG.take()
    return {"op": "header", "now": now, "request": spec, "cookie": req.get_header("Cookie"),
            "cookie2": req.get_header("Cookie2"), "returnLog": explain, "jar": table.refs(jar_json(jar))}


def gen_cookies(n):
    rng = random.Random(SEED + 1)
    cases = []
    for i in range(n):
        policy_opts = random_policy(rng, i)
        policy = make_policy(policy_opts)
        jar = cj.CookieJar(policy)
        table = CookieTable()
        now = clock_for(rng)
        host = pick(rng, REQUEST_HOSTS)
        url = make_url(rng, host=host)
        hreq = host.lower()
        origin_choices = [hreq, hreq.upper(), "acme.com", "www.acme.com", "www.evil.com", "foo.co.uk", "localhost",
                          "printer.local", "192.168.1.2", "acme.com:8080", "." + hreq]
        ctx = {"now": now, "domains": domain_candidates(host), "paths": path_candidates(url.split("://", 1)[1][len(host):]),
               "clean": chance(rng, 0.3)}
        steps = []
        for _s in range(1 if chance(rng, 0.7) else 2):
            if steps and chance(rng, 0.5):
                url2 = followup_urls(rng, url, host)[-1]
            else:
                url2 = url
            pairs = response_headers(rng, ctx, policy_opts)
            steps.append(run_extract(table, jar, policy, request_spec(rng, url2, origin_choices), pairs, now))
            now += pick(rng, [0, 0, 1, 30])
        # follow-up requests, some after a later clock (expiry between set and send)
        max_ages = []
        for c in jar:
            if c.expires is not None and c.expires - now < 10 ** 9:
                max_ages.append(c.expires - now)
        for follow in followup_urls(rng, url, host):
            r = rng.random()
            if r < 0.4:
                later = now
            elif r < 0.7 and max_ages:
                later = now + pick(rng, max_ages) + pick(rng, [-1, 0, 0, 1])
            else:
                later = now + pick(rng, [1, 59, 60, 61, 3600, 86400, 10 ** 7, 10 ** 9])
            later = max(later, now)
            steps.append(run_header(table, jar, request_spec(rng, follow, origin_choices), later))
            now = later
        cases.append({"id": "cookies-%05d" % i, "policy": policy_opts, "steps": steps, "cookies": table.rows})
    return cases


# ----------------------------------------------------------------------------------------------
# Area: save (Mozilla and LWP text of recorded jars)

def py_save(jar_cls, cookies, now, ignore_discard, ignore_expires):
    """Python's save() text, and the indices of the cookies written (in order)."""
    CLOCK.now = now
    jar = jar_cls()
    for c in cookies:
        jar.set_cookie(cookie_from_json(c))
    import tempfile
    fd, path = tempfile.mkstemp()
    os.close(fd)
    try:
        try:
            jar.save(path, ignore_discard=ignore_discard, ignore_expires=ignore_expires)
        except Exception as e:  # noqa: BLE001
            return {"raises": type(e).__name__}
        with open(path, encoding="utf-8", newline="") as f:
            text = f.read()
    finally:
        os.unlink(path)
    written = []
    for i, c in enumerate(jar):
        if not ignore_discard and c.discard:
            continue
        if not ignore_expires and c.is_expired(now):
            continue
        written.append(i)
    return {"text": text, "written": written}


def gen_save(cookie_cases, rng):
    cases = []
    for k, case in enumerate(cookie_cases):
        cookies = []
        for step in case["steps"]:
            if step["op"] == "extract":
                cookies = [dict(zip(COOKIE_FIELDS, case["cookies"][j])) for j in step["jar"]]
        if not cookies:
            continue
        # keep the cookies that a file can hold at all (no surrogates: the file is UTF-8)
        last_now = case["steps"][-1]["now"]
        now = last_now + pick(rng, [0, 0, 1, 3600, 10 ** 8])
        saves = []
        for fmt, cls in (("mozilla", cj.MozillaCookieJar), ("lwp", cj.LWPCookieJar)):
            for ignore_discard in (False, True):
                for ignore_expires in (False, True):
                    out = py_save(cls, cookies, now, ignore_discard, ignore_expires)
                    out.update({"format": fmt, "ignoreDiscard": ignore_discard, "ignoreExpires": ignore_expires})
                    saves.append(out)
        cases.append({"id": "save-%05d" % len(cases), "from": case["id"], "now": now, "cookies": [cookie_row(c) for c in cookies],
                      "saves": saves})
        if len(cases) >= SAVE_CASES:
            break
    return cases


# ----------------------------------------------------------------------------------------------
# Area: load (Mozilla and LWP files, valid and corrupted)

class CountingFile:
    """A file whose readline() counts lines, to tell which line Python failed on."""

    def __init__(self, f):
        self.f = f
        self.lines = 0

    def readline(self):
        line = self.f.readline()
        if line != "":
            self.lines += 1
        return line


def py_load(table, fmt, text, initial, now, ignore_discard, ignore_expires):
    """Load `text` (written as UTF-8, read back as Python's load() does: text mode, universal newlines)."""
    CLOCK.now = now
    jar = (cj.MozillaCookieJar if fmt == "mozilla" else cj.LWPCookieJar)()
    for c in initial:
        jar.set_cookie(cookie_from_json(c))
    f = CountingFile(io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8"))
    # Our LWP deviation: a Set-Cookie3 cookie without a path is a LoadError on its line (Python makes
    # a Cookie with path None, which add_cookie_header then crashes on). Record the first such line.
    path_none_lines = []
    real_cookie = cj.Cookie

    class WatchedCookie(real_cookie):
        def __init__(self, *args, **kwargs):
            if len(args) > 8 and args[8] is None:
                path_none_lines.append(f.lines)
            super().__init__(*args, **kwargs)

    cj.Cookie = WatchedCookie
    try:
        with warnings.catch_warnings(record=True):
            warnings.simplefilter("always")
            try:
                jar._really_load(f, "cookies.txt", ignore_discard, ignore_expires)
            except cj.LoadError:
                result = {"ok": False, "lineNumber": max(f.lines, 1), "jar": table.refs(jar_json(jar))}
            else:
                result = {"ok": True, "jar": table.refs(jar_json(jar))}
    finally:
        cj.Cookie = real_cookie
    if path_none_lines:
        result["pathNoneLine"] = path_none_lines[0]
    return result


def gh61366(text):
    """The gh-61366 deviation as a text transformation: a Mozilla line whose expiry field is exactly
    "0" is a session cookie, i.e. loads as Python loads the same line with an empty expiry.
    Lines as Python splits them (universal newlines); the line terminators are kept."""
    out = []
    for line in _split_universal(text):
        body, nl = (line[:-1], line[-1:]) if line.endswith(("\n", "\r")) else (line, "")
        if body.endswith("\r") and nl == "\n":
            body, nl = body[:-1], "\r\n"
        fields = body.split("\t")
        if len(fields) == 7 and fields[4] == "0":
            fields[4] = ""
            body = "\t".join(fields)
        out.append(body + nl)
    return "".join(out)


def _split_universal(text):
    """Split keeping terminators, at \\r\\n, \\r and \\n (the newlines of Python's text mode)."""
    out, i, n = [], 0, len(text)
    start = 0
    while i < n:
        ch = text[i]
        if ch == "\n":
            out.append(text[start:i + 1])
            start = i + 1
        elif ch == "\r":
            if i + 1 < n and text[i + 1] == "\n":
                i += 1
            out.append(text[start:i + 1])
            start = i + 1
        i += 1
    if start < n:
        out.append(text[start:])
    return out


MOZ_HEADER = cj.NETSCAPE_HEADER_TEXT


def moz_line(rng):
    dom = pick(rng, [".acme.com", "www.acme.com", ".foo.co.uk", "localhost", "192.168.1.2", ".local", "ACME.COM", ".Acme.Com", ""])
    flag = ("TRUE" if dom.startswith(".") else "FALSE") if chance(rng, 0.9) else pick(rng, ["TRUE", "FALSE", "true", "yes", ""])
    path = pick(rng, ["/", "/acme", "/acme/", "", "/a b", "/\xfc"])
    secure = pick(rng, ["TRUE", "FALSE", "FALSE", "true", "1", ""])
    expires = pick(rng, ["", "0", "1", "2147483647", "4102444800", "946684800", "1781524800", "-1", "abc", "1e3",
                         "12.5", " 12", "nan", "inf", "1_000", "253402300800", "9007199254740991", "\u0661\u0662"])
    name = pick(rng, ["foo", "SID", "", "n m", "$x", "\xfc", "a=b"])
    value = pick(rng, ["bar", "", "\"q\"", "a;b", "x y", "\u20ac", "v\x01"])
    line = "\t".join([dom, flag, path, secure, expires, name, value])
    if chance(rng, 0.1):
        line = "#HttpOnly_" + line
    return line


def mutate_mozilla(rng, text):
    lines = text.split("\n")
    r = rng.randrange(16)
    if r == 0:
        return text[: rng.randint(0, len(text))]
    if r == 1:  # wrong field count
        i = rng.randrange(len(lines))
        lines[i] = lines[i] + pick(rng, ["\textra", ""]) if chance(rng, 0.5) else "\t".join(lines[i].split("\t")[:-1])
        return "\n".join(lines)
    if r == 2:
        lines[0] = pick(rng, ["# HTTP Cookie File", "#Netscape HTTP Cookie File", "# netscape http cookie file", "",
                              "\ufeff# Netscape HTTP Cookie File", " # Netscape HTTP Cookie File", "# Netscape HTTP Cookie Files!",
                              "#LWP-Cookies-2.0", "# Netscape HTTP Cookie"])
        return "\n".join(lines)
    if r == 3:
        return text.replace("\n", "\r\n")
    if r == 4:
        return text.replace("\n", "\r")
    if r == 5:
        extra = pick(rng, ["# a comment", "", "   ", "\t", "$ dollar line", "  # indented comment", "#HttpOnly_",
                           "#HttpOnly_# comment", "#HttpOnly_   ", "\x1c", "\xa0", "\ufeff", "garbage \x00\x01 \ud7ff",
                           "\u2028", "a\tb", "#HttpOnly_.acme.com\tTRUE\t/\tFALSE\t\tx\ty"])
        lines.insert(rng.randint(1, len(lines)), extra)
        return "\n".join(lines)
    if r == 6:
        return ""
    if r == 7:
        return lines[0] + "\n"
    if r == 8:
        return lines[0]
    if r in (9, 10, 11):
        for _ in range(rng.randint(1, 3)):
            lines.insert(rng.randint(1, len(lines)), moz_line(rng))
        return "\n".join(lines)
    if r == 12:
        return text.rstrip("\n")
    if r == 13:  # change one field of one cookie line
        idx = [i for i, l in enumerate(lines) if l.count("\t") == 6]
        if idx:
            i = pick(rng, idx)
            f = lines[i].split("\t")
            j = rng.randrange(7)
            f[j] = pick(rng, ["", "0", "TRUE", "FALSE", "x", "-5", "nan", "1e400", ".acme.com", "/", "\x00"])
            lines[i] = "\t".join(f)
        return "\n".join(lines)
    if r == 14:
        return text + pick(rng, ["\n\n\n", "trailing garbage", "\n# end\n", "\t\t\t\t\t\t\n"])
    return MOZ_HEADER + "\n".join(moz_line(rng) for _ in range(rng.randint(1, 5))) + "\n"


def lwp_line(rng):
    pairs = [pick(rng, ["foo=bar", "SID=\"x y\"", "n", "a=\"q\\\"uote\"", "\xfc=\u20ac", "e="])]
    for _ in range(rng.randint(0, 7)):
        pairs.append(pick(rng, [
            "path=\"/\"", "path=/acme", "domain=\".acme.com\"", "domain=www.acme.com", "domain=ACME.COM", "port=\"80,8080\"",
            "path_spec", "port_spec", "domain_dot", "secure", "discard", "expires=\"2030-01-01 00:00:00Z\"",
            "expires=\"1994-02-03 14:15:29\"", "expires=\"19700101T000000Z\"", "expires=\"junk\"", "expires=\"2030-01-01 00:00:00.5Z\"",
            "version=0", "version=1", "version=\"abc\"", "comment=\"hi there\"", "commenturl=\"http://x/\"", "HttpOnly=None",
            "HttpOnly", "SameSite=Lax", "PATH=\"/x\"", "Secure", "port_spec=1", "domain_dot=\"\"", "expires=\"9999-12-31 23:59:59Z\"",
            "expires=\"2001-02-03 04:05:06 +0100\"", "Domain=\".foo.co.uk\"",
        ]))
    return "Set-Cookie3: " + "; ".join(pairs)


def mutate_lwp(rng, text):
    lines = text.split("\n")
    r = rng.randrange(13)
    if r == 0:
        return text[: rng.randint(0, len(text))]
    if r == 1:
        lines[0] = pick(rng, ["#LWP-Cookies-1.0", "#LWP-Cookies-2", "# LWP-Cookies-2.0", "#LWP-Cookies-\u0662.0", "",
                              "#LWP-Cookies-10.25 extra", "\ufeff#LWP-Cookies-2.0", "#lwp-cookies-2.0"])
        return "\n".join(lines)
    if r == 2:
        return text.replace("\n", "\r\n")
    if r == 3:
        lines.insert(rng.randint(1, len(lines)), pick(rng, ["# comment", "", "set-cookie3: a=b; domain=x.com; path=/; version=0",
                                                            "Set-Cookie3:", "Set-Cookie3: ; ;", "Set-Cookie2: a=b", "garbage"]))
        return "\n".join(lines)
    if r == 4:
        return ""
    if r in (5, 6, 7, 8):
        for _ in range(rng.randint(1, 3)):
            lines.insert(rng.randint(1, len(lines)), lwp_line(rng))
        return "\n".join(lines)
    if r == 9:  # drop an attribute from a line
        idx = [i for i, l in enumerate(lines) if l.startswith("Set-Cookie3:")]
        if idx:
            i = pick(rng, idx)
            parts = lines[i].split("; ")
            if len(parts) > 1:
                del parts[rng.randrange(1, len(parts))]
            lines[i] = "; ".join(parts)
        return "\n".join(lines)
    if r == 10:
        return text + pick(rng, ["Set-Cookie3: x=y; path=\"/\"; domain=a.com, z=w; domain=b.com; path=/", "\n\n", "\r"])
    if r == 11:
        return text.replace("\n", "\r")
    return "#LWP-Cookies-2.0\n" + "\n".join(lwp_line(rng) for _ in range(rng.randint(1, 5))) + "\n"


def gen_load(save_cases, rng):
    moz, lwp = [], []
    for k, sc in enumerate(save_cases):
        for s in sc["saves"]:
            if "text" not in s:
                continue
            fmt = s["format"]
            mutate = mutate_mozilla if fmt == "mozilla" else mutate_lwp
            texts = []
            if chance(rng, 0.3):
                texts.append(("saved", s["text"]))
            if chance(rng, 0.7):
                texts.append(("corrupted", mutate(rng, s["text"])))
            for kind, text in texts:
                initial = []
                if chance(rng, 0.3) and sc["cookies"]:
                    initial = [dict(zip(COOKIE_FIELDS, pick(rng, sc["cookies"])))]
                    if chance(rng, 0.5):
                        initial.append(cookie_json(cj.Cookie(0, "pre", "existing", None, False, ".acme.com", True, True, "/", False,
                                                             False, None, True, None, None, {})))
                now = sc["now"] + pick(rng, [0, 0, 10 ** 6, -10 ** 6])
                idisc, iexp = chance(rng, 0.5), chance(rng, 0.5)
                table = CookieTable()
                case = {"id": "load-%s-%05d" % (fmt, len(moz if fmt == "mozilla" else lwp)), "kind": kind,
                        "format": fmt, "now": now, "ignoreDiscard": idisc, "ignoreExpires": iexp,
                        "initial": table.refs(initial), "text": text,
                        "python": py_load(table, fmt, text, initial, now, idisc, iexp)}
                if fmt == "mozilla":
                    adjusted = gh61366(text)
                    if adjusted != text:
                        case["gh61366"] = {"text": adjusted, "python": py_load(table, fmt, adjusted, initial, now, idisc, iexp)}
                case["cookies"] = table.rows
                (moz if fmt == "mozilla" else lwp).append(case)
    return moz, lwp


# ----------------------------------------------------------------------------------------------
# Area: dates

def gen_dates(rng):
    CLOCK.now = REFERENCE_NOW
    cases = []
    seen = {}
    for _ in range(6000):
        t = http_date_text(rng)
        if t in seen:
            continue
        seen[t] = 1
        cases.append({"fn": "http2time", "input": t, **call(cj.http2time, t)})
    for _ in range(400):
        t = date_string(rng, rng.randint(0, 253402300799))
        if t in seen:
            continue
        seen[t] = 1
        cases.append({"fn": "http2time", "input": t, **call(cj.http2time, t)})
    seen = {}
    for _ in range(4000):
        t = iso_date_text(rng)
        if t in seen:
            continue
        seen[t] = 1
        cases.append({"fn": "iso2time", "input": t, **call(cj.iso2time, t)})
    stamps = [0, 1, -1, 86399, 86400, 951782400, 2 ** 31 - 1, 2 ** 31, 253402300799, 253402300800, -62135596800,
              -62135596801, 1.5, -0.5, 0.9999995, 0.9999994, 1e9 + 0.999999, 1e9 + 0.9999996, 1781524800.25]
    for _ in range(2500):
        stamps.append(pick(rng, [rng.randint(0, 2 ** 31), rng.randint(-2 ** 31, 0), rng.randint(0, 253402300799),
                                 round(rng.uniform(-10 ** 9, 4 * 10 ** 9), 3)]))
    for t in stamps:
        cases.append({"fn": "time2isoz", "input": t, **call(cj.time2isoz, t)})
        cases.append({"fn": "time2netscape", "input": t, **call(cj.time2netscape, t)})
    for i, c in enumerate(cases):
        c["id"] = "dates-%05d" % i
    return cases


# ----------------------------------------------------------------------------------------------
# Area: headers (split_header_words, join_header_words, parse_ns_headers, strip_quotes)

def header_words_text(rng):
    toks = []
    for _ in range(rng.randint(0, 8)):
        r = rng.randrange(14)
        if r < 3:
            toks.append(pick(rng, ["foo", "bar", "text/html", "Basic", "a", "x-y", "\xfc", "$Version", "k1"]))
        elif r < 6:
            toks.append(pick(rng, ["foo", "charset", "port", "realm", "Max-Age", "q", "\u20ac"]) + pick(rng, ["=", "=", " = ", "= ", "\t=\t"]) +
                        pick(rng, ["bar", "\"quoted\"", "\"a\\\"b\"", "\"\\\\\"", "\"unterminated", "\"\"", "", "80,81", "\"80,81\"",
                                   "\"x;y\"", "\"\\q\"", "a=b", "\"multi word\" tail", "\xfc\xfc", "\"\\\"", "1.5"]))
        elif r < 9:
            toks.append(pick(rng, [";", "; ", ",", ", ", " ", "  ", ";;", ",,", " ; ", " , "]))
        elif r < 11:
            toks.append(pick(rng, ["=", "==", "=;", "\t", "\"", "\\", "=x", ";=", pick(rng, ODD_SPACES)]))
        elif r < 12:
            toks.append(pick(rng, CONTROL))
        else:
            toks.append(pick(rng, ["discard", "secure", "Version=\"1\"", "Path=\"/acme\"", "expires=Wed, 09 Feb 1994 22:23:32 GMT"]))
    return "".join(toks)


def rand_header_value(rng):
    return pick(rng, [None, None, "", "bar", "iso-8859-1", "a b", "a\"b", "a\\b", "\xfc", "\u20ac", "x_1", "80,81",
                      "\"", "\\", "a;b", "\u0661\u0662", "\xb2", "\u00aa", "A\u0301", "tab\t", "\U0001F36A", "_", "0"])


def gen_headers(rng):
    cases = []
    for _ in range(3000):
        vals = [header_words_text(rng) for _ in range(pick(rng, [1, 1, 1, 2, 3]))]
        cases.append({"fn": "splitHeaderWords", "input": vals, **call(lambda v: [[list(p) for p in l] for l in cj.split_header_words(v)], vals)})
    for _ in range(1500):
        lists = []
        for _l in range(rng.randint(0, 3)):
            pairs = []
            for _p in range(rng.randint(0, 4)):
                pairs.append([pick(rng, ["foo", "text/plain", "charset", "$Version", "k", "\xfc", ""]), rand_header_value(rng)])
            lists.append(pairs)
        cases.append({"fn": "joinHeaderWords", "input": lists, **call(cj.join_header_words, [[tuple(p) for p in l] for l in lists])})
    ctx = {"now": REFERENCE_NOW, "domains": domain_candidates("www.acme.com"), "paths": path_candidates("/acme/rocket")}
    CLOCK.now = REFERENCE_NOW
    for _ in range(2500):
        vals = [ns_header(rng, ctx) for _ in range(pick(rng, [1, 1, 2, 3]))]
        if chance(rng, 0.1):
            vals.append(header_words_text(rng))
        cases.append({"fn": "parseNsHeaders", "input": vals, **call(lambda v: [[list(p) for p in l] for l in cj.parse_ns_headers(v)], vals)})
    for s in ["", "\"", "\"\"", "\"a\"", "a\"", "\"a", "\"\"\"", "'a'", " \"a\" ", "\"a\"b\""]:
        cases.append({"fn": "stripQuotes", "input": s, **call(cj.strip_quotes, s)})
    for i, c in enumerate(cases):
        c["id"] = "headers-%05d" % i
    return cases


# ----------------------------------------------------------------------------------------------
# Area: helpers (request/URL and domain helpers)

def gen_helpers(rng):
    cases = []
    hosts_extra = ["", ".", ".acme.com", "acme.com.", "1.2.3.4", ".1.2.3.4", "a.1", "x.local", "local", ".local",
                   "acme.local", "www.acme.local", "a.b.c.d.e", "ACME.com", "[::1]", "foo.123", "foo.a123", "\xfc.de"]
    all_hosts = [h.lower() for h in REQUEST_HOSTS] + hosts_extra
    for _ in range(2000):
        spec = {"url": make_url(rng)}
        if chance(rng, 0.6):
            spec["originReqHost"] = pick(rng, OTHER_SITES + all_hosts)
        req = make_request(spec)
        out = {}
        for name, fn in (("requestHost", cj.request_host), ("effRequestHost", lambda r: list(cj.eff_request_host(r))),
                         ("requestPath", cj.request_path), ("requestPort", cj.request_port), ("isThirdParty", cj.is_third_party)):
            out[name] = call(fn, req)
        cases.append({"fn": "request", "request": spec, "results": out})
    for _ in range(2000):
        a = pick(rng, all_hosts + OTHER_SITES)
        b = pick(rng, all_hosts + OTHER_SITES + ["." + x for x in all_hosts] + domain_candidates(pick(rng, REQUEST_HOSTS)))
        cases.append({"fn": "domainMatch", "input": [a, b], **call(cj.domain_match, a, b)})
        cases.append({"fn": "userDomainMatch", "input": [a, b], **call(cj.user_domain_match, a, b)})
    for h in all_hosts + OTHER_SITES + domain_candidates("a.b.acme.com") + domain_candidates("printer.local"):
        for fn_name, fn in (("reach", cj.reach), ("isHdn", cj.is_HDN), ("liberalIsHdn", cj.liberal_is_HDN)):
            cases.append({"fn": fn_name, "input": h, **call(fn, h)})
    paths = set()
    for _ in range(1500):
        p = request_path_pool(rng) + pick(rng, ["", "%", "%a", "%41", "%e2%82%AC", " ", "\xe9", "\U0001F36A", "<>\"", "[]", "{|}", "^`",
                                              "\\", "%2f", "?q", "#f", ";p", "+$,!~*'()", "\x00", "\x7f"])
        paths.add(p)
    for p in sorted(paths):
        cases.append({"fn": "escapePath", "input": p, **call(cj.escape_path, p)})
    for i, c in enumerate(cases):
        c["id"] = "helpers-%05d" % i
    return cases


# ----------------------------------------------------------------------------------------------

def main():
    started = _real_time.perf_counter()
    os.makedirs(OUT, exist_ok=True)
    counts = {}
    rng = random.Random(SEED)
    cookies = gen_cookies(int(os.environ.get("CONFORMANCE_SCENARIOS", "3600")))
    write_jsonl("cookies.jsonl", cookies)
    counts["cookies"] = len(cookies)
    save = gen_save(cookies, random.Random(SEED + 2))
    write_jsonl("save.jsonl", save)
    counts["save"] = len(save)
    moz, lwp = gen_load(save, random.Random(SEED + 3))
    write_jsonl("load-mozilla.jsonl", moz)
    write_jsonl("load-lwp.jsonl", lwp)
    counts["load-mozilla"] = len(moz)
    counts["load-lwp"] = len(lwp)
    dates = gen_dates(random.Random(SEED + 4))
    write_jsonl("dates.jsonl", dates)
    counts["dates"] = len(dates)
    headers = gen_headers(random.Random(SEED + 5))
    write_jsonl("headers.jsonl", headers)
    counts["headers"] = len(headers)
    helpers = gen_helpers(random.Random(SEED + 6))
    write_jsonl("helpers.jsonl", helpers)
    counts["helpers"] = len(helpers)
    del rng
    meta = {
        "python": sys.version.split()[0],
        "seed": SEED,
        "referenceNow": REFERENCE_NOW,
        "referenceYear": _real_time.gmtime(REFERENCE_NOW).tm_year,
        "timezone": "UTC",
        "counts": counts,
        "cookieFields": COOKIE_FIELDS,
        "note": "Two-digit years resolve against the year of the case clock (`now` of a step; "
                "referenceNow for the date functions). The replay fakes the system clock to match.",
    }
    with open(os.path.join(OUT, "meta.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(meta, f, indent=2, ensure_ascii=False)
        f.write("\n")
    total = sum(counts.values())
    size = sum(os.path.getsize(os.path.join(OUT, n)) for n in os.listdir(OUT))
    print("cases: %s total %d; %.1f MB; %.1f s" % (counts, total, size / 1e6, _real_time.perf_counter() - started),
          file=sys.stderr)


if __name__ == "__main__":
    main()
