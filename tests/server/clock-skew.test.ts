import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PushResponse } from '../../src/shared/protocol';
import { findCheckinById } from '../../src/server/db/checkins-repo';
import { checkIns, push, pushBody, startTestServer, T0, type TestServer } from './helpers';

let s: TestServer;
let token: string;
beforeEach(async () => {
  s = await startTestServer();
  token = (await s.enrol()).token;
});
afterEach(async () => {
  await s.close();
});

/** A check-in that really happened at `truth`, recorded and later pushed by a device whose clock is `ahead` ms fast. */
async function pushWithClockError(ahead: number, truth: number, sentAtTruth: number) {
  const [item] = checkIns(s.checkpoint.id, 1);
  if (!item) throw new Error('fixture');
  s.clock.now = sentAtTruth + 40; // a little network latency
  const res = await push(
    s.app,
    token,
    pushBody([{ ...item, deviceTime: truth + ahead }], { sentAt: sentAtTruth + ahead }),
  );
  const stored = await findCheckinById(s.db, item.id);
  if (!stored) throw new Error('not stored');
  return { answer: res.json<PushResponse>(), stored };
}

describe('device clock correction', () => {
  it('corrects a device clock two hours fast and flags it', async () => {
    const truth = T0 - 3 * 3_600_000; // checked in three hours ago, pushed now after being offline
    const { answer, stored } = await pushWithClockError(2 * 3_600_000, truth, T0);
    expect(Math.abs(stored.correctedTime - truth)).toBeLessThan(1_000);
    expect(stored.skewed).toBe(true);
    expect(stored.deviceTime).toBe(truth + 2 * 3_600_000);
    expect(Math.abs(answer.clockOffsetMs + 2 * 3_600_000)).toBeLessThan(1_000);
  });

  it('corrects a clock one minute slow without flagging it', async () => {
    const truth = T0 - 600_000;
    const { stored } = await pushWithClockError(-60_000, truth, T0);
    expect(Math.abs(stored.correctedTime - truth)).toBeLessThan(1_000);
    expect(stored.skewed).toBe(false);
  });
});
