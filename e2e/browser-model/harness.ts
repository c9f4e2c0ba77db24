// Runs the conformance scenarios in a real browser and records what it did: per response, the
// reasons the browser gives for refused lines (Chromium's DevTools `blockedCookies`; Firefox gives
// none); per request, the cookies it considered (`associatedCookies`, Chromium) and the Cookie
// header the server received; per batch, the store. Many scenarios share a page load (one page
// embeds many images, frames and fetches, each on its own host); the store is cleared between
// batches. The browser is behind `ConformanceTarget` (chromium.ts, firefox.ts).
import type { RecordedBatch, RecordedCookie, RecordedStep } from '../../src/browser-model/conformance';
import { registrableDomain } from '../../src/browser-model';
import { evaluateContext } from '../../src/browser-model/context';
import type { BrowserName, RequestContext, ThirdPartyCookieSetting } from '../../src/browser-model';
import { makeCertificate } from '../tools';
import { launchConformanceBrowser } from './chromium';
import { PIXEL, startRawSite, type RawRequest, type RawResponse, type RawSite } from './rawSite';
import { SEED, sendBatches, setScenarios, type Origin, type SendBatch, type SendScenario, type SetScenario, type SetupResponse, type Target } from './scenarios';

/** What the raw site answers, by `host + path` (ports ignored). Unknown paths get an empty page. */
export class Routes {
  private readonly routes = new Map<string, RawResponse>();
  private pages = 0;

  set(origin: Origin, path: string, response: RawResponse): void {
    this.routes.set(`${origin.host}${path}`, response);
  }

  /** Registers an HTML page and returns its path. */
  page(origin: Origin, html: string): string {
    const path = `/page/${this.pages++}`;
    this.set(origin, path, { body: `<!doctype html><meta charset="utf-8"><title>page</title>${html}` });
    return path;
  }

  handle(request: RawRequest): RawResponse {
    const path = request.target.split('?')[0] ?? '/';
    const found = this.routes.get(`${request.host}${path}`);
    if (found !== undefined) return found;
    if (path === '/favicon.ico') return { status: 404 };
    return { body: '<!doctype html><title>blank</title>' };
  }
}

/** The URL of a path on an origin of the local site (its http or https port). */
export function urlOf(site: Pick<RawSite, 'httpPort' | 'httpsPort'>, origin: Origin, path: string): string {
  return `${origin.scheme}://${origin.host}:${origin.scheme === 'http' ? site.httpPort : site.httpsPort}${path}`;
}

/** The model's context for a target: how the harness makes the request, in the model's terms. */
export function contextOf(site: Pick<RawSite, 'httpPort' | 'httpsPort'>, target: Target & { method?: string }, serverDate?: number): RequestContext {
  const url = urlOf(site, target.origin, target.path);
  const page = target.page === undefined ? undefined : urlOf(site, target.page, '/');
  const extra = serverDate === undefined ? {} : { serverDate };
  switch (target.via) {
    case 'top': return { url, kind: 'top-level', ...extra };
    case 'top-cross': return { url, kind: 'top-level', initiator: page?.slice(0, -1) ?? null, ...extra };
    case 'top-cross-post': return { url, kind: 'top-level', initiator: page?.slice(0, -1) ?? null, method: 'POST', ...extra };
    case 'image': case 'fetch': return { url, kind: 'subresource', topLevelUrl: page ?? url, ...extra };
    case 'frame': return { url, kind: 'frame', topLevelUrl: page ?? url, ...extra };
    case 'nested-image': return { url, kind: 'subresource', topLevelUrl: page ?? url, frameUrls: [urlOf(site, target.middle ?? target.origin, '/')], ...extra };
    case 'nested-frame': return { url, kind: 'frame', topLevelUrl: page ?? url, frameUrls: [urlOf(site, target.middle ?? target.origin, '/')], ...extra };
  }
}

/** How the harness drives a tab: Playwright's page in Chromium, puppeteer's over WebDriver BiDi in Firefox. */
export interface PageDriver {
  /** Navigates and waits for the load event. */
  goto(url: string): Promise<void>;
  /** Runs `fn(url)` in the page and waits for its promise. */
  run(fn: (url: string) => unknown, url: string): Promise<void>;
  waitForTitle(title: string): Promise<void>;
  /** Runs `start`, which makes the tab navigate, and waits until the tab has loaded `url`. */
  navigating(url: string, start: () => Promise<unknown>): Promise<void>;
}

