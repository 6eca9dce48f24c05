/**
 * Visitor-side device state: the cached poster public key (to verify posters offline), the phone's own
 * check-ins (source 'self', in the shared outbox) and "delete everything".
 */
import { appDb } from './db';
import { toLocalCheckIns, type LocalCheckIn } from './checkins';
import { withDbRetry } from './retry';

const POSTER_KEY = 'posterKey';
const VISITOR_REGISTRATION = 'visitorRegistration';

/** The server's poster public key (base64url) last cached, or null before the first online start. */
export async function getPosterKey(): Promise<string | null> {
  const row = await withDbRetry(() => appDb().meta.get(POSTER_KEY));
  return typeof row?.value === 'string' ? row.value : null;
}

/** Caches the server's poster public key. */
export async function savePosterKey(publicKey: string): Promise<void> {
  await withDbRetry(() => appDb().meta.put({ key: POSTER_KEY, value: publicKey }));
}

/** This phone's own check-ins and check-outs (source 'self'), newest first, at most `limit`. */
export async function listSelfCheckIns(limit = 200): Promise<LocalCheckIn[]> {
  const db = appDb();
  return withDbRetry(() =>
    db.transaction('r', db.checkins, db.outbox, db.rejected, async () =>
      toLocalCheckIns(
        await db.checkins
          .orderBy('deviceTime')
          .reverse()
          .filter((row) => row.source === 'self')
          .limit(limit)
          .toArray(),
      ),
    ),
  );
}

/** How many of this phone's own check-ins have not reached the server yet. */
export async function pendingSelfCount(): Promise<number> {
  const db = appDb();
  return withDbRetry(() =>
    db.transaction('r', db.checkins, db.outbox, async () => {
      const rows = await db.checkins.bulkGet(await db.outbox.toCollection().primaryKeys());
      return rows.filter((row) => row?.source === 'self').length;
    }),
  );
}

/**
 * Deletes every visitor's data on this phone: profiles, declarations, own check-ins (sent or not),
 * the anonymous registration and the cached poster key. A guard enrolment and guard scans stay.
 */
export async function deleteVisitorData(): Promise<void> {
  const db = appDb();
  await withDbRetry(() =>
    db.transaction('rw', [db.profiles, db.declarations, db.checkins, db.outbox, db.rejected, db.meta], async () => {
      await db.profiles.clear();
      await db.declarations.clear();
      const own = await db.checkins.filter((row) => row.source === 'self').primaryKeys();
      await db.checkins.bulkDelete(own);
      await db.outbox.bulkDelete(own);
      await db.rejected.bulkDelete(own);
      await db.meta.bulkDelete([POSTER_KEY, VISITOR_REGISTRATION]);
    }),
  );
}
