// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { RULES } from '../../jar';
import { mockApi } from '../mock';
import type { PolicyView as Policy } from '../model';
import { PolicyView } from './PolicyView';

afterEach(cleanup);

function lastSet(api: ReturnType<typeof mockApi>): Policy {
  const call = api.state.calls.filter((c) => c.method === 'setPolicy').at(-1);
  if (call === undefined) throw new Error('setPolicy was not called');
  return call.args[0] as Policy;
}

describe('PolicyView', () => {
  it('shows every switch with a one-line explanation', async () => {
    render(<PolicyView api={mockApi()} site="www.example.com" />);
    for (const name of ['netscape', 'rfc2965', 'hideCookie2', 'strictDomain', 'strictRfc2965Unverifiable', 'strictNsUnverifiable',
      'strictNsSetInitialDollar', 'strictNsSetPath', 'strictNsDomain: DomainStrictNoDots', 'strictNsDomain: DomainStrictNonDomain',
      'strictNsDomain: DomainRFC2965Match', 'rfc2109AsNetscape', 'secureProtocols']) {
      const control = await screen.findByText(name, { exact: true });
      const label = control.closest('label');
      expect(label, name).not.toBeNull();
      const input = label?.querySelector('input, select');
      expect(input?.getAttribute('aria-describedby'), name).toBeTruthy();
      expect(document.getElementById(input?.getAttribute('aria-describedby') ?? '')?.textContent.length).toBeGreaterThan(20);
    }
  });

  it('refuses a malformed domain with a clear message and adds a good one', async () => {
    const api = mockApi();
    render(<PolicyView api={api} site="www.example.com" />);
    const input = await screen.findByRole('textbox', { name: 'Add to blocked domains' });
    fireEvent.input(input, { target: { value: 'https://tracker.test/pixel' } });
    fireEvent.click(screen.getAllByRole('button', { name: 'Add' })[0] as HTMLElement);
    expect((await screen.findByRole('alert')).textContent).toBe('“https://tracker.test/pixel” is a URL, not a domain: enter “tracker.test”.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    fireEvent.input(input, { target: { value: '.tracker.test' } });
    fireEvent.click(screen.getAllByRole('button', { name: 'Add' })[0] as HTMLElement);
    await screen.findByRole('button', { name: 'Remove .tracker.test from blocked domains' });
    fireEvent.click(screen.getByRole('button', { name: 'Apply policy' }));
    await waitFor(() => { expect(lastSet(api).blockedDomains).toEqual(['.tracker.test']); });
    await screen.findByText(/Policy applied/);
  });

  it('offers the presets as one choice of several, with what each sets; a changed switch makes it custom', async () => {
    const api = mockApi();
    render(<PolicyView api={api} site={null} />);
    const group = await screen.findByRole('radiogroup', { name: 'Preset' });
    const radios = [...group.querySelectorAll<HTMLInputElement>('input[type=radio]')];
    expect(radios.map((r) => r.closest('label')?.querySelector('.preset-name')?.textContent)).toEqual(['Python default', 'Strict domains', 'No third-party', 'Custom']);
    expect(radios.map((r) => r.checked)).toEqual([true, false, false, false]);
    expect(document.getElementById(radios[1]?.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/strictDomain/);
    fireEvent.click(screen.getByRole('radio', { name: /Strict domains/ }));
    await waitFor(() => { expect(radios.map((r) => r.checked)).toEqual([false, true, false, false]); });
    // A switch moved by hand matches no preset.
    fireEvent.click(screen.getByText('hideCookie2', { exact: true }));
    await waitFor(() => { expect(radios.map((r) => r.checked)).toEqual([false, false, false, true]); });
    expect(radios[3]?.disabled).toBe(true);
  });

  it('applies a preset to the draft, and replays the recorded traffic before applying, one row per repeated line', async () => {
    const refusedLine = { url: 'http://shop.example.co.uk/', line: 'theme=dark; Domain=.example.co.uk', cookieName: 'theme', accepted: false, rule: 'set.domain.country-code-sld', reason: RULES['set.domain.country-code-sld'].reason({ domain: '.example.co.uk' }) };
    const api = mockApi({
      replay: {
        replayed: 6,
        newlyRefused: [{ responseId: 1, ...refusedLine }, { responseId: 2, ...refusedLine, url: 'http://shop.example.co.uk/cart' }, { responseId: 3, ...refusedLine }],
        newlyAccepted: [],
        skipped: 1,
      },
    });
    render(<PolicyView api={api} site={null} />);
    fireEvent.click(await screen.findByRole('radio', { name: /Strict domains/ }));
    await waitFor(() => { expect(screen.getByRole<HTMLInputElement>('radio', { name: /Strict domains/ }).checked).toBe(true); });
    expect((screen.getByText('strictDomain', { exact: true }).closest('label')?.querySelector('input'))?.checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Replay recorded traffic' }));
    const result = await screen.findByTestId('replay-result');
    expect(result.textContent).toMatch(/Replayed 6 recorded Set-Cookie lines: this policy would refuse 3 that the current one accepted/);
    expect(result.textContent).toContain('1 recorded response could not be replayed');
    // Three responses, one line: one row, three times.
    expect(screen.getAllByTestId('replay-refused')).toHaveLength(1);
    expect(screen.getByTestId('replay-times').textContent).toBe('×3');
    expect(screen.getAllByTestId('replay-refused')[0]?.textContent).toContain('set.domain.country-code-sld');
    const replayed = api.state.calls.find((c) => c.method === 'replay')?.args[0] as Policy;
    expect(replayed.strictNsDomain).toBe(3);
    expect(api.state.calls.some((c) => c.method === 'setPolicy')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Apply policy' }));
    await waitFor(() => { expect(lastSet(api).strictDomain).toBe(true); });
  });

  it('applies to what is already in the jar too only when asked, and says which it did, beside the button', async () => {
    const api = mockApi();
    render(<PolicyView api={api} site={null} />);
    fireEvent.click(await screen.findByText('strictDomain', { exact: true }));
    fireEvent.click(screen.getByRole('button', { name: 'Apply policy' }));
    const applied = await screen.findByText(/^Policy applied: new cookies are judged by it from now on/);
    // The message sits in the bar that stays in view, next to the button that caused it.
    expect(applied.closest('.actions.sticky')).toBe(screen.getByRole('button', { name: 'Apply policy' }).closest('.actions.sticky'));
    expect(api.state.calls.filter((c) => c.method === 'setPolicy').at(-1)?.args[1]).toEqual({});
    // Nothing left to apply: the draft is the policy in force, the editor was not rebuilt.
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Apply policy' }).disabled).toBe(true);
    fireEvent.click(screen.getByText('strictNsSetPath', { exact: true }));
    const rejudge = screen.getByLabelText<HTMLInputElement>('Apply to what is already in the jar too');
    fireEvent.click(rejudge);
    // What it costs is said once it is chosen.
    await waitFor(() => { expect(document.getElementById(rejudge.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/cookies that came from an import/); });
    fireEvent.click(screen.getByRole('button', { name: 'Apply policy' }));
    await screen.findByText(/the jar rebuilt by replaying the recorded traffic/);
    expect(api.state.calls.filter((c) => c.method === 'setPolicy').at(-1)?.args[1]).toEqual({ replaceJar: true });
  });

  it('offers what the extension keeps: persistence off by default and said to store values unencrypted on disk, clears followed, the jar’s size', async () => {
    const api = mockApi();
    render(<PolicyView api={api} site={null} />);
    const persist = await screen.findByLabelText<HTMLInputElement>('Keep the jar across browser restarts');
    expect(persist.checked).toBe(false);
    expect(document.getElementById(persist.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/^Cookie values are then stored unencrypted on disk/);
    expect(screen.getByLabelText<HTMLInputElement>('Follow the browser’s clears').checked).toBe(true);
    fireEvent.click(persist);
    fireEvent.change(screen.getByRole('spinbutton'), { target: { value: '5000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply policy' }));
    await waitFor(() => { expect(lastSet(api)).toMatchObject({ persistJar: true, followBrowserClears: true, maxCookies: 5000, mirrorIncognito: false }); });
  });

  it('offers the sent-header comparison off by default, saying what it costs, and turns it on', async () => {
    const api = mockApi();
    render(<PolicyView api={api} site={null} />);
    const compare = await screen.findByLabelText<HTMLInputElement>('Compare the Cookie headers sent');
    expect(compare.checked).toBe(false);
    expect(document.getElementById(compare.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/costs every page load about 5 to 10% more time/);
    fireEvent.click(compare);
    fireEvent.click(screen.getByRole('button', { name: 'Apply policy' }));
    await waitFor(() => { expect(lastSet(api)).toMatchObject({ compareSentHeaders: true, persistJar: false }); });
  });

  it('keeps an allow list only when asked, and shows the service worker’s refusal', async () => {
    const api = mockApi();
    api.setPolicy = () => Promise.reject(new Error('setPolicy: Invalid settings: allowedDomains[0] "x" is bad.'));
    render(<PolicyView api={api} site={null} />);
    fireEvent.click(await screen.findByLabelText(/Accept cookies only from the listed domains/));
    const input = await screen.findByRole('textbox', { name: 'Add to allowed domains' });
    fireEvent.input(input, { target: { value: 'example.com' } });
    fireEvent.submit(input.closest('form') as HTMLFormElement);
    fireEvent.click(await screen.findByRole('button', { name: 'Apply policy' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Invalid settings/);
  });
});
