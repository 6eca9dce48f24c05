export type StorageFailure = 'quota' | 'unavailable';
/** Sorts an error thrown by a save into quota or unavailable (any other failure to store counts as unavailable). */
export declare function classifyStorageError(error: unknown): StorageFailure;
/** Tells the listeners (the blocking warning) that a save failed; returns the kind. */
export declare function reportStorageFailure(error: unknown): StorageFailure;
/** Subscribes to save failures; returns the unsubscribe function. */
export declare function onStorageFailure(listener: (failure: StorageFailure) => void): () => void;
/** Opens the database once to learn whether this browser lets the app store anything at all. */
export declare function probeStorage(): Promise<'ok' | StorageFailure>;
