// webRequest details -> what the jar sees: a CookieRequest (URL, unverifiable, originReqHost) and the
// response's Set-Cookie lines, one per cookie. One place knows the browsers' differences:
// - Chrome: tabId, type and initiator; the top-level document comes from our own per-tab record
//   (updated from main_frame responses), with the initiator as a fallback.
// - Firefox: documentUrl and frameAncestors name the top-level document directly; several Set-Cookie
//   lines arrive as ONE header joined with "\n".
// Which cookie store an event belongs to, and whether it is private, is not decided here but in
// classify.ts, before the adapter sees the event (each cookie store has an adapter of its own).
// Third-party detection follows urllib/http.cookiejar: every request the user did not ask for
// (subresources, frames, redirect hops) is unverifiable, with originReqHost = the host of the page
// the user went to (the tab's top-level document, or the host a redirect chain started at); the jar
// then decides third-party-ness with Python's `is_third_party` (`reach` of the origin).
import type { RequestContext, RequestKind } from '../browser-model';
import { CookieRequest, isThirdParty } from '../jar';
import type { RequestLabel, ResponseContext } from '../shared/protocol';
import { hostOf } from '../shared/urls';

/** A header as webRequest gives it: `value`, or `binaryValue` (the bytes) when they are not valid UTF-8 (Chrome). */
export interface HttpHeader { name: string; value?: string | undefined; binaryValue?: ArrayLike<number> | undefined }

/** The webRequest details the background reads (the union of Chrome's and Firefox's fields we use). */
export interface RequestDetails {
  requestId: string;
  url: string;
  tabId: number;
  frameId?: number;
  type: string;
  timeStamp: number;
  /** The HTTP method (both browsers give it; absent in some tests: GET). */
  method?: string | undefined;
  // Chrome
  initiator?: string | undefined;
  // Firefox
  documentUrl?: string | undefined;
  originUrl?: string | undefined;
  frameAncestors?: { url: string; frameId: number }[] | undefined;
  // Read by classify.ts (Firefox gives both on every event).
  cookieStoreId?: string | undefined;
  incognito?: boolean | undefined;
}
export interface HeadersReceivedDetails extends RequestDetails { responseHeaders?: HttpHeader[] | undefined; statusCode?: number }
export interface BeforeRedirectDetails extends RequestDetails { redirectUrl: string }
export interface BeforeSendHeadersDetails extends RequestDetails { requestHeaders?: HttpHeader[] | undefined }

export type SetCookieLine = [name: 'Set-Cookie' | 'Set-Cookie2', line: string];

const utf8 = new TextDecoder('utf-8');

/**
 * A header's text. Chrome hands over a value that is not valid UTF-8 (a latin-1 `café`) as
 * `binaryValue`; the browser reads those bytes as UTF-8 with U+FFFD for each invalid sequence
 * (measured: `cookies.onChanged` reports `caf\uFFFD`), and so does this.
 */
export function headerText(header: HttpHeader): string | undefined {
  if (header.value !== undefined) return header.value;
  if (header.binaryValue === undefined) return undefined;
  return utf8.decode(Uint8Array.from(header.binaryValue));
}

/** Every Set-Cookie and Set-Cookie2 line of a response, in order, one per entry (Firefox's "\n"-joined values split). */
export function setCookieLines(headers: readonly HttpHeader[] | undefined): SetCookieLine[] {
  const lines: SetCookieLine[] = [];
  for (const header of headers ?? []) {
    const lower = header.name.toLowerCase();
    if (lower !== 'set-cookie' && lower !== 'set-cookie2') continue;
    const text = headerText(header);
    if (text === undefined) continue;
    const name = lower === 'set-cookie' ? 'Set-Cookie' : 'Set-Cookie2';
    for (const line of text.split('\n')) if (line !== '') lines.push([name, line]);
  }
  return lines;
}

export function headerValue(headers: readonly HttpHeader[] | undefined, name: string): string | null {
  const lower = name.toLowerCase();
  const found = headers?.find((h) => h.name.toLowerCase() === lower);
  return found === undefined ? null : headerText(found) ?? null;
}

