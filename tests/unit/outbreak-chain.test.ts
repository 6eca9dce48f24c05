/** The chain of transmission built from cases and confirmed contacts (`server/outbreak/chain.ts`), with its filters. */
import { describe, expect, it } from 'vitest';
import { buildChain, type ChainCase, type ChainContact } from '../../src/server/outbreak/chain';

const day = (d: number, h = 3) => Date.UTC(2026, 10, d, h);
const kase = (id: string, unitId: string | null, confirmedDay: number): ChainCase => ({
  id: `case-${id}`,
  personId: `p-${id}`,
  name: id,
  unitId,
  unitName: unitId ?? '',
  confirmedAt: day(confirmedDay),
});
const contact = (caseId: string, person: string, exposedDay: number, unitId = 'DL'): ChainContact => ({
  id: `${caseId}-${person}`,
  caseId: `case-${caseId}`,
  personId: `p-${person}`,
  name: person,
  unitId,
  unitName: unitId,
  relationship: null,
  checkpointName: 'Chợ Nưa',
  exposedAt: day(exposedDay),
});

// An (DL) met Binh and Em on 27 Nov; Em became a case (NUA) and met Giang on 29 Nov; Hoa (TT) is a case alone.
const cases = [kase('An', 'DL', 28), kase('Em', 'NUA', 30), kase('Hoa', 'TT', 29)];
const contacts = [contact('An', 'Binh', 27), contact('An', 'Em', 27), contact('Em', 'Giang', 29, 'TT')];
const ids = (chain: ReturnType<typeof buildChain>) => chain.nodes.map((n) => `${n.name}:${n.cluster}`).sort();

describe('chain of transmission', () => {
  it('joins cases linked through contacts into one cluster; a lone case is its own', () => {
    const chain = buildChain(cases, contacts);
    expect(ids(chain)).toEqual(['An:C1', 'Binh:C1', 'Em:C1', 'Giang:C1', 'Hoa:C2']);
    expect(chain.edges.map((e) => [e.source, e.target, e.checkpointName, e.date])).toEqual([
      ['p-An', 'p-Binh', 'Chợ Nưa', '2026-11-27'],
      ['p-An', 'p-Em', 'Chợ Nưa', '2026-11-27'],
      ['p-Em', 'p-Giang', 'Chợ Nưa', '2026-11-29'],
    ]);
    expect(chain.nodes.find((n) => n.name === 'Em')?.kind).toBe('case');
  });

  it('filters by date: edges in range and their ends, and the cases confirmed in range', () => {
    const chain = buildChain(cases, contacts, { from: '2026-11-29', to: '2026-11-30' });
    expect(chain.edges.map((e) => e.id)).toEqual(['Em-Giang']);
    // Hoa was confirmed on 29 Nov with no contact: a date filter alone must still show her.
    expect(chain.nodes.map((n) => n.name).sort()).toEqual(['Em', 'Giang', 'Hoa']);
  });

  it('filters by commune: edges touching it, and its own cases', () => {
    const chain = buildChain(cases, contacts, { unitId: 'TT' });
    expect(chain.edges.map((e) => e.id)).toEqual(['Em-Giang']);
    expect(chain.nodes.map((n) => n.name).sort()).toEqual(['Em', 'Giang', 'Hoa']);
  });
});
