import { describe, expect, it } from 'vitest';
import { generateDistrictKeyPair, sealText } from '../../../src/shared/sealed/hpke';
import { createUnsealPool, type OpenRequest } from '../../../src/server/sealed/unseal-pool';
import { unsealThreadsFromEnv } from '../../../src/server/cli/paths';

/** `count` boxes sealed to `publicKey`, every seventh one altered so it must not open. */
async function requests(
  publicKey: string,
  count: number,
): Promise<{ requests: OpenRequest[]; expected: (string | null)[] }> {
  const out: OpenRequest[] = [];
  const expected: (string | null)[] = [];
  for (let i = 0; i < count; i++) {
    const text = JSON.stringify({ person: { name: `Lê Thị Hồng ${i}` } });
    const box = await sealText({ kid: 'k1', publicKey }, text, `aad-${i}`);
    const altered = i % 7 === 3;
    out.push({ box: { ...box, kid: i % 11 === 5 ? 'k-unknown' : 'k1' }, aad: altered ? `aad-${i}x` : `aad-${i}` });
    expected.push(altered || i % 11 === 5 ? null : text);
  }
  return { requests: out, expected };
}

describe('the unseal pool', () => {
  it('answers every box in order on worker threads, as the calling thread does', async () => {
    const pair = await generateDistrictKeyPair();
    const { requests: all, expected } = await requests(pair.publicKey, 300);
    const keys = [{ kid: 'k1', privateKey: pair.privateKey }];
    const inline = createUnsealPool(keys, 0);
    const threaded = createUnsealPool(keys, 2);
    try {
      expect(await inline.openMany(all)).toEqual(expected);
      expect(await threaded.openMany(all)).toEqual(expected);
      expect(threaded.threadsRunning()).toBe(2);
    } finally {
      await threaded.close();
    }
  });

  it('opens on the calling thread what a stopped worker held', async () => {
    const pair = await generateDistrictKeyPair();
    const { requests: all, expected } = await requests(pair.publicKey, 130);
    const pool = createUnsealPool([{ kid: 'k1', privateKey: pair.privateKey }], 2);
    await pool.close();
    expect(pool.threadsRunning()).toBe(0);
    expect(await pool.openMany(all)).toEqual(expected);
  });
});

describe('a worker that does not answer in time', () => {
  it('is passed by: the job opens on the calling thread and the failure is said', async () => {
    const pair = await generateDistrictKeyPair();
    const { requests: all, expected } = await requests(pair.publicKey, 200);
    const heard: string[] = [];
    // 1 ms is far too short for 200 opens: every job times out.
    const pool = createUnsealPool([{ kid: 'k1', privateKey: pair.privateKey }], 1, (m) => heard.push(m), 1);
    try {
      expect(await pool.openMany(all)).toEqual(expected);
      expect(heard).toEqual([expect.stringContaining('did not answer within 1 ms')]);
      expect(pool.threadsRunning()).toBe(1);
    } finally {
      await pool.close();
    }
  });
});

describe('UNSEAL_THREADS', () => {
  it('is one thread per core when unset, a count from 0 to 16 when set, and refused otherwise', () => {
    expect(unsealThreadsFromEnv(undefined, 2)).toBe(2);
    expect(unsealThreadsFromEnv(undefined, 64)).toBe(16);
    expect(unsealThreadsFromEnv('0', 2)).toBe(0);
    expect(unsealThreadsFromEnv('3', 2)).toBe(3);
    for (const bad of ['-1', '17', 'two', '1.5', ' 2']) {
      expect(() => unsealThreadsFromEnv(bad, 2)).toThrow(/UNSEAL_THREADS/);
    }
  });
});