/** A browser under test: its tab, and what it says about its verdicts. */
export interface ConformanceTarget {
  readonly name: BrowserName;
  readonly version: string;
  readonly thirdPartyCookies: ThirdPartyCookieSetting;
  readonly driver: PageDriver;
  /** Waits until the browser has reported on every URL (a no-op where the store is the only report). */
  settle(urls: readonly string[], event: 'response' | 'request'): Promise<void>;
  /** The refused lines of the responses to `url`, with the browser's reasons (none in Firefox). */
  blockedFor(url: string): { line: string; reasons: string[] }[];
  /** The cookies the browser considered for the requests to `url`, with its reasons (none in Firefox). */
  associatedFor(url: string): { cookie: RecordedCookie; reasons: string[] }[];
  allCookies(): Promise<RecordedCookie[]>;
  /** Clears the store and everything reported so far. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export class Harness {
  constructor(readonly browser: ConformanceTarget, readonly site: RawSite, readonly routes: Routes) {}

  url(origin: Origin, path: string): string {
    return urlOf(this.site, origin, path);
  }

  /** The origin a scenario's setup is fetched from: `www.` of its registrable domain, or the host itself. */
  homeOf(origin: Origin): Origin {
    const registrable = registrableDomain(origin.host);
    return { scheme: origin.scheme, host: registrable === '' || origin.host.startsWith('[') ? origin.host : `www.${registrable}` };
  }

  contextOf(target: Target & { method?: string }, serverDate?: number): RequestContext {
    return contextOf(this.site, target, serverDate);
  }

  /** Sets the setup responses one after the other and returns their steps. */
  async runSetup(setup: readonly SetupResponse[]): Promise<RecordedStep[]> {
    const steps: RecordedStep[] = [];
    for (const response of setup) {
      this.routes.set(response.origin, response.path, { setCookie: response.lines });
      const url = this.url(response.origin, response.path);
      const page = response.frameOf ?? this.homeOf(response.origin);
      let context: RequestContext;
      if (response.frameOf !== undefined) {
        const path = this.routes.page(page, `<iframe src="${url}"></iframe>`);
        await this.goto(this.url(page, path));
        context = { url, kind: 'frame', topLevelUrl: this.url(page, '/') };
      } else {
        await this.goto(this.url(page, '/blank'));
        await this.browser.driver.run((u) => fetch(u, { credentials: 'include', mode: 'no-cors' }).then(() => undefined), url);
        context = { url, kind: 'subresource', topLevelUrl: this.url(page, '/') };
      }
      steps.push({ kind: 'response', context, lines: response.lines, at: Date.now(), blocked: [] });
    }
    return steps;
  }

  private async goto(url: string): Promise<void> {
    await this.browser.driver.goto(url);
  }

  /**
   * Loads a page of `page` that requests every target at once (images, frames, fetches, frames
   * in a frame of another origin) and waits until all of them are done.
   */
  async loadTogether(page: Origin, targets: readonly Target[]): Promise<void> {
    const parts: string[] = [];
    const fetches: string[] = [];
    const middles = new Map<string, string[]>();
    for (const target of targets) {
      const url = this.url(target.origin, target.path);
      switch (target.via) {
        case 'image': parts.push(`<img alt="" src="${url}">`); break;
        case 'frame': parts.push(`<iframe src="${url}"></iframe>`); break;
        case 'fetch': fetches.push(url); break;
        case 'nested-image': case 'nested-frame': {
          const middle = this.url(target.middle ?? target.origin, '');
          const inner = target.via === 'nested-image' ? `<img alt="" src="${url}">` : `<iframe src="${url}"></iframe>`;
          middles.set(middle, [...middles.get(middle) ?? [], inner]);
          break;
        }
        default: throw new Error(`${target.via} does not share a page`);
      }
    }
    for (const [middle, inner] of middles) {
      const origin = { scheme: middle.startsWith('https') ? 'https' : 'http', host: new URL(middle).hostname } as const;
      const path = this.routes.page(origin, inner.join(''));
      parts.push(`<iframe src="${middle}${path}"></iframe>`);
    }
    const script = fetches.length === 0 ? '<script>document.title = "done"</script>'
      : `<script>Promise.allSettled(${JSON.stringify(fetches)}.map((u) => fetch(u, { credentials: 'include', mode: 'no-cors' }))).then(() => { document.title = 'done'; });</script>`;
    const path = this.routes.page(page, parts.join('') + script);
    await this.goto(this.url(page, path));
    await this.browser.driver.waitForTitle('done');
  }

