/** The browser's storage for this app: how much is used, and whether it is protected from eviction. */

export interface StorageStatus {
  /** Bytes used by this origin, when the browser says. */
  usage: number | null;
  /** Bytes this origin may use, when the browser says. */
  quota: number | null;
  /** True when the browser promised not to evict our data (installed apps, granted persistence). */
  persisted: boolean | null;
}

/** Share of the quota above which the app warns the user. */
const STORAGE_WARN_RATIO = 0.8;

const PERSIST_ASKED = 'tram-qr.persistAsked';

/** What this module uses of StorageManager (pages have `persist`, workers do not). */
interface StorageManagerLike {
  estimate?(): Promise<{ usage?: number; quota?: number }>;
  persisted?(): Promise<boolean>;
  persist?(): Promise<boolean>;
}

/** The Storage API of this page or worker, when the browser has one. */
function storageManager(): StorageManagerLike | undefined {
  return (globalThis as { navigator?: { storage?: StorageManagerLike } }).navigator?.storage;
}

function localStore(): { getItem(key: string): string | null; setItem(key: string, value: string): void } | undefined {
  return (globalThis as { localStorage?: ReturnType<typeof localStore> }).localStorage;
}

/** Reads usage, quota and persistence from the Storage API (nulls where the browser has none). */
export async function storageStatus(): Promise<StorageStatus> {
  const storage = storageManager();
  const [estimate, persisted] = await Promise.all([
    storage?.estimate?.().catch(() => null) ?? null,
    storage?.persisted?.().catch(() => null) ?? null,
  ]);
  return { usage: estimate?.usage ?? null, quota: estimate?.quota ?? null, persisted };
}

/**
 * Asks once (after the first real action) for persistent storage; returns whether it is persisted now.
 * `again` asks even if asked before (the settings screen's button).
 */
export async function requestPersistentStorage(opts: { again?: boolean } = {}): Promise<boolean | null> {
  const storage = storageManager();
  if (!storage?.persist) return null;
  if (await storage.persisted?.()) return true;
  try {
    if (localStore()?.getItem(PERSIST_ASKED) && !opts.again) return false;
    localStore()?.setItem(PERSIST_ASKED, '1');
  } catch {
    // Private mode: ask anyway.
  }
  return storage.persist().catch(() => false);
}

/** True when usage is above the warning ratio of the quota. */
export function storageNearlyFull(status: StorageStatus): boolean {
  return (
    status.usage !== null &&
    status.quota !== null &&
    status.quota > 0 &&
    status.usage / status.quota > STORAGE_WARN_RATIO
  );
}
