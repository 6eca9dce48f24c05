/**
 * An in-memory stand-in for the district server's push endpoint, for unit tests of the sync engine.
 * It stores by id like the real one and can misbehave on demand: 5xx, timeouts, rejections, repeated answers.
 */
import * as v from 'valibot';
import { API, CheckInSchema, PushRequestSchema, type ItemResult, type PushResponse } from '../../src/shared/protocol';
import { PROOF_HEADER } from '../../src/shared/sealed/device-proof';

export type Fault =
  /** Answers with this status; with `forId`, only the push that carries that item (others pass it by). */
  | { type: 'status'; status: number; retryAfter?: string; error?: string; forId?: string }
  /** Never answers (the client must time out). */
  | { type: 'hang' }
  /** Stores the batch, then the connection drops before the answer arrives. */
  | { type: 'drop_after_commit' }
  /** Answers with the previous response again (a confused proxy). */
  | { type: 'repeat_previous' };

export class FakeSyncServer {
  readonly stored = new Map<string, unknown>();
  readonly faults: Fault[] = [];
  /** Ids the server refuses (as if they failed validation). */
  readonly rejectIds = new Set<string>();
  requests = 0;
  keysRegistered = 0;
  /** How the next key registrations are answered instead of 201 (a status, or no answer at all). */
  keyAnswer: { status: number; retryAfter?: string } | 'unreachable' | null = null;
  clockOffsetMs = 0;
  /** How long each push takes to answer (a network round trip and the server's work). */
  latencyMs = 0;
  /** The most pushes that were waiting for an answer at once. */
  peakInFlight = 0;
  private inFlight = 0;
  private previous: PushResponse | null = null;

  constructor(readonly token = 'secret-token') {}

  /** A fetch implementation bound to this fake. */
  readonly fetch: typeof fetch = async (input, init) => {
    // A device enrolled before signed pushes registers its key once (not counted as a push request).
    if (String(input).endsWith(API.deviceKey)) {
      if (this.keyAnswer === 'unreachable') throw new TypeError('Failed to fetch');
      if (this.keyAnswer) {
        const headers = this.keyAnswer.retryAfter ? { 'retry-after': this.keyAnswer.retryAfter } : undefined;
        return json(this.keyAnswer.status, { error: 'fault', message: 'injected' }, headers);
      }
      this.keysRegistered++;
      return json(201, {});
    }
    this.requests++;
    this.peakInFlight = Math.max(this.peakInFlight, ++this.inFlight);
    try {
      if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
      return await this.answer(init);
    } finally {
      this.inFlight--;
    }
  };

  /** The next fault, or for a push carrying `forId` the fault aimed at it (pushes on the wire arrive in any order). */
  private takeFault(init: RequestInit | undefined): Fault | undefined {
    const index = this.faults.findIndex(
      (f) => f.type !== 'status' || f.forId === undefined || String(init?.body ?? '').includes(`"${f.forId}"`),
    );
    return index < 0 ? undefined : this.faults.splice(index, 1)[0];
  }

  private async answer(init: RequestInit | undefined): Promise<Response> {
    const fault = this.takeFault(init);
    if (fault?.type === 'hang') {
      return new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }
    if (fault?.type === 'status') {
      const headers = fault.retryAfter ? { 'retry-after': fault.retryAfter } : undefined;
      return json(fault.status, { error: fault.error ?? 'fault', message: 'injected' }, headers);
    }
    if (fault?.type === 'repeat_previous' && this.previous) return json(200, this.previous);
    const auth = new Headers(init?.headers).get('authorization');
    if (auth !== `Bearer ${this.token}`) return json(401, { error: 'unauthorized', message: 'bad token' });
    if (!new Headers(init?.headers).get(PROOF_HEADER))
      return json(401, { error: 'proof_required', message: 'unsigned push' });
    const body = v.safeParse(PushRequestSchema, JSON.parse(String(init?.body)));
    if (!body.success) return json(400, { error: 'bad_request', message: 'invalid envelope' });
    const serverTime = body.output.sentAt + this.clockOffsetMs;
    const results: ItemResult[] = body.output.items.map((raw) => {
      const item = v.safeParse(CheckInSchema, raw);
      const id = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : null;
      if (!item.success || (id && this.rejectIds.has(id))) return { id, status: 'rejected', reason: 'invalid item' };
      if (this.stored.has(item.output.id)) return { id, status: 'duplicate' };
      this.stored.set(item.output.id, item.output);
      return { id, status: 'accepted' };
    });
    const response: PushResponse = { serverTime, clockOffsetMs: this.clockOffsetMs, results };
    this.previous = response;
    if (fault?.type === 'drop_after_commit') throw new TypeError('network connection lost');
    return json(200, response);
  }
}

function json(status: number, body: unknown, headers?: Record<string, string>): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}
