// The popup's first screen needs the tab and its site's cookies: ask for both the moment the
// script starts, before the first render, so the answer is on its way while Preact mounts.
import { hostOf } from '../shared/urls';
import type { PopupApi, SiteCookies } from './model';

export function withPrefetch(api: PopupApi): PopupApi {
  const tab = api.currentTab();
  const first = tab.then((context) => {
    const site = hostOf(context.url);
    const reply = api.getCookies(site);
    // Nobody may ask (the user switched views): a failure then must not be unhandled.
    reply.catch(() => undefined);
    return { site, reply };
  });
  first.catch(() => undefined);
  let used = false;
  return {
    ...api,
    currentTab: () => tab,
    async getCookies(site): Promise<SiteCookies> {
      if (!used) {
        used = true;
        const prefetched = await first;
        if (prefetched.site === site) return prefetched.reply;
      }
      return api.getCookies(site);
    },
  };
}
