"""Vectors for src/jar/dates.ts and src/jar/headers.ts, recorded from python3's http.cookiejar.

Run from the repository root:  python3 src/jar/text-vectors/generate_dates_headers.py
Writes dates.json and headers.json beside this script. The random cases use fixed seeds, so the
output is reproducible on the same Python (3.11).
"""
import json
import os
import random
import sys
import http.cookiejar as cj

HERE = os.path.dirname(os.path.abspath(__file__))
# Clocks (seconds since the epoch) for the two-digit-year rule, mid-year so that the local year is
# the same in every time zone: 2023, 2000, 2049, 2051.
CLOCKS = [1688169600, 962409600, 2508969600, 2572128000]


def call(f, *args):
    try:
        return {"value": f(*args)}
    except Exception as e:  # Python raises ValueError/OverflowError for some inputs: record which
        return {"error": type(e).__name__}


def with_clock(now, f, *args):
    real = cj.time.time
    cj.time.time = lambda: float(now)
    try:
        return call(f, *args)
    finally:
        cj.time.time = real


HAND_DATES = [
    # http2time's docstring formats
    "Wed, 09 Feb 1994 22:23:32 GMT", "Tuesday, 08-Feb-94 14:15:29 GMT", "Tuesday, 08-Feb-1994 14:15:29 GMT",
    "09 Feb 1994 22:23:32 GMT", "08-Feb-94 14:15:29 GMT", "08-Feb-1994 14:15:29 GMT",
    # RFC 1123 / 850 / asctime / ISO / loose / bad
    "Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994",
    "03 Feb 1994", "03-Feb-1994", "03-Feb-94", "3 Feb 1994", "03/Feb/1994", "03 Feb 1994 14:15",
    "03 Feb 1994 14:15:29 +0100", "03 Feb 1994 14:15:29 -0800", "03 Feb 1994 14:15:29 EST",
    "03 Feb 1994 14:15:29 (PST)", "03 Feb 1994 14:15:29 GMT (GMT)", "03 Feb 1994 10:00 AM",
    "03 Feb 1994 10:00 pm", "03 Feb 1994 10:00 Amsterdam", "03 Feb 1994:14:15:29", "  03 Feb 1994  ",
    "03 Feb 1994\n", "03 Feb 1994\n\n", "Wed, 09 Feb 1994 22:23:32 GMT\n", "Wed, 09 Feb 1994 22:23:32 GMT ",
    "wed, 09 Feb 1994 22:23:32 GMT", "Wed, 09 feb 1994 22:23:32 GMT", "Wed, 09 Jux 1994 22:23:32 GMT",
    "Wed, 09 Feb 1994 25:23:32 GMT", "Wed, 09 Feb 1969 22:23:32 GMT", "Wed, 31 Feb 1994 22:23:32 GMT",
    "Wed, 32 Feb 1994 22:23:32 GMT", "Wed, 09 Feb 1994 24:00:00 GMT", "Wed, 09 Feb 1994 23:59:61 GMT",
    "09 Feb 9999 23:59:59", "09 Feb 10000 23:59:59", "09 Feb 99", "09 Feb 49", "09 Feb 50", "09 Feb 51",
    "09 Feb 73", "09 Feb 74", "09 Feb 76", "09 Feb 999", "09 Feb 0", "09 02 1994", "09 13 1994",
    "09 1_2 1994", "09 _1 1994", "09 0_0_1 1994", "09 1__2 1994", "09 Febr 1994", "09 February 1994",
    "1994", "", " ", "Wed,", "Wed, ", "foo", "Thursday 10 Feb 1994", "Thu,10 Feb 1994", "Thu10 Feb 1994",
    "03 Feb 1994 14:15:29 +01:00", "03 Feb 1994 14:15:29 +1", "03 Feb 1994 14:15:29 123",
    "03 Feb 1994 14:1530", "03 Feb 1994 14:15:2930", "03 Feb 1994 14:15:29 +12345", "03\u00a0Feb 1994",
    "\u00a003 Feb 1994", "\u200303 Feb 1994", "\x1c03 Feb 1994", "03 Feb 1994 14:15:29 UT", "03 Feb 1994 z",
    "03 Feb 1994 Z", "03 Feb 1994 utc", "03 Feb 1994 +0000", "03 Feb 1994 -0000", "03 Feb 1994 0100",
    "03 Feb " + "1" * 4301, "03 Feb " + "0" * 4296 + "1994", "03 Feb " + "0" * 4297 + "1994",
    "03 " + "0" * 4301 + "1 1994", "03 " + "0" * 4300 + "1 1994", "٣ Feb 1994",
    # iso2time's docstring formats and more
    "1994-02-03 14:15:29 -0100", "1994-02-03 14:15:29", "1994-02-03", "1994-02-03T14:15:29", "19940203T141529Z",
    "19940203", "1994-02-03T14:15:29Z", "1994-02-03t14:15:29z", "1994/02/03 14:15", "1994-2-3", "1994-02-03 14:15:29.5",
    "1994-02-03 14:15:29.", "1994-02-03 1415", "1994-02-03 14:15:29 +01:00", "1994-02-03 14:15:29 +01::00",
    "1994-02-03 14:15:29 +5:30", "1994-02-03-14:15", "1994-02-03:14:15", "1994023", "199423", "1994-13-03",
    "1994-02-32", "1969-12-31 23:59:59", "1970-01-01 00:00:00", "9999-12-31 23:59:59", "0000-01-01", "0994-01-01",
    "  1994-02-03  ", "1994-02-03\n", "1994-02-03 UTC", "1994-02-03 14:15:29 - 0100",
]


