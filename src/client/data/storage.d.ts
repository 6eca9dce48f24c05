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
export declare const STORAGE_WARN_RATIO = 0.8;
/** Reads usage, quota and persistence from the Storage API (nulls where the browser has none). */
export declare function storageStatus(): Promise<StorageStatus>;
/**
 * Asks once (after the first real action) for persistent storage; returns whether it is persisted now.
 * `again` asks even if asked before (the settings screen's button).
 */
export declare function requestPersistentStorage(opts?: {
    again?: boolean;
}): Promise<boolean | null>;
/** True when usage is above the warning ratio of the quota. */
export declare function storageNearlyFull(status: StorageStatus): boolean;
