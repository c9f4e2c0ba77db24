// A HAR file as the jar sees it: for each entry, in order, the request's URL and context (top-level
// page, redirects) and the response's Set-Cookie lines, at the entry's own time.
import { InputError } from './exit';

export interface HarStep {
  /** Index in log.entries. */
  entry: number;
  url: string;
  /** Seconds since the epoch: the entry's startedDateTime (the jar's clock for this response). */
  time: number;
  /** urllib's `unverifiable`: a request the user did not ask for (a subresource, a frame, a redirect hop). */
  unverifiable: boolean;
  /** urllib's `origin_req_host`: the host of the page the user went to. */
  originReqHost: string;
  /** For the browser model: a navigation of the tab, of a frame, or a subresource. */
  kind: 'top-level' | 'frame' | 'subresource';
  /** The tab's page when the request was made (the request itself for a navigation). */
  topLevelUrl: string;
  setCookie: string[];
}

interface HarHeader { name: string; value: string }
interface HarEntry {
  pageref?: string;
  startedDateTime: string;
  request: { url: string; headers?: HarHeader[] };
  response: { headers?: HarHeader[]; redirectURL?: string; status?: number };
  _resourceType?: string;
  _frameref?: string;
  _initiator?: { type?: string };
}
interface HarPage { id: string; title?: string; startedDateTime?: string }

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hostOf(url: string): string {
  try { return new URL(url).hostname.toLowerCase(); } catch { return ''; }
}

function httpUrl(text: string | undefined): string | null {
  if (text === undefined) return null;
  try { const u = new URL(text); return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null; } catch { return null; }
}

/** The log.entries of a parsed HAR, checked enough to read safely; InputError naming what is wrong. */
export function harEntries(data: unknown): { entries: HarEntry[]; pages: HarPage[] } {
  const log = isRecord(data) ? data['log'] : undefined;
  if (!isRecord(log) || !Array.isArray(log['entries'])) throw new InputError('not a HAR file: no log.entries list');
  const entries = log['entries'] as unknown[];
  entries.forEach((e, i) => {
    if (!isRecord(e) || !isRecord(e['request']) || typeof e['request']['url'] !== 'string' || !isRecord(e['response']) || typeof e['startedDateTime'] !== 'string') {
      throw new InputError(`not a HAR file: log.entries[${i}] lacks request.url, response or startedDateTime`);
    }
  });
  const pages = Array.isArray(log['pages']) ? (log['pages'] as unknown[]).filter(isRecord) as unknown as HarPage[] : [];
  return { entries: entries as HarEntry[], pages };
}

/** The value of a request header, any case. */
function header(entry: HarEntry, name: string): string | undefined {
  return entry.request.headers?.find((h) => typeof h.name === 'string' && h.name.toLowerCase() === name)?.value;
}

/**
 * Whether an entry is a top-level navigation, from what the HAR says: `Sec-Fetch-Dest: document`
 * (Firefox and Chromium send it); else `_resourceType: document` in the page's main frame
 * (Playwright's `_frameref`) or with no initiator but the browser (Chromium DevTools' `_initiator`);
 * null when the HAR says nothing of it.
 */
function isNavigation(entry: HarEntry, mainFrame: string | undefined): boolean | null {
  const dest = header(entry, 'sec-fetch-dest');
  if (dest !== undefined) return dest === 'document';
  if (entry._resourceType === undefined) return null;
  if (entry._resourceType !== 'document') return false;
  if (entry._frameref !== undefined) return mainFrame === undefined || entry._frameref === mainFrame;
  return entry._initiator === undefined || entry._initiator.type === 'other';
}

/**
 * The steps of a HAR, with the context the extension's adapter gives live traffic: a top-level
 * navigation is verifiable with its own host as origin; every other request is unverifiable with
 * the host of the page's current top-level document (the last navigation before it) as origin; a
 * redirect hop is unverifiable with the origin its chain started at. When the HAR does not say
 * which requests are navigations, the first request of each page is (and the page's URL is its
 * title when that is a URL, as Chromium writes it, else that first request's URL).
 */
export function harSteps(data: unknown): HarStep[] {
  const { entries, pages } = harEntries(data);
  const titleUrl = new Map<string, string>();
  for (const page of pages) { const url = httpUrl(page.title); if (url !== null) titleUrl.set(page.id, url); }
  const mainFrame = new Map<string, string | undefined>(); // page -> the frame of its first document
  const current = new Map<string, string>(); // page -> its current top-level URL
  const chains = new Map<string, string>(); // redirect target URL -> origin host of its chain
  return entries.map((e, i): HarStep => {
    const url = e.request.url;
    const host = hostOf(url);
    const page = e.pageref ?? '';
    if (!mainFrame.has(page) && e._resourceType === 'document') mainFrame.set(page, e._frameref);
    const navigation = isNavigation(e, mainFrame.get(page)) ?? !current.has(page);
    let unverifiable: boolean;
    let originReqHost: string;
    const chain = chains.get(url);
    if (chain !== undefined) {
      chains.delete(url);
      unverifiable = true;
      originReqHost = chain;
      if (navigation) current.set(page, url);
    } else if (navigation) {
      current.set(page, url);
      unverifiable = false;
      originReqHost = host;
    } else {
      const pageUrl = current.get(page) ?? titleUrl.get(page);
      unverifiable = pageUrl !== undefined;
      originReqHost = pageUrl === undefined ? host : hostOf(pageUrl);
    }
    const top = navigation ? url : current.get(page) ?? titleUrl.get(page) ?? url;
    const dest = header(e, 'sec-fetch-dest');
    const kind = navigation ? 'top-level' : dest === 'iframe' || dest === 'frame' || (e._resourceType === 'document' && dest === undefined) ? 'frame' : 'subresource';
    const redirect = e.response.redirectURL;
    if (redirect !== undefined && redirect !== '') {
      try { chains.set(new URL(redirect, url).href, originReqHost); } catch { /* a redirect to nowhere sets no context */ }
    }
    const setCookie = (e.response.headers ?? [])
      .filter((h) => typeof h.name === 'string' && h.name.toLowerCase() === 'set-cookie' && typeof h.value === 'string')
      // Firefox joins several Set-Cookie lines into one header with "\n".
      .flatMap((h) => h.value.split('\n'))
      .filter((line) => line.trim() !== '');
    const ms = Date.parse(e.startedDateTime);
    return { entry: i, url, time: Number.isNaN(ms) ? 0 : ms / 1000, unverifiable, originReqHost, kind, topLevelUrl: top, setCookie };
  });
}