def date_vectors():
    random.seed(1234)
    C = random.choice

    def ws():
        return C(["", "", " ", "  ", "\t", "\n", "\u00a0", " \x0b"])

    def opt(f, p=0.5):
        return f() if random.random() < p else ""

    def digits(lo, hi):
        return "".join(C("0123456789") for _ in range(random.randint(lo, hi)))

    def loose():
        parts = [opt(ws), opt(lambda: C(["Wed", "wednesday", "TUE", "Sun", "Sat", "Mon", "Fri", "Thursday", "Funday"]) + opt(lambda: ",") + ws()),
                 C([digits(1, 3), "09", "9", "31", "32", "00"]), C([" ", "-", "/", "  ", "\t", ":", ""]),
                 C(["Feb", "feb", "FEB", "Jux", "12", "13", "1_2", "0", "_1", "1__2", "December", "Sept", "06", digits(1, 3), "a_b"]),
                 C([" ", "-", "/", "  ", ""]),
                 C(["1994", "94", "08", "2000", "70", "69", "76", "26", "1969", "9999", "10000", "999", "0", "5", digits(1, 6), "0001994"])]
        if random.random() < 0.7:
            parts.append(C([" ", ":", "  ", "", "T"]) + C(["14", "4", "24", "25", digits(1, 3)]) + C([":", ""]) +
                         C(["15", "60", "5", digits(1, 3)]) + opt(lambda: ":" + C(["29", "61", "62", "9", digits(1, 3)])))
        parts.append(opt(ws))
        parts.append(opt(lambda: C(["GMT", "UTC", "UT", "Z", "z", "gmt", "EST", "+0100", "-0800", "+01:00", "-8", "+1", "0800", "800",
                                    "123", "+12345", "AM", "pm", "am", "Amx", "PM5", "pmx", "A", "+", "-", "PST", "Zulu"]) + opt(ws)))
        parts.append(opt(lambda: C(["(PST)", "(UTC)", "()", "(a b)", "(x_1)"]) + opt(ws), 0.2))
        parts.append(opt(lambda: C(["\n", "\n\n", " \n", "x", ")"]), 0.15))
        return "".join(parts)

    def iso():
        parts = [opt(ws), C(["1994", "2000", "1969", "9999", "0000", "199", "19941", digits(3, 5)]), C(["-", "/", "", ""]),
                 C(["02", "2", "13", "00", digits(1, 3)]), C(["-", "/", "", ""]), C(["03", "3", "31", "32", digits(1, 3)])]
        if random.random() < 0.7:
            parts.append(C([" ", "T", "t", "-", ":", "  ", ""]) + C(["14", "4", "24", digits(1, 3)]) + C([":", ""]) +
                         C(["15", "60", digits(1, 3)]) + opt(lambda: C([":", ""]) + C(["29", "61", "29.5", "29.", "29.123", digits(1, 3)])))
        parts.append(opt(ws))
        parts.append(opt(lambda: C(["Z", "z", "+0100", "-01:00", "-1", "+01::00", "01", "+1:", "+12:3", "-0800", "UTC", "+5:30", digits(1, 5)]) + opt(ws)))
        parts.append(opt(lambda: C(["\n", "\n\n", " \n", "x"]), 0.15))
        return "".join(parts)

    cases = []
    seen = set()

    def add(text, now):
        if (text, now) in seen:
            return
        seen.add((text, now))
        cases.append({"text": text, "now": now, "http2time": with_clock(now, cj.http2time, text),
                      "iso2time": with_clock(now, cj.iso2time, text)})

    for text in HAND_DATES:
        for now in CLOCKS:
            add(text, now)
    # Random near-misses: keep every case that parses or raises, and a sample of the rejects.
    kept_null = 0
    for i in range(25000):
        text = loose() if i % 5 < 3 else iso()
        now = CLOCKS[i % len(CLOCKS)]
        h, s = with_clock(now, cj.http2time, text), with_clock(now, cj.iso2time, text)
        interesting = h != {"value": None} or s != {"value": None}
        if interesting or (kept_null < 300 and i % 20 == 0):
            kept_null += not interesting
            add(text, now)

    times = [0, 1, -1, 0.5, 0.4999994, 0.9999994, 0.9999995, 0.9999996, 1.0000005, 2.5e-7, -0.5, -0.9999996, -1.5,
             760832612, 784111777, 951782400, 1e9, 1700000000.25, 2**31 - 1, 2**31, 4102444800,
             253402300799, 253402300799.4, 253402300799.9999996, 253402300800, -62135596800, -62135596800.5,
             -62135596801, 1e15, -1e15, 68169600, 951868800, 4107542400]
    rnd = random.Random(99)
    times += [rnd.randint(-62135596800, 253402300799) for _ in range(300)]
    times += [rnd.uniform(-1e10, 1e10) for _ in range(200)]
    formatting = [{"t": t, "time2isoz": call(cj.time2isoz, t), "time2netscape": call(cj.time2netscape, t)} for t in times]
    return {"parse": cases, "format": formatting}


