/**
 * Retention on the server: the daily timer deletes check-ins older than the district's setting,
 * logs a count only, and leaves newer ones.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countCheckins } from '../../src/server/db/checkins-repo';
import { updateSettings } from '../../src/server/db/settings-repo';
import { startRetentionTimer } from '../../src/server/services/retention';
import { makeCheckIn } from '../support/make-checkin';
import { T0, push, pushBody, startTestServer, type TestServer } from './helpers';

const DAY = 86_400_000;
let server: TestServer;

beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

describe('retention timer', () => {
  it('deletes check-ins older than the setting and logs only the count', async () => {
    const guard = await server.enrol();
    const cp = guard.checkpoint.id;
    const items = [0, 1, 2].map((i) => makeCheckIn(i, { checkpointId: cp, deviceTime: T0 - (i === 0 ? 10 : 1) * DAY }));
    expect((await push(server.app, guard.token, pushBody(items))).statusCode).toBe(200);
    await updateSettings(server.db, { retentionDays: 7 });

    const logged: string[] = [];
    const timer = startRetentionTimer(
      server.db,
      () => T0,
      (m) => logged.push(m),
      0,
    );
    await expect.poll(() => logged.length).toBe(1);
    timer.stop();
    expect(logged[0]).toBe(
      'retention: deleted 1 check-ins older than 7 days and 0 expired notices, 0 audit entries, 0 old device proof ids',
    );
    expect(await countCheckins(server.db)).toBe(2);
  });
});
