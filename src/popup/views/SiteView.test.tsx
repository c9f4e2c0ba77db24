// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { NarrowContext } from '../layout';
import type { DecisionView } from '../model';
import { cookie, mockApi } from '../mock';
import { SiteView } from './SiteView';

afterEach(cleanup);

const site = 'www.example.com';
function setup() {
  const api = mockApi({
    jar: [
      cookie({ name: 'visit', value: 'www.example.com' }),
      cookie({ name: 'theme', value: 'dark', domain: '.example.com', hostOnly: false, expires: Date.now() / 1000 + 3 * 86400 + 60, sameSite: 'Lax' }),
      cookie({ name: 'jaronly', value: '1', secure: true, httpOnly: true }),
    ],
    browser: [
      cookie({ name: 'visit', value: 'www.example.com' }),
      cookie({ name: 'theme', value: 'dark', domain: '.example.com', hostOnly: false, expires: Date.now() / 1000 + 3 * 86400 + 60, sameSite: 'lax' }),
      cookie({ name: 'fromjs', value: '<b>x</b>' }),
    ],
  });
  render(<SiteView api={api} site={site} />);
  return api;
}

const names = () => screen.getAllByTestId('cookie-name').map((cell) => cell.textContent);

describe('SiteView', () => {
  it('in a side panel\'s width shows where, name, value and domain; path, expiry and flags go to the details', async () => {
    const api = mockApi({ browser: [cookie({ name: 'a', path: '/account', secure: true, httpOnly: true, sameSite: 'Strict' })] });
    const headers = () => within(screen.getByRole('grid')).getAllByRole('columnheader').map((h) => h.textContent.replace(/ [▲▼]$/, ''));
    render(<SiteView api={api} site={site} />);
    await screen.findByRole('grid');
    expect(headers()).toEqual(['', 'Where', 'Name', 'Value', 'Domain', 'Path', 'Expires', 'Flags']);
    cleanup();
    render(<NarrowContext.Provider value><SiteView api={api} site={site} /></NarrowContext.Provider>);
    await screen.findByRole('grid');
    expect(headers()).toEqual(['', 'Where', 'Name', 'Value', 'Domain']);
    const row = within(screen.getByRole('grid')).getAllByRole('row')[1] as HTMLElement;
    expect(within(row).getAllByRole('gridcell')).toHaveLength(5);
    expect(within(row).queryByTestId('cookie-expires')).toBeNull();
  });

  it('shows the jar and the browser side by side with badges', async () => {
    setup();
    await screen.findByRole('grid');
    // visit and theme are the same cookies in both stores (theme's SameSite differs only in case).
    expect(screen.getByText(/in both/).textContent).toBe('4 cookies · 2 in both, 1 only in jar, 1 only in browser');
    const whereOf = (name: string) => screen.getAllByRole('row').find((row) => within(row).queryByText(name, { selector: '[data-testid=cookie-name] bdi' }) !== null)?.textContent;
    expect(whereOf('visit')).toContain('jar + browser');
    expect(whereOf('theme')).toContain('jar + browser');
    expect(whereOf('jaronly')).toContain('only in jar');
    expect(whereOf('fromjs')).toContain('only in browser');
    expect(names().sort()).toEqual(['fromjs', 'jaronly', 'theme', 'visit']);
    // Markup in a value is text.
    expect(screen.getAllByTestId('cookie-value').some((cell) => cell.textContent === '<b>x</b>' && cell.querySelector('b') === null)).toBe(true);
  });

  it('shows every attribute of the active cookie, jar and browser side by side', async () => {
    setup();
    await screen.findByRole('grid');
    const themeCell = screen.getAllByTestId('cookie-name').find((cell) => cell.textContent === 'theme');
    if (themeCell === undefined) throw new Error('no theme row');
    fireEvent.click(themeCell);
    const details = screen.getByRole('region', { name: 'Details of cookie theme' });
    for (const label of ['Domain', 'Kind', 'Path', 'Secure', 'HttpOnly', 'SameSite', 'Expires', 'Session', 'Version', 'Port', 'Partition key']) {
      expect(within(details).getByText(label)).toBeTruthy();
    }
    expect(within(details).getAllByText(/in 3 days/).length).toBe(2);
    expect(within(details).getAllByText('domain cookie (and its subdomains)').length).toBe(2);
    // SameSite differs in case between the stores: that row is marked.
    expect(within(details).getByText('SameSite').closest('tr')?.className).toBe('differs');
  });

  it('filters as you type and sorts by a column', async () => {
    setup();
    await screen.findByRole('grid');
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'DARK' } });
    await waitFor(() => { expect(names()).toEqual(['theme']); });
    expect(screen.getByText(/1 of 4 cookies/)).toBeTruthy();
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: /^Name/ }));
    await waitFor(() => { expect(names()).toEqual(['fromjs', 'jaronly', 'theme', 'visit']); });
    fireEvent.click(screen.getByRole('button', { name: /^Name/ }));
    await waitFor(() => { expect(names()).toEqual(['visit', 'theme', 'jaronly', 'fromjs']); });
    expect(screen.getByRole('columnheader', { name: /Name/ }).getAttribute('aria-sort')).toBe('descending');
  });

  it('moves with the keyboard and deletes the active cookie from the jar with Delete', async () => {
    const api = setup();
    const grid = await screen.findByRole('grid');
    fireEvent.click(screen.getByRole('button', { name: /^Name/ }));
    await waitFor(() => { expect(names()[0]).toBe('fromjs'); });
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    await waitFor(() => { expect(grid.getAttribute('aria-activedescendant')).toBe('cookie-row-1'); });
    fireEvent.keyDown(grid, { key: 'Delete' });
    await waitFor(() => { expect(api.state.calls.some((c) => c.method === 'removeCookies')).toBe(true); });
    expect(api.state.calls.find((c) => c.method === 'removeCookies')?.args).toEqual([{ browser: [], jar: [{ domain: 'www.example.com', hostOnly: true, path: '/', name: 'jaronly', partition: null }], storeId: undefined, label: undefined }]);
    expect(api.state.jar.map((c) => c.name)).not.toContain('jaronly');
    await screen.findByText((_, element) => element?.className === 'notice notice-ok' && element.textContent === 'Deleted jaronly (www.example.com/) from the jar.');
  });

  it('says what "Clear" clears: the browser\'s cookies of every host of the site, the jar\'s when chosen; undoable', async () => {
    const api = setup();
    await screen.findByRole('grid');
    expect(screen.getByTestId('site-scope').textContent).toBe('The cookies of every host of example.com: www.example.com, example.com and its other subdomains. Changes to the browser go to the browser’s store.');
    fireEvent.click(screen.getByRole('button', { name: 'Clear…' }));
    const panel = screen.getByRole('region', { name: 'Clear' });
    expect(within(panel).getByRole('group', { name: /^The cookies of example\.com \(www\.example\.com and every other host of example\.com\)$/ })).toBeTruthy();
    expect(within(panel).getByLabelText<HTMLInputElement>('The 3 cookies in the browser’s store').checked).toBe(true);
    const jarBox = within(panel).getByLabelText<HTMLInputElement>('The 3 cookies in the jar (the policy’s simulation)');
    expect(jarBox.checked).toBe(false);
    fireEvent.click(jarBox);
    fireEvent.click(within(panel).getByRole('button', { name: 'Delete 3 cookies from the browser’s store and 3 cookies from the jar' }));
    await screen.findByText(/^0 cookies · 0 in both/);
    expect(api.state.browser).toEqual([]);
    expect(api.state.jar).toEqual([]);
    expect(screen.getByText(/^Last change: /).textContent).toMatch(/^Last change: Cleared the cookies of example\.com \(the browser’s store\)/);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText('4 cookies · 2 in both, 1 only in jar, 1 only in browser');
  });

  it('clears the whole jar and the decision log, each after a confirmation that says it cannot be undone', async () => {
    const api = mockApi({ jar: [cookie({ name: 'a' }), cookie({ name: 'b', domain: 'other.test' })], decisions: [] });
    render(<SiteView api={api} site={site} />);
    await screen.findByRole('grid');
    fireEvent.click(screen.getByRole('button', { name: 'Clear…' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Clear the whole jar (2 cookies)' }));
    expect(screen.getByText('This cannot be undone.')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Clear the decision log (0 decisions)' }).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Clear all 2 cookies of the jar' }));
    await screen.findByText('Cleared the whole jar (2 cookies of every site).');
    expect(api.state.jar).toEqual([]);
  });

  it('shows a name that reverses its text as a marked escape, in the grid, the details and the delete notice', async () => {
    const spoof = 'name\u202Efdp.exe';
    const api = mockApi({ jar: [cookie({ name: spoof, value: 'v' })] });
    render(<SiteView api={api} site={site} />);
    const grid = await screen.findByRole('grid');
    const cell = screen.getByTestId('cookie-name');
    expect(cell.textContent).toBe('name\\u202Efdp.exe');
    expect(cell.querySelector('bdi .esc')?.textContent).toBe('\\u202E');
    // No bidi control reaches the page as text anywhere.
    const details = screen.getByRole('region', { name: 'Details of cookie name\\u202Efdp.exe' });
    expect(within(details).getAllByText('\\u202E').length).toBe(1);
    fireEvent.keyDown(grid, { key: 'Delete' });
    const notice = await screen.findByText((_, element) => element?.className === 'notice notice-ok');
    expect(notice.textContent).toBe('Deleted name\\u202Efdp.exe (www.example.com/) from the jar.');
    expect(notice.querySelectorAll('bdi')).toHaveLength(2);
    expect(document.body.textContent).not.toContain('\u202E');
  });

  it('cuts a 1 MB value to a thousand characters in the details, with "show all"', async () => {
    const huge = 'x'.repeat(1_000_000);
    render(<SiteView api={mockApi({ jar: [cookie({ name: 'big', value: huge })] })} site={site} />);
    await screen.findByRole('grid');
    expect(screen.getByTestId('cookie-value').textContent.length).toBeLessThan(300);
    const details = screen.getByRole('region', { name: 'Details of cookie big' });
    const value = within(details).getByText('Value').closest('tr');
    if (value === null) throw new Error('no Value row');
    expect(value.textContent.length).toBeLessThan(1_200);
    expect(value.textContent).toContain('999,000 more characters');
    fireEvent.click(within(value).getByRole('button', { name: 'Show all' }));
    const [shown] = within(value).getAllByTestId('cookie-text');
    if (shown === undefined) throw new Error('no value text');
    expect(shown.textContent).toBe(huge);
    // Shown in a box that scrolls, not a page 550,000 px tall.
    expect(shown.className).toBe('ctext expanded');
    fireEvent.click(within(value).getByRole('button', { name: 'Show less' }));
    expect(value.textContent.length).toBeLessThan(1_200);
  });

  it('marks expired cookies, and does not call Version a difference or cut SameSite=None', async () => {
    const past = Date.now() / 1000 - 2 * 86400;
    const api = mockApi({
      jar: [cookie({ name: 'old', expires: past }), cookie({ name: 'cross', secure: true, sameSite: 'None' })],
      browser: [cookie({ name: 'cross', secure: true, sameSite: 'None', version: null })],
    });
    render(<SiteView api={api} site={site} />);
    await screen.findByRole('grid');
    const oldRow = screen.getAllByRole('row').find((row) => row.textContent.includes('old'));
    expect(oldRow?.className).toContain('expired');
    expect(within(oldRow as HTMLElement).getByTestId('cookie-expires').textContent).toBe('expired 2 days ago');
    const crossRow = screen.getAllByRole('row').find((row) => row.textContent.includes('cross'));
    expect(crossRow?.querySelector('.flags')?.textContent).toBe('SNone');
    fireEvent.click(within(crossRow as HTMLElement).getByTestId('cookie-name'));
    const details = screen.getByRole('region', { name: 'Details of cookie cross' });
    const version = within(details).getByText('Version').closest('tr');
    expect(version?.className).toBe('');
    expect(version?.textContent).toBe('Version0(the browser keeps none)');
    expect(details.querySelectorAll('tr.differs')).toHaveLength(0);
  });

  it('selects with ctrl-click, shift-click and "select all shown", and deletes the selection from the browser\'s store; undo brings it back', async () => {
    const browser = ['alpha', 'bravo', 'charlie', 'delta', 'echo'].map((name) => cookie({ name }));
    const api = mockApi({ browser, jar: [cookie({ name: 'charlie' })] });
    render(<SiteView api={api} site={site} />);
    await screen.findByRole('grid');
    fireEvent.click(screen.getByRole('button', { name: /^Name/ }));
    await waitFor(() => { expect(names()).toEqual(['alpha', 'bravo', 'charlie', 'delta', 'echo']); });
    const cell = (name: string) => screen.getAllByTestId('cookie-name').find((c) => c.textContent === name) as HTMLElement;
    fireEvent.click(cell('alpha'), { ctrlKey: true });
    fireEvent.click(cell('charlie'), { shiftKey: true });
    expect(screen.getByTestId('selection-count').textContent).toBe('3 cookies selected');
    expect(screen.getByRole('grid').getAttribute('aria-multiselectable')).toBe('true');
    expect(screen.getAllByRole('row').filter((r) => r.getAttribute('aria-selected') === 'true').map((r) => r.querySelector('[data-testid=cookie-name]')?.textContent)).toEqual(['alpha', 'bravo', 'charlie']);
    fireEvent.click(cell('bravo'), { ctrlKey: true });
    expect(screen.getByTestId('selection-count').textContent).toBe('2 cookies selected');
    // Select all shown: the filter's rows only; the others stay as they were.
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'echo' } });
    await waitFor(() => { expect(names()).toEqual(['echo']); });
    fireEvent.click(screen.getByLabelText('Select all 1 cookie shown'));
    expect(screen.getByTestId('selection-count').textContent).toBe('3 cookies selected (2 hidden by the filter)');
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Delete 3 cookies from the browser’s store' }));
    await screen.findByText('Deleted 3 cookies from the browser’s store.');
    expect(api.state.browser.map((c) => c.name)).toEqual(['bravo', 'delta']);
    // The jar's "charlie" is not touched by a deletion from the browser.
    expect(api.state.jar.map((c) => c.name)).toEqual(['charlie']);
    expect(screen.queryByTestId('selection-count')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText((_, element) => element?.className === 'notice notice-ok' && element.textContent === 'Undid: Deleted 3 cookies.');
    expect(api.state.browser.map((c) => c.name)).toEqual(['alpha', 'bravo', 'charlie', 'delta', 'echo']);
  });

  it('selects with the keyboard: Space, shift+arrows, ctrl+A, Escape', async () => {
    const api = mockApi({ browser: ['a', 'b', 'c'].map((name) => cookie({ name })) });
    render(<SiteView api={api} site={site} />);
    const grid = await screen.findByRole('grid');
    fireEvent.keyDown(grid, { key: ' ' });
    fireEvent.keyDown(grid, { key: 'ArrowDown', shiftKey: true });
    expect(screen.getByTestId('selection-count').textContent).toBe('2 cookies selected');
    fireEvent.keyDown(grid, { key: 'a', ctrlKey: true });
    expect(screen.getByTestId('selection-count').textContent).toBe('3 cookies selected');
    fireEvent.keyDown(grid, { key: 'Escape' });
    expect(screen.queryByTestId('selection-count')).toBeNull();
  });

  it('exports the selection: JSON of the selected browser cookies', async () => {
    const api = mockApi({ browser: ['a', 'b', 'c'].map((name) => cookie({ name, sameSite: 'Lax' })) });
    render(<SiteView api={api} site={site} />);
    await screen.findByRole('grid');
    const boxes = screen.getAllByLabelText(/^Select cookie /);
    fireEvent.click(boxes[0] as HTMLElement);
    fireEvent.click(boxes[2] as HTMLElement);
    fireEvent.click(screen.getByRole('button', { name: 'Export…' }));
    const region = screen.getByRole('region', { name: 'Export the selection' });
    expect(within(region).getByRole('heading').textContent).toBe('Export the 2 selected cookies');
    fireEvent.change(within(region).getByLabelText('Format'), { target: { value: 'json' } });
    await waitFor(() => { expect(within(region).getByTestId('export-count').textContent).toBe('2 cookies'); });
    const text = within(region).getByTestId<HTMLTextAreaElement>('export-text').value;
    expect((JSON.parse(text) as { name: string; sameSite: string }[]).map((e) => [e.name, e.sameSite])).toEqual([['a', 'lax'], ['c', 'lax']]);
  });

  it('copies one cookie\'s value', async () => {
    const api = mockApi({ browser: [cookie({ name: 'token', value: 'abc123' })] });
    render(<SiteView api={api} site={site} />);
    await screen.findByRole('grid');
    fireEvent.click(screen.getByRole('button', { name: 'Copy value' }));
    await screen.findByText((_, element) => element?.className === 'notice notice-ok' && element.textContent === 'Copied the value of token (6 characters).');
    expect(api.state.copied).toEqual(['abc123']);
  });

  it('edits a cookie of the browser\'s store: the model\'s verdict as you type, then what the browser stored', async () => {
    const api = mockApi({ browser: [cookie({ name: 'theme', value: 'dark', sameSite: 'Lax' })] });
    render(<SiteView api={api} site={site} />);
    await screen.findByRole('grid');
    fireEvent.click(screen.getByRole('button', { name: 'Edit in the browser’s store' }));
    const editor = screen.getByRole('region', { name: 'Edit cookie in the browser’s store' });
    await within(editor).findByText('The browser will store it.');
    fireEvent.input(within(editor).getByLabelText('Value'), { target: { value: 'light' } });
    fireEvent.change(within(editor).getByLabelText('SameSite'), { target: { value: 'no_restriction' } });
    const verdict = within(editor).getByTestId('editor-verdict');
    await waitFor(() => { expect(verdict.textContent).toMatch(/^The browser would refuse it: .*SameSite=None without Secure.*\(SameSiteNoneInsecure\)$/); });
    const save = within(editor).getByRole('button', { name: 'Save in the browser’s store' });
    expect((save as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(editor).getByLabelText('Secure (HTTPS only)'));
    await waitFor(() => { expect(verdict.textContent).toBe('The browser will store it. It replaces the cookie of that name, domain and path.'); });
    fireEvent.click(save);
    const notice = await screen.findByText((_, element) => element?.className === 'notice notice-ok');
    expect(notice.textContent).toBe('Edited "theme" in the browser’s store. The browser stored: theme=light; host-only www.example.com; Path=/; session; Secure; SameSite=None');
    expect(api.state.browser).toMatchObject([{ name: 'theme', value: 'light', secure: true, sameSite: 'None' }]);
    expect(screen.getByText(/^Last change: /).textContent).toMatch(/^Last change: Edited "theme" \(the browser’s store\)/);
  });

  it('says where the browser stored something else than asked (an expiry past 400 days)', async () => {
    const api = mockApi({ browser: [cookie({ name: 'long', expires: Date.now() / 1000 + 86400 })] });
    render(<SiteView api={api} site={site} />);
    await screen.findByRole('grid');
    fireEvent.click(screen.getByRole('button', { name: 'Edit in the browser’s store' }));
    const editor = screen.getByRole('region', { name: 'Edit cookie in the browser’s store' });
    fireEvent.input(within(editor).getByLabelText('Expires (UTC)'), { target: { value: '2099-01-01T00:00:00' } });
    await within(editor).findByText(/Its expiry would be capped at 400 days from now\./);
    fireEvent.click(within(editor).getByRole('button', { name: 'Save in the browser’s store' }));
    await screen.findByText(/^The browser stored the expiry as .* \(400 days from now: it caps expiry at 400 days\)\.$/);
  });

  it('creates a cookie with defaults from the tab\'s URL, in the store the tab uses', async () => {
    const api = mockApi({ browser: [] });
    render(<SiteView api={api} site={site} tab={{ tabId: 3, url: 'https://www.example.com/account', incognito: true }} />);
    await screen.findByRole('grid');
    fireEvent.click(screen.getByRole('button', { name: 'New cookie' }));
    const editor = screen.getByRole('region', { name: 'New cookie in the browser’s incognito store' });
    expect(within(editor).getByLabelText<HTMLInputElement>('Domain').value).toBe('www.example.com');
    expect(within(editor).getByLabelText<HTMLSelectElement>('Sent to').value).toBe('host');
    expect(within(editor).getByLabelText<HTMLInputElement>('Path').value).toBe('/');
    expect(within(editor).getByLabelText<HTMLInputElement>('Secure (HTTPS only)').checked).toBe(true);
    expect(within(editor).getByLabelText<HTMLSelectElement>('SameSite').value).toBe('lax');
    fireEvent.input(within(editor).getByLabelText('Name'), { target: { value: 'fresh' } });
    fireEvent.input(within(editor).getByLabelText('Value'), { target: { value: '1' } });
    await within(editor).findByText('The browser will store it.');
    fireEvent.click(within(editor).getByRole('button', { name: 'Create in the browser’s incognito store' }));
    await screen.findByText((_, element) => element?.className === 'notice notice-ok' && element.textContent.startsWith('Created "fresh" in the browser’s incognito store.'));
    expect(api.state.browser).toMatchObject([{ name: 'fresh', value: '1', domain: 'www.example.com', hostOnly: true, secure: true, sameSite: 'Lax' }]);
  });

  it('adds a cookie only the jar has to the browser\'s store, from the jar\'s attributes', async () => {
    const api = mockApi({ jar: [cookie({ name: 'jaronly', value: 'j', domain: '.example.com', hostOnly: false, httpOnly: true })] });
    render(<SiteView api={api} site={site} />);
    await screen.findByRole('grid');
    fireEvent.click(screen.getByRole('button', { name: 'Add to the browser’s store' }));
    const editor = screen.getByRole('region', { name: 'New cookie in the browser’s store' });
    expect(within(editor).getByLabelText<HTMLInputElement>('Domain').value).toBe('example.com');
    expect(within(editor).getByLabelText<HTMLSelectElement>('Sent to').value).toBe('domain');
    await within(editor).findByText('The browser will store it.');
    fireEvent.click(within(editor).getByRole('button', { name: 'Create in the browser’s store' }));
    await screen.findByText((_, element) => element?.className === 'notice notice-ok' && element.textContent.startsWith('Created "jaronly" in the browser’s store.'));
    await screen.findByText('1 cookie · 1 in both, 0 only in jar, 0 only in browser');
  });

  it('a change the browser refuses says so and changes nothing', async () => {
    const api = mockApi({ browser: [cookie({ name: 'a' }), cookie({ name: 'b' })] });
    api.state.refuse = (c) => c.name === 'a';
    render(<SiteView api={api} site={site} />);
    await screen.findByRole('grid');
    fireEvent.click(screen.getAllByRole('button', { name: 'Edit in the browser’s store' })[0] as HTMLElement);
    const editor = screen.getByRole('region', { name: 'Edit cookie in the browser’s store' });
    fireEvent.input(within(editor).getByLabelText('Value'), { target: { value: 'changed' } });
    await within(editor).findByText(/The browser will store it\./);
    fireEvent.click(within(editor).getByRole('button', { name: 'Save in the browser’s store' }));
    expect((await within(editor).findByRole('alert')).textContent).toMatch(/^The browser did not store "a" \(.*\)\. Nothing was changed: everything written before it was put back as it was\.$/);
    expect(api.state.browser.map((c) => c.value)).toEqual(['v', 'v']);
  });

  it('windows a big jar: 10,000 cookies, a few dozen rows in the DOM', async () => {
    const jar = Array.from({ length: 10_000 }, (_, i) => cookie({ name: `c${String(i).padStart(5, '0')}`, value: String(i) }));
    render(<SiteView api={mockApi({ jar })} site={site} />);
    await screen.findByRole('grid');
    expect(screen.getByRole('grid').getAttribute('aria-rowcount')).toBe('10001');
    expect(screen.getAllByTestId('cookie-name').length).toBeLessThan(60);
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'c09999' } });
    await waitFor(() => { expect(names()).toEqual(['c09999']); });
  });
});

