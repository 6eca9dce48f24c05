/** District settings (repeat-scan window, retention…), stored as JSON values by key with defaults. */
import type { Db } from './database';

export interface DistrictSettings {
  /** Minutes within which a second scan of the same person is not a new check-in. */
  repeatWindowMin: number;
  /** Days check-ins are kept, on the server and (synced ones) on devices. */
  retentionDays: number;
}

export const DEFAULT_SETTINGS: DistrictSettings = { repeatWindowMin: 10, retentionDays: 28 };

/** The settings in force: stored values over the defaults. */
export async function getSettings(db: Db): Promise<DistrictSettings> {
  const rows = await db.selectFrom('district_settings').select(['key', 'value']).execute();
  const settings: DistrictSettings = { ...DEFAULT_SETTINGS };
  for (const row of rows) {
    if (row.key in settings) {
      const value: unknown = JSON.parse(row.value);
      if (typeof value === 'number' && Number.isFinite(value)) settings[row.key as keyof DistrictSettings] = value;
    }
  }
  return settings;
}

/** Changes settings (only the keys given). */
export async function updateSettings(db: Db, change: Partial<DistrictSettings>): Promise<DistrictSettings> {
  await db.transaction().execute(async (trx) => {
    for (const [key, value] of Object.entries(change)) {
      if (!(key in DEFAULT_SETTINGS) || value === undefined) continue;
      await trx
        .insertInto('district_settings')
        .values({ key, value: JSON.stringify(value) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) }))
        .execute();
    }
  });
  return getSettings(db);
}
