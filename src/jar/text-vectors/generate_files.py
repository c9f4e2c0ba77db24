"""Vectors for src/jar/mozilla.ts and src/jar/lwp.ts, recorded from python3's http.cookiejar.

Run from the repository root:  python3 src/jar/text-vectors/generate_files.py
Writes files.json beside this script.

Two documented deviations are recorded as upstream CPython behaves (or as its open fix proposes),
by patching the 3.11 source the same way, and each case they change is marked with the issue:
- gh-61366 (merged upstream, PR #11792): MozillaCookieJar reads expiry "0" as a session cookie.
- gh-113775 (PR #113795): MozillaCookieJar saves the #HttpOnly_ prefix for HttpOnly in any case.
Loading is atomic in src/jar, so for a file that raises LoadError only the error is recorded.
"""
import inspect
import json
import os
import random
import sys
import tempfile
import textwrap
import http.cookiejar as cj

HERE = os.path.dirname(os.path.abspath(__file__))
NOW = 1700000000  # 2023-11-14T22:13:20Z
FILENAME = "cookies.txt"


def patched(cls, method, old, new):
    """A subclass whose `method` is the 3.11 source with `old` replaced by `new` (exactly once)."""
    source = textwrap.dedent(inspect.getsource(getattr(cls, method)))
    assert source.count(old) == 1, (method, old)
    namespace = dict(vars(cj))
    exec(source.replace(old, new), namespace)
    return type("Upstream" + cls.__name__, (cls,), {method: namespace[method]})


UpstreamMozillaLoad = patched(cj.MozillaCookieJar, "_really_load", 'if expires == "":', 'if expires == "0" or expires == "":')
UpstreamMozillaSave = patched(cj.MozillaCookieJar, "save", "if cookie.has_nonstandard_attr(HTTPONLY_ATTR):",
                              'if any(k.lower() == "httponly" for k in cookie._rest):')


def cookie_json(c):
    return {"version": c.version, "name": c.name, "value": c.value, "port": c.port,
            "portSpecified": bool(c.port_specified), "domain": c.domain, "domainSpecified": bool(c.domain_specified),
            "domainInitialDot": bool(c.domain_initial_dot), "path": c.path, "pathSpecified": bool(c.path_specified),
            "secure": bool(c.secure), "expires": c.expires, "discard": bool(c.discard), "comment": c.comment,
            "commentUrl": c.comment_url, "rest": [[k, v] for k, v in c._rest.items()], "rfc2109": c.rfc2109}


def make_cookie(d):
    return cj.Cookie(d["version"], d["name"], d["value"], d["port"], d["portSpecified"], d["domain"], d["domainSpecified"],
                     d["domainInitialDot"], d["path"], d["pathSpecified"], d["secure"], d["expires"], d["discard"],
                     d["comment"], d["commentUrl"], dict(d["rest"]), d["rfc2109"])


def with_clock(f):
    real = cj.time.time
    cj.time.time = lambda: float(NOW)
    try:
        return f()
    finally:
        cj.time.time = real


def save_text(cls, cookies, ignore_discard, ignore_expires):
    jar = cls()
    for c in cookies:
        jar.set_cookie(c if isinstance(c, cj.Cookie) else make_cookie(c))
    fd, path = tempfile.mkstemp()
    os.close(fd)
    try:
        with_clock(lambda: jar.save(path, ignore_discard, ignore_expires))
        with open(path, encoding="utf-8", newline="") as f:
            return {"text": f.read()}
    except (ValueError, OverflowError, OSError, TypeError) as e:  # time2isoz: a year outside 1..9999; path None
        return {"error": type(e).__name__}
    finally:
        os.unlink(path)


class CountingFile:
    """Counts readline() calls, to know the line Python was reading when it raised."""
    def __init__(self, f):
        self.f, self.lines = f, 0

    def readline(self):
        line = self.f.readline()
        if line:
            self.lines += 1
        return line


