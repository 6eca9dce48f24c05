import { type PushRequest, type PushResponse } from '../../shared/protocol';
import type { SyncErrorCode } from '../data';
export type PushOutcome = {
    type: 'ok';
    response: PushResponse;
}
/** Try again later; nothing was lost. */
 | {
    type: 'retry';
    error: Extract<SyncErrorCode, 'offline' | 'timeout' | 'server_error'>;
    retryAfterMs: number | null;
}
/** Retrying the same request will not help until something changes (token, app version). */
 | {
    type: 'stop';
    error: Extract<SyncErrorCode, 'unauthorized' | 'revoked' | 'bad_request'>;
    message: string;
};
export interface PushOptions {
    baseUrl: string;
    token: string;
    body: PushRequest;
    timeoutMs: number;
    fetchImpl?: typeof fetch;
}
/** Sends one batch and classifies the answer; never throws. */
export declare function pushBatch(opts: PushOptions): Promise<PushOutcome>;
