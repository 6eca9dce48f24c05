/** The one sync client: push, backoff, outcome classification and error codes (page, service worker, forwarder). */
export { classifyNetworkFailure, classifyStatus, type FailedOutcome } from './classify';
export { pushBatch, type RequestSigner } from './push';
