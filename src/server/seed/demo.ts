/**
 * Seeds the demo region into an empty database, once.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../db/database';
import { insertCheckpoint } from '../db/checkpoints-repo';
import { countUnits, insertUnit } from '../db/units-repo';
import type { AdministrativeUnit } from '../domain/types';
import { DEMO_CHECKPOINTS, DEMO_COMMUNES, DEMO_DISTRICT, DEMO_PROVINCE } from './demo-data';

/**
 * Creates the demo province, district, communes and checkpoints when the database has no units. True when it seeded.
 */
export async function seedDemo(db: Db, now: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if ((await countUnits(trx)) > 0) return false;

    const province: AdministrativeUnit = { id: uuidv7(), parentId: null, level: 'province', ...DEMO_PROVINCE };
    const district: AdministrativeUnit = { id: uuidv7(), parentId: province.id, level: 'district', ...DEMO_DISTRICT };
    await insertUnit(trx, province);
    await insertUnit(trx, district);

    const communeIds = new Map<string, string>();
    for (const commune of DEMO_COMMUNES) {
      const id = uuidv7();
      communeIds.set(commune.code, id);
      await insertUnit(trx, {
        id,
        parentId: district.id,
        level: 'commune',
        name: commune.name,
        code: `TS-${commune.code}`,
      });
    }

    for (const cp of DEMO_CHECKPOINTS) {
      const unitId = communeIds.get(cp.communeCode);
      if (!unitId) throw new Error(`demo checkpoint ${cp.code} names unknown commune ${cp.communeCode}`);
      await insertCheckpoint(trx, {
        id: uuidv7(),
        code: cp.code,
        unitId,
        name: cp.name,
        type: cp.type,
        address: cp.address,
        contactName: cp.contactName,
        contactPhone: cp.contactPhone,
        defaultStayMin: cp.defaultStayMin,
        status: 'open',
        createdAt: now,
      });
    }
    return true;
  });
}
