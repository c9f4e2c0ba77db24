/**
 * Learning the third-party cookie setting from what the store does, without the `privacy`
 * permission (docs/browser-model.md, "The third-party cookie setting"): an unpartitioned cookie
 * from a third-party response that the rules would store were third-party cookies allowed is
 * proof either way, once `cookies.onChanged` shows whether it arrived.
 */
import type { ThirdPartyCookieSetting } from './types';

export interface ThirdPartyObservation {
  /** The response was third-party to its tab's page (the model's context said so). */
  readonly thirdParty: boolean;
  /** The cookie was Partitioned (those are stored either way: no evidence). */
  readonly partitioned: boolean;
  /** The model's outcome for the line with `thirdPartyCookies: 'allowed'`. */
  readonly outcomeIfAllowed: 'stored' | 'deleted' | 'refused';
  /** What the browser's store did: the cookie appeared (true), did not (false), unknown (null). */
  readonly observedStored: boolean | null;
}

/**
 * The setting the most recent conclusive observation shows (observations oldest first), or null
 * when none is conclusive. A setting can change at any time: only the latest evidence counts.
 */
export function inferThirdPartyCookieSetting(observations: Iterable<ThirdPartyObservation>): Extract<ThirdPartyCookieSetting, 'blocked' | 'allowed'> | null {
  let setting: 'blocked' | 'allowed' | null = null;
  for (const observation of observations) {
    if (!observation.thirdParty || observation.partitioned || observation.outcomeIfAllowed !== 'stored' || observation.observedStored === null) continue;
    setting = observation.observedStored ? 'allowed' : 'blocked';
  }
  return setting;
}
