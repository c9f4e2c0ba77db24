import { render } from 'preact';
import { App } from './App';
import { extensionApi } from './api';

const root = document.getElementById('app');
if (root) render(<App api={extensionApi} search={location.search} />, root);