  /** A top-level navigation: browser-initiated, started by a page of another origin, or a form POST from it. */
  async navigate(target: Target): Promise<void> {
    const url = this.url(target.origin, target.path);
    if (target.via === 'top') { await this.goto(url); return; }
    const page = target.page ?? target.origin;
    if (target.via === 'top-cross') {
      await this.goto(this.url(page, '/blank'));
      await this.browser.driver.navigating(url, () => this.browser.driver.run((u) => { location.href = u; }, url));
      return;
    }
    const path = this.routes.page(page, `<form method="post" action="${url}"><input name="a" value="b"></form><script>document.forms[0].submit()</script>`);
    await this.browser.driver.navigating(url, () => this.goto(this.url(page, path)));
  }

  /** Runs the requests of `targets`: navigations one by one, the rest grouped by page. */
  async request(targets: readonly Target[]): Promise<Map<Target, number>> {
    const done = new Map<Target, number>();
    const shared = new Map<string, Target[]>();
    for (const target of targets) {
      if (target.via === 'top' || target.via === 'top-cross' || target.via === 'top-cross-post') {
        await this.navigate(target);
        done.set(target, Date.now());
      } else {
        const page = target.page ?? target.origin;
        const key = `${page.scheme}://${page.host}`;
        shared.set(key, [...shared.get(key) ?? [], target]);
      }
    }
    for (const group of shared.values()) {
      for (let i = 0; i < group.length; i += PER_PAGE) {
        const chunk = group.slice(i, i + PER_PAGE);
        const first = chunk[0];
        if (first === undefined) continue;
        await this.loadTogether(first.page ?? first.origin, chunk);
        const at = Date.now();
        for (const target of chunk) done.set(target, at);
      }
    }
    return done;
  }

  async finish(id: string, steps: RecordedStep[], tags: readonly string[]): Promise<RecordedBatch> {
    const store = await this.browser.allCookies();
    const storeAt = Date.now();
    await this.browser.reset();
    return { id, browser: this.browser.name, thirdPartyCookies: this.browser.thirdPartyCookies, steps, store, storeAt, tags };
  }
}