interface RedirectChain { originReqHost: string; topLevelUrl: string | null; hosts: string[] }

const CHAIN_LIMIT = 1000;
/** The statuses after which a request goes on: the redirects browsers follow, and authentication challenges. */
const CONTINUING_STATUS = new Set([301, 302, 303, 307, 308, 401, 407]);
export const TAB_LIMIT = 1000;

export interface AdaptedRequest { context: Omit<ResponseContext, 'time' | 'incognito'>; request: CookieRequest }

export class RequestAdapter {
  /** tabId -> URL of its top-level document. */
  private readonly tabs = new Map<number, string>();
  private readonly chains = new Map<string, RedirectChain>();
  /** Called when the per-tab record changes (so it can be persisted). */
  onTabsChanged: () => void = () => undefined;

  /** Restores the per-tab record saved by `tabEntries`. */
  restoreTabs(entries: readonly [number, string][]): void {
    for (const [tabId, url] of entries) this.tabs.set(tabId, url);
  }

  tabEntries(): [number, string][] {
    return [...this.tabs];
  }

  removeTab(tabId: number): void {
    if (this.tabs.delete(tabId)) this.onTabsChanged();
  }

  /** A top-level response: the tab now shows this document. */
  noteResponse(details: RequestDetails): void {
    if (details.tabId < 0 || !isTopLevel(details)) return;
    if (this.tabs.get(details.tabId) === details.url) return;
    this.tabs.delete(details.tabId); // re-insert: the map stays in least-recently-navigated order
    this.tabs.set(details.tabId, details.url);
    if (this.tabs.size > TAB_LIMIT) {
      const oldest = this.tabs.keys().next();
      if (oldest.done !== true) this.tabs.delete(oldest.value);
    }
    this.onTabsChanged();
  }

  /** A redirect: the next hop of this request is one the user did not ask for (urllib: unverifiable, same origin_req_host). */
  noteRedirect(details: BeforeRedirectDetails): void {
    let chain = this.chains.get(details.requestId);
    if (chain === undefined) {
      const first = this.adapt(details).context;
      chain = { originReqHost: first.originReqHost, topLevelUrl: first.topLevelUrl, hosts: [] };
      this.chains.set(details.requestId, chain);
      if (this.chains.size > CHAIN_LIMIT) {
        const oldest = this.chains.keys().next();
        if (oldest.done !== true) this.chains.delete(oldest.value);
      }
    }
    chain.hosts.push(hostOf(details.url) ?? '');
  }

  /**
   * A response has been adapted: unless it is a redirect (or an authentication challenge, which the
   * browser answers on the same request), its request's redirect chain is no longer needed. This,
   * not onCompleted/onErrorOccurred, ends a chain: a listener there would cost every request one
   * more event (docs/performance.md). A request that fails between two hops leaves its chain until
   * CHAIN_LIMIT newer ones push it out.
   */
  endResponse(details: HeadersReceivedDetails): void {
    if (!CONTINUING_STATUS.has(details.statusCode ?? 0)) this.chains.delete(details.requestId);
  }

  /** The request as the jar sees it, and the context recorded with its decisions. */
  adapt(details: RequestDetails): AdaptedRequest {
    const url = details.url;
    const host = hostOf(url) ?? '';
    const chain = this.chains.get(details.requestId);
    const topLevel = isTopLevel(details);
    const topLevelUrl = chain?.topLevelUrl ?? this.findTopLevelUrl(details, topLevel);
    // A top-level document that is no web page (an extension's or the browser's own) has no host.
    const topLevelHost = hostOf(topLevelUrl) ?? '';
    let originReqHost: string;
    let unverifiable: boolean;
    if (chain !== undefined) {
      originReqHost = chain.originReqHost;
      unverifiable = true;
    } else if (topLevel) {
      originReqHost = host;
      unverifiable = false;
    } else if (topLevelHost !== '') {
      originReqHost = topLevelHost;
      unverifiable = true;
    } else {
      // No tab and no initiator: nothing to be third party to.
      originReqHost = host;
      unverifiable = false;
    }
    const request = new CookieRequest(url, { unverifiable, originReqHost });
    const thirdParty = unverifiable && isThirdParty(request);
    let label: RequestLabel;
    if (details.tabId < 0) label = 'no-tab';
    else if (chain !== undefined && thirdParty) label = 'redirect';
    else if (topLevel && chain === undefined) label = 'top-level';
    else label = thirdParty ? 'third-party' : 'first-party';
    return {
      request,
      context: {
        url, tabId: details.tabId, resourceType: details.type, topLevelUrl, unverifiable, originReqHost, thirdParty, label,
        redirectedFrom: chain === undefined ? [] : [...chain.hosts],
      },
    };
  }

