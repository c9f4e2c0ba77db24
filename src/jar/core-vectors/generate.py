#!/usr/bin/env python3
"""Record what python3.11's http.cookiejar does, for the core tests of src/jar.

Writes beside this file:
  request.json  - the URL and domain helpers (request_host, request_path, request_port, urlsplit, ...)
  jar.json      - random jar scenarios: extract_cookies / add_cookie_header / clear* steps under
                  random DefaultCookiePolicy switches and a fixed clock, with the jar's cookies
                  (every attribute, in iteration order), the Cookie and Cookie2 headers, and which
                  cookies were set, after every step.

Run: python3 src/jar/core-vectors/generate.py   (deterministic: seeded)
"""
import email.message
import http.cookiejar as cj
import json
import os
import random
import urllib.parse
import urllib.request
import warnings

warnings.simplefilter('ignore')

HERE = os.path.dirname(os.path.abspath(__file__))

# --- URL and domain helpers ----------------------------------------------------------------------

URLS = [
    "http://www.acme.com/", "http://www.acme.com", "http://WWW.Acme.COM:8080/Foo/Bar?x=1#frag",
    "https://acme.com/a/b/c.html", "http://www.acme.com/a;params/b;c?q#f", "http://user:pw@www.acme.com:81/p",
    "http://[::1]:8080/x", "http://[::1]/", "http://192.168.1.1/", "http://192.168.1.1:80/x/",
    "http://localhost/", "http://localhost:3000/app/", "http://www.acme.com./", "http://.acme.com/",
    "http://www.acme.com:abc/", "http://www.acme.com:/", "http:///path", "http://www.acme.com/%7Efoo/%7ebar",
    "http://www.acme.com/ü/ä?ö", "http://www.acme.com/a b", "http://www.acme.com/foo%2fbar%2Fbaz",
    "http://www.acme.com#only-fragment", "http://www.acme.com/a#b#c", "http://www.acme.com/#", "<URL:http://www.acme.com/wrapped>",
    "  http://www.acme.com/spaces  ", "HTTP://www.acme.com/UPPER", "http://www.acme.com?q", "http://www.acme.com;p",
    "wss://chat.acme.com/socket", "ftp://ftp.acme.com/pub/", "http://a.b.c.d.acme.co.uk/", "http://acme/",
    "http://www.acme.com:8080:90/", "http://www.acme.com/\tx\ny", "http://foo.bar%2Ecom/", "http://[v1.fe]/",
    "http://[::ffff:1.2.3.4]/", "http://[fe80::1%25eth0]/", "http://x.y/é", "http://www.acme.com/a?b/c",
    "http://www.acme.com:0080/", "http://www.acme.com:+80/", "http://www.acme.com: 80/", "http://www.acme.com:٨٠/",
    "http:foo", "http://www.acme.com/~user/", "http://www.acme.com/a//b", "http://www.acme.com/a/./b/../c",
    "http://[::1/", "http://::1]/", "http://[1.2.3.4]/", "http://[zz]/", "http://www.acme.com\u2100/",
    "file:///etc/passwd", "noscheme", "1http://x.com/", "a b://x.com/", "http://a.com\\b/",
]
HOSTS_WITH_HEADER = [("http:///path", "www.acme.com:8080"), ("http:///x", "Example.COM"), ("http://x.com/", "ignored.com")]


def outcome(fn):
    try:
        return {"value": fn()}
    except ValueError as e:
        return {"error": "ValueError"}
    except AttributeError:
        return {"error": "AttributeError"}
    except UnicodeEncodeError:
        return {"error": "ValueError"}


def url_case(url, host_header=None):
    case = {"url": url}
    if host_header is not None:
        case["hostHeader"] = host_header
    case["urlsplit"] = outcome(lambda: list(urllib.parse.urlsplit(url)))
    case["urlparse"] = outcome(lambda: list(urllib.parse.urlparse(url)))
    try:
        headers = {"Host": host_header} if host_header is not None else {}
        req = urllib.request.Request(url, headers=headers)
    except ValueError:
        case["request"] = {"error": "ValueError"}
        return case
    case["request"] = {"value": {
        "fullUrl": req.get_full_url(), "type": req.type, "host": req.host, "selector": req.selector,
        "fragment": req.fragment, "originReqHost": req.origin_req_host,
        "requestHost": cj.request_host(req), "effRequestHost": list(cj.eff_request_host(req)),
        "requestPath": outcome(lambda: cj.request_path(req)), "requestPort": outcome(lambda: cj.request_port(req)),
    }}
    return case


