/**
 * `district-key list|rotate`: the district key pairs check-ins are sealed to (files, not database rows).
 * `rotate` makes a new current key; devices pick it up with their next configuration, old keys stay.
 */
import { serverEnv } from '../env';
import { join, resolve } from 'node:path';
import { createDistrictKey, listDistrictKeys } from '../sealed/district-keys';

/** The key directory of a data directory: `DISTRICT_KEY_DIR`, else `<data>/district-keys`. */
export function districtKeyDirIn(dataDir: string): string {
  return serverEnv().districtKeyDir ?? join(resolve(dataDir), 'district-keys');
}

/** Runs `district-key <action>`; returns the exit code. */
export async function districtKeyCommand(dataDir: string, action: string | undefined): Promise<number> {
  const dir = districtKeyDirIn(dataDir);
  if (action === 'rotate' || (action === 'create' && listDistrictKeys(dir).length === 0)) {
    const key = await createDistrictKey(dir);
    console.log(
      `new district key ${key.kid} in ${dir} (a running server hands it to devices after its next restart; devices seal to it from their next sync after that; keep the older files to open what they queued)`,
    );
    return 0;
  }
  if (action === 'create') {
    console.log(`${dir} already holds a district key; use "district-key rotate" for a new one`);
    return 0;
  }
  if (action !== undefined && action !== 'list') {
    console.error('district-key needs list, create or rotate');
    return 2;
  }
  const keys = listDistrictKeys(dir);
  if (keys.length === 0) console.log(`no district key in ${dir} yet (the first start makes one)`);
  keys.forEach((k, i) =>
    console.log(
      `${k.kid}\t${new Date(k.createdAt).toISOString()}\t${i === 0 ? 'current' : 'old (still opens queued items)'}`,
    ),
  );
  return 0;
}
