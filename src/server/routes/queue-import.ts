export function registerQueueImportRoute(_app: unknown, _deps: unknown): void {}
