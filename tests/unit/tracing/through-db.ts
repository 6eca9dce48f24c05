/** Tracing tests' bridge to the real data layer: stored check-ins written to SQLite and read back as tracing does. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCheckinWriter, packCheckins } from '../../../src/server/db/checkins-repo';
import { insertCheckpoint } from '../../../src/server/db/checkpoints-repo';
import { openDatabase } from '../../../src/server/db/database';
import { insertDevice } from '../../../src/server/db/devices-repo';
import { migrateToLatest } from '../../../src/server/db/migrate';
import { insertUnit } from '../../../src/server/db/units-repo';
import type { StoredCheckIn } from '../../../src/server/domain/types';
import { eventsOfPersons } from '../../../src/server/tracing/tracing-repo';
import type { TraceEvent } from '../../../src/server/tracing/types';

/** Stores check-ins in a fresh SQLite file and reads them back as the tracing service does (eventsOfPersons). */
export async function throughDatabase(stored: StoredCheckIn[]): Promise<TraceEvent[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tram-qr-overlap-'));
  const db = openDatabase(join(dir, 'checkpoints.sqlite'));
  try {
    await migrateToLatest(db);
    await insertUnit(db, { id: 'u', parentId: null, level: 'commune', name: 'Xã', code: 'X' });
    for (const id of new Set(stored.map((c) => c.checkpointId))) {
      await insertCheckpoint(db, {
        id,
        code: id,
        unitId: 'u',
        name: id,
        type: 'office',
        address: '',
        contactName: null,
        contactPhone: null,
        defaultStayMin: 60,
        status: 'open',
        createdAt: 0,
      });
    }
    for (const c of stored) {
      if (c.deviceId === 'd')
        await insertDevice(
          db,
          { id: 'd', checkpointId: c.checkpointId, label: null, appVersion: 't', enrolledAt: 0 },
          'hash',
        ).catch(() => undefined);
    }
    await db.transaction().execute((trx) => createCheckinWriter().insertNew(trx, packCheckins(stored)));
    const events = await eventsOfPersons(db, [...new Set(stored.map((c) => c.personKey))], 0, Number.MAX_SAFE_INTEGER);
    return stored.map((c) => events.find((e) => e.id === c.id)!);
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
