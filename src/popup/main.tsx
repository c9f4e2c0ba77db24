import { render } from 'preact';
import { App } from './App';
import { extensionApi } from './api';
import { withPrefetch } from './prefetch';
import { surfaceOf } from './surface';

// For the UI benchmark (bench/ui.bench.ts): when the popup's own code starts.
performance.mark('cji:script-start');
// Each page declares its surface; the popup's page is the full-size tab with ?full=1. Set before
// anything asks which tab this is (tabBinding.ts) and before the first paint (popup.css sizes by it).
const surface = surfaceOf(document.documentElement.dataset['surface'], location.search);
document.documentElement.dataset['surface'] = surface;
const root = document.getElementById('app');
if (root) render(<App api={withPrefetch(extensionApi)} surface={surface} />, root);
