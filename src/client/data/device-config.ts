/** The guard device's cached offline kit: checkpoint details, questionnaire and district settings. */
import type { DeviceConfigResponse, Questionnaire } from '../../shared/protocol';
import { DEFAULT_QUESTIONNAIRE } from '../../shared/questionnaire/default';
import { appDb } from './db';
import { withDbRetry } from './retry';

export type DeviceConfig = Omit<DeviceConfigResponse, 'serverTime'> & { fetchedAt: number };

const KEY = 'deviceConfig';
const QUESTIONNAIRE_KEY = 'questionnaire';
const REVOKED_KEY = 'deviceRevokedAt';

/** The last configuration the server sent, or null before the first fetch. */
export async function getDeviceConfig(): Promise<DeviceConfig | null> {
  const row = await withDbRetry(() => appDb().meta.get(KEY));
  return row ? (row.value as DeviceConfig) : null;
}

/** Stores a fresh configuration from the server (and its questionnaire as the one in force). */
export async function saveDeviceConfig(config: DeviceConfig): Promise<void> {
  await withDbRetry(() =>
    appDb().transaction('rw', appDb().meta, async () => {
      await appDb().meta.put({ key: KEY, value: config });
      await appDb().meta.put({ key: QUESTIONNAIRE_KEY, value: config.questionnaire });
      // The server answered this device's token: it is not (or no longer) revoked.
      await appDb().meta.delete(REVOKED_KEY);
    }),
  );
}

/** The questionnaire in force on this device: the last one received, else the built-in default. */
export async function getQuestionnaire(): Promise<Questionnaire> {
  const row = await withDbRetry(() => appDb().meta.get(QUESTIONNAIRE_KEY));
  return row ? (row.value as Questionnaire) : DEFAULT_QUESTIONNAIRE;
}

/** Stores a questionnaire fetched from the public endpoint (visitor phones). */
export async function saveQuestionnaire(questionnaire: Questionnaire): Promise<void> {
  await withDbRetry(() => appDb().meta.put({ key: QUESTIONNAIRE_KEY, value: questionnaire }));
}

/** Records that the server refused this device as revoked (its queue stays; the guard screen says so). */
export async function markDeviceRevoked(at: number): Promise<void> {
  await withDbRetry(() => appDb().meta.put({ key: REVOKED_KEY, value: at }));
}

/** When the server last said this device is revoked, or null while it is not. */
export async function getDeviceRevokedAt(): Promise<number | null> {
  const row = await withDbRetry(() => appDb().meta.get(REVOKED_KEY));
  return typeof row?.value === 'number' ? row.value : null;
}
