// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { BrowserVerdictView, DecisionView } from '../model';
import { NarrowContext } from '../layout';
import { mockApi } from '../mock';
import { DecisionsView } from './DecisionsView';

afterEach(cleanup);

const decision = (init: Partial<DecisionView> & Pick<DecisionView, 'line' | 'time'>): DecisionView => ({
  tabId: 7, topSite: 'example.com', url: 'http://www.example.com/', cookieName: null, accepted: true, thirdParty: false, label: 'first-party', ...init,
});
const decisions = [
  decision({ time: 1000, line: 'old=1' }),
  decision({ time: 3000, line: 'newest=1; Domain=.tracker.test', url: 'http://tracker.test/pixel', accepted: false, rule: 'set.domain.blocked', reason: 'tracker.test is blocked.', thirdParty: true, label: 'third-party' }),
  decision({ time: 2000, line: 'middle=1' }),
  decision({ time: 1500, line: 'pathy=1; Path=/admin', url: 'http://www.example.com/shop/', accepted: false, rule: 'set.path.mismatch', reason: 'The path /admin is not a prefix of /shop/.' }),
  decision({ time: 2500, line: 'othertab=1', tabId: 9 }),
];
const lines = () => screen.getAllByTestId('decision-line').map((cell) => cell.textContent);

