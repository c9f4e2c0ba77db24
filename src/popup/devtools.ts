// The extension's DevTools page (manifest `devtools_page`): it has no UI of its own; it adds the
// "Cookie Jar" panel, which shows the same UI as the popup, bound to the inspected tab.
import { browser } from '../shared/browser';

// Root-relative paths: Chrome reads them from the extension's root, Firefox from this page's
// folder unless they start with "/".
void browser.devtools.panels.create('Cookie Jar', '/icons/icon-32.png', '/src/popup/devtools-panel.html');
