// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Inspector } from './Inspector';
import { cookie, mockApi } from './mock';

afterEach(cleanup);

describe('Inspector', () => {
  it('opens on the Site view of the tab’s host and switches views with the arrow keys', async () => {
    const api = mockApi({ jar: [cookie({ name: 'sid' })] });
    render(<Inspector api={api} />);
    await screen.findByRole('heading', { name: 'Cookies of www.example.com' });
    const site = screen.getByRole('tab', { name: 'Site' });
    expect(site.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(site, { key: 'ArrowRight' });
    await screen.findByRole('heading', { name: /Which cookies go with a request/ });
    expect(screen.getByRole('tab', { name: 'Why' }).getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Why' }), { key: 'End' });
    await screen.findByRole('heading', { name: 'Import' });
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Import' }), { key: 'ArrowRight' });
    await screen.findByRole('heading', { name: 'Cookies of www.example.com' });
  });

  it('opens the same UI in a tab, about the same browser tab', async () => {
    const api = mockApi();
    render(<Inspector api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Open in a tab' }));
    await waitFor(() => { expect(api.state.calls.find((c) => c.method === 'openInTab')?.args).toEqual([{ tabId: 7, url: 'https://www.example.com/account' }]); });
  });

  it('has no "Open in a tab" when it is the tab, and shows every site when the tab is no web page', async () => {
    render(<Inspector api={mockApi({ tab: { tabId: null, url: 'chrome://extensions/' } })} surface="tab" />);
    await screen.findByRole('heading', { name: 'Every cookie' });
    expect(screen.queryByRole('button', { name: 'Open in a tab' })).toBeNull();
  });
});

describe('Inspector on its surfaces', () => {
  it('follows its tab: another site in the header and in the views, which ask again', async () => {
    const api = mockApi({ jar: [cookie({ name: 'sid' }), cookie({ name: 'cart', domain: 'shop.example.co.uk' })] });
    render(<Inspector api={api} surface="side" />);
    await screen.findByRole('heading', { name: 'Cookies of www.example.com' });
    api.moveTab({ tabId: 9, url: 'https://shop.example.co.uk/basket' });
    await screen.findByRole('heading', { name: 'Cookies of shop.example.co.uk' });
    expect(screen.getByText('shop.example.co.uk', { selector: 'header .site' })).toBeTruthy();
    await waitFor(() => { expect(screen.getAllByTestId('cookie-name').map((c) => c.textContent)).toEqual(['cart']); });
    // A tab showing no web page.
    api.moveTab({ tabId: null, url: null });
    await screen.findByText('no web page', { selector: 'header .site' });
  });

  it('a page load of the same tab makes the open view ask again, keeping the view', async () => {
    const api = mockApi({ decisions: [] });
    render(<Inspector api={api} surface="devtools" initialView="decisions" />);
    await screen.findByText(/No Set-Cookie seen yet/);
    const asked = () => api.state.calls.filter((c) => c.method === 'getDecisions').length;
    const before = asked();
    api.state.decisions = [{ time: 1, tabId: 7, topSite: 'example.com', url: 'https://www.example.com/', line: 'late=1', cookieName: 'late', accepted: true, thirdParty: false, label: 'top-level' }];
    api.moveTab({ tabId: 7, url: 'https://www.example.com/account' });
    await screen.findByTestId('decision-line');
    expect(asked()).toBe(before + 1);
    expect(screen.getByRole('tab', { name: 'Decisions' }).getAttribute('aria-selected')).toBe('true');
  });

  it('offers the side panel from the popup only, and "Open in a tab" everywhere but the tab', async () => {
    const api = mockApi();
    render(<Inspector api={api} surface="popup" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Side panel' }));
    await waitFor(() => { expect(api.state.calls.find((c) => c.method === 'openSidePanel')?.args).toEqual([{ tabId: 7, url: 'https://www.example.com/account' }]); });
    for (const surface of ['side', 'devtools'] as const) {
      cleanup();
      render(<Inspector api={mockApi()} surface={surface} />);
      await screen.findByRole('button', { name: 'Open in a tab' });
      expect(screen.queryByRole('button', { name: 'Side panel' })).toBeNull();
    }
    cleanup();
    render(<Inspector api={{ ...mockApi(), openSidePanel: null }} surface="popup" />);
    await screen.findByRole('button', { name: 'Open in a tab' });
    expect(screen.queryByRole('button', { name: 'Side panel' })).toBeNull();
  });

  it('marks its surface and width for the layout; each tab label carries the text its bold width is reserved for', async () => {
    const { container } = render(<Inspector api={mockApi()} surface="side" narrow />);
    await screen.findByRole('tab', { name: 'Site' });
    expect(container.querySelector('.app')?.className).toBe('app side narrow');
    expect(screen.getAllByRole('tab').map((tab) => [tab.textContent, tab.querySelector('.tab-label')?.getAttribute('data-label')]))
      .toEqual(['Site', 'Why', 'Decisions', 'Policy', 'Export', 'Import'].map((name) => [name, name]));
  });
});

describe('Inspector problems', () => {
  it('shows what the service worker reports as wrong (storage quota)', async () => {
    render(<Inspector api={mockApi({ problems: ['The jar (6 MB) does not fit in storage (5 MB): new cookies are kept in memory only.'] })} />);
    expect((await screen.findByText(/does not fit in storage/)).closest('p')?.getAttribute('role')).toBe('alert');
  });

  it('after a failed load offers the choice, and asks the worker for the one made', async () => {
    const api = mockApi({ loadFailed: true, problems: ['The stored state could not be read (the cookies of example.com: cookie 1: a stored cookie is not a list of 11 fields). Nothing is being saved until you choose: keep what could be read, or start afresh.'] });
    render(<Inspector api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Keep what could be read and save again' }));
    await waitFor(() => { expect(api.state.calls.filter((c) => c.method === 'resolveLoadError').map((c) => c.args)).toEqual([['keep']]); });
    await waitFor(() => { expect(screen.queryByRole('button', { name: /Start afresh/ })).toBeNull(); });
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('Inspector and cookie stores (Firefox containers)', () => {
  const WORK = 'firefox-container-2';
  const firefoxStores = {
    stores: [
      { id: 'firefox-default', name: 'Default', kind: 'default' as const, incognito: false, tabIds: [3], mirrored: true, cookies: 1, decisions: 1, live: true },
      { id: WORK, name: 'Work', kind: 'container' as const, incognito: false, tabIds: [7], color: 'orange', colorCode: '#ff9f00', icon: 'briefcase', mirrored: true, cookies: 1, decisions: 0, live: true },
      { id: 'firefox-private', name: 'Private windows', kind: 'private' as const, incognito: true, tabIds: [], mirrored: false, cookies: 0, decisions: 0, live: true },
    ],
    tabStoreId: WORK, defaultStoreId: 'firefox-default',
  };
  const names = () => screen.getAllByTestId('cookie-name').map((c) => c.textContent);

  it('a container tab shows its container’s jar and names the container; another store can be picked', async () => {
    const api = mockApi({
      stores: firefoxStores,
      jar: [cookie({ name: 'home_sid' })],
      storeData: { [WORK]: { jar: [cookie({ name: 'work_sid' })], browser: [], decisions: [] } },
    });
    render(<Inspector api={api} />);
    await waitFor(() => { expect(names()).toEqual(['work_sid']); });
    const picker = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Cookie store' });
    expect(picker.selectedOptions[0]?.textContent).toBe('Container: Work');
    expect([...picker.options].map((o) => o.textContent)).toEqual(['Default', 'Container: Work', 'Private windows (not mirrored)']);
    // Nothing was asked of the default store before the tab's store was known.
    expect(api.state.calls.filter((c) => c.method === 'getCookies').map((c) => c.storeId)).toEqual([WORK]);
    fireEvent.change(picker, { target: { value: 'firefox-default' } });
    await waitFor(() => { expect(names()).toEqual(['home_sid']); });
    // Exports of the store shown.
    fireEvent.change(picker, { target: { value: WORK } });
    fireEvent.click(screen.getByRole('tab', { name: 'Export' }));
    await waitFor(() => { expect(api.state.calls.filter((c) => c.method === 'exportJar').map((c) => c.storeId)).toContain(WORK); });
  });

  it('one store (Chrome): no picker, every message about the default store', async () => {
    const api = mockApi({ jar: [cookie({ name: 'sid' })] });
    render(<Inspector api={api} />);
    await waitFor(() => { expect(names()).toEqual(['sid']); });
    expect(screen.queryByRole('combobox', { name: 'Cookie store' })).toBeNull();
    expect(api.state.calls.some((c) => c.method === 'inStore' || c.storeId !== undefined)).toBe(false);
  });
});
