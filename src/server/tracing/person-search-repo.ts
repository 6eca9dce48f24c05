/**
 * The tracer's search for a case: person records by ID number, phone, name and birth year, one per person key, most
 * recently seen first. Rows stay here; callers get `PersonSighting`s.
 */
import { sql } from 'kysely';
import type { Source } from '../../shared/protocol';
import { foldVietnamese } from '../../shared/text/fold';
import type { PersonSighting } from '../../shared/console-api';
import type { Db } from '../db/database';
import { keysWithCorrectedName, withCorrections } from '../db/corrections-repo';
import { personKeysNamed } from '../db/person-names-repo';
import { latestDetails } from './tracing-repo';
import { keysSeenLast, type RowCondition } from './recent-walk-repo';

/** A search for the case. At least one of idNumber, phone, name. */
interface PersonSearch {
  idNumber?: string;
  phone?: string;
  name?: string;
  birthYear?: number;
}

/** One person key's matching check-ins, counted. */
interface Sighted {
  person_key: string;
  visits: number | string;
  first_seen: number | string;
  last_seen: number | string;
}

const IN_CHUNK = 500;
/**
 * Above this many person keys with a matching name, the directory's list is not read (nor held in memory): the walk
 * newest first answers without a budget. Measured at 10M check-ins: about 16 µs a key against 2.8 µs a check-in read.
 */
const NAMED_KEYS_MAX = 200_000;
/**
 * How many check-ins the walk may read per key the directory gave before the keys are read instead: reading a
 * check-in costs about a fifth of ordering a key by its latest check-in (NAMED_KEYS_MAX).
 */
const WALK_PER_KEY = 5;

/** Digits only; `+84…` becomes `0…`. */
function phoneDigits(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.startsWith('84') && digits.length === 11 ? `0${digits.slice(2)}` : digits;
}

/**
 * What the search asks of a check-in row, and the person keys it is limited to (null: any key). `common` is set when
 * more than NAMED_KEYS_MAX keys share the searched name, so the directory gave no list.
 */
interface Conditions {
  where: RowCondition[];
  keys: string[] | null;
  common: boolean;
}

