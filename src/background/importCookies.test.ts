// Import into the browser's store and the jar: every format (testing/importCases.ts), the preview
// with the browser model's verdict per cookie, all-or-nothing application, and errors that name
// the line.
import { describe, expect, it } from 'vitest';
import { startMessaged as setup, storeSnapshot } from './testing/dispatchTo';
import { describeStored, FUTURE, IMPORT_CASES, PAST } from './testing/importCases';

describe('import into the browser: every format', () => {
  it('has its cases', () => { expect(IMPORT_CASES).toHaveLength(9); });

  it.each(IMPORT_CASES.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const { fake, send } = await setup();
    const request = { text: c.text, target: 'browser', ...(c.format === undefined ? {} : { format: c.format }), ...(c.url === undefined ? {} : { url: c.url }) };
    const preview = await send({ type: 'previewImport', ...request });
    expect(preview.format).toBe(c.detected);
    expect(preview.rows.map((r) => r.action)).toEqual(c.stored.map(() => 'add'));
    expect(preview.warnings).toHaveLength(c.warnings?.length ?? 0);
    for (const [i, warning] of (c.warnings ?? []).entries()) expect(preview.warnings[i]).toMatch(warning);
    expect(fake.cookieStore).toEqual([]);
    const result = await send({ type: 'importCookies', ...request });
    expect(result).toMatchObject({ added: c.stored.length, replaced: 0, change: { browser: c.stored.length, label: `Imported ${c.stored.length} cookie${c.stored.length === 1 ? '' : 's'} into the browser` } });
    expect(fake.cookieStore.map(describeStored)).toEqual(c.stored);
    // Imported again: everything is already there.
    expect((await send({ type: 'previewImport', ...request })).counts).toMatchObject({ same: c.stored.length, add: 0 });
  });
});

describe('the preview: what the browser will do with each cookie', () => {
  const json = (...entries: Record<string, unknown>[]) => JSON.stringify(entries.map((e) => ({ domain: 'www.example.com', hostOnly: true, path: '/', secure: false, httpOnly: false, sameSite: 'lax', session: true, value: 'v', ...e })));

  it('marks what the browser refuses (with its reasons), what is expired, and what replaces a cookie', async () => {
    const { fake, send } = await setup();
    await send({ type: 'importCookies', target: 'browser', text: json({ name: 'old', value: '1' }) });
    const text = json({ name: 'old', value: '2' }, { name: 'none', sameSite: 'no_restriction' }, { name: 'gone', session: false, expirationDate: PAST }, { name: 'new' });
    const preview = await send({ type: 'previewImport', target: 'browser', text });
    expect(preview.rows.map((r) => [r.cookie.name, r.action, r.reasons])).toEqual([
      ['old', 'replace', []], ['none', 'refused', ['SameSiteNoneInsecure']], ['gone', 'expired', []], ['new', 'add', []],
    ]);
    expect(preview.rows[0]?.sentence).toBe('Replaces the browser\'s cookie (a different value).');
    expect(preview.rows[1]?.sentence).toMatch(/SameSite=None without Secure/);
    expect(preview.rows[2]?.sentence).toBe('Expired on 2020-09-13 12:26:40 UTC: left out (importing it would delete the cookie of that name).');
    expect(preview.counts).toEqual({ add: 1, replace: 1, same: 0, refused: 1, expired: 1 });
    const result = await send({ type: 'importCookies', target: 'browser', text });
    expect(result).toMatchObject({ added: 1, replaced: 1, refused: 1, expired: 1, change: { label: 'Imported 2 cookies into the browser' } });
    expect(fake.cookieStore.map((c) => `${String(c['name'])}=${String(c['value'])}`).sort()).toEqual(['new=v', 'old=2']);
    // Undo: the replaced cookie comes back, the new one goes.
    await send({ type: 'undoLastChange' });
    expect(fake.cookieStore.map((c) => `${String(c['name'])}=${String(c['value'])}`)).toEqual(['old=1']);
  });

  it('lists the lines that are not cookies, by line number', async () => {
    const { send } = await setup();
    const preview = await send({ type: 'previewImport', target: 'browser', text: `# Netscape HTTP Cookie File\nnot a cookie line\twith tabs\n.example.com\tTRUE\t/\tFALSE\t${FUTURE}\ta\t1\n` });
    expect(preview.problems).toEqual([{ line: 2, message: 'has 2 tab-separated fields, not 7 (domain, subdomains flag, path, secure, expiry, name, value)' }]);
    expect(preview.rows).toHaveLength(1);
  });

  it('a cookie named twice: the later line wins, said once', async () => {
    const { send } = await setup();
    const preview = await send({ type: 'previewImport', target: 'browser', text: json({ name: 'a', value: '1' }, { name: 'a', value: '2' }) });
    expect(preview.rows.map((r) => r.cookie.value)).toEqual(['2']);
    expect(preview.warnings).toEqual(['1 cookie appears twice in the text: the later line is imported.']);
  });
});

