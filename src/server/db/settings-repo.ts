/** District settings (repeat-scan window, retention, risk at the door…), stored as JSON values by key with defaults. */
import type { Db } from './database';

export interface DistrictSettings {
  /** Minutes within which a second scan of the same person is not a new check-in. */
  repeatWindowMin: number;
  /** Days check-ins are kept, on the server and (synced ones) on devices. */
  retentionDays: number;
  /** Risk at the door: a declaration is valid this many days (1 = only on the day it was made). */
  declarationValidDays: number;
  /** Risk at the door: what a person with a risk signal is told (empty = the app's default sentence). */
  riskInstruction: string;
  /** Risk at the door: the health station's phone a person with a risk signal should call. */
  healthPhone: string;
}

export const DEFAULT_SETTINGS: DistrictSettings = {
  repeatWindowMin: 10,
  retentionDays: 28,
  declarationValidDays: 1,
  riskInstruction: '',
  healthPhone: '',
};

/** The settings in force: stored values over the defaults (a stored value of the wrong type is ignored). */
export async function getSettings(db: Db): Promise<DistrictSettings> {
  const rows = await db.selectFrom('district_settings').select(['key', 'value']).execute();
  const settings: DistrictSettings = { ...DEFAULT_SETTINGS };
  const target = settings as unknown as Record<string, number | string>;
  for (const row of rows) {
    if (!(row.key in settings)) continue;
    const value: unknown = JSON.parse(row.value);
    const expected = typeof DEFAULT_SETTINGS[row.key as keyof DistrictSettings];
    if (expected === 'number' && typeof value === 'number' && Number.isFinite(value)) target[row.key] = value;
    if (expected === 'string' && typeof value === 'string') target[row.key] = value;
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