describe('DecisionsView', () => {
  it('lists this tab’s decisions newest first, with the rule and reason of a refusal', async () => {
    render(<DecisionsView api={mockApi({ decisions })} tabId={7} />);
    await waitFor(() => { expect(lines()).toEqual(['newest=1; Domain=.tracker.test', 'middle=1', 'pathy=1; Path=/admin', 'old=1']); });
    expect(screen.getByText('set.domain.blocked', { selector: '[role=gridcell]' })).toBeTruthy();
    // The newest is active: its details show the reason.
    expect(screen.getByText('tracker.test is blocked.')).toBeTruthy();
  });

  it('filters by the policy’s outcome, host and rule, and shows every tab on request', async () => {
    render(<DecisionsView api={mockApi({ decisions })} tabId={7} />);
    await screen.findAllByTestId('decision-line');
    fireEvent.change(screen.getByLabelText('Policy'), { target: { value: 'refused' } });
    await waitFor(() => { expect(lines()).toEqual(['newest=1; Domain=.tracker.test', 'pathy=1; Path=/admin']); });
    fireEvent.change(screen.getByLabelText('Policy'), { target: { value: 'accepted' } });
    await waitFor(() => { expect(lines()).toEqual(['middle=1', 'old=1']); });
    fireEvent.change(screen.getByLabelText('Policy'), { target: { value: 'all' } });
    // The host as a person types it: any letter case.
    fireEvent.input(screen.getByLabelText('Host'), { target: { value: ' Tracker.TEST ' } });
    await waitFor(() => { expect(lines()).toEqual(['newest=1; Domain=.tracker.test']); });
    fireEvent.input(screen.getByLabelText('Host'), { target: { value: '' } });
    // The rule filter offers each rule once and shows only that rule's decisions.
    expect([...screen.getByLabelText<HTMLSelectElement>('Policy rule').options].map((o) => o.value)).toEqual(['', 'set.domain.blocked', 'set.path.mismatch']);
    fireEvent.change(screen.getByLabelText('Policy rule'), { target: { value: 'set.path.mismatch' } });
    await waitFor(() => { expect(lines()).toEqual(['pathy=1; Path=/admin']); });
    fireEvent.change(screen.getByLabelText('Policy rule'), { target: { value: 'set.domain.blocked' } });
    await waitFor(() => { expect(lines()).toEqual(['newest=1; Domain=.tracker.test']); });
    fireEvent.change(screen.getByLabelText('Policy rule'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Which tab'), { target: { value: 'all' } });
    await waitFor(() => { expect(lines()).toHaveLength(5); });
    expect(lines()[1]).toBe('othertab=1');
  });

  it('shows a Set-Cookie line’s bidi override as a marked escape, in the grid and the details', async () => {
    const spoofed = decision({ time: 1, line: 'name\u202Efdp.exe=1', accepted: false, rule: 'set.domain.blocked', reason: 'The cookie name\u202Efdp.exe is blocked.' });
    render(<DecisionsView api={mockApi({ decisions: [spoofed] })} tabId={7} />);
    await waitFor(() => { expect(lines()).toEqual(['name\\u202Efdp.exe=1']); });
    const details = screen.getByRole('region', { name: 'Details of the decision' });
    expect(details.querySelectorAll('bdi .esc')).toHaveLength(2);
    expect(document.body.textContent).not.toContain('\u202E');
  });

  it('says whether each request was first- or third-party, and filters by it', async () => {
    render(<DecisionsView api={mockApi({ decisions })} tabId={7} />);
    await screen.findAllByTestId('decision-line');
    expect(screen.getAllByTestId('decision-party').map((cell) => cell.textContent)).toEqual(['3rd party', '1st party', '1st party', '1st party']);
    expect(screen.getByRole('region', { name: 'Details of the decision' }).textContent).toContain('third-party to example.com');
    fireEvent.change(screen.getByLabelText('Party'), { target: { value: 'third' } });
    await waitFor(() => { expect(lines()).toEqual(['newest=1; Domain=.tracker.test']); });
    fireEvent.change(screen.getByLabelText('Party'), { target: { value: 'first' } });
    await waitFor(() => { expect(lines()).toEqual(['middle=1', 'pathy=1; Path=/admin', 'old=1']); });
    expect(screen.getByRole('status').textContent).toBe('3 of 4 decisions');
  });

  it('names the tab by its title and site, never by its number; a closed tab by its site', async () => {
    const api = mockApi({ decisions, tabTitles: new Map([[7, 'Example Shop – Basket']]) });
    render(<DecisionsView api={api} tabId={7} />);
    await waitFor(() => { expect(screen.getByTestId('decision-tab').textContent).toBe('“Example Shop – Basket” on example.com'); });
    expect(api.state.calls.find((c) => c.method === 'tabTitles')?.args).toEqual([[7]]);
    cleanup();
    render(<DecisionsView api={mockApi({ decisions })} tabId={7} />);
    await waitFor(() => { expect(screen.getByTestId('decision-tab').textContent).toBe('a tab on example.com (no longer open, or not a web page now)'); });
    expect(screen.getByTestId('decision-tab').textContent).not.toContain('7');
  });

  it('asks the log again when the tab’s page has loaded again', async () => {
    const api = mockApi({ decisions: decisions.slice(0, 1) });
    const { rerender } = render(<DecisionsView api={api} tabId={7} revision={0} />);
    await waitFor(() => { expect(lines()).toEqual(['old=1']); });
    api.state.decisions = decisions;
    rerender(<DecisionsView api={api} tabId={7} revision={1} />);
    await waitFor(() => { expect(lines()).toHaveLength(4); });
  });

  it('in a side panel shows the outcome with the party, the host and the line; the time and rule are in the details', async () => {
    render(<NarrowContext.Provider value={true}><DecisionsView api={mockApi({ decisions })} tabId={7} /></NarrowContext.Provider>);
    await screen.findAllByTestId('decision-line');
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Browser · Policy', 'Host', 'Set-Cookie']);
    // No browser verdict on these lines (a dash), then the policy's outcome and the party.
    expect(screen.getAllByTestId('decision-party')[0]?.closest('[role=gridcell]')?.textContent).toBe('— refused 3rd');
    const details = screen.getByRole('region', { name: 'Details of the decision' });
    expect(details.textContent).toContain('refused by set.domain.blocked');
  });

  it('says so when nothing has been seen', async () => {
    render(<DecisionsView api={mockApi()} tabId={null} />);
    await screen.findByText(/No Set-Cookie seen yet/);
  });
});

const verdict = (init: Partial<BrowserVerdictView> = {}): BrowserVerdictView => ({
  stored: true, predicted: 'stored', reasons: [], sentence: null, pending: false, flagged: false, ...init,
});
const withVerdicts = [
  decision({ time: 10, line: 'ok=1', browser: verdict() }),
  decision({
    time: 20, line: 'none=1; SameSite=None',
    browser: verdict({ stored: false, predicted: 'refused', reasons: ['SameSiteNoneInsecure'], sentence: 'The cookie "none" says SameSite=None without Secure; Chromium stores SameSite=None cookies only when they are also Secure.' }),
  }),
  decision({
    time: 30, line: 'track=1', url: 'https://tracker.test/p', thirdParty: true, label: 'third-party', accepted: false, rule: 'set.domain.blocked', reason: 'tracker.test is blocked.',
    browser: verdict({ stored: false, predicted: 'refused', reasons: ['UserPreferences'], sentence: 'The browser blocks third-party cookies and https://tracker.test is a third party to the page https://example.com.' }),
  }),
  decision({ time: 40, line: 'odd=1', browser: verdict({ stored: false, predicted: 'stored', flagged: true }) }),
  decision({ time: 50, line: 'soon=1', browser: verdict({ stored: null, pending: true }) }),
  decision({ time: 60, line: 'v2=1; Version=1' }),
];

describe('DecisionsView: the browser’s outcome beside the policy’s', () => {
  it('shows two outcomes per line, Browser (the truth) and Policy (the simulation), each with its reasons', async () => {
    render(<DecisionsView api={mockApi({ decisions: withVerdicts })} tabId={7} />);
    await screen.findAllByTestId('decision-line');
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Time', 'Browser', 'Policy', 'Party', 'Host', 'Set-Cookie', 'Policy rule']);
    const browserCells = screen.getAllByTestId('decision-browser').map((cell) => cell.textContent);
    expect(browserCells).toEqual(['—', 'waiting', 'refused ⚑', 'refused UserPreferences', 'refused SameSiteNoneInsecure', 'stored']);
    expect(screen.getAllByTestId('decision-outcome').map((cell) => cell.textContent)).toEqual(['accepted', 'accepted', 'accepted', 'refused', 'accepted', 'accepted']);
    // The third-party line: both refused, each for its own reasons, in the details.
    fireEvent.click(screen.getByText('track=1'));
    const details = screen.getByRole('region', { name: 'Details of the decision' });
    expect(details.textContent).toContain('Browser (the truth)The browser did not store it. UserPreferences The browser blocks third-party cookies');
    expect(details.textContent).toContain('Policy (the simulation)refused by set.domain.blocked');
    expect(details.textContent).toContain('tracker.test is blocked.');
  });

  it('filters by the browser’s outcome and by its reason', async () => {
    render(<DecisionsView api={mockApi({ decisions: withVerdicts })} tabId={7} />);
    await screen.findAllByTestId('decision-line');
    const choose = (label: string, value: string) => { fireEvent.change(screen.getByLabelText(label), { target: { value } }); };
    choose('Browser', 'refused');
    await waitFor(() => { expect(lines()).toEqual(['odd=1', 'track=1', 'none=1; SameSite=None']); });
    choose('Browser', 'stored');
    await waitFor(() => { expect(lines()).toEqual(['ok=1']); });
    choose('Browser', 'flagged');
    await waitFor(() => { expect(lines()).toEqual(['odd=1']); });
    choose('Browser', 'unknown');
    await waitFor(() => { expect(lines()).toEqual(['v2=1; Version=1', 'soon=1']); });
    choose('Browser', 'all');
    expect([...screen.getByLabelText<HTMLSelectElement>('Browser reason').options].map((o) => o.value)).toEqual(['', 'SameSiteNoneInsecure', 'UserPreferences']);
    choose('Browser reason', 'SameSiteNoneInsecure');
    await waitFor(() => { expect(lines()).toEqual(['none=1; SameSite=None']); });
    // With the policy's filter: accepted by the policy, refused by the browser.
    choose('Browser reason', '');
    choose('Browser', 'refused');
    choose('Policy', 'accepted');
    await waitFor(() => { expect(lines()).toEqual(['odd=1', 'none=1; SameSite=None']); });
  });

  it('says a disagreement with the model plainly, and that a verdict is still waiting', async () => {
    render(<DecisionsView api={mockApi({ decisions: withVerdicts })} tabId={7} />);
    await screen.findAllByTestId('decision-line');
    fireEvent.click(screen.getByText('odd=1'));
    expect(screen.getByRole('region', { name: 'Details of the decision' }).textContent).toContain('The browser model predicts it is stored, but the browser did otherwise: a gap in the model.');
    fireEvent.click(screen.getByText('soon=1'));
    expect(screen.getByRole('region', { name: 'Details of the decision' }).textContent).toContain('Waiting for the browser’s store');
  });

  it('shows a reason sentence naming a hostile cookie as text, its invisible characters marked', async () => {
    const hostile = decision({ time: 1, line: 'x\u202Eevil=1', browser: verdict({ stored: false, predicted: 'refused', reasons: ['DisallowedCharacter'], sentence: 'The cookie "x\u202Eevil<img src=x>" is refused.' }) });
    render(<DecisionsView api={mockApi({ decisions: [hostile] })} tabId={7} />);
    await screen.findAllByTestId('decision-line');
    const details = screen.getByRole('region', { name: 'Details of the decision' });
    expect(details.textContent).toContain('x\\u202Eevil<img src=x>');
    expect(details.querySelector('img')).toBeNull();
    expect(document.body.textContent).not.toContain('\u202E');
  });

  it('refuses test data naming a browser reason the model does not give', () => {
    expect(() => mockApi({ decisions: [decision({ time: 1, line: 'a=1', browser: verdict({ reasons: ['MadeUp'] }) })] })).toThrow(/MadeUp/);
  });
});