HAND_HEADERS = [
    ['foo="bar"; port="80,81"; discard, bar=baz'], ['text/html; charset="iso-8859-1"'], [r'Basic realm="\"foo\bar\""'],
    ['foo'], ['foo=bar'], ['foo=bar; bar=baz'], ['foo=bar, bar=baz'], ['foo = bar ;   bar= baz '], ['foo=""'],
    ['foo="unterminated'], ['foo="a\\'], ['foo="a\\\nb"'], ['foo="a\\\rb"'], ['foo="a;b,c d"'], ['=foo'], ['==;;  ,, a'],
    [' , a'], ['a, , b'], ['a,b', 'c'], ['', ''], [], ['foo=bar\tbaz'], ['foo=\u00a0bar'], ['n\u00e9=v\u00e9'],
    ['\u65e5\u672c="\u8a9e"'], ['a="\x00\x01"'], ['a=b"c"d'], ['a="b"c'], ['a="b" c'], ['a=; b'], ['a=,b'], ['a ="b"'],
    ['a= "b"'], ['"a"="b"'], ['a=b=c'], ['a;b;c'], ['a b c'], ['\x1ca\x1cb'], ['a\u2028b'], ['\\'], ['"'], ['a="\\"'],
]
HAND_NS = [
    ['foo=bar'], ['foo=bar; path=/; domain=.example.com; secure; expires=Wed, 09 Feb 1994 22:23:32 GMT'],
    ['foo=bar; Expires="Wed, 09 Feb 1994 22:23:32 GMT"'], ['foo=bar; expires=garbage'], ['foo=bar; expires'],
    ['foo=bar; expires='], ['foo=bar; Version="1"; Max-Age=10'], ['foo=bar; version=1; VERSION=2'], ['foo'],
    ['=foo'], ['=foo; path=/'], [' ; path=/'], ['foo=; path='], ['foo=bar;;; ;path=/'], ['foo=bar=baz'],
    ['foo="bar;baz"; path=/'], ['EXPIRES=x; Path=/'], ['foo=bar; Port="80,81"; Discard; HttpOnly; SameSite=Lax'],
    ['a=b', 'c=d; DOMAIN=X.COM'], ['', 'a=b'], ['foo=bar; expires=Wed, 09 Jux 1994 22:23:32 GMT'],
    ['\u00a0foo\u00a0=\u00a0bar\u00a0; \u2003path\u2003=\u2003/'], ['foo=bar; expires=09 Feb 94'], ['a=b;c'],
]
HAND_JOIN = [
    [[("text/plain", None), ("charset", "iso-8859-1")]], [[("text/plain", None)], [("charset", "iso-8859-1")]],
    [[("a", "b")]], [[("a", "")]], [[("a", "b c")]], [[("a", 'b"c')]], [[("a", "b\\c")]], [[("a", "abc\n")]],
    [[("a", "\n")]], [[("a", "abc\n\n")]], [[("a", "\u00e9t\u00e9")]], [[("a", "\u65e5\u672c")]], [[("a", "\u0663")]],
    [[("a", "\u00b2")]], [[("a", "\u2167")]], [[("a", "_")]], [[("a", "a-b")]], [[]], [], [[], [("a", None)]],
    [[("a", None), ("b", None)], [], [("c", "d")]], [[("", "")]], [[("a", "\U0001F600")]], [[("a", "\u0301")]],
]