def load(cls, text, ignore_discard, ignore_expires):
    fd, path = tempfile.mkstemp()
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    jar = cls()
    try:
        with open(path, encoding="utf-8") as f0:
            f = CountingFile(f0)
            try:
                with_clock(lambda: jar._really_load(f, FILENAME, ignore_discard, ignore_expires))
            except cj.LoadError as e:
                return {"error": "LoadError", "message": str(e), "lineNumber": max(f.lines, 1)}
    finally:
        os.unlink(path)
    cookies = [cookie_json(c) for c in jar]
    resave = {}
    for name, save_cls in (("mozilla", UpstreamMozillaSave), ("lwp", cj.LWPCookieJar)):
        resave[name] = save_text(save_cls, list(jar), True, True)
    return {"cookies": cookies, "resave": resave}


def base(**kw):
    d = {"version": 0, "name": "n", "value": "v", "port": None, "portSpecified": False, "domain": "www.example.com",
         "domainSpecified": False, "domainInitialDot": False, "path": "/", "pathSpecified": False, "secure": False,
         "expires": NOW + 3600, "discard": False, "comment": None, "commentUrl": None, "rest": [], "rfc2109": False}
    d.update(kw)
    return d


def save_cookie_sets():
    rnd = random.Random(7)
    hand = [
        [base()],
        [base(expires=None, discard=True, name="session")],
        [base(expires=NOW - 10, name="expired"), base(expires=NOW, name="expires-now"), base(expires=NOW + 1, name="next-second")],
        [base(discard=True, name="discard-with-expiry")],
        [base(value=None, name="novalue")],
        [base(value="", name="empty")],
        [base(domain=".example.com", domainSpecified=True, domainInitialDot=True)],
        [base(domain=".Example.COM", domainSpecified=True, domainInitialDot=True, name="upper")],
        [base(domain="example.com", domainSpecified=True, domainInitialDot=False, name="nodot-specified")],
        [base(secure=True)],
        [base(port="80,8080", portSpecified=True, version=1)],
        [base(port="", portSpecified=True, version=1)],
        [base(port="80", portSpecified=False, version=1)],
        [base(comment="a comment; with \"quotes\"", commentUrl="http://example.com/c", version=1)],
        [base(comment="", commentUrl="", name="empty-comment")],
        [base(rest=[["HttpOnly", None]], name="httponly-header-case")],
        [base(rest=[["HTTPOnly", ""]], name="httponly-file-case")],
        [base(rest=[["httponly", ""], ["SameSite", "Lax"]], name="httponly-lower")],
        [base(rest=[["SameSite", "Strict"], ["Priority", None], ["zeta", "1"], ["Alpha", "x y"], ["\u00e9", "\u00e9"]], name="rest-order")],
        [base(version=None, name="version-none")],
        [base(version=1, pathSpecified=True, path="/a/b", name="rfc2965")],
        [base(rfc2109=True, version=0, name="rfc2109")],
        [base(expires=0, name="zero-expiry")],
        [base(expires=-86400, name="negative-expiry")],
        [base(expires=253402300799, name="year-9999")],
        [base(expires=253402300800, name="year-10000")],
        [base(expires=2**60, name="huge")],
        [base(name="sp ace", value="a b;c,d\"e\\f=g")],
        [base(name="\u65e5\u672c", value="\u8a9e\U0001F600")],
        [base(name="tab", value="a\tb")],
        [base(value="abc_123", name="word"), base(value="\u0663\u00b2", name="numeric")],
        [base(name="a", path="/x"), base(name="a", path="/"), base(name="b", domain=".example.com", domainSpecified=True, domainInitialDot=True),
         base(name="c", domain="other.org"), base(name="a", path="/x", value="replaced")],
    ]
    for _ in range(40):
        n = rnd.randint(1, 5)
        cookies = []
        for _ in range(n):
            dot = rnd.random() < 0.4
            host = rnd.choice(["example.com", "www.example.com", "a.b.example.org", "localhost", "10.0.0.1"])
            port = rnd.choice([None, None, "80", "80,443", ""])
            expires = rnd.choice([None, NOW - 5, NOW + 5, NOW + rnd.randint(1, 10**8), 0])
            cookies.append(base(
                version=rnd.choice([0, 0, 1, None]), name=rnd.choice(["a", "b", "SID", "x y", "q\"", "\u00e9"]),
                value=rnd.choice([None, "", "v", "1 2", "a;b", "\u00e9", "x\\y", "z=1"]),
                port=port, portSpecified=port is not None and rnd.random() < 0.5,
                domain=("." + host) if dot else host, domainSpecified=dot, domainInitialDot=dot,
                path=rnd.choice(["/", "/a", "/a/b/", "/\u00e9"]), pathSpecified=rnd.random() < 0.5, secure=rnd.random() < 0.3,
                expires=expires, discard=expires is None or rnd.random() < 0.2,
                comment=rnd.choice([None, "c", "a b"]), commentUrl=rnd.choice([None, "http://x/"]),
                rest=rnd.sample([["HttpOnly", None], ["SameSite", "Lax"], ["HTTPOnly", ""], ["Max-Age", "10"], ["x", None]], rnd.randint(0, 3)),
            ))
        hand.append(cookies)
    return hand


