/**
 * Person corrections from guard devices (a garbled name fixed, a phone added). Check-in rows are never
 * rewritten: tracing lays the latest correction of a person key over the details it shows.
 */
import { sql } from 'kysely';
import { foldVietnamese } from '../../shared/text/fold';
import type { StoredCorrection } from '../domain/correction';
import type { Db } from './database';

const IN_CHUNK = 500;

/** The corrected details of a person key, and what the check-in said before. */
interface PersonCorrection {
  name: string;
  phone: string | null;
  address: string | null;
}

/** Inserts corrections, ignoring ids already stored; returns the ids inserted now. */
export async function insertCorrections(db: Db, items: readonly StoredCorrection[]): Promise<Set<string>> {
  const inserted = new Set<string>();
  for (let i = 0; i < items.length; i += IN_CHUNK) {
    const rows = await db
      .insertInto('person_corrections')
      .values(
        items.slice(i, i + IN_CHUNK).map((c) => ({
          id: c.id,
          checkin_id: c.checkinId,
          person_key: c.personKey,
          checkpoint_id: c.checkpointId,
          device_id: c.deviceId,
          name: c.name,
          name_folded: foldVietnamese(c.name),
          phone: c.phone,
          address: c.address,
          device_time: c.deviceTime,
          corrected_time: c.correctedTime,
          received_at: c.receivedAt,
        })),
      )
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .execute();
    for (const r of rows) inserted.add(r.id);
  }
  return inserted;
}

/** The latest correction of each of these person keys (later corrections win field by field). */
async function latestCorrections(db: Db, keys: readonly string[]): Promise<Map<string, PersonCorrection>> {
  const out = new Map<string, PersonCorrection>();
  for (let i = 0; i < keys.length; i += IN_CHUNK) {
    const rows = await db
      .selectFrom('person_corrections')
      .select(['person_key', 'name', 'phone', 'address'])
      .where('person_key', 'in', keys.slice(i, i + IN_CHUNK))
      .orderBy('corrected_time', 'asc')
      .orderBy('id', 'asc')
      .execute();
    for (const r of rows) {
      const known = out.get(r.person_key);
      out.set(r.person_key, {
        name: r.name,
        phone: r.phone ?? known?.phone ?? null,
        address: r.address ?? known?.address ?? null,
      });
    }
  }
  return out;
}

/** Details a tracer sees: the corrected name, phone and address, the name as received kept in `originalName`. */
export async function withCorrections<
  T extends { personKey: string; name: string; phone: string | null; address: string | null },
>(db: Db, details: Map<string, T>): Promise<Map<string, T & { originalName?: string }>> {
  const fixes = await latestCorrections(db, [...details.keys()]);
  const out = new Map<string, T & { originalName?: string }>();
  for (const [key, d] of details) {
    const fix = fixes.get(key);
    if (!fix) {
      out.set(key, d);
      continue;
    }
    const corrected: T & { originalName?: string } = {
      ...d,
      name: fix.name,
      phone: fix.phone ?? d.phone,
      address: fix.address ?? d.address,
    };
    if (fix.name !== d.name) corrected.originalName = d.name;
    out.set(key, corrected);
  }
  return out;
}

/** Person keys whose corrected name contains `compact` (folded, spaces removed), for the tracer's name search. */
export async function keysWithCorrectedName(db: Db, compact: string, limit = 100): Promise<string[]> {
  const rows = await db
    .selectFrom('person_corrections')
    .select('person_key')
    .distinct()
    // LIKE wildcards in the search are literal characters (escaped, as in the check-in search).
    .where(
      sql<boolean>`replace(name_folded, ' ', '') like ${`%${compact.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`,
    )
    .limit(limit)
    .execute();
  return rows.map((r) => r.person_key);
}
