/**
 * Issue 14: a phone a guard adds at the door is remembered for the day, encrypted, and gone the next day or on a wipe.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { AppDb, appDb, rememberPhone, rememberedPhone, useDatabase, wipeDevice } from '../../../src/client/data';
import { purgeOldPhones } from '../../../src/client/data/day-phones';

const PERSON = { name: 'Lương Văn Khải', idNumber: '038060008888' };
const MORNING = new Date(2026, 11, 2, 8, 0).getTime();
let n = 0;
beforeEach(() => useDatabase(new AppDb(`day-phones-${++n}`)));

/** Everything the meta table holds, as text (what somebody copying the storage would read). */
async function metaText(): Promise<string> {
  const rows = await appDb().meta.toArray();
  return JSON.stringify(rows, (_k, v: unknown) => (v instanceof CryptoKey ? '[CryptoKey]' : v));
}

describe('phones added at the door', () => {
  it('comes back for the same card later today, and is nowhere readable in storage', async () => {
    await rememberPhone(PERSON, '0915 222 333', MORNING);
    expect(await rememberedPhone(PERSON, MORNING + 3_600_000)).toBe('0915 222 333');
    expect(await rememberedPhone({ name: 'Người khác', idNumber: '038060009999' }, MORNING)).toBeUndefined();
    const text = await metaText();
    expect(text).toContain('dayPhones');
    expect(text).not.toContain('0915');
    expect(text).not.toContain('222 333');
    expect(text).not.toContain(PERSON.idNumber);
  });

  it('is forgotten the next day, key and all, and on a revocation wipe', async () => {
    await rememberPhone(PERSON, '0915 222 333', MORNING);
    const tomorrow = MORNING + 24 * 3_600_000;
    expect(await rememberedPhone(PERSON, tomorrow)).toBeUndefined();
    await purgeOldPhones(tomorrow);
    expect(await appDb().meta.bulkGet(['dayPhones', 'dayPhoneKey'])).toEqual([undefined, undefined]);

    await rememberPhone(PERSON, '0915 222 333', tomorrow);
    await wipeDevice(tomorrow);
    expect(await appDb().meta.bulkGet(['dayPhones', 'dayPhoneKey'])).toEqual([undefined, undefined]);
  });
});
