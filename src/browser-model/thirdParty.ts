/**
 * Learning the third-party cookie setting from what the store does, without the `privacy`
 * permission (docs/browser-model.md, "The third-party cookie setting"): an unpartitioned cookie
 * from a third-party response that the rules would store were third-party cookies allowed is
 * proof, once `cookies.onChanged` shows whether it arrived, and where: not at all (blocked),
 * unpartitioned (allowed), or in the page's partition although the line had no Partitioned
 * attribute (Firefox's Total Cookie Protection). In Firefox the setting can also be read:
 * `firefoxCookieBehaviorSetting` maps `privacy.websites.cookieConfig`.
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
  /** The cookie appeared with a partition key (Firefox's Total Cookie Protection). */
  readonly observedPartitioned?: boolean;
}

export type InferredSetting = Extract<ThirdPartyCookieSetting, 'blocked' | 'allowed' | 'partitioned'>;

/**
 * The setting the most recent conclusive observation shows (observations oldest first), or null
 * when none is conclusive. A setting can change at any time: only the latest evidence counts.
 */
export function inferThirdPartyCookieSetting(observations: Iterable<ThirdPartyObservation>): InferredSetting | null {
  let setting: InferredSetting | null = null;
  for (const observation of observations) {
    if (!observation.thirdParty || observation.partitioned || observation.outcomeIfAllowed !== 'stored' || observation.observedStored === null) continue;
    setting = !observation.observedStored ? 'blocked' : observation.observedPartitioned === true ? 'partitioned' : 'allowed';
  }
  return setting;
}

/**
 * The model's setting for Firefox's `privacy.websites.cookieConfig.behavior`, or null for the two it
 * does not model: `allow_visited` (third parties keep cookies only where they already have some)
 * and `reject_all`. `reject_trackers` is taken as `allowed`: the model has no tracker lists.
 */
export function firefoxCookieBehaviorSetting(behavior: string): InferredSetting | null {
  switch (behavior) {
    case 'reject_trackers_and_partition_foreign': return 'partitioned';
    case 'reject_third_party': return 'blocked';
    case 'allow_all': case 'reject_trackers': return 'allowed';
    default: return null;
  }
}
