// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { mockApi } from '../mock';
import { ImportView } from './ImportView';

afterEach(cleanup);

describe('ImportView', () => {
  it('imports pasted text in the chosen format', async () => {
    const api = mockApi();
    render(<ImportView api={api} />);
    const button = screen.getByRole('button', { name: 'Import into the jar' });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Format'), { target: { value: 'lwp' } });
    fireEvent.input(screen.getByTestId('import-text'), { target: { value: '.example.com\tTRUE\t/\tFALSE\t0\ta\t1\n' } });
    fireEvent.click(button);
    await screen.findByText('Imported 1 cookies into the jar.');
    expect(api.state.calls.find((c) => c.method === 'importJar')?.args).toEqual(['.example.com\tTRUE\t/\tFALSE\t0\ta\t1\n', 'lwp']);
  });

  it('shows a LoadError with its line and says nothing changed', async () => {
    render(<ImportView api={mockApi()} />);
    fireEvent.input(screen.getByTestId('import-text'), { target: { value: '# Netscape HTTP Cookie File\nbroken line\n' } });
    fireEvent.click(screen.getByRole('button', { name: 'Import into the jar' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^The file does not load: line 2: .*Nothing was changed\.$/);
  });

  it('cuts a LoadError that quotes a 1 MB line and shows its invisible characters', async () => {
    render(<ImportView api={mockApi()} />);
    fireEvent.input(screen.getByTestId('import-text'), { target: { value: `# Netscape HTTP Cookie File\n\u202E${'v'.repeat(1_000_000)}\n` } });
    fireEvent.click(screen.getByRole('button', { name: 'Import into the jar' }));
    const alert = await screen.findByRole('alert');
    const text = alert.textContent;
    expect(text.length).toBeLessThan(600);
    expect(text).toMatch(/^The file does not load: line 2: .*\\u202Ev+… 999,\d{3} more characters Nothing was changed\.$/);
  });

  it('reads a chosen file and recognises its format', async () => {
    render(<ImportView api={mockApi()} />);
    const file = new File(['#LWP-Cookies-2.0\nSet-Cookie3: a=1; path="/"; domain=".example.com"; version=0\n'], 'cookies.lwp');
    fireEvent.change(screen.getByLabelText('File'), { target: { files: [file] } });
    await waitFor(() => { expect(screen.getByLabelText<HTMLSelectElement>('Format').value).toBe('lwp'); });
    expect(screen.getByTestId<HTMLTextAreaElement>('import-text').value).toMatch(/^#LWP-Cookies-2.0/);
  });
});