HOSTNAMES = ["www.acme.com", "acme.com", ".acme.com", "ACME.com", "a.b.acme.com", ".b.acme.com", "acme.local", "localhost",
             "localhost.local", ".local", "192.168.1.1", ".168.1.1", "1.1", "x.1", "com", ".com", "", ".", "..", "a..b",
             "co.uk", ".co.uk", "www.acme.co.uk", "acme.com.", "www.acme.com.", "foo.net\n", "1.2.3.4\n", "ü.acme.com",
             ".ü.acme.com", "[::1]", "acme", ".acme", "x.y.z", "y.z", ".y.z", "z"]


def helper_cases():
    rnd = random.Random(2)
    pairs = [(a, b) for a in HOSTNAMES for b in HOSTNAMES]
    rnd.shuffle(pairs)
    pairs = pairs[:700]
    return {
        "isHdn": [[h, cj.is_HDN(h)] for h in HOSTNAMES],
        "liberalIsHdn": [[h, cj.liberal_is_HDN(h)] for h in HOSTNAMES],
        "reach": [[h, cj.reach(h)] for h in HOSTNAMES],
        "domainMatch": [[a, b, cj.domain_match(a, b)] for a, b in pairs],
        "userDomainMatch": [[a, b, cj.user_domain_match(a, b)] for a, b in pairs],
        "escapePath": [[p, outcome(lambda p=p: cj.escape_path(p))] for p in
                       ["/", "/a b", "/%7e%7E", "/ü", "/a;b=c,d!$&'()*+:@", "/\"<>\\^`{|}", "/%zz%4", "", "x",
                        "/\x00\x7f", "/\U0001F600", "/%2f%2F", "/~user"]],
        "isThirdParty": [[url, origin, cj.is_third_party(urllib.request.Request(url, origin_req_host=origin))]
                         for url in ["http://www.acme.com/", "http://ads.tracker.net/", "http://a.b.acme.com/", "http://acme.com/",
                                     "http://localhost/", "http://192.168.1.1/", "http://www.acme.co.uk/"]
                         for origin in ["www.acme.com", "acme.com", "a.b.acme.com", "localhost", "192.168.1.1", "WWW.ACME.COM",
                                        "www.acme.co.uk", "tracker.net"]],
    }


# --- jar scenarios -------------------------------------------------------------------------------

DOMAINS = ["www.acme.com", "acme.com", "a.b.acme.com", "shop.acme.com", "acme.co.uk", "www.acme.co.uk", "localhost",
           "192.168.1.1", "foo.local", "other.org", "www.other.org", "x.y.z.other.org"]
PATHS = ["/", "", "/a", "/a/", "/a/b", "/a/b/c.html", "/b/", "/admin/x", "/A", "/a b/ü"]
NAMES = ["sid", "id", "a", "SID", "$x", "n-1", "", "q"]
VALUES = ["1", "v", "", '"quoted"', 'sp ace', 'a"b', "a\\b", "x=y", "ü", "a,b"]
DATES = ["Wed, 09 Jun 2021 10:18:14 GMT", "Thu, 01 Jan 1970 00:00:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT",
         "Sun, 06 Nov 1994 08:49:37 GMT", "Tuesday, 08-Feb-94 14:15:29 GMT", "Tue, 08-Feb-2094 14:15:29 GMT",
         "2030-01-01T00:00:00Z", "garbage", "", "Wed, 09 Jun 2021 10:18:14 +0200", "09 Jun 2031 10:18:14"]


def rand_domain_attr(rnd, host):
    choice = rnd.random()
    if choice < 0.35:
        parts = host.split(".")
        k = rnd.randrange(len(parts))
        d = ".".join(parts[k:])
        return rnd.choice(["", "."]) + d
    if choice < 0.5:
        return rnd.choice([".com", "com", ".co.uk", ".local", ".acme.com", "acme.com", ".other.org", ".y.z.other.org", "", ".", "ACME.COM"])
    return rnd.choice(DOMAINS)


def rand_ns_header(rnd, host, now):
    name = rnd.choice(NAMES)
    value = rnd.choice(VALUES)
    parts = [f"{name}={value}" if rnd.random() < 0.9 else name]
    for _ in range(rnd.choice([0, 0, 1, 1, 1, 2, 3, 4])):
        r = rnd.random()
        if r < 0.15:
            parts.append(f"domain={rand_domain_attr(rnd, host)}")
        elif r < 0.3:
            parts.append(f"path={rnd.choice(PATHS)}")
        elif r < 0.42:
            parts.append(f"max-age={rnd.choice(['0', '-1', '10', '3600', '1.5', 'abc', '', '+5', '99999999999'])}")
        elif r < 0.55:
            parts.append(f"expires={rnd.choice(DATES)}")
        elif r < 0.62:
            parts.append(rnd.choice(["secure", "Secure", "secure=1", "secure="]))
        elif r < 0.68:
            parts.append(rnd.choice(["HttpOnly", "SameSite=Lax", "httponly", "Priority=High", "Foo"]))
        elif r < 0.74:
            parts.append(rnd.choice(["version=1", 'Version="1"', "version=0", "version=x", "version", "version=2"]))
        elif r < 0.8:
            parts.append(rnd.choice(["port", 'port="80"', 'port="80,8080"', "port=81", 'port="x,80"', "port= 80 , 8080"]))
        elif r < 0.85:
            parts.append(rnd.choice(["comment=hi", "commenturl=http://x/", "discard", "Comment"]))
        elif r < 0.88:
            parts.append(rnd.choice(["domain", "path", "max-age", "expires"]))
        else:
            parts.append(rnd.choice(["", " ", "=", "x=1=2"]))
    sep = rnd.choice(["; ", ";", " ; "])
    return sep.join(parts)


