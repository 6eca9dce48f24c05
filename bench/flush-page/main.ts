/**
 * Page for bench/flush.ts: the app's own data layer and sync engine, driven through `window.flushBench`.
 * Check-ins enter the outbox through `saveCheckIns` (the app's format) and leave through `flushOutbox`.
 */
import { v7 as uuidv7 } from 'uuid';
import type { CheckIn, EnrolResponse } from '../../src/shared/protocol';
import { pendingCount, saveCheckIns, saveDistrictKey, saveEnrolment } from '../../src/client/data';
import { flushOutbox, type FlushResult } from '../../src/client/sync/flush';

/** What the benchmark drives. */
export interface FlushBench {
  enrol(enrolment: EnrolResponse): Promise<void>;
  /** Queues `count` check-ins (device offline), `perSave` at a time; resolves the pending count. */
  fill(count: number, checkpointId: string, startTime: number): Promise<number>;
  pending(): Promise<number>;
  /** Flushes until the outbox is empty or a flush fails; resolves elapsed ms and the last result. */
  flush(): Promise<{ ms: number; fetchMs: number; result: FlushResult; rounds: number }>;
}

/**
 * Time with at least one push waiting for the server (fetch until the body is read; pushes overlap),
 * to split the flush into network and device.
 */
let fetchMs = 0;
let waiting = 0;
let waitingSince = 0;
const timedFetch: typeof fetch = async (input, init) => {
  if (waiting++ === 0) waitingSince = performance.now();
  let response: Response;
  let body: ArrayBuffer;
  try {
    response = await fetch(input, init);
    body = await response.arrayBuffer();
  } finally {
    if (--waiting === 0) fetchMs += performance.now() - waitingSince;
  }
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
};

const NAMES = ['Nguyễn Văn An', 'Lê Thị Bình', 'Trần Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em', 'Vũ Thị Giang'];

const bench: FlushBench = {
  async enrol(e) {
    // Enrolled without a key (as an old device): the first flush registers this page's own signing key.
    if (e.districtKey) await saveDistrictKey(e.districtKey);
    await saveEnrolment({ deviceId: e.deviceId, token: e.token, checkpoint: e.checkpoint, enrolledAt: Date.now() });
  },
  async fill(count, checkpointId, startTime) {
    for (let i = 0; i < count; i += 100) {
      const chunk: CheckIn[] = [];
      for (let j = i; j < Math.min(count, i + 100); j++) {
        chunk.push({
          id: uuidv7(),
          checkpointId,
          kind: 'in',
          source: 'cccd',
          deviceTime: startTime + j * 30_000,
          person: {
            name: NAMES[j % NAMES.length] ?? 'Nguyễn Văn An',
            idNumber: `038${String(1_000_000_000 + j).slice(-9)}`,
            birthYear: 1950 + (j % 60),
            gender: j % 2 ? 'female' : 'male',
            address: 'Thôn 3, Xã Dân Lực, Huyện Triệu Sơn, Thanh Hóa',
          },
        });
      }
      await saveCheckIns(chunk);
    }
    return pendingCount();
  },
  pending: pendingCount,
  async flush() {
    const t0 = performance.now();
    fetchMs = 0;
    let rounds = 0;
    let result: FlushResult;
    do {
      rounds++;
      result = await flushOutbox({ baseUrl: location.origin, appVersion: 'bench', fetchImpl: timedFetch });
    } while (result.outcome === 'done' && (await pendingCount()) > 0);
    return { ms: performance.now() - t0, fetchMs, result, rounds };
  },
};

(window as unknown as { flushBench: FlushBench }).flushBench = bench;
