/** District settings (repeat-scan window, retention, risk at the door…), stored as JSON values by key with defaults. */
import type { DistrictSettings } from '../../shared/console-api/answers';
import type { Db } from './database';

const DEFAULT_SETTINGS: DistrictSettings = {
  repeatWindowMin: 10,
  retentionDays: 28,
  declarationValidDays: 1,
  riskInstruction: '',
  healthPhone: '',
};

/** The stored setting values whose keys start with `prefix` (all when ''), JSON-parsed, by key. */
export async function readSettingValues(db: Db, prefix = ''): Promise<Map<string, unknown>> {
  let query = db.selectFrom('district_settings').select(['key', 'value']);
  if (prefix) query = query.where('key', 'like', `${prefix}%`);
  const rows = await query.execute();
  return new Map(rows.map((row) => [row.key, JSON.parse(row.value) as unknown]));
}

/** Stores setting values by key, in one transaction (the one writer of district_settings). */
export async function writeSettingValues(db: Db, values: readonly (readonly [string, unknown])[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const [key, value] of values) {
      const json = JSON.stringify(value);
      await trx
        .insertInto('district_settings')
        .values({ key, value: json })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: json }))
        .execute();
    }
  });
}

/** The settings in force: stored values over the defaults (a stored value of the wrong type is ignored). */
export async function getSettings(db: Db): Promise<DistrictSettings> {
  const settings: DistrictSettings = { ...DEFAULT_SETTINGS };
  const target = settings as unknown as Record<string, number | string>;
  for (const [key, value] of await readSettingValues(db)) {
    if (!(key in settings)) continue;
    const expected = typeof DEFAULT_SETTINGS[key as keyof DistrictSettings];
    if (expected === 'number' && typeof value === 'number' && Number.isFinite(value)) target[key] = value;
    if (expected === 'string' && typeof value === 'string') target[key] = value;
  }
  return settings;
}

/** Changes settings (only the keys given). */
export async function updateSettings(db: Db, change: Partial<DistrictSettings>): Promise<DistrictSettings> {
  await writeSettingValues(
    db,
    Object.entries(change).filter(([key, value]) => key in DEFAULT_SETTINGS && value !== undefined),
  );
  return getSettings(db);
}
