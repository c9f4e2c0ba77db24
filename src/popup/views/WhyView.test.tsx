// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { cookie, mockApi } from '../mock';
import { WhyView } from './WhyView';

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

  it('shows the error the service worker answers', async () => {
    const api = mockApi();
    api.explain = () => Promise.reject(new Error('explain: "url" must be an http, https, ws or wss URL.'));
    render(<WhyView api={api} url="http://www.example.com/" />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/must be an http/);
  });
});