def rand_rfc2965_header(rnd, host, now):
    cookies = []
    for _ in range(rnd.randrange(1, 3)):
        name = rnd.choice(NAMES[:4])
        parts = [f'{name}="{rnd.choice(VALUES[:3])}"']
        if rnd.random() < 0.85:
            parts.append(rnd.choice(['Version="1"', "Version=1", "version=2", "Version=x"]))
        for _ in range(rnd.randrange(0, 3)):
            r = rnd.random()
            if r < 0.3:
                parts.append(f'Domain="{rand_domain_attr(rnd, host)}"')
            elif r < 0.55:
                parts.append(f'Path="{rnd.choice(PATHS)}"')
            elif r < 0.7:
                parts.append(rnd.choice(["Max-Age=0", "Max-Age=100", "Discard", "Secure"]))
            elif r < 0.8:
                parts.append(rnd.choice(['Port="80"', "Port", 'Port="80,8080"']))
            elif r < 0.85:
                parts.append("expires=Wed, 09 Jun 2031 10:18:14 GMT")
            else:
                parts.append(rnd.choice(['Comment="c"', 'CommentURL="http://x/"', "Foo=bar"]))
        cookies.append("; ".join(parts))
    return ", ".join(cookies)


def rand_url(rnd, hosts=None):
    host = rnd.choice(hosts) if hosts and rnd.random() < 0.8 else rnd.choice(DOMAINS)
    scheme = rnd.choice(["http", "http", "https", "wss"])
    port = rnd.choice(["", "", "", ":80", ":8080", ":443"])
    path = rnd.choice(["/", "", "/a", "/a/", "/a/b", "/a/b/c.html", "/b/x", "/admin/x/y", "/A/", "/a b/ü/x"])
    extra = rnd.choice(["", "", "?q=1", "#f", ";p=1"])
    if rnd.random() < 0.1:
        host = host.upper()
    return f"{scheme}://{host}{port}{path}{extra}", host.lower()


def rand_policy(rnd):
    kw = {}
    if rnd.random() < 0.15:
        kw["blocked_domains"] = rnd.sample([".acme.com", "acme.com", "www.acme.com", "192.168.1.1", ".other.org", "localhost"], 2)
    if rnd.random() < 0.15:
        kw["allowed_domains"] = rnd.sample([".acme.com", "acme.com", "www.acme.com", "192.168.1.1", ".other.org", "localhost.local"], 2)
    for key, p in [("netscape", 0.1), ("rfc2965", 0.4), ("hide_cookie2", 0.2), ("strict_domain", 0.2),
                   ("strict_rfc2965_unverifiable", 0.2), ("strict_ns_unverifiable", 0.3),
                   ("strict_ns_set_initial_dollar", 0.3), ("strict_ns_set_path", 0.3)]:
        if rnd.random() < p:
            default = {"netscape": True, "strict_rfc2965_unverifiable": True}.get(key, False)
            kw[key] = not default
    if rnd.random() < 0.2:
        kw["rfc2109_as_netscape"] = rnd.choice([True, False])
    if rnd.random() < 0.4:
        kw["strict_ns_domain"] = rnd.randrange(0, 8)
    if rnd.random() < 0.1:
        kw["secure_protocols"] = rnd.choice([["https"], [], ["http", "https"]])
    return kw


def cookie_state(c):
    return {
        "version": c.version, "name": c.name, "value": c.value, "port": c.port, "portSpecified": c.port_specified,
        "domain": c.domain, "domainSpecified": c.domain_specified, "domainInitialDot": c.domain_initial_dot,
        "path": c.path, "pathSpecified": c.path_specified, "secure": bool(c.secure), "expires": c.expires,
        "discard": bool(c.discard), "comment": c.comment, "commentUrl": c.comment_url,
        "rest": [[k, v] for k, v in c._rest.items()], "rfc2109": c.rfc2109,
    }


class Clock:
    def __init__(self, t):
        self.t = t

    def __call__(self):
        return self.t


