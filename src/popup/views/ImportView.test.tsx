// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { NarrowContext } from '../layout';
import { cookie, mockApi } from '../mock';
import { ImportView } from './ImportView';

afterEach(cleanup);

const NOW = Date.now() / 1000;
const FUTURE = Math.floor(NOW + 30 * 86400);
const PAST = Math.floor(NOW - 30 * 86400);
const tab = { tabId: 3, url: 'https://shop.example.com/cart' };

const actions = () => screen.getAllByTestId('import-action').map((cell) => cell.textContent);
const names = () => screen.getAllByTestId('import-name').map((cell) => cell.textContent);
const notice = () => screen.findByText((_, element) => (element?.className ?? '').startsWith('notice notice-') && element?.getAttribute('role') !== null && element?.tagName === 'DIV' && !element.querySelector('ul'));

describe('ImportView', () => {
  it('reads an LWP text pasted with cookies.txt chosen as LWP, says so, previews, imports into the browser, and undoes it', async () => {
    const api = mockApi({ browser: [cookie({ name: 'theme', value: 'light', domain: '.example.com', hostOnly: false })] });
    render(<ImportView api={api} tab={tab} />);
    fireEvent.change(screen.getByLabelText('Format'), { target: { value: 'mozilla' } });
    fireEvent.input(screen.getByTestId('import-text'), {
      target: { value: `#LWP-Cookies-2.0\nSet-Cookie3: sid=abc; path="/"; domain=www.example.com; path_spec; discard; HttpOnly=None; version=0\nSet-Cookie3: theme=dark; path="/"; domain=".example.com"; path_spec; domain_dot; discard; version=0\n` },
    });
    await waitFor(() => { expect(names()).toEqual(['sid', 'theme']); });
    expect(actions()).toEqual(['new', 'replaces']);
    expect(screen.getByTestId('import-warning').textContent).toBe('You chose cookies.txt, but the text is an LWP file (it starts with the #LWP-Cookies header line): read as LWP.');
    expect(screen.getByTestId('import-summary').textContent).toBe('Read as LWP (detected: the text starts with the #LWP-Cookies header line): 2 cookies — 1 new, 1 replaces a cookie.');
    fireEvent.click(screen.getByRole('button', { name: 'Import 2 cookies into the browser’s store' }));
    expect((await notice()).textContent).toBe('Imported 2 cookies into the browser’s store (1 replaced a cookie).');
    expect(api.state.browser.map((c) => `${c.name}=${c.value ?? ''}`).sort()).toEqual(['sid=abc', 'theme=dark']);
    fireEvent.click(screen.getByRole('button', { name: 'Undo the import' }));
    await screen.findByText((_, element) => element?.className === 'notice notice-ok' && element.textContent === 'Undid: Imported 2 cookies into the browser.');
    expect(api.state.browser.map((c) => `${c.name}=${c.value ?? ''}`)).toEqual(['theme=light']);
  });

  it('shows what the browser would refuse and why, and what has expired; imports the rest', async () => {
    const api = mockApi();
    render(<ImportView api={api} tab={tab} />);
    const json = JSON.stringify([
      { domain: 'www.example.com', hostOnly: true, path: '/', secure: false, httpOnly: false, sameSite: 'no_restriction', session: true, name: 'cross', value: '1' },
      { domain: 'www.example.com', hostOnly: true, path: '/', secure: false, httpOnly: false, sameSite: 'lax', session: false, expirationDate: PAST, name: 'old', value: '1' },
      { domain: 'www.example.com', hostOnly: true, path: '/', secure: false, httpOnly: false, sameSite: 'lax', session: false, expirationDate: FUTURE, name: 'fine', value: '1' },
    ]);
    fireEvent.input(screen.getByTestId('import-text'), { target: { value: json } });
    await waitFor(() => { expect(actions()).toEqual(['refused', 'expired', 'new']); });
    const grid = screen.getByRole('grid', { name: 'The cookies of the text and what importing does with each' });
    expect(within(grid).getAllByRole('row')[1]?.textContent).toMatch(/SameSiteNoneInsecure: .*SameSite=None without Secure/);
    expect(screen.getByTestId('import-why').textContent).toMatch(/^cross: .*SameSite=None without Secure.* \(SameSiteNoneInsecure\)$/);
    fireEvent.click(screen.getByRole('button', { name: 'Import 1 cookie into the browser’s store' }));
    expect((await notice()).textContent).toBe('Imported 1 cookie into the browser’s store (1 cookie the browser would refuse left out; 1 expired cookie left out).');
    expect(api.state.browser.map((c) => c.name)).toEqual(['fine']);
  });

  it('says "nothing was changed" only when it is so: not when putting the cookies back failed', async () => {
    const api = mockApi();
    const failWith = (message: string) => { api.importCookies = () => Promise.reject(Object.assign(new Error(message), { name: 'BrowserStoreError' })); };
    render(<ImportView api={api} tab={tab} />);
    fireEvent.input(screen.getByTestId('import-text'), { target: { value: 'Cookie: a=1' } });
    fireEvent.input(screen.getByLabelText('URL (for a Cookie header)'), { target: { value: 'https://www.example.com/' } });
    const button = await screen.findByRole('button', { name: 'Import 1 cookie into the browser’s store' });
    failWith('The browser did not store "a" (www.example.com/). Putting the cookies back failed for 1 cookie ("b"): the store differs from before there.');
    fireEvent.click(button);
    expect((await notice()).textContent).toBe('Import failed: The browser did not store "a" (www.example.com/). Putting the cookies back failed for 1 cookie ("b"): the store differs from before there.');
    cleanup();
    render(<ImportView api={api} tab={tab} />);
    fireEvent.input(screen.getByTestId('import-text'), { target: { value: 'Cookie: a=1' } });
    fireEvent.input(screen.getByLabelText('URL (for a Cookie header)'), { target: { value: 'https://www.example.com/' } });
    failWith('The extension was reloaded.');
    fireEvent.click(await screen.findByRole('button', { name: 'Import 1 cookie into the browser’s store' }));
    expect((await notice()).textContent).toBe('Import failed: The extension was reloaded. Nothing was changed.');
  });

  it('in a side panel\'s width the preview shows what, name, value and domain; the active row\'s why is under it', async () => {
    render(<NarrowContext.Provider value><ImportView api={mockApi()} tab={tab} /></NarrowContext.Provider>);
    fireEvent.input(screen.getByTestId('import-text'), { target: { value: `# Netscape HTTP Cookie File\n.example.com\tTRUE\t/a\tFALSE\t${FUTURE}\tn\tv\n` } });
    const grid = await screen.findByRole('grid', { name: 'The cookies of the text and what importing does with each' });
    expect(within(grid).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['What', 'Name', 'Value', 'Domain']);
    expect(within(within(grid).getAllByRole('row')[1] as HTMLElement).getAllByRole('gridcell')).toHaveLength(4);
    expect(screen.getByTestId('import-why').textContent).toBe('n: New in the browser\'s store.');
  });

  it('a text of expired cookies only says so, and offers nothing to import', async () => {
    render(<ImportView api={mockApi()} tab={tab} />);
    fireEvent.input(screen.getByTestId('import-text'), { target: { value: `# Netscape HTTP Cookie File\n.example.com\tTRUE\t/\tFALSE\t${PAST}\ta\t1\n` } });
    expect((await screen.findByRole('alert')).textContent).toBe('Every cookie of the text has expired: there is nothing to import into the browser’s store.');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Import into the browser’s store' }).disabled).toBe(true);
  });

  it('errors name the line, never a file called None', async () => {
    render(<ImportView api={mockApi()} tab={tab} />);
    fireEvent.input(screen.getByTestId('import-text'), { target: { value: '#LWP-Cookies-2.0\nSet-Cookie3: broken\n' } });
    expect((await screen.findByTestId('import-error')).textContent).toBe('Not a readable LWP file: line 2: the cookie has no domain.');
    fireEvent.input(screen.getByTestId('import-text'), { target: { value: `# Netscape HTTP Cookie File\nnot\ta cookie\n.example.com\tTRUE\t/\tFALSE\t${FUTURE}\tok\t1\n` } });
    expect((await screen.findByTestId('import-problem')).textContent).toBe('Line 2: has 2 tab-separated fields, not 7 (domain, subdomains flag, path, secure, expiry, name, value)');
    expect(document.body.textContent).not.toMatch(/None/);
  });

  it('shows a cookie name that reverses its text as a marked escape in the preview', async () => {
    render(<ImportView api={mockApi()} tab={tab} />);
    fireEvent.input(screen.getByTestId('import-text'), { target: { value: `# Netscape HTTP Cookie File\n.example.com\tTRUE\t/\tFALSE\t${FUTURE}\tname\u202Efdp.exe\t1\n` } });
    await waitFor(() => { expect(names()).toEqual(['name\\u202Efdp.exe']); });
    expect(document.body.textContent).not.toContain('\u202E');
  });

  it('imports a Cookie header for the tab\'s URL: host-only session cookies of its host', async () => {
    const api = mockApi();
    render(<ImportView api={api} tab={tab} />);
    expect(screen.getByLabelText<HTMLInputElement>('URL (for a Cookie header)').value).toBe('https://shop.example.com/cart');
    fireEvent.input(screen.getByTestId('import-text'), { target: { value: 'Cookie: a=1; b=2' } });
    await waitFor(() => { expect(names()).toEqual(['a', 'b']); });
    expect(screen.getByTestId('import-summary').textContent).toMatch(/^Read as a Cookie header \(detected: the text is one line of name=value pairs\): 2 cookies — 2 new\. The cookies become host-only session cookies/);
    fireEvent.click(screen.getByRole('button', { name: 'Import 2 cookies into the browser’s store' }));
    await notice();
    expect(api.state.browser).toMatchObject([
      { name: 'a', value: '1', domain: 'shop.example.com', hostOnly: true, secure: true, expires: null },
      { name: 'b', value: '2', domain: 'shop.example.com', hostOnly: true, secure: true, expires: null },
    ]);
  });

  it('imports into the jar when chosen, leaving the browser alone', async () => {
    const api = mockApi();
    render(<ImportView api={api} tab={tab} />);
    fireEvent.change(screen.getByLabelText('Into'), { target: { value: 'jar' } });
    fireEvent.input(screen.getByTestId('import-text'), { target: { value: `# Netscape HTTP Cookie File\n.example.com\tTRUE\t/\tFALSE\t${FUTURE}\tj\t1\n` } });
    fireEvent.click(await screen.findByRole('button', { name: 'Import 1 cookie into the jar' }));
    expect((await notice()).textContent).toBe('Imported 1 cookie into the jar.');
    expect(api.state.jar.map((c) => [c.name, c.domain])).toEqual([['j', '.example.com']]);
    expect(api.state.browser).toEqual([]);
  });

  it('reads a chosen file and tells its format from the text', async () => {
    render(<ImportView api={mockApi()} tab={tab} />);
    const file = new File([JSON.stringify([{ domain: '.example.com', name: 'a', value: '1', path: '/' }])], 'cookies.txt');
    fireEvent.change(screen.getByLabelText('File'), { target: { files: [file] } });
    await waitFor(() => { expect(screen.getByTestId('import-summary').textContent).toMatch(/^Read as JSON \(detected: the text starts with "\[" or "\{"\): 1 cookie — 1 new\.$/); });
    expect(screen.getByTestId<HTMLTextAreaElement>('import-text').value).toMatch(/^\[\{"domain"/);
  });
});