  private findTopLevelUrl(details: RequestDetails, topLevel: boolean): string | null {
    if (topLevel) return details.url;
    // Firefox names the top-level document itself.
    const ancestors = details.frameAncestors;
    const outermost = ancestors !== undefined && ancestors.length > 0 ? ancestors[ancestors.length - 1] : undefined;
    if (outermost !== undefined) return outermost.url;
    // Firefox with no ancestors: the requesting document is the top-level one.
    if (ancestors !== undefined && details.documentUrl !== undefined) return details.documentUrl;
    if (details.tabId >= 0) {
      const recorded = this.tabs.get(details.tabId);
      if (recorded !== undefined) return recorded;
    }
    // Chrome's initiator is the origin of the document that made the request: the best we know.
    if (details.initiator !== undefined && details.initiator !== 'null') return details.initiator;
    if (details.documentUrl !== undefined) return details.documentUrl;
    if (details.originUrl !== undefined) return details.originUrl;
    return null;
  }
}

function isTopLevel(details: RequestDetails): boolean {
  return details.type === 'main_frame';
}

/**
 * The browser model's context of a request (docs/browser-model.md, "From a webRequest event"): the
 * kind from the resource type, the top-level page from the adapter, the initiator as the browser
 * gives it, the frames in between as far as the browser tells them.
 * - Chrome names no frame chain: the initiator (the document that made the request) stands for it
 *   when it is not the top-level page itself, which covers a request made by a cross-site frame.
 * - Firefox names the ancestors (`frameAncestors`, innermost first, the top last) and the document.
 */
export function modelContext(details: RequestDetails, topLevelUrl: string | null, serverDate: number | undefined): RequestContext {
  // Built as plain literals: an object spread costs microseconds here, and this runs for every response.
  const kind: RequestKind = details.type === 'main_frame' ? 'top-level' : details.type === 'sub_frame' ? 'frame' : 'subresource';
  const method = details.method ?? 'GET';
  const initiator = initiatorOf(details);
  let context: Mutable<RequestContext>;
  if (kind === 'top-level' || topLevelUrl === null) {
    context = { url: details.url, method, now: details.timeStamp, kind: 'top-level', initiator: kind === 'top-level' ? initiator : null };
    if (serverDate !== undefined) context.serverDate = serverDate;
    return context;
  }
  let frameUrls: string[];
  const ancestors = details.frameAncestors;
  if (ancestors !== undefined) {
    // Firefox: innermost first and the top last; the model wants the frames below the top, outermost first.
    frameUrls = ancestors.slice(0, -1).map((a) => a.url).reverse();
    const document = details.documentUrl;
    if (kind === 'subresource' && ancestors.length > 0 && document !== undefined) frameUrls.push(document);
  } else {
    frameUrls = initiator !== null && initiator !== originOf(topLevelUrl) ? [initiator] : [];
  }
  context = { url: details.url, method, now: details.timeStamp, kind, topLevelUrl, frameUrls, initiator };
  if (serverDate !== undefined) context.serverDate = serverDate;
  return context;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function initiatorOf(details: RequestDetails): string | null {
  const initiator = details.initiator ?? details.originUrl;
  return initiator === undefined || initiator === 'null' || initiator === '' ? null : initiator;
}

/** `scheme://host[:port]` of a URL, without parsing it (compared with Chrome's initiator, an origin). */
function originOf(url: string): string {
  const start = url.indexOf('//');
  if (start < 0) return url;
  const end = url.indexOf('/', start + 2);
  return end < 0 ? url : url.slice(0, end);
}
