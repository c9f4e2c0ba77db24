import { describe, expect, it } from 'vitest';
import { cookie, mockApi } from './mock';
import { withPrefetch } from './prefetch';

describe('withPrefetch', () => {
  it('asks for the tab and its site’s cookies at once, and answers the first matching request with them', async () => {
    const inner = mockApi({ jar: [cookie({ name: 'a' })] });
    const api = withPrefetch(inner);
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(inner.state.calls.map((c) => c.method)).toEqual(['currentTab', 'getCookies']);
    // The tab is asked for once: the views get the same answer.
    expect(await api.currentTab()).toEqual({ tabId: 7, url: 'https://www.example.com/account' });
    expect(inner.state.calls.filter((c) => c.method === 'currentTab')).toHaveLength(1);
    expect((await api.getCookies('www.example.com')).jar.map((c) => c.name)).toEqual(['a']);
    expect(inner.state.calls.filter((c) => c.method === 'getCookies')).toHaveLength(1);
    // Later requests (a refresh) go through.
    await api.getCookies('www.example.com');
    expect(inner.state.calls.filter((c) => c.method === 'getCookies')).toHaveLength(2);
  });

  it('does not answer another site with the prefetched cookies', async () => {
    const inner = mockApi({ jar: [cookie({ name: 'a' }), cookie({ name: 'b', domain: 'other.test' })] });
    const api = withPrefetch(inner);
    expect((await api.getCookies(null)).jar.map((c) => c.name)).toEqual(['a', 'b']);
  });
});
