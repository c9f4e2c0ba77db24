import { render } from 'preact';
import { App } from './App';
import { extensionApi } from './api';
import { withPrefetch } from './prefetch';

// For the UI benchmark (bench/ui.bench.ts): when the popup's own code starts.
performance.mark('cji:script-start');
const root = document.getElementById('app');
if (root) render(<App api={withPrefetch(extensionApi)} search={location.search} />, root);