/** An image for images and fetches (so no response is blocked as opaque), a page for frames and navigations. */
function bodyFor(target: Target): RawResponse {
  return target.via === 'image' || target.via === 'nested-image' || target.via === 'fetch'
    ? { contentType: 'image/gif', body: PIXEL }
    : { contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>r</title>' };
}

/** Subresources per page: enough to batch, few enough for Chromium's connection limits to stay quick. */
const PER_PAGE = 40;

/** Runs Set-Cookie scenarios in batches (small enough to stay under 180 cookies per site). */
export async function runSetScenarios(harness: Harness, scenarios: readonly SetScenario[], batchSize = 70): Promise<RecordedBatch[]> {
  const batches: RecordedBatch[] = [];
  for (let start = 0; start < scenarios.length; start += batchSize) {
    const batch = scenarios.slice(start, start + batchSize);
    const steps = await harness.runSetup(batch.flatMap((s) => s.setup));
    const serverDates = new Map<SetScenario, number>();
    for (const scenario of batch) {
      const headers: string[] = [];
      if (scenario.serverDateOffset !== undefined) {
        const date = new Date(Math.floor(Date.now() / 1000 + scenario.serverDateOffset) * 1000);
        headers.push(`Date: ${date.toUTCString()}`);
        serverDates.set(scenario, date.getTime());
      }
      harness.routes.set(scenario.target.origin, scenario.target.path, { setCookie: [scenario.line], headers, ...bodyFor(scenario.target) });
    }
    const done = await harness.request(batch.map((s) => s.target));
    await harness.browser.settle(batch.map((s) => harness.url(s.target.origin, s.target.path)), 'response');
    for (const scenario of batch) {
      const url = harness.url(scenario.target.origin, scenario.target.path);
      steps.push({
        kind: 'response', scenario: scenario.id, context: harness.contextOf(scenario.target, serverDates.get(scenario)), lines: [scenario.line],
        at: done.get(scenario.target) ?? Date.now(), blocked: harness.browser.blockedFor(url),
      });
    }
    // Setup responses get their DevTools verdicts too (compared, not counted).
    for (const step of steps) if (step.kind === 'response' && step.scenario === undefined) (step as { blocked: unknown }).blocked = harness.browser.blockedFor(step.context.url);
    batches.push(await harness.finish(`set ${start / batchSize + 1}`, steps, batch.map((s) => s.id)));
  }
  return batches;
}

/** Makes the requests (navigations one by one, the rest together) and records Chromium's verdict on each. */
export async function recordRequests(harness: Harness, requests: readonly SendScenario[]): Promise<RecordedStep[]> {
  const before = harness.site.requests.length;
  const done = await harness.request(requests.map((r) => r.target));
  await harness.browser.settle(requests.map((r) => harness.url(r.target.origin, r.target.path)), 'request');
  const received = harness.site.requests.slice(before);
  return requests.map((request): RecordedStep => {
    const url = harness.url(request.target.origin, request.target.path);
    const arrived = received.find((r) => r.host === request.target.origin.host && r.target === request.target.path && r.secure === (request.target.origin.scheme === 'https'));
    return {
      kind: 'request', scenario: request.id, context: harness.contextOf(request.target), at: done.get(request.target) ?? Date.now(),
      cookieHeader: arrived?.cookie ?? null,
      associated: harness.browser.associatedFor(url),
    };
  });
}

/** Runs a send batch: its setup in order, then every request; reads each request's DevTools verdicts. */
export async function runSendBatch(harness: Harness, batch: SendBatch): Promise<RecordedBatch> {
  const steps = await harness.runSetup(batch.setup);
  for (const step of steps) if (step.kind === 'response') (step as { blocked: unknown }).blocked = harness.browser.blockedFor(step.context.url);
  steps.push(...await recordRequests(harness, batch.requests));
  return harness.finish(batch.id, steps, []);
}

export interface Recording {
  chromium: string;
  seed: number;
  setScenarios: SetScenario[];
  /** The third-party scenarios run again with third-party cookies allowed (SameSite then decides). */
  allowedScenarios: SetScenario[];
  sendBatches: SendBatch[];
  batches: RecordedBatch[];
}

/** Runs the scenarios in one browser (launched with its third-party setting), batch ids prefixed with that setting. */
export async function runIn(launch: () => Promise<ConformanceTarget>, site: RawSite, routes: Routes, scenarios: readonly SetScenario[], sends: readonly SendBatch[]): Promise<{ version: string; batches: RecordedBatch[] }> {
  const browser = await launch();
  try {
    const harness = new Harness(browser, site, routes);
    const setting = browser.thirdPartyCookies;
    const batches = (await runSetScenarios(harness, scenarios)).map((b) => ({ ...b, id: `${setting}: ${b.id}` }));
    for (const batch of sends) batches.push({ ...await runSendBatch(harness, batch), id: `${setting}: ${batch.id}` });
    return { version: browser.version, batches };
  } finally {
    await browser.close();
  }
}

/**
 * Starts the raw site and Chromium, runs every scenario with third-party cookies blocked (a fresh
 * profile's setting here), then the third-party ones and the requests again with them allowed, and
 * returns what Chromium did.
 */
export async function recordConformance(seed = SEED): Promise<Recording> {
  const routes = new Routes();
  const site = await startRawSite((request) => routes.handle(request), await makeCertificate());
  try {
    const setList = setScenarios(seed);
    const sends = sendBatches();
    const thirdParty = setList.filter((s) => evaluateContext(contextOf(site, s.target), { thirdPartyCookies: 'blocked', now: 0 }).thirdParty);
    const blocked = await runIn(() => launchConformanceBrowser('blocked'), site, routes, setList, sends);
    const allowed = await runIn(() => launchConformanceBrowser('allowed'), site, routes, thirdParty, sends);
    return { chromium: blocked.version, seed, setScenarios: setList, allowedScenarios: thirdParty, sendBatches: sends, batches: [...blocked.batches, ...allowed.batches] };
  } finally {
    await site.close();
  }
}
