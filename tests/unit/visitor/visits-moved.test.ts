/** The visitor's own list: a check-in at another poster ends the visit still open elsewhere. */
import { describe, expect, it } from 'vitest';
import type { LocalCheckIn } from '../../../src/client/data';
import { toVisits } from '../../../src/client/visitor/visits';
import { makeCheckIn } from '../../support/make-checkin';

const T0 = Date.UTC(2026, 10, 28, 2, 0, 0);
const person = { name: 'Phạm Thị Hương', visitorId: 'k3m9x2p7qa' };
const local = (checkpointId: string, place: string, at: number): LocalCheckIn => ({
  checkIn: {
    ...makeCheckIn(0),
    source: 'self',
    checkpointId,
    deviceTime: at,
    person,
    proof: { code: checkpointId, name: place, sig: 'A'.repeat(86) },
  },
  status: 'synced',
  savedAt: at,
});

describe('visitor visits', () => {
  it('ends the market visit when the same person checks in at the commune office 20 minutes later', () => {
    const visits = toVisits(
      [local('cp-cho', 'Chợ Nưa', T0), local('cp-ubnd', 'UBND xã Dân Lực', T0 + 20 * 60_000)],
      T0 + 25 * 60_000,
    );
    const market = visits.find((v) => v.place === 'Chợ Nưa');
    expect(market).toMatchObject({
      movedTo: { place: 'UBND xã Dân Lực', at: T0 + 20 * 60_000 },
      endedByDefault: false,
    });
    expect(visits.find((v) => v.place === 'UBND xã Dân Lực')).toMatchObject({ movedTo: null, leftAt: null });
  });

  it('leaves another household member’s visit open', () => {
    const other = { ...local('cp-ubnd', 'UBND xã Dân Lực', T0 + 10 * 60_000) };
    other.checkIn = { ...other.checkIn, person: { name: 'Nguyễn Văn Bé', visitorId: 'b7m9x2p7qa' } };
    const visits = toVisits([local('cp-cho', 'Chợ Nưa', T0), other], T0 + 15 * 60_000);
    expect(visits.find((v) => v.place === 'Chợ Nưa')?.movedTo).toBeNull();
  });
});
