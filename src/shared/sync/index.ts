/** The one sync client: push, backoff, outcome classification and error codes (page, service worker, forwarder). */
export { backoffDelay, DEFAULT_BACKOFF, nextRetryDelay, parseRetryAfter, type BackoffOptions } from './backoff';
export {
  classifyNetworkFailure,
  classifyStatus,
  type FailedOutcome,
  type RetryOutcome,
  type StopOutcome,
} from './classify';
export type { RetryErrorCode, StopErrorCode, SyncErrorCode } from './errors';
export {
  postJson,
  pushBatch,
  type PostJsonOptions,
  type PostOutcome,
  type PushOptions,
  type PushOutcome,
  type RequestSigner,
} from './push';