class RecordingJar(cj.CookieJar):
    def __init__(self, policy):
        super().__init__(policy)
        self.recorded = None

    def set_cookie(self, cookie):
        if self.recorded is not None:
            self.recorded.append(cookie_state(cookie))
        super().set_cookie(cookie)


class FakeResponse:
    def __init__(self, headers):
        self.msg = email.message.Message()
        for name, value in headers:
            self.msg[name] = value

    def info(self):
        return self.msg


def make_request(rnd, hosts=None):
    url, host = rand_url(rnd, hosts)
    kw = {}
    if rnd.random() < 0.3:
        kw["unverifiable"] = True
    if rnd.random() < 0.3:
        kw["origin_req_host"] = rnd.choice(DOMAINS)
    return url, host, kw


def scenario(rnd, index):
    start = 1_700_000_000 + rnd.random()
    clock = Clock(start)
    cj.time.time = clock
    policy_kw = rand_policy(rnd)
    jar = RecordingJar(cj.DefaultCookiePolicy(**policy_kw))
    steps = []
    hosts = rnd.sample(DOMAINS, 3)
    extracted = []
    previous = []
    for _ in range(rnd.randrange(4, 13)):
        r = rnd.random()
        if r < 0.55:
            url, host, kw = make_request(rnd, hosts)
            headers = []
            for _ in range(rnd.randrange(1, 5)):
                if rnd.random() < 0.2:
                    headers.append(["Set-Cookie2" if rnd.random() < 0.8 else "set-cookie2", rand_rfc2965_header(rnd, host, clock.t)])
                else:
                    headers.append([rnd.choice(["Set-Cookie", "Set-Cookie", "set-cookie", "SET-COOKIE"]), rand_ns_header(rnd, host, clock.t)])
            if rnd.random() < 0.1:
                headers.append(["X-Other", "a=b"])
            req = urllib.request.Request(url, **kw)
            extracted.append((req.type, req.host))
            jar.recorded = []
            jar.extract_cookies(FakeResponse(headers), req)
            step = {"op": "extract", "url": url, "unverifiable": kw.get("unverifiable", False),
                    "originReqHost": kw.get("origin_req_host"), "headers": headers, "set": jar.recorded}
            jar.recorded = None
        elif r < 0.85:
            url, host, kw = make_request(rnd, hosts)
            if extracted and rnd.random() < 0.6:
                scheme, netloc = rnd.choice(extracted)
                url = f"{scheme}://{netloc}{rnd.choice(['/a/b/c.html', '/', '/a/', '/admin/x/y', '/a b/ü/x', '/b/x'])}"
            req = urllib.request.Request(url, **kw)
            if rnd.random() < 0.05:
                req.add_header("Cookie", "preset=1")
            jar.add_cookie_header(req)
            step = {"op": "header", "url": url, "unverifiable": kw.get("unverifiable", False),
                    "originReqHost": kw.get("origin_req_host"), "preset": req.headers.get("Cookie"),
                    "cookie": req.get_header("Cookie"), "cookie2": req.get_header("Cookie2")}
        elif r < 0.9:
            clock.t += rnd.choice([1, 5, 11, 100, 4000])
            step = {"op": "advance", "now": clock.t}
        elif r < 0.93:
            jar.clear_session_cookies()
            step = {"op": "clearSession"}
        elif r < 0.96:
            jar.clear_expired_cookies()
            step = {"op": "clearExpired"}
        else:
            cookies = list(jar)
            if cookies:
                c = rnd.choice(cookies)
                how = rnd.randrange(3)
                args = [c.domain, c.path, c.name][: how + 1]
            else:
                args = ["nope.com"]
            try:
                jar.clear(*args)
                step = {"op": "clear", "args": args}
            except KeyError:
                step = {"op": "clear", "args": args, "error": "KeyError"}
        now_state = [cookie_state(c) for c in jar]
        # The jar after the step; null when it is the same as after the previous step.
        step["jar"] = None if now_state == previous else now_state
        previous = now_state
        steps.append(step)
    return {"id": index, "clock": start, "policy": policy_kw, "steps": steps}


def main():
    rnd = random.Random(20240601)
    requests = [url_case(u) for u in URLS] + [url_case(u, h) for u, h in HOSTS_WITH_HEADER]
    with open(os.path.join(HERE, "request.json"), "w") as f:
        json.dump({"urls": requests, "helpers": helper_cases()}, f, indent=0)
    scenarios = []
    for i in range(300):
        scenarios.append(scenario(rnd, i))
    with open(os.path.join(HERE, "jar.json"), "w") as f:
        json.dump({"scenarios": scenarios}, f, separators=(",", ":"))


if __name__ == "__main__":
    main()
