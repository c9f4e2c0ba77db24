// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { cookie, mockApi } from '../mock';
import { HEADER_LIMIT, WhyView } from './WhyView';

afterEach(cleanup);

describe('WhyView', () => {
  const jar = [cookie({ name: 'sid', value: '1' }), cookie({ name: 'secure_only', value: '2', secure: true })];

  it('explains the tab’s URL at once: the header, and the rule and reason for each cookie not sent', async () => {
    const api = mockApi({ jar });
    render(<WhyView api={api} url="http://www.example.com/" />);
    expect((await screen.findByTestId('cookie-header')).textContent).toBe('sid=1');
    const rows = screen.getAllByTestId('explained-cookie');
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringContaining('sentsid'),
      expect.stringContaining('not sentsecure_only'),
    ]);
    // The rule and the reason src/jar gives (the mock runs the real jar).
    expect(rows[1]?.textContent).toContain('return.secure.protocol');
    expect(rows[1]?.textContent).toContain('The cookie secure_only is Secure and the request scheme http is not one of https, wss.');
  });

  it('explains a typed URL on submit, and says when there is none', async () => {
    const api = mockApi({ jar });
    render(<WhyView api={api} url={null} />);
    expect(api.state.calls.some((c) => c.method === 'explain')).toBe(false);
    fireEvent.submit(screen.getByRole('button', { name: 'Explain' }).closest('form') as HTMLFormElement);
    await screen.findByText(/Type a URL/);
    fireEvent.input(screen.getByLabelText('URL'), { target: { value: 'https://www.example.com/x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Explain' }));
    await waitFor(() => { expect(screen.getByTestId('cookie-header').textContent).toBe('sid=1; secure_only=2'); });
  });

  it('reads a URL typed without a scheme as https, and says so', async () => {
    const api = mockApi({ jar });
    render(<WhyView api={api} url={null} />);
    fireEvent.input(screen.getByLabelText('URL'), { target: { value: 'www.example.com/shop' } });
    fireEvent.click(screen.getByRole('button', { name: 'Explain' }));
    await waitFor(() => { expect(screen.getByTestId('cookie-header').textContent).toBe('sid=1; secure_only=2'); });
    expect(api.state.calls.filter((c) => c.method === 'explain').map((c) => c.args[0])).toEqual(['https://www.example.com/shop']);
    expect(screen.getByText(/No scheme typed: explained as/).textContent).toBe('No scheme typed: explained as https://www.example.com/shop.');
  });

  it('refuses inline what it cannot explain, and the previous answer goes with it', async () => {
    const api = mockApi({ jar });
    render(<WhyView api={api} url="http://www.example.com/" />);
    await screen.findByTestId('cookie-header');
    fireEvent.input(screen.getByLabelText('URL'), { target: { value: 'ftp://www.example.com/file' } });
    fireEvent.click(screen.getByRole('button', { name: 'Explain' }));
    expect((await screen.findByRole('alert')).textContent).toBe('ftp: URLs have no cookies here: the jar judges http, https, ws and wss URLs.');
    expect(screen.queryByTestId('cookie-header')).toBeNull();
    // The input is text, so the browser's own URL check cannot swallow the submit.
    expect(screen.getByLabelText('URL').getAttribute('type')).toBe('text');
  });

  it('collapses a long Cookie header to a few lines, with "Show all"', async () => {
    const big = 'x'.repeat(4096);
    render(<WhyView api={mockApi({ jar: [cookie({ name: 'big', value: big })] })} url="http://www.example.com/" />);
    const header = await screen.findByTestId('cookie-header');
    await waitFor(() => { expect(header.textContent).toContain('more characters'); });
    expect(header.querySelector('bdi')?.textContent).toHaveLength(HEADER_LIMIT);
    fireEvent.click(screen.getByRole('button', { name: 'Show all' }));
    await waitFor(() => { expect(header.querySelector('bdi')?.textContent).toBe(`big=${big}`); });
  });

  it('follows the tab: a new URL is explained and shown in the box; a reload asks again about the URL explained last', async () => {
    const api = mockApi({ jar });
    const { rerender } = render(<WhyView api={api} url="http://www.example.com/a" revision={0} />);
    await screen.findByTestId('cookie-header');
    rerender(<WhyView api={api} url="https://www.example.com/b" revision={1} />);
    await waitFor(() => { expect(screen.getByLabelText<HTMLInputElement>('URL').value).toBe('https://www.example.com/b'); });
    await waitFor(() => { expect(screen.getByTestId('cookie-header').textContent).toBe('sid=1; secure_only=2'); });
    rerender(<WhyView api={api} url="https://www.example.com/b" revision={2} />);
    await waitFor(() => {
      expect(api.state.calls.filter((c) => c.method === 'explain').map((c) => c.args[0])).toEqual(['http://www.example.com/a', 'https://www.example.com/b', 'https://www.example.com/b']);
    });
  });

  it('shows the error the service worker answers', async () => {
    const api = mockApi();
    api.explain = () => Promise.reject(new Error('explain: "url" must be an http, https, ws or wss URL.'));
    render(<WhyView api={api} url="http://www.example.com/" />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/must be an http/);
  });

  it('answers for the browser (the truth) beside the policy (the simulation): a SameSite=Lax cookie is not sent from another site’s page', async () => {
    const pref = cookie({ name: 'pref', value: 'blue', domain: 'shop.example.com', sameSite: 'Lax', secure: true });
    const api = mockApi({ jar: [pref], browser: [pref] });
    render(<WhyView api={api} url="https://shop.example.com/cart" />);
    // A visit to the page itself: both send it.
    await waitFor(() => { expect(screen.getByTestId('browser-cookie-header').textContent).toBe('pref=blue'); });
    expect(screen.getByTestId('cookie-header').textContent).toBe('pref=blue');
    expect(screen.getByTestId('explained-request').textContent).toContain('as a visit to it');
    // From another site's page: the browser withholds it for SameSite=Lax, with its reason and sentence; the policy, which has no SameSite, sends it.
    fireEvent.input(screen.getByLabelText('Requested from'), { target: { value: 'https://blog.other.test/post' } });
    fireEvent.click(screen.getByRole('button', { name: 'Explain' }));
    await waitFor(() => { expect(screen.getByTestId('browser-cookie-header').textContent).toBe('(none)'); });
    expect(api.state.calls.filter((c) => c.method === 'explain').at(-1)?.args).toEqual(['https://shop.example.com/cart', 'https://blog.other.test/post']);
    const row = screen.getByTestId('browser-explained-cookie');
    expect(row.textContent).toContain('not sent');
    expect(row.getAttribute('data-reasons')).toMatch(/SameSiteLax/);
    expect(row.textContent).toMatch(/Lax/);
    expect(screen.getByTestId('cookie-header').textContent).toBe('pref=blue');
    expect(screen.getByTestId('explained-request').textContent).toContain('made from the page https://blog.other.test/post');
    expect(screen.getByTestId('why-browser').textContent).toContain('Browser (the truth)');
    expect(screen.getByTestId('why-policy').textContent).toContain('Policy (the simulation)');
  });

  it('refuses inline a "requested from" page it cannot read', async () => {
    const api = mockApi({ jar });
    render(<WhyView api={api} url="http://www.example.com/" />);
    await screen.findByTestId('cookie-header');
    fireEvent.input(screen.getByLabelText('Requested from'), { target: { value: 'ftp://a.test/' } });
    fireEvent.click(screen.getByRole('button', { name: 'Explain' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Requested from: ftp: URLs have no cookies/);
    expect(screen.queryByTestId('cookie-header')).toBeNull();
  });
});