/** Turns a search into row conditions; null when it can match nobody. */
async function conditionsOf(db: Db, q: PersonSearch): Promise<Conditions | null> {
  const out: Conditions = { where: [], keys: null, common: false };
  const id = q.idNumber?.replace(/\s/g, '');
  if (id) {
    const visible = id.slice(-6);
    out.where.push((eb) =>
      eb.or([
        eb('person_key', '=', `cccd:${id}`),
        // A row with this ID number and a CCCD key has the key above (a 12-digit number gives `cccd:<id>`), so the
        // column is asked only of the other rows, on their partial index (migration 2026_12_04_2000_person_search).
        // Literal, so the planner can prove the index applies.
        eb.and([eb('id_number', '=', id), sql<boolean>`substr(person_key, 1, 5) <> 'cccd:'`]),
        eb.and([eb('person_key', '>=', `masked:${visible}|`), eb('person_key', '<', `masked:${visible}}`)]),
      ]),
    );
  }
  if (q.phone) {
    const digits = phoneDigits(q.phone);
    const national = digits.startsWith('0') ? digits : `0${digits}`;
    const international = `+84${national.slice(1)}`;
    out.where.push((eb) =>
      eb.or([
        eb('person_key', '=', `phone:${national}`),
        eb('phone', '=', national),
        eb('phone', '=', international),
        eb('phone', '=', digits),
      ]),
    );
  }
  if (q.name) {
    const compact = foldVietnamese(q.name).replace(/ /g, '');
    if (!compact) return null; // a name of only spaces matches nobody, not everybody
    // LIKE wildcards in the search are literal characters: escaped (ESCAPE '\\' works the same on SQLite and
    // PostgreSQL).
    const pattern = `%${compact.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // A guard's correction counts too: "Trịnh Văn Đức" finds the card scanned as "Trnh Vn c".
    const fixed = await keysWithCorrectedName(db, compact);
    // The directory of names says which keys to read (null: more than NAMED_KEYS_MAX, the walk newest first answers),
    // unless an ID number or phone already narrows the rows to a few (their indexes answer; "An" lists 60 % of keys).
    const named = id || q.phone ? undefined : await personKeysNamed(db, pattern, NAMED_KEYS_MAX);
    if (named) {
      out.keys = [...new Set([...named, ...fixed])];
      if (out.keys.length === 0) return null;
    } else if (named === null) out.common = true;
    // The rows' own names decide: the directory may still hold a name whose check-ins retention has deleted.
    const like = sql<boolean>`replace(name_folded, ' ', '') like ${pattern} escape '\\'`;
    out.where.push((eb) => (fixed.length > 0 ? eb.or([like, eb('person_key', 'in', fixed)]) : like));
  }
  const year = q.birthYear;
  if (year !== undefined) out.where.push((eb) => eb('birth_year', '=', year));
  return out;
}

/** The matching check-ins per person key, of the given keys only when `keys` is set; most recently seen first. */
function sightings(db: Db, c: Conditions, keys: readonly string[] | null) {
  let query = db
    .selectFrom('checkins')
    .select((eb) => [
      'person_key',
      eb.fn.count<number>('id').as('visits'),
      eb.fn.min('corrected_time').as('first_seen'),
      eb.fn.max('corrected_time').as('last_seen'),
    ])
    .where('kind', '=', 'in');
  if (keys) query = query.where('person_key', 'in', keys);
  for (const w of c.where) query = query.where(w);
  return query.groupBy('person_key').orderBy('last_seen', 'desc');
}

/** The latest check-in of each key, any kind: no matching check-in of the key is later (the person-time index). */
async function latestOfKeys(db: Db, keys: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < keys.length; i += IN_CHUNK) {
    const rows = await db
      .selectFrom('checkins')
      .select((eb) => ['person_key', eb.fn.max('corrected_time').as('latest')])
      .where('person_key', 'in', keys.slice(i, i + IN_CHUNK))
      .groupBy('person_key')
      .execute();
    for (const r of rows) out.set(r.person_key, Number(r.latest));
  }
  return out;
}

/**
 * The `limit` most recently seen of many keys, without counting every key's check-ins: keys are read 500 at a time
 * in the order of their latest check-in, until the limit-th found was seen no earlier than the next key's latest
 * check-in (which no matching check-in of that key, or of any key after it, can pass).
 */
async function latestSightings(db: Db, c: Conditions, keys: readonly string[], limit: number): Promise<Sighted[]> {
  const latest = await latestOfKeys(db, keys);
  const order = [...latest.keys()].sort((a, b) => (latest.get(b) ?? 0) - (latest.get(a) ?? 0));
  const found: Sighted[] = [];
  for (let i = 0; i < order.length; i += IN_CHUNK) {
    found.push(...(await sightings(db, c, order.slice(i, i + IN_CHUNK)).execute()));
    found.sort((a, b) => Number(b.last_seen) - Number(a.last_seen));
    const next = order[i + IN_CHUNK];
    const kth = found[limit - 1];
    if (next === undefined || (kth && Number(kth.last_seen) >= (latest.get(next) ?? 0))) break;
  }
  return found.slice(0, limit);
}

/**
 * The `limit` most recently seen people a name search matches. A name shared by many is looked for among the last
 * check-ins first (within a budget by the number of keys, or without one when the directory has too many to list);
 * otherwise the keys are read in the order of their latest check-in.
 */
async function groupsOf(db: Db, c: Conditions, limit: number): Promise<Sighted[]> {
  if (c.common || (c.keys && c.keys.length > IN_CHUNK)) {
    const budget = c.keys ? c.keys.length * WALK_PER_KEY : Infinity;
    const keys = await keysSeenLast(db, c.where, limit, budget);
    if (keys) return keys.length === 0 ? [] : await sightings(db, c, keys).execute();
  }
  if (c.keys && c.keys.length > IN_CHUNK) return await latestSightings(db, c, c.keys, limit);
  return await sightings(db, c, c.keys).limit(limit).execute();
}

/**
 * Person records matching a search, one per person key, most recently seen first. An ID number matches
 * the CCCD key and masked national-QR keys with the same visible trailing digits; a phone matches
 * the phone column; a name matches diacritics-, case- and spacing-insensitively (a substring of the
 * folded name with spaces removed). ID numbers and phones ride indexes (migration 2026_12_04_2000_person_search); a
 * name is looked up in the directory of names first (migration 2026_12_08_0100_person_names), and a name many share
 * among the check-ins newest first (migration 2026_12_08_0300_recent_checkins; docs/tracing-at-scale.md).
 */
export async function searchPersons(db: Db, q: PersonSearch, limit = 100): Promise<PersonSighting[]> {
  const c = await conditionsOf(db, q);
  if (!c) return [];
  const groups = await groupsOf(db, c, limit);
  if (groups.length === 0) return [];

  const keys = groups.map((g) => g.person_key);
  const details = await withCorrections(db, await latestDetails(db, keys));
  const sources = await sourcesOf(db, keys);
  return groups.map((g) => {
    const d = details.get(g.person_key);
    return {
      personKey: g.person_key,
      name: d?.name ?? '',
      idNumber: d?.idNumber ?? null,
      idMasked: d?.idMasked ?? null,
      birthYear: d?.birthYear ?? null,
      phone: d?.phone ?? null,
      address: d?.address ?? null,
      ...(d?.originalName !== undefined ? { originalName: d.originalName } : {}),
      visits: Number(g.visits),
      firstSeen: Number(g.first_seen),
      lastSeen: Number(g.last_seen),
      sources: sources.get(g.person_key) ?? [],
    };
  });
}

/** The sources each key's check-ins came from, sorted. */
async function sourcesOf(db: Db, keys: readonly string[]): Promise<Map<string, Source[]>> {
  const out = new Map<string, Source[]>();
  for (let i = 0; i < keys.length; i += IN_CHUNK) {
    const rows = await db
      .selectFrom('checkins')
      .select(['person_key', 'source'])
      .distinct()
      .where('person_key', 'in', keys.slice(i, i + IN_CHUNK))
      .execute();
    for (const r of rows) out.set(r.person_key, [...(out.get(r.person_key) ?? []), r.source as Source].sort());
  }
  return out;
}
