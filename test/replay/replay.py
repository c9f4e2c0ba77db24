"""python3's http.cookiejar given the steps `replay` took from a HAR: for each policy, every step's
Set-Cookie lines through CookieJar.extract_cookies with the same request context (url, unverifiable,
origin_req_host) at the same clock; prints the final jars as JSON (every attribute of every cookie).

Usage: python3 replay.py STEPS.json   (STEPS.json: {"policies": {name: settings}, "steps": [...]})
"""
import email.message
import http.cookiejar
import json
import sys
import time
import urllib.request

KWARGS = {
    'blockedDomains': 'blocked_domains', 'allowedDomains': 'allowed_domains', 'netscape': 'netscape',
    'rfc2965': 'rfc2965', 'rfc2109AsNetscape': 'rfc2109_as_netscape', 'hideCookie2': 'hide_cookie2',
    'strictDomain': 'strict_domain', 'strictRfc2965Unverifiable': 'strict_rfc2965_unverifiable',
    'strictNsUnverifiable': 'strict_ns_unverifiable', 'strictNsDomain': 'strict_ns_domain',
    'strictNsSetInitialDollar': 'strict_ns_set_initial_dollar', 'strictNsSetPath': 'strict_ns_set_path',
    'secureProtocols': 'secure_protocols',
}


class Response:
    def __init__(self, lines):
        self._message = email.message.Message()
        for line in lines:
            self._message['Set-Cookie'] = line

    def info(self):
        return self._message


def cookie_json(c):
    return {
        'version': c.version, 'name': c.name, 'value': c.value, 'port': c.port, 'portSpecified': c.port_specified,
        'domain': c.domain, 'domainSpecified': c.domain_specified, 'domainInitialDot': c.domain_initial_dot,
        'path': c.path, 'pathSpecified': c.path_specified, 'secure': c.secure, 'expires': c.expires,
        'discard': c.discard, 'comment': c.comment, 'commentUrl': c.comment_url,
        'rest': [[k, v] for k, v in c._rest.items()], 'rfc2109': c.rfc2109,
    }


def main():
    data = json.load(open(sys.argv[1]))
    clock = [0.0]
    http.cookiejar.time.time = lambda: clock[0]  # the jar reads the module's clock: each step's own time
    out = {}
    for name, settings in data['policies'].items():
        kwargs = {KWARGS[k]: (tuple(v) if isinstance(v, list) else v) for k, v in settings.items() if k in KWARGS}
        jar = http.cookiejar.CookieJar(http.cookiejar.DefaultCookiePolicy(**kwargs))
        for step in data['steps']:
            if not step['setCookie']:
                continue
            clock[0] = step['time']
            request = urllib.request.Request(step['url'], unverifiable=step['unverifiable'], origin_req_host=step['originReqHost'])
            jar.extract_cookies(Response(step['setCookie']), request)
        out[name] = sorted((cookie_json(c) for c in jar), key=lambda c: (c['domain'], c['path'], c['name']))
    json.dump(out, sys.stdout)


main()