def header_vectors():
    random.seed(4321)
    atoms = ['a', 'foo', '"', '\\', '=', ';', ',', ' ', '\t', '\n', '\r', '\x0b', '\x1c', '\u00a0', '\u2028', '\u00e9',
             '\u65e5\u672c', '\U0001F600', '"bar"', '\\"', '\\\n', 'x=y', 'expires=Wed, 09 Feb 1994 22:23:32 GMT',
             'Expires', 'VERSION', 'version="1"', 'Max-Age', 'path=/', 'domain=.x.com', 'port="80,81"', 'discard',
             '\x00', '\x7f', '_', '1', '\u0663', '\u1401', '$Version']

    def rnd():
        return "".join(random.choice(atoms) for _ in range(random.randint(0, 12)))

    now = CLOCKS[0]
    split = [{"values": v, "result": call(cj.split_header_words, v)} for v in HAND_HEADERS]
    ns = [{"values": v, "result": with_clock(now, cj.parse_ns_headers, v)} for v in HAND_NS + HAND_HEADERS]
    join = [{"lists": l, "result": call(cj.join_header_words, l)} for l in HAND_JOIN]
    strip = [{"text": t, "result": cj.strip_quotes(t)} for t in ['', '"', '""', '"a"', '"a', 'a"', '""a""', 'a']]
    for _ in range(500):
        values = [rnd() for _ in range(random.randint(1, 3))]
        split.append({"values": values, "result": call(cj.split_header_words, values)})
        ns.append({"values": values, "result": with_clock(now, cj.parse_ns_headers, values)})
        lists = [[(rnd() or 'k', random.choice([None, rnd()])) for _ in range(random.randint(0, 3))] for _ in range(random.randint(0, 3))]
        join.append({"lists": lists, "result": call(cj.join_header_words, lists)})
    return {"now": now, "splitHeaderWords": split, "parseNsHeaders": ns, "joinHeaderWords": join, "stripQuotes": strip}


def write(name, data):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=True, indent=None, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    assert sys.version_info[:2] == (3, 11), "vectors are recorded from Python 3.11"
    write("dates.json", date_vectors())
    write("headers.json", header_vectors())
