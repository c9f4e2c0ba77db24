// The do-nothing extension's service worker: the extension's own listener registration
// (src/background/wiring.ts, with the options src/shared/browser.ts computes) over a target that
// does nothing, so that it registers exactly the listeners the extension registers, with the same
// options, and spends no time on any event. `COMPARE_SENT_HEADERS` is set by the build
// (bench/pageload/nothing.ts): the comparison listener on or off, as the setting is in the extension.
import { browser, listenerOptions } from '../../src/shared/browser';
import { registerListeners, type EventHandlers } from '../../src/background/wiring';

declare const COMPARE_SENT_HEADERS: boolean;

const nothing = new Proxy({}, { get: () => () => undefined }) as EventHandlers;
const sentHeaders = registerListeners(browser, nothing, listenerOptions());
sentHeaders.listen(COMPARE_SENT_HEADERS);
