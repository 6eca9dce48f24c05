/**
 * The service worker: precaches the app shell so it opens offline, caches the decoder's wasm the
 * first time the scanner loads it, and flushes the outbox when Background Sync wakes it.
 * It shares the page's Dexie database and sync engine; the Web Lock keeps one flusher at a time.
 */
import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { flushOutbox } from '../src/client/sync/flush';
import { BACKGROUND_SYNC_TAG } from '../src/client/sync/tags';
import { ensureVisitorCredentials } from '../src/client/sync/visitor-credentials';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };

interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);

// Every screen of the PWA is index.html; the API and the officials' console (online only) never are.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//, /^\/console(\/|$)/] }),
);

// The zxing decoder's wasm (hashed file name): fetched on first scanner use, then served from cache.
registerRoute(
  ({ url }) => url.origin === self.location.origin && url.pathname.endsWith('.wasm'),
  new CacheFirst({ cacheName: 'decoder-wasm', plugins: [new ExpirationPlugin({ maxEntries: 4 })] }),
);

// A new version waits until the page says the guard accepted the update (see update/sw-register.ts).
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
clientsClaim();

self.addEventListener('sync', (event) => {
  const syncEvent = event as SyncEvent;
  if (syncEvent.tag !== BACKGROUND_SYNC_TAG) return;
  syncEvent.waitUntil(
    flushOutbox({
      baseUrl: self.location.origin,
      appVersion: __APP_VERSION__,
      ensureCredentials: () => ensureVisitorCredentials(self.location.origin, __APP_VERSION__),
    }).then((result) => {
      // Throwing asks the browser to retry the sync later with its own backoff.
      if (result.outcome === 'failed') throw new Error(`sync failed: ${result.error ?? 'unknown'}`);
    }),
  );
});
