import { describe, expect, it } from 'vitest';
import { harSteps } from './har';

type Entry = { url: string; dest?: string; type?: string; frame?: string; initiator?: string; redirect?: string; page?: string; cookies?: string[] };
const har = (entries: Entry[], pages: { id: string; title: string }[] = []) => ({
  log: {
    pages,
    entries: entries.map((e) => ({
      pageref: e.page ?? 'p', startedDateTime: '2024-01-01T00:00:00.500Z',
      ...(e.type === undefined ? {} : { _resourceType: e.type }), ...(e.frame === undefined ? {} : { _frameref: e.frame }),
      ...(e.initiator === undefined ? {} : { _initiator: { type: e.initiator } }),
      request: { url: e.url, headers: e.dest === undefined ? [] : [{ name: 'Sec-Fetch-Dest', value: e.dest }] },
      response: { redirectURL: e.redirect ?? '', headers: (e.cookies ?? []).map((value) => ({ name: 'set-cookie', value })) },
    })),
  },
});
const contexts = (data: unknown) => harSteps(data).map((s) => [s.unverifiable, s.originReqHost]);

describe('the request context of HAR entries', () => {
  it('Sec-Fetch-Dest: a document is a navigation, the rest belongs to the last one', () => {
    expect(contexts(har([
      { url: 'https://a.example/', dest: 'document' }, { url: 'https://t.test/x.js', dest: 'script' },
      { url: 'https://b.example/', dest: 'document' }, { url: 'https://t.test/f', dest: 'iframe' },
    ]))).toEqual([[false, 'a.example'], [true, 'a.example'], [false, 'b.example'], [true, 'b.example']]);
  });

  it('Playwright: documents of the main frame are navigations, those of other frames are not', () => {
    expect(contexts(har([
      { url: 'https://a.example/', type: 'document', frame: 'main' }, { url: 'https://t.test/f', type: 'document', frame: 'child' },
      { url: 'https://b.example/', type: 'document', frame: 'main' },
    ]))).toEqual([[false, 'a.example'], [true, 'a.example'], [false, 'b.example']]);
  });

  it('Chromium DevTools: a document the parser asked for is a frame', () => {
    expect(contexts(har([
      { url: 'https://a.example/', type: 'document', initiator: 'other' }, { url: 'https://t.test/f', type: 'document', initiator: 'parser' },
    ]))).toEqual([[false, 'a.example'], [true, 'a.example']]);
  });

  it('a redirect hop keeps the origin its chain started at', () => {
    expect(contexts(har([
      { url: 'https://a.example/go', dest: 'document', redirect: 'https://t.test/hop' },
      { url: 'https://t.test/hop', dest: 'document', redirect: '/end' }, { url: 'https://t.test/end', dest: 'document' },
      { url: 'https://t.test/img', dest: 'image' },
    ]))).toEqual([[false, 'a.example'], [true, 'a.example'], [true, 'a.example'], [true, 't.test']]);
  });

  it('with no sign of navigations, the first request of a page is one; Firefox\'s joined Set-Cookie lines are split', () => {
    const steps = harSteps(har([{ url: 'https://a.example/', cookies: ['a=1\nb=2'] }, { url: 'https://t.test/p', page: 'p' }, { url: 'https://c.example/', page: 'q' }]));
    expect(steps.map((s) => [s.unverifiable, s.originReqHost])).toEqual([[false, 'a.example'], [true, 'a.example'], [false, 'c.example']]);
    expect(steps[0]?.setCookie).toEqual(['a=1', 'b=2']);
    expect(steps[0]?.time).toBe(1704067200.5);
  });

  it('refuses what is not a HAR', () => {
    expect(() => harSteps({ log: {} })).toThrow(/no log.entries/);
    expect(() => harSteps({ log: { entries: [{ request: {} }] } })).toThrow(/entries\[0\]/);
  });
});
