// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
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
    await waitFor(() => { expect(api.state.calls.some((c) => c.method === 'deleteCookie')).toBe(true); });
    expect(api.state.jar.map((c) => c.name)).not.toContain('jaronly');
    await screen.findByText((_, element) => element?.className === 'notice notice-ok' && element.textContent === 'Deleted jaronly (www.example.com/) from the jar.');
  });

  it('clears the site after a confirmation', async () => {
    const api = setup();
    await screen.findByRole('grid');
    fireEvent.click(screen.getByRole('button', { name: 'Clear site' }));
    fireEvent.click(screen.getByRole('button', { name: /Clear 3 cookies of www.example.com/ }));
    await waitFor(() => { expect(api.state.calls.find((c) => c.method === 'clearSite')?.args).toEqual([site]); });
    // The browser's copies stay: the jar's are gone.
    await screen.findByText(/0 in both, 0 only in jar, 3 only in browser/);
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