def saves():
    out = []
    for cookies in save_cookie_sets():
        for ignore_discard in (False, True):
            for ignore_expires in (False, True):
                mozilla = save_text(UpstreamMozillaSave, cookies, ignore_discard, ignore_expires)
                mozilla311 = save_text(cj.MozillaCookieJar, cookies, ignore_discard, ignore_expires)
                case = {"cookies": cookies, "ignoreDiscard": ignore_discard, "ignoreExpires": ignore_expires,
                        "mozilla": mozilla, "lwp": save_text(cj.LWPCookieJar, cookies, ignore_discard, ignore_expires)}
                if mozilla != mozilla311:
                    case["deviation"] = "gh-113775"
                out.append(case)
    return out


MOZ_HEADER = "# Netscape HTTP Cookie File\n"
MOZ_LINE = "www.example.com\tFALSE\t/\tFALSE\t1800000000\tn\tv\n"
MOZILLA_FILES = [
    MOZ_HEADER + MOZ_LINE,
    "# HTTP Cookie File\n" + MOZ_LINE,
    "# Netscape HTTP Cookie File and more\n" + MOZ_LINE,
    "#Netscape HTTP Cookie File\n" + MOZ_LINE,
    "# netscape HTTP Cookie File\n" + MOZ_LINE,
    " # Netscape HTTP Cookie File\n" + MOZ_LINE,
    "\ufeff# Netscape HTTP Cookie File\n" + MOZ_LINE,
    "", "\n", MOZ_HEADER, MOZ_HEADER.rstrip("\n"),
    MOZ_HEADER + "# comment\n$ dollar\n\n   \n\t\n" + MOZ_LINE,
    MOZ_HEADER + ".example.com\tTRUE\t/\tTRUE\t1800000000\tsecure\tv\n",
    MOZ_HEADER + "#HttpOnly_www.example.com\tFALSE\t/\tFALSE\t1800000000\thttponly\tv\n",
    MOZ_HEADER + "#HttpOnly_\n" + MOZ_LINE,
    MOZ_HEADER + "#HttpOnly_# comment\n",
    MOZ_HEADER + "www.example.com\tFALSE\t/\tFALSE\t\tsession\tv\n",
    MOZ_HEADER + "www.example.com\tFALSE\t/\tFALSE\t0\tcurl-session\tv\n",
    MOZ_HEADER + "www.example.com\tFALSE\t/\tFALSE\t0.0\tzero-float\tv\n",
    MOZ_HEADER + "www.example.com\tFALSE\t/\tFALSE\t00\tzero-zero\tv\n",
    MOZ_HEADER + "www.example.com\tFALSE\t/\tFALSE\t1699999999\texpired\tv\n",
    MOZ_HEADER + "www.example.com\tFALSE\t/\tFALSE\t1700000000\texpires-now\tv\n",
    MOZ_HEADER + "www.example.com\tFALSE\t/\tFALSE\t1700000001\tnext\tv\n",
    MOZ_HEADER + "www.example.com\tFALSE\t/\tFALSE\t1.8e9\texp\tv\n",
    MOZ_HEADER + "www.example.com\tFALSE\t/\tFALSE\t 1800000000 \tspaces\tv\n",
    MOZ_HEADER + "www.example.com\tFALSE\t/\tFALSE\t1_800_000_000\tunderscores\tv\n",
    MOZ_HEADER + "www.example.com\tFALSE\t/\tFALSE\t1800000000.9\tfraction\tv\n",
    MOZ_HEADER + "www.example.com\tFALSE\t/\tFALSE\t-5\tnegative\tv\n",
    MOZ_HEADER + "www.example.com\tFALSE\t/\tFALSE\t\u0661\u0668\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660\tarabic\tv\n",
    MOZ_HEADER + "www.example.com\tFALSE\t/\tFALSE\t1e300\thuge\tv\n",
    MOZ_HEADER + "www.example.com\tFALSE\t/\tFALSE\tinf\tinf\tv\n",
    MOZ_HEADER + "www.example.com\tFALSE\t/\tFALSE\tnan\tnan\tv\n",
    MOZ_HEADER + "www.example.com\tFALSE\t/\tFALSE\tabc\tletters\tv\n",
    MOZ_HEADER + "www.example.com\tFALSE\t/\tFALSE\t0x10\thex\tv\n",
    MOZ_HEADER + "www.example.com\tFALSE\t/\tFALSE\t1__0\tdouble-underscore\tv\n",
    MOZ_HEADER + MOZ_LINE + "www.example.com\tFALSE\t/\tFALSE\t1800000000\tsix-fields\n" + MOZ_LINE.replace("\tn\t", "\tafter\t"),
    MOZ_HEADER + "www.example.com\tFALSE\t/\tFALSE\t1800000000\tn\tv\textra\n",
    MOZ_HEADER + ".example.com\tFALSE\t/\tFALSE\t1800000000\tdot-false\tv\n",
    MOZ_HEADER + "example.com\tTRUE\t/\tFALSE\t1800000000\tnodot-true\tv\n",
    MOZ_HEADER + "example.com\ttrue\t/\tfalse\t1800000000\tlowercase\tv\n",
    MOZ_HEADER + "www.example.com\tFALSE\t/\tTRUE\t1800000000\t\tnameless\n",
    MOZ_HEADER + "www.example.com\tFALSE\t/\tFALSE\t1800000000\tn\t\n",
    MOZ_HEADER + "WWW.Example.COM\tFALSE\t/Path\tFALSE\t1800000000\tN\tV\n",
    MOZ_HEADER + MOZ_LINE.rstrip("\n"),
    (MOZ_HEADER + MOZ_LINE + MOZ_LINE.replace("\tv\n", "\tsecond\n")).replace("\n", "\r\n"),
    (MOZ_HEADER + MOZ_LINE).replace("\n", "\r"),
    MOZ_HEADER + "www.example.com\tFALSE\t/\tFALSE\t1800000000\tn\tv\r\n",
    MOZ_HEADER + "www.example.com\tFALSE\t/\tFALSE\t1800000000\tn\tv\x0b\x0c\n",
    MOZ_HEADER + "www.example.com\tFALSE\t/\tFALSE\t1800000000\tn\tv\u2028w\n",
    MOZ_HEADER + MOZ_LINE + MOZ_LINE.replace("\tv\n", "\treplaced\n"),
    MOZ_HEADER + MOZ_LINE + ".other.org\tTRUE\t/\tFALSE\t1800000000\tn\tv\n" + "www.example.com\tFALSE\t/a\tFALSE\t1800000000\tn\tv\n",
    MOZ_HEADER + "\u65e5\u672c.jp\tFALSE\t/\u00e9\tFALSE\t1800000000\t\u00e9\t\U0001F600\n",
    MOZ_HEADER + MOZ_LINE + "garbage line\n" + MOZ_LINE,
]

