import { beforeEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { AppDb, saveCheckIn, useDatabase } from '../../../src/client/data';
import { getNotices, matchNotices, noticesForCheckpoint, saveNotices } from '../../../src/client/data/notices';
import { refreshNotices } from '../../../src/client/notices/refresh';
import type { CheckIn, RiskNotice } from '../../../src/shared/protocol';

const T = (h: number, m = 0) => Date.UTC(2026, 10, 27, h, m);
const DAY = 86_400_000;

function notice(id: string, checkpointId: string, start: number, end: number): RiskNotice {
  return {
    id,
    checkpointId,
    checkpointName: `Điểm ${checkpointId}`,
    start,
    end,
    instructions: 'Đến trạm y tế xã để xét nghiệm.',
    publishedAt: T(20),
    expiresAt: end + 28 * DAY,
  };
}

function selfVisit(checkpointId: string, time: number): CheckIn {
  return {
    id: uuidv7(),
    checkpointId,
    kind: 'in',
    source: 'self',
    deviceTime: time,
    person: { name: 'Nguyễn Văn An' },
  };
}

let n = 0;
beforeEach(() => useDatabase(new AppDb(`notices-${++n}`)));

describe('risk notices on the phone', () => {
  it('warns about a notice whose checkpoint and window overlap a visit kept on the phone, and no other', async () => {
    await saveCheckIn(selfVisit('market', T(8, 30)));
    await saveCheckIn(selfVisit('office', T(15)));
    await saveNotices([
      notice('hit', 'market', T(8), T(9)), // visited inside the window
      notice('before', 'market', T(6), T(7)), // visit (08:30–09:30 assumed) starts after it ends
      notice('elsewhere', 'school', T(8), T(9)), // never visited
      notice('late', 'office', T(15, 45), T(17)), // 15:00 + 1 h assumed stay overlaps 15:45
    ]);
    const matched = await matchNotices(T(20));
    expect(matched.map((m) => m.notice.id)).toEqual(['late', 'hit']);
  });

  it('forgets expired notices and shows a guard only its own checkpoint', async () => {
    await saveNotices([notice('a', 'market', T(8), T(9)), notice('b', 'office', T(8), T(9))]);
    expect((await noticesForCheckpoint('office', T(20))).map((x) => x.id)).toEqual(['b']);
    expect(await getNotices(T(9) + 29 * DAY)).toEqual([]);
  });

  it('stores what the server publishes and keeps the old list when offline', async () => {
    const list = [notice('a', 'market', T(8), T(9))];
    const online = (async () =>
      new Response(JSON.stringify({ notices: list, serverTime: T(20) }), { status: 200 })) as typeof fetch;
    expect(await refreshNotices(online)).toBe(true);
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await refreshNotices(offline)).toBe(false);
    expect((await getNotices(T(20))).map((x) => x.id)).toEqual(['a']);
  });
});
