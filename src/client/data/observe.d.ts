/** Subscribes to a query's results; returns the unsubscribe function. */
export declare function observe<T>(query: () => Promise<T>, onValue: (value: T) => void, onError?: (error: unknown) => void): () => void;