describe('all or nothing, and errors that say what is wrong', () => {
  it('one cookie the browser refuses (the model did not foresee it) leaves the store exactly as it was', async () => {
    const { fake, send } = await setup();
    await send({ type: 'importCookies', target: 'browser', text: `# Netscape HTTP Cookie File\nwww.example.com\tFALSE\t/\tFALSE\t${FUTURE}\tb\told\n` });
    const before = storeSnapshot(fake);
    fake.cookies.refuse = (d) => d.name === 'c';
    const text = `# Netscape HTTP Cookie File\nwww.example.com\tFALSE\t/\tFALSE\t${FUTURE}\ta\t1\nwww.example.com\tFALSE\t/\tFALSE\t${FUTURE}\tb\tnew\nwww.example.com\tFALSE\t/\tFALSE\t${FUTURE}\tc\t3\nwww.example.com\tFALSE\t/\tFALSE\t${FUTURE}\td\t4\n`;
    await expect(send({ type: 'importCookies', target: 'browser', text })).rejects.toMatchObject({
      name: 'BrowserStoreError', message: expect.stringMatching(/^The browser did not store "c" \(www\.example\.com\/\).*Nothing was changed: everything written before it was put back as it was\.$/) as unknown,
    });
    expect(storeSnapshot(fake)).toEqual(before);
  });

  it('an import the browser makes room for by evicting other cookies of the site is undone, those cookies restored', async () => {
    const { fake, send } = await setup();
    await send({ type: 'importCookies', target: 'browser', text: `# Netscape HTTP Cookie File\n.example.com\tTRUE\t/\tFALSE\t${FUTURE}\ttheme\tdark\nwww.example.com\tFALSE\t/\tTRUE\t0\tsid\ts1\n` });
    const before = storeSnapshot(fake);
    const many = Array.from({ length: 200 }, (_, i) => `shop.example.com\tFALSE\t/\tFALSE\t${FUTURE}\tc${i}\t${i}`).join('\n');
    const text = `# Netscape HTTP Cookie File\n${many}\n`;
    const preview = await send({ type: 'previewImport', target: 'browser', text });
    expect(preview.warnings).toEqual(['200 new cookies of example.com would make 202, over the 180 a browser keeps per site: it would evict the oldest, so the import would be undone and change nothing. Import fewer cookies of example.com.']);
    await expect(send({ type: 'importCookies', target: 'browser', text })).rejects.toMatchObject({
      name: 'BrowserStoreError', message: expect.stringMatching(/evicted 2 other cookies of example\.com to make room \(Chromium keeps at most 180 cookies per site\)\. Nothing was changed/) as unknown,
    });
    expect(storeSnapshot(fake)).toEqual(before);
  });

  it('a text of expired cookies only says so', async () => {
    const { fake, send } = await setup();
    const text = `# Netscape HTTP Cookie File\n.example.com\tTRUE\t/\tFALSE\t${PAST}\ta\t1\n.example.com\tTRUE\t/\tFALSE\t${PAST + 60}\tb\t1\n`;
    await expect(send({ type: 'importCookies', target: 'browser', text })).rejects.toMatchObject({
      name: 'ImportError', message: 'All 2 cookies of the text have expired (the latest on 2020-09-13 12:27:40 UTC): nothing to import.',
    });
    expect(fake.cookieStore).toEqual([]);
  });

  it.each([
    ['an LWP line without a domain', '#LWP-Cookies-2.0\nSet-Cookie3: broken\n', 'Not a readable LWP file: line 2: the cookie has no domain.', 2],
    ['LWP lines without the header, the second broken', 'Set-Cookie3: a=1; domain=".example.com"; path="/"\nSet-Cookie3: broken\n', 'Not a readable LWP file: line 2: the cookie has no domain.', 2],
    ['JSON that does not parse', '[{"name": "a",\n "value": }]', 'Not valid JSON: line 2: a value expected.', 2],
    ['text that is no cookie format', 'hello world', /^Not a cookie file: the text is none of cookies\.txt, LWP, cookie JSON or a Cookie header\.$/, undefined],
    ['a Cookie header without a URL', 'a=1; b=2', /give the URL it was sent to/, undefined],
  ])('%s: the error names the line, never a file called None', async (_, text, message, line) => {
    const { fake, send } = await setup();
    const error = await send({ type: 'importCookies', target: 'browser', text }).catch((e: unknown) => e as Error & { lineNumber?: number });
    expect(error).toMatchObject({ name: 'ImportError', message: typeof message === 'string' ? message : expect.stringMatching(message) as unknown, lineNumber: line });
    expect((error as Error).message).not.toMatch(/None/);
    expect(fake.cookieStore).toEqual([]);
  });

  it('a text whose every line is broken says which line first', async () => {
    const { send } = await setup();
    await expect(send({ type: 'importCookies', target: 'browser', text: '# Netscape HTTP Cookie File\nx\ty\n' })).rejects.toMatchObject({
      name: 'ImportError', message: 'The text holds no cookie: line 2 has 2 tab-separated fields, not 7 (domain, subdomains flag, path, secure, expiry, name, value).',
    });
  });
});

describe('import into the jar', () => {
  it('imports any format into the jar, replacing namesakes, undoable', async () => {
    const { fake, send } = await setup();
    const text = JSON.stringify([{ domain: '.example.com', hostOnly: false, path: '/', secure: false, httpOnly: true, sameSite: 'strict', session: true, name: 'j', value: '1' }]);
    const preview = await send({ type: 'previewImport', target: 'jar', text });
    expect(preview.rows.map((r) => [r.cookie.name, r.action, r.sentence])).toEqual([['j', 'add', 'New in the jar.']]);
    expect(await send({ type: 'importCookies', target: 'jar', text })).toMatchObject({ added: 1, change: { label: 'Imported 1 cookie into the jar', browser: 0, jar: 1, storeId: null } });
    expect([...fake.background.jar].map((c) => [c.name, c.value, c.domain, c.nonstandardAttrs()])).toEqual([['j', '1', '.example.com', [['HttpOnly', null], ['SameSite', 'Strict']]]]);
    expect(fake.cookieStore).toEqual([]);
    await send({ type: 'undoLastChange' });
    expect(fake.background.jar.size).toBe(0);
  });
});
