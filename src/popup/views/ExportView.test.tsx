// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { cookie, mockApi } from '../mock';
import type { ExportOptions } from '../model';
import { ExportView } from './ExportView';

afterEach(cleanup);

const lastOptions = (api: ReturnType<typeof mockApi>) => api.state.calls.filter((c) => c.method === 'exportJar').at(-1)?.args[0] as ExportOptions;

describe('ExportView', () => {
  it('asks for the chosen format, dialect, source, scope and toggles; the browser\'s store by default', async () => {
    const api = mockApi({ jar: [cookie({ name: 'a', sameSite: 'Lax' })] });
    render(<ExportView api={api} site="www.example.com" />);
    await screen.findByTestId('export-text');
    expect(lastOptions(api)).toEqual({ format: 'mozilla', dialect: 'curl', source: 'browser', site: 'www.example.com', includeSession: true, includeExpired: false, url: 'https://www.example.com/' });
    expect(screen.getByTestId('source-help').textContent).toMatch(/^The cookies the browser’s store holds now: those the browser sends, script-set ones and those older than the extension included\. The jar is one choice away\.$/);
    fireEvent.change(screen.getByLabelText('For'), { target: { value: 'wget' } });
    await waitFor(() => { expect(lastOptions(api).dialect).toBe('wget'); });
    fireEvent.change(screen.getByLabelText('Source'), { target: { value: 'jar' } });
    expect(screen.getByTestId('source-help').textContent).toMatch(/^The jar holds the cookies the Python policy accepted from the traffic the extension saw, and what you imported into it: a simulation/);
    fireEvent.change(screen.getByLabelText('Scope'), { target: { value: 'all' } });
    fireEvent.click(screen.getByLabelText('Include session cookies'));
    fireEvent.click(screen.getByLabelText('Include expired cookies'));
    await waitFor(() => { expect(lastOptions(api)).toMatchObject({ format: 'mozilla', dialect: 'wget', source: 'jar', site: null, includeSession: false, includeExpired: true }); });
    fireEvent.change(screen.getByLabelText('Format'), { target: { value: 'lwp' } });
    await waitFor(() => { expect(lastOptions(api).format).toBe('lwp'); });
    // No dialect box for LWP: it has none.
    expect(screen.queryByLabelText('For')).toBeNull();
    fireEvent.change(screen.getByLabelText('Format'), { target: { value: 'mozilla' } });
    await waitFor(() => { expect(screen.getByLabelText<HTMLSelectElement>('For').selectedOptions[0]?.textContent).toBe('wget'); });
  });

  it('writes Cookie-Editor JSON of the browser\'s cookies, their SameSite kept', async () => {
    const api = mockApi({ browser: [cookie({ name: 'a', value: '1', sameSite: 'Strict', httpOnly: true })] });
    render(<ExportView api={api} site="www.example.com" />);
    await screen.findByTestId('export-text');
    fireEvent.change(screen.getByLabelText('Format'), { target: { value: 'json' } });
    await waitFor(() => { expect(screen.getByTestId<HTMLTextAreaElement>('export-text').value).toMatch(/^\[/); });
    expect(JSON.parse(screen.getByTestId<HTMLTextAreaElement>('export-text').value)).toEqual([
      { domain: 'www.example.com', hostOnly: true, httpOnly: true, name: 'a', path: '/', sameSite: 'strict', secure: false, session: true, storeId: null, value: '1' },
    ]);
    expect(screen.getByLabelText<HTMLInputElement>('File name').value).toBe('cookies-www.example.com.json');
  });

  it('writes the Cookie header for a URL (the tab\'s by default) and copies it as a curl command', async () => {
    const api = mockApi({ browser: [cookie({ name: 'a', value: "it's" }), cookie({ name: 'deep', path: '/other' })] });
    render(<ExportView api={api} site="www.example.com" tab={{ tabId: 1, url: 'http://www.example.com/page' }} />);
    await screen.findByTestId('export-text');
    fireEvent.change(screen.getByLabelText('Format'), { target: { value: 'header' } });
    expect(screen.getByLabelText<HTMLInputElement>('For the URL').value).toBe('http://www.example.com/page');
    await waitFor(() => { expect(screen.getByTestId<HTMLTextAreaElement>('export-text').value).toBe("Cookie: a=it's\n"); });
    expect(screen.getByTestId('export-count').textContent).toBe('1 cookie');
    fireEvent.click(screen.getByRole('button', { name: 'Copy curl command' }));
    await waitFor(() => { expect(api.state.copied).toEqual([`curl -H 'Cookie: a=it'\\''s' 'http://www.example.com/page'`]); });
    fireEvent.input(screen.getByLabelText('For the URL'), { target: { value: 'www.example.com' } });
    expect((await screen.findByRole('alert')).textContent).toBe('Give the URL the header is for (http or https).');
  });

  it('shows the warnings before saving, saves under the suggested name, and copies', async () => {
    const api = mockApi({
      exported: { text: '# Netscape HTTP Cookie File\n', filename: 'cookies-www.example.com.txt', count: 2, warnings: ['SameSite is lost for 2 cookies.', 'Left out bad\tname: a tab would break the line.'] },
    });
    render(<ExportView api={api} site="www.example.com" />);
    const warnings = await screen.findAllByTestId('export-warning');
    // The tab a cookie name carried is shown as an escape, not as white space.
    expect(warnings.map((w) => w.textContent)).toEqual(['SameSite is lost for 2 cookies.', 'Left out bad\\u0009name: a tab would break the line.']);
    expect(screen.getByLabelText<HTMLInputElement>('File name').value).toBe('cookies-www.example.com.txt');
    fireEvent.click(screen.getByRole('button', { name: 'Save file' }));
    await waitFor(() => { expect(api.state.saved).toEqual([{ text: '# Netscape HTTP Cookie File\n', filename: 'cookies-www.example.com.txt' }]); });
    await screen.findByText(/Saved 2 cookies/);
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await waitFor(() => { expect(api.state.copied).toEqual(['# Netscape HTTP Cookie File\n']); });
  });

  it('reports a failed save', async () => {
    const api = mockApi();
    api.saveFile = () => Promise.reject(new Error('Download canceled'));
    render(<ExportView api={api} site={null} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Save file' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Could not save: Download canceled');
  });
});
