/** Runs a database operation, reopening the database and retrying when the connection was lost. */
export declare function withDbRetry<T>(op: () => Promise<T>, attempts?: number): Promise<T>;
