// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { cookie, mockApi } from '../mock';
import type { ExportOptions } from '../model';
import { ExportView } from './ExportView';

afterEach(cleanup);

const lastOptions = (api: ReturnType<typeof mockApi>) => api.state.calls.filter((c) => c.method === 'exportJar').at(-1)?.args[0] as ExportOptions;

describe('ExportView', () => {
  it('asks for the chosen format, dialect, source, scope and toggles', async () => {
    const api = mockApi({ jar: [cookie({ name: 'a', sameSite: 'Lax' })] });
    render(<ExportView api={api} site="www.example.com" />);
    await screen.findByTestId('export-text');
    expect(lastOptions(api)).toEqual({ format: 'mozilla', dialect: 'curl', source: 'jar', site: 'www.example.com', includeSession: true, includeExpired: false });
    fireEvent.change(screen.getByLabelText('For'), { target: { value: 'wget' } });
    await waitFor(() => { expect(lastOptions(api).dialect).toBe('wget'); });
    fireEvent.change(screen.getByLabelText('Source'), { target: { value: 'browser' } });
    fireEvent.change(screen.getByLabelText('Scope'), { target: { value: 'all' } });
    fireEvent.click(screen.getByLabelText('Include session cookies'));
    fireEvent.click(screen.getByLabelText('Include expired cookies'));
    await waitFor(() => { expect(lastOptions(api)).toEqual({ format: 'mozilla', dialect: 'wget', source: 'browser', site: null, includeSession: false, includeExpired: true }); });
    fireEvent.change(screen.getByLabelText('Format'), { target: { value: 'lwp' } });
    await waitFor(() => { expect(lastOptions(api).format).toBe('lwp'); });
    expect(screen.getByLabelText<HTMLSelectElement>('For').disabled).toBe(true);
    // The disabled box names no dialect: LWP has none.
    const box = screen.getByLabelText<HTMLSelectElement>('For');
    expect(box.selectedOptions[0]?.textContent).toBe('—');
    fireEvent.change(screen.getByLabelText('Format'), { target: { value: 'mozilla' } });
    await waitFor(() => { expect(screen.getByLabelText<HTMLSelectElement>('For').selectedOptions[0]?.textContent).toBe('wget'); });
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
