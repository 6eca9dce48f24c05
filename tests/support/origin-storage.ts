/**
 * Everything an origin keeps in the browser, as one text: every record of every IndexedDB store,
 * localStorage, and every Cache Storage response. Binary values (ArrayBuffer, typed arrays, Blobs) are
 * decoded as UTF-8 and Latin-1 so text hidden inside them shows too; CryptoKeys show as their kind only.
 */
import type { Page } from 'playwright-core';

/** Reads the origin's whole browser storage of `page` as text. */
export async function dumpOriginStorage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const decode = (bytes: Uint8Array): string =>
      `${new TextDecoder('utf-8').decode(bytes)} ${new TextDecoder('latin1').decode(bytes)}`;
    const out: string[] = [];
    const walk = async (value: unknown): Promise<unknown> => {
      if (value instanceof ArrayBuffer) return decode(new Uint8Array(value));
      if (ArrayBuffer.isView(value)) return decode(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      if (value instanceof Blob) return decode(new Uint8Array(await value.arrayBuffer()));
      if (typeof CryptoKey !== 'undefined' && value instanceof CryptoKey)
        return `[CryptoKey ${value.type} extractable=${value.extractable}]`;
      if (Array.isArray(value)) return Promise.all(value.map(walk));
      if (value && typeof value === 'object') {
        const entries = await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await walk(v)] as const));
        return Object.fromEntries(entries);
      }
      return value;
    };
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(info.name!);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const records = await new Promise<unknown[]>((resolve, reject) => {
          const req = db.transaction(store, 'readonly').objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result as unknown[]);
          req.onerror = () => reject(req.error);
        });
        out.push(`idb ${info.name}/${store}: ${JSON.stringify(await walk(records))}`);
      }
      db.close();
    }
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)!;
      out.push(`localStorage ${key}: ${localStorage.getItem(key)}`);
    }
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        const bytes = response ? new Uint8Array(await response.arrayBuffer()) : new Uint8Array();
        out.push(`cache ${name} ${request.url}: ${decode(bytes)}`);
      }
    }
    return out.join('\n');
  });
}