LWP_HEADER = "#LWP-Cookies-2.0\n"
LWP_LINE = 'Set-Cookie3: n=v; path="/"; domain=www.example.com; path_spec; expires="2027-01-15 08:00:00Z"; version=0\n'
LWP_FILES = [
    LWP_HEADER + LWP_LINE,
    "#LWP-Cookies-1.0\n" + LWP_LINE, "#LWP-Cookies-2\n" + LWP_LINE, "#LWP-Cookies-2.0 extra\n" + LWP_LINE,
    " #LWP-Cookies-2.0\n" + LWP_LINE, "", LWP_HEADER, LWP_HEADER.rstrip("\n"),
    LWP_HEADER + "# comment\nnot a cookie\n  Set-Cookie3: n=v; path=/; domain=x\nSet-Cookie2: a=b\n" + LWP_LINE,
    LWP_HEADER + "Set-Cookie3:\n", LWP_HEADER + "Set-Cookie3: \n", LWP_HEADER + "Set-Cookie3:,,\n",
    LWP_HEADER + 'Set-Cookie3: a=1; path=/; domain=.example.com; domain_dot; expires="2027-01-15 08:00:00Z"; version=0, b=2; path=/b; domain=x.org; expires="2027-01-15 08:00:00Z"; version=1\n',
    LWP_HEADER + 'Set-Cookie3: s=1; path=/; domain=x.org; version=0\n',
    LWP_HEADER + 'Set-Cookie3: s=1; path=/; domain=x.org; expires="2027-01-15 08:00:00Z"; discard; version=0\n',
    LWP_HEADER + 'Set-Cookie3: s=1; path=/; domain=x.org; expires="2023-11-14 22:13:19Z"; version=0\n',
    LWP_HEADER + 'Set-Cookie3: s=1; path=/; domain=x.org; expires="2023-11-14 22:13:20Z"; version=0\n',
    LWP_HEADER + 'Set-Cookie3: s=1; path=/; domain=x.org; expires="not a date"; version=0\n',
    LWP_HEADER + 'Set-Cookie3: s=1; path=/; domain=x.org; expires="2027-01-15 08:00:00.5Z"; version=0\n',
    LWP_HEADER + 'Set-Cookie3: s=1; path=/; domain=x.org; expires; version=0\n',
    LWP_HEADER + 'Set-Cookie3: s=1; path=/; expires="2027-01-15 08:00:00Z"; version=0\n',
    LWP_HEADER + 'Set-Cookie3: s=1; domain=x.org; expires="2027-01-15 08:00:00Z"; version=0\n',
    LWP_HEADER + 'Set-Cookie3: s=1; path=/; domain=x.org; expires="2027-01-15 08:00:00Z"\n',
    LWP_HEADER + 'Set-Cookie3: s=1; path=/; domain=x.org; expires="2027-01-15 08:00:00Z"; version=abc\n',
    LWP_HEADER + 'Set-Cookie3: s=1; path=/; domain=x.org; expires="2027-01-15 08:00:00Z"; version=" 1_0 "\n',
    LWP_HEADER + 'Set-Cookie3: s=1; path=/; domain=x.org; expires="2027-01-15 08:00:00Z"; port_spec; version=1\n',
    LWP_HEADER + 'Set-Cookie3: s=1; path=/; domain=x.org; expires="2027-01-15 08:00:00Z"; port_spec=x; version=1\n',
    LWP_HEADER + 'Set-Cookie3: s=1; path=/; domain=x.org; port="80,81"; port_spec; expires="2027-01-15 08:00:00Z"; version=1\n',
    LWP_HEADER + 'Set-Cookie3: s=1; path=/; domain=x.org; expires="2027-01-15 08:00:00Z"; secure=0; discard=; version=0\n',
    LWP_HEADER + 'Set-Cookie3: s=1; PATH=/; Domain=X.ORG; Expires="2027-01-15 08:00:00Z"; SECURE; HttpOnly; SameSite=Lax; Foo; VERSION=0\n',
    LWP_HEADER + 'Set-Cookie3: s=1; path=/; domain=x.org; expires="2027-01-15 08:00:00Z"; comment="a \\"quoted\\" comment"; commenturl="http://x/"; version=1\n',
    LWP_HEADER + 'Set-Cookie3: "quoted name"=v; path=/; domain=x.org; expires="2027-01-15 08:00:00Z"; version=0\n',
    LWP_HEADER + 'Set-Cookie3: novalue; path=/; domain=x.org; expires="2027-01-15 08:00:00Z"; version=0\n',
    LWP_HEADER + 'Set-Cookie3: s="a\\\\b;c"; path=/; domain=x.org; expires="2027-01-15 08:00:00Z"; version=0\n',
    LWP_HEADER + 'Set-Cookie3: s=1; path=/; domain=x.org; expires="2027-01-15 08:00:00Z"; version=None\n',
    LWP_HEADER + 'Set-Cookie3: s=1; path=/; domain=x.org; expires="2027-01-15 08:00:00Z"; HttpOnly=None; version=0\n',
    (LWP_HEADER + LWP_LINE + LWP_LINE.replace("n=v", "m=w")).replace("\n", "\r\n"),
    LWP_HEADER + LWP_LINE + LWP_LINE.replace("n=v", "n=replaced"),
    LWP_HEADER + LWP_LINE + "Set-Cookie3: bad=1; path=/\n" + LWP_LINE.replace("n=v", "after=1"),
    LWP_HEADER + 'Set-Cookie3: \u00e9=\u65e5\u672c; path="/\u00e9"; domain=\u65e5\u672c.jp; expires="2027-01-15 08:00:00Z"; version=0\n',
    LWP_HEADER + 'Set-Cookie3: s=1; path=/; domain=x.org; expires="1994-02-03 14:15:29 -0100"; version=0\n',
    LWP_HEADER + 'Set-Cookie3: s=1; path=/; domain=x.org; expires="20270115T080000Z"; version=0\n',
]


def loads():
    out = []
    for fmt, files, cls in (("mozilla", MOZILLA_FILES, UpstreamMozillaLoad), ("lwp", LWP_FILES, cj.LWPCookieJar)):
        for text in files:
            for ignore_discard, ignore_expires in ((False, False), (True, False), (False, True), (True, True)):
                case = {"format": fmt, "text": text, "ignoreDiscard": ignore_discard, "ignoreExpires": ignore_expires,
                        "result": load(cls, text, ignore_discard, ignore_expires)}
                if fmt == "mozilla" and load(cj.MozillaCookieJar, text, ignore_discard, ignore_expires) != case["result"]:
                    case["deviation"] = "gh-61366"
                cookies = case["result"].get("cookies", [])
                if any(c["path"] is None for c in cookies):
                    case["deviation"] = "lwp-path-none"
                out.append(case)
    return out


if __name__ == "__main__":
    assert sys.version_info[:2] == (3, 11), "vectors are recorded from Python 3.11"
    data = {"now": NOW, "filename": FILENAME, "saves": saves(), "loads": loads()}
    with open(os.path.join(HERE, "files.json"), "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=True, separators=(",", ":"))
        f.write("\n")
