// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { DecisionView } from '../model';
import { mockApi } from '../mock';
import { DecisionsView } from './DecisionsView';

afterEach(cleanup);

const decision = (init: Partial<DecisionView> & Pick<DecisionView, 'line' | 'time'>): DecisionView => ({
  tabId: 7, topSite: 'example.com', url: 'http://www.example.com/', cookieName: null, accepted: true, ...init,
});
const decisions = [
  decision({ time: 1000, line: 'old=1' }),
  decision({ time: 3000, line: 'newest=1; Domain=.tracker.test', url: 'http://tracker.test/pixel', accepted: false, rule: 'set.domain.blocked', reason: 'tracker.test is blocked.' }),
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

  it('filters by outcome, host and rule, and shows every tab on request', async () => {
    render(<DecisionsView api={mockApi({ decisions })} tabId={7} />);
    await screen.findAllByTestId('decision-line');
    fireEvent.change(screen.getByLabelText('Outcome'), { target: { value: 'refused' } });
    await waitFor(() => { expect(lines()).toEqual(['newest=1; Domain=.tracker.test', 'pathy=1; Path=/admin']); });
    fireEvent.change(screen.getByLabelText('Outcome'), { target: { value: 'accepted' } });
    await waitFor(() => { expect(lines()).toEqual(['middle=1', 'old=1']); });
    fireEvent.change(screen.getByLabelText('Outcome'), { target: { value: 'all' } });
    // The host as a person types it: any letter case.
    fireEvent.input(screen.getByLabelText('Host'), { target: { value: ' Tracker.TEST ' } });
    await waitFor(() => { expect(lines()).toEqual(['newest=1; Domain=.tracker.test']); });
    fireEvent.input(screen.getByLabelText('Host'), { target: { value: '' } });
    // The rule filter offers each rule once and shows only that rule's decisions.
    expect([...screen.getByLabelText<HTMLSelectElement>('Rule').options].map((o) => o.value)).toEqual(['', 'set.domain.blocked', 'set.path.mismatch']);
    fireEvent.change(screen.getByLabelText('Rule'), { target: { value: 'set.path.mismatch' } });
    await waitFor(() => { expect(lines()).toEqual(['pathy=1; Path=/admin']); });
    fireEvent.change(screen.getByLabelText('Rule'), { target: { value: 'set.domain.blocked' } });
    await waitFor(() => { expect(lines()).toEqual(['newest=1; Domain=.tracker.test']); });
    fireEvent.change(screen.getByLabelText('Rule'), { target: { value: '' } });
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

  it('says so when nothing has been seen', async () => {
    render(<DecisionsView api={mockApi()} tabId={null} />);
    await screen.findByText(/No Set-Cookie seen yet/);
  });
});
