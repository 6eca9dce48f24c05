/** The sync client's error codes, shared by the page, the service worker and the server's forwarder. */

/** A failure worth retrying later: nothing was lost. `busy`: the server asked to slow down (429). */
export type RetryErrorCode = 'offline' | 'timeout' | 'server_error' | 'busy';

/** A refusal: retrying the same request will not help until something changes (token, app version). */
export type StopErrorCode = 'unauthorized' | 'revoked' | 'bad_request';

/** Every reason a sync attempt can fail, as stored on the device and translated by the UI. */
export type SyncErrorCode = RetryErrorCode | StopErrorCode | 'not_enrolled';
