/**
 * A light API-level guard device for volume in the fault suite: enrols with a real code, takes
 * check-ins into an in-memory outbox, and flushes it with the app's own `pushBatch` (same protocol,
 * same answer classification) and the app's backoff, honouring Retry-After. Its clock may be skewed.
 */
import { v7 as uuidv7 } from 'uuid';
import { API, PROTOCOL_VERSION, type CheckIn, type EnrolResponse, type PushResponse } from '../../src/shared/protocol';
import { nextRetryDelay } from '../../src/shared/sync/backoff';
import { pushBatch } from '../../src/shared/sync/push';
import { generateDeviceKey } from '../../src/shared/sealed/device-proof';
import { signedPushHeaders, withSigner, type KeyedEnrolment } from './device-key';

/** What the test knows about a check-in it took: the truth to compare the server's row with. */
export interface Taken {
  id: string;
  trueTime: number;
  /** Made invalid on purpose: the server must refuse it and the device must keep it visible. */
  invalid: boolean;
}

export interface SimDeviceOptions {
  name: string;
  baseUrl: string;
  /** Device clock minus true clock, ms. */
  skewMs?: number;
  timeoutMs?: number;
  batchSize?: number;
}

/** Redeems an enrolment code at `baseUrl` with a new signing key (retrying through injected faults). */
export async function enrolSim(baseUrl: string, code: string, label: string): Promise<KeyedEnrolment> {
  const key = await generateDeviceKey();
  for (let attempt = 0; ; attempt++) {
    try {
      const res = await fetch(new URL(API.enrol, baseUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, appVersion: 'sim-1', deviceLabel: label, deviceKey: key.publicJwk }),
      });
      if (res.status === 201) return withSigner((await res.json()) as EnrolResponse, key.privateKey);
      throw new Error(`enrol ${res.status} ${await res.text()}`);
    } catch (error) {
      if (attempt > 20) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

export class SimDevice {
  readonly taken: Taken[] = [];
  readonly pending = new Map<string, CheckIn>();
  readonly needsAttention = new Map<string, string>();
  pushes = 0;
  failures = 0;
  #stopped = false;
  #wake: (() => void) | null = null;

  constructor(
    readonly opts: SimDeviceOptions,
    readonly enrolment: KeyedEnrolment,
  ) {}

  /** The device clock. */
  now(): number {
    return Date.now() + (this.opts.skewMs ?? 0);
  }

  /** Takes a check-in (a realistic CCCD scan, or a deliberately invalid one the server must refuse). */
  take(i: number, invalid = false): void {
    const trueTime = Date.now();
    const checkIn: CheckIn = {
      id: uuidv7(),
      checkpointId: this.enrolment.checkpoint.id,
      kind: 'in',
      source: 'cccd',
      deviceTime: trueTime + (this.opts.skewMs ?? 0),
      person: {
        name: `${this.opts.name} khách ${i}`,
        idNumber: `038095${String(100000 + i).slice(-6)}`,
        birthYear: 1970 + (i % 40),
      },
    };
    // Invalid on purpose: a birth year the protocol refuses (a client bug the server must catch).
    if (invalid) checkIn.person.birthYear = 1800;
    this.pending.set(checkIn.id, checkIn);
    this.taken.push({ id: checkIn.id, trueTime, invalid });
    this.#wake?.();
  }

  /** One flush attempt of up to one batch; returns the wait before the next attempt (0 = go on). */
  async flushOnce(): Promise<number> {
    const items = [...this.pending.values()].slice(0, this.opts.batchSize ?? 200);
    if (items.length === 0) return 0;
    this.pushes++;
    const sentAt = this.now();
    const outcome = await pushBatch({
      baseUrl: this.opts.baseUrl,
      token: this.enrolment.token,
      body: { protocol: PROTOCOL_VERSION, sentAt, appVersion: 'sim-1', pending: this.pending.size, items },
      timeoutMs: this.opts.timeoutMs ?? 1_000,
      sign: (request) => this.enrolment.sign(request, sentAt),
    });
    if (outcome.type === 'stop')
      throw new Error(`${this.opts.name}: push stopped: ${outcome.error} ${outcome.message}`);
    if (outcome.type === 'retry') {
      this.failures++;
      return nextRetryDelay(Math.min(this.failures, 4), outcome.retryAfterMs, { baseMs: 100, capMs: 1_000 });
    }
    this.failures = 0;
    for (const result of outcome.response.results) {
      if (result.id === null || !this.pending.has(result.id)) continue;
      this.pending.delete(result.id);
      if (result.status === 'rejected') this.needsAttention.set(result.id, result.reason ?? 'rejected');
    }
    return 0;
  }

  /** Flushes whenever something is pending until `stop()`; resolves when stopped with an empty outbox. */
  async run(): Promise<void> {
    while (!this.#stopped || this.pending.size > 0) {
      if (this.pending.size === 0) {
        await new Promise<void>((resolve) => {
          this.#wake = resolve;
          setTimeout(resolve, 200);
        });
        this.#wake = null;
        continue;
      }
      const wait = await this.flushOnce();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  }

  /** Lets `run()` finish once the outbox is empty. */
  stop(): void {
    this.#stopped = true;
    this.#wake?.();
  }
}

/** One plain push over HTTP (no retries): the server's answer, or null when it failed or refused. */
export async function pushOnce(url: string, device: KeyedEnrolment, items: CheckIn[]): Promise<PushResponse | null> {
  try {
    const body = JSON.stringify({
      protocol: PROTOCOL_VERSION,
      sentAt: Date.now(),
      appVersion: 'test',
      pending: items.length,
      items,
    });
    const res = await fetch(new URL(API.push, url), {
      method: 'POST',
      headers: await signedPushHeaders(device, body),
      body,
    });
    return res.ok ? ((await res.json()) as PushResponse) : null;
  } catch {
    return null;
  }
}