describe('SiteView: why a cookie is in one store only', () => {
  const seen = (init: Partial<DecisionView> & Pick<DecisionView, 'line' | 'cookieName'>): DecisionView => ({
    time: 1000, tabId: 7, topSite: 'example.com', url: 'http://www.example.com/', accepted: true, thirdParty: false, label: 'first-party', ...init,
  });
  const refusedByBrowser = seen({
    line: 'none=1; SameSite=None', cookieName: 'none',
    browser: { stored: false, predicted: 'refused', reasons: ['SameSiteNoneInsecure'], sentence: 'The cookie "none" says SameSite=None without Secure.', pending: false, flagged: false },
  });
  const refusedByPolicy = seen({ line: 'ads=1; Domain=.example.com', cookieName: 'ads', accepted: false, rule: 'set.domain.blocked', reason: 'example.com is blocked.' });

  it('an "only in jar" row says the browser refused it, with Chromium’s reason; an "only in browser" row the policy’s rule, or that no observed Set-Cookie set it', async () => {
    const api = mockApi({
      jar: [cookie({ name: 'none', value: '1', sameSite: 'None' })],
      browser: [cookie({ name: 'ads', value: '1', domain: '.example.com', hostOnly: false }), cookie({ name: 'fromjs', value: '1' })],
      decisions: [refusedByBrowser, refusedByPolicy],
    });
    render(<SiteView api={api} site={site} />);
    await screen.findByRole('grid');
    const where = (name: string) => screen.getAllByRole('row').find((row) => within(row).queryByText(name, { selector: '[data-testid=cookie-name] bdi' }) !== null)?.querySelector('[data-testid=cookie-where]');
    await waitFor(() => { expect(where('none')?.getAttribute('data-note')).toBe('browser-refused'); });
    expect(where('none')?.getAttribute('data-reasons')).toBe('SameSiteNoneInsecure');
    expect(where('ads')?.getAttribute('data-note')).toBe('policy-refused');
    expect(where('fromjs')?.getAttribute('data-note')).toBe('before');
    const noteOf = async (name: string) => {
      fireEvent.click(screen.getAllByTestId('cookie-name').find((cell) => cell.textContent === name) as HTMLElement);
      return (await screen.findByTestId('cookie-note')).textContent;
    };
    expect(await noteOf('none')).toBe('Why only in the jar: SameSiteNoneInsecure The browser refused it. The cookie "none" says SameSite=None without Secure.');
    expect(await noteOf('ads')).toBe('Why only in the browser: set.domain.blocked The policy refused it: example.com is blocked.');
    expect(await noteOf('fromjs')).toMatch(/^Why only in the browser: No Set-Cookie header the extension saw set it/);
    expect(api.state.calls.filter((c) => c.method === 'cookieNotes').map((c) => c.args)).toContainEqual([site]);
  });

  it('a row in both stores has no such note', async () => {
    const both = cookie({ name: 'visit', value: '1' });
    render(<SiteView api={mockApi({ jar: [both], browser: [both] })} site={site} />);
    await screen.findByRole('grid');
    expect(screen.queryByTestId('cookie-note')).toBeNull();
  });
});

