/**
 * Revocation wipe (issue 14): once a revoked device has uploaded what the district still accepts, its
 * queue, refused items, today's names and every key go; only the fact of the wipe stays, for the screen.
 */
import { appDb } from './db';
import { withDbRetry } from './retry';
import { DAY_PHONE_ROWS } from './day-phones';

const WIPED = 'deviceWipedAt';
const SECRET_KEYS = ['matchKey', 'deviceKey', 'districtKey', 'clockEpochs', ...DAY_PHONE_ROWS];

/** Deletes every check-in, name and key on the device and records when. */
export async function wipeDevice(at = Date.now()): Promise<void> {
  const db = appDb();
  await withDbRetry(() =>
    db.transaction('rw', [db.checkins, db.outbox, db.rejected, db.names, db.meta], async () => {
      await Promise.all([
        db.checkins.clear(),
        db.outbox.clear(),
        db.rejected.clear(),
        db.names.clear(),
        db.meta.bulkDelete(SECRET_KEYS),
      ]);
      await db.meta.put({ key: WIPED, value: at });
    }),
  );
}

/** When the device was wiped after a revocation, or null. */
export async function getDeviceWipedAt(): Promise<number | null> {
  const row = await withDbRetry(() => appDb().meta.get(WIPED));
  return typeof row?.value === 'number' ? row.value : null;
}
