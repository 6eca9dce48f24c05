/**
 * Keeps the browser's install offer (`beforeinstallprompt`) from the moment the page starts, since it may
 * fire before the visitor screens have loaded; the install button replays it.
 */

/** The part of Chromium's BeforeInstallPromptEvent the install button needs. */
interface InstallOffer {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

let offer: InstallOffer | null = null;
const listeners = new Set<() => void>();

globalThis.addEventListener?.('beforeinstallprompt', (event) => {
  event.preventDefault();
  offer = event as unknown as InstallOffer;
  for (const listener of listeners) listener();
});
globalThis.addEventListener?.('appinstalled', () => {
  offer = null;
  for (const listener of listeners) listener();
});

/** The pending install offer, or null when the browser made none (or it was used). */
export function installOffer(): InstallOffer | null {
  return offer;
}

/** Forgets the offer once used (a prompt can be shown only once). */
export function clearInstallOffer(): void {
  offer = null;
  for (const listener of listeners) listener();
}

/** Subscribes to changes of the offer; returns the unsubscribe function. */
export function onInstallOffer(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
