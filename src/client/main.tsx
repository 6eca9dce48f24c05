/** Boots the PWA: renders the app, registers the service worker, starts the sync scheduler. */
import { render } from 'preact';
import { App } from './app/App';
import { startSync } from './app/sync-service';
import { getLang } from './i18n/i18n';
import { registerServiceWorker } from './update/sw-register';
import './styles.css';
import './words.css';

document.documentElement.lang = getLang();
render(<App />, document.getElementById('app') as HTMLElement);
registerServiceWorker();
startSync();
