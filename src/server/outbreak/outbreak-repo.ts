/**
 * Outbreak storage: cases with their kept trace snapshot, contacts, follow-ups and daily entries, and
 * the district's outbreak settings (keys `outbreak.*`, stored through db/settings-repo). The only SQL of the feature.
 */
import type { Selectable } from 'kysely';
import type { OutbreakEntriesTable } from '../db/schema';
import type { Db } from '../db/database';
import { readSettingValues, writeSettingValues } from '../db/settings-repo';
import type { ContactEntry, ContactPlace } from '../../shared/tracing-api';
import {
  DEFAULT_OUTBREAK_SETTINGS,
  type CaseContact,
  type ContactStatus,
  type Followup,
  type FollowupEntry,
  type FollowupEntryInput,
  type FollowupStatus,
  type IsolationPlace,
  type OutbreakCase,
  type OutbreakSettings,
  type Relationship,
  type TestResult,
  type TestType,
} from '../../shared/outbreak-api';

const PREFIX = 'outbreak.';

/** The outbreak rules in force: stored values over the defaults. */
export async function getOutbreakSettings(db: Db): Promise<OutbreakSettings> {
  const s: OutbreakSettings = { ...DEFAULT_OUTBREAK_SETTINGS, testDays: [...DEFAULT_OUTBREAK_SETTINGS.testDays] };
  for (const [stored, value] of await readSettingValues(db, PREFIX)) {
    const key = stored.slice(PREFIX.length) as keyof OutbreakSettings;
    if (key === 'testDays' && Array.isArray(value) && value.every((d) => typeof d === 'number'))
      s.testDays = value as number[];
    else if (key in s && key !== 'testDays' && typeof value === 'number') s[key] = value;
  }
  return s;
}

/** Changes some outbreak rules. */
export async function updateOutbreakSettings(db: Db, change: Partial<OutbreakSettings>): Promise<OutbreakSettings> {
  await writeSettingValues(
    db,
    Object.entries(change)
      .filter(([key, value]) => key in DEFAULT_OUTBREAK_SETTINGS && value !== undefined)
      .map(([key, value]) => [`${PREFIX}${key}`, value] as const),
  );
  return getOutbreakSettings(db);
}

/** A case as stored, with its commune. */
export interface StoredCase extends OutbreakCase {
  unitId: string | null;
}

/** Stores a new case and its snapshot. */
export async function insertCase(
  db: Db,
  c: StoredCase,
  snapshot: readonly ContactEntry[],
  by: string | null,
  at: number,
): Promise<void> {
  await db
    .insertInto('outbreak_cases')
    .values({
      id: c.id,
      person_id: c.personId,
      person_keys: JSON.stringify(c.personKeys),
      name: c.name,
      phone: c.phone,
      address: c.address,
      unit_id: c.unitId,
      confirmed_at: c.confirmedAt,
      test_type: c.testType,
      onset_at: c.onsetAt,
      isolation: c.isolation,
      window_start: c.window.start,
      window_end: c.window.end,
      snapshot: JSON.stringify(snapshot),
      snapshot_at: c.snapshotAt,
      from_followup_id: c.fromFollowupId,
      parent_case_id: c.parentCaseId,
      created_at: at,
      created_by: by,
    })
    .execute();
}

const CASE_COLUMNS = [
  'id',
  'person_id',
  'person_keys',
  'name',
  'phone',
  'address',
  'unit_id',
  'confirmed_at',
  'test_type',
  'onset_at',
  'isolation',
  'window_start',
  'window_end',
  'snapshot_at',
  'from_followup_id',
  'parent_case_id',
] as const;

type CaseRow = {
  [K in (typeof CASE_COLUMNS)[number]]: K extends 'confirmed_at' | 'window_start' | 'window_end' | 'snapshot_at'
    ? number
    : K extends 'onset_at'
      ? number | null
      : string | null;
};

function toCase(r: CaseRow): StoredCase {
  return {
    id: r.id ?? '',
    personId: r.person_id ?? '',
    personKeys: JSON.parse(r.person_keys ?? '[]') as string[],
    name: r.name ?? '',
    phone: r.phone,
    address: r.address,
    unitId: r.unit_id,
    confirmedAt: Number(r.confirmed_at),
    testType: r.test_type as TestType,
    onsetAt: r.onset_at === null ? null : Number(r.onset_at),
    isolation: r.isolation as IsolationPlace,
    window: { start: Number(r.window_start), end: Number(r.window_end) },
    snapshotAt: Number(r.snapshot_at),
    fromFollowupId: r.from_followup_id,
    parentCaseId: r.parent_case_id,
  };
}

/** One case, or undefined. */
export async function getCase(db: Db, id: string): Promise<StoredCase | undefined> {
  const r = await db.selectFrom('outbreak_cases').select(CASE_COLUMNS).where('id', '=', id).executeTakeFirst();
  return r ? toCase(r) : undefined;
}

/** Every case, newest confirmation first. */
export async function listCases(db: Db): Promise<StoredCase[]> {
  const rows = await db
    .selectFrom('outbreak_cases')
    .select(CASE_COLUMNS)
    .orderBy('confirmed_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toCase);
}

/** The F1 list the investigation took in. */
export async function caseSnapshot(db: Db, id: string): Promise<ContactEntry[]> {
  const r = await db.selectFrom('outbreak_cases').select('snapshot').where('id', '=', id).executeTakeFirst();
  return r ? (JSON.parse(r.snapshot) as ContactEntry[]) : [];
}

/** Replaces the kept snapshot (the tracer took in a new trace). */
export async function saveSnapshot(db: Db, id: string, snapshot: readonly ContactEntry[], at: number): Promise<void> {
  await db
    .updateTable('outbreak_cases')
    .set({ snapshot: JSON.stringify(snapshot), snapshot_at: at })
    .where('id', '=', id)
    .execute();
}

/** Sets a case's infectious window. */
export async function setCaseWindow(db: Db, id: string, window: { start: number; end: number }): Promise<void> {
  await db
    .updateTable('outbreak_cases')
    .set({ window_start: window.start, window_end: window.end })
    .where('id', '=', id)
    .execute();
}

/** Person ids that are cases already. */
export async function casePersonIds(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('outbreak_cases').select(['person_id', 'name']).execute();
  return new Map(rows.map((r) => [r.person_id, r.name]));
}

/** A contact to store. */
export type NewContact = Omit<CaseContact, 'followupId' | 'reason'> & { reason: string | null };

/** Stores contacts of a case. */
export async function insertContacts(db: Db, contacts: readonly NewContact[]): Promise<void> {
  for (let i = 0; i < contacts.length; i += 200) {
    const chunk = contacts.slice(i, i + 200);
    if (chunk.length === 0) continue;
    await db
      .insertInto('outbreak_contacts')
      .values(
        chunk.map((c) => ({
          id: c.id,
          case_id: c.caseId,
          person_id: c.personId,
          name: c.name,
          phone: c.phone,
          address: c.address,
          origin: c.origin,
          relationship: c.relationship,
          status: c.status,
          reason: c.reason,
          overlap_min: c.overlapMin,
          last_exposure: c.lastExposure,
          places: JSON.stringify(c.places),
          basis: c.basis,
          decided_at: null,
          decided_by: null,
        })),
      )
      .execute();
  }
}

const CONTACT_COLUMNS = [
  'c.id',
  'c.case_id',
  'c.person_id',
  'c.name',
  'c.phone',
  'c.address',
  'c.origin',
  'c.relationship',
  'c.status',
  'c.reason',
  'c.overlap_min',
  'c.last_exposure',
  'c.places',
  'c.basis',
  'f.id as followup_id',
] as const;

function contactsQuery(db: Db) {
  return db
    .selectFrom('outbreak_contacts as c')
    .leftJoin('outbreak_followups as f', 'f.contact_id', 'c.id')
    .select(CONTACT_COLUMNS);
}

type ContactRow = Awaited<ReturnType<ReturnType<typeof contactsQuery>['executeTakeFirstOrThrow']>>;

function toContact(r: ContactRow): CaseContact {
  return {
    id: r.id,
    caseId: r.case_id,
    personId: r.person_id,
    name: r.name,
    phone: r.phone,
    address: r.address,
    origin: r.origin as CaseContact['origin'],
    relationship: r.relationship as Relationship | null,
    status: r.status as ContactStatus,
    reason: r.reason,
    overlapMin: Number(r.overlap_min),
    lastExposure: Number(r.last_exposure),
    places: JSON.parse(r.places) as ContactPlace[],
    basis: r.basis as CaseContact['basis'],
    followupId: r.followup_id,
  };
}

/** A case's contacts, longest exposure first. */
export async function listContacts(db: Db, caseId: string): Promise<CaseContact[]> {
  const rows = await contactsQuery(db)
    .where('c.case_id', '=', caseId)
    .orderBy('c.overlap_min', 'desc')
    .orderBy('c.name')
    .execute();
  return rows.map(toContact);
}

/** Confirmed contacts of every case (the chain). */
export async function confirmedContacts(db: Db): Promise<(CaseContact & { unitId: string | null })[]> {
  const rows = await contactsQuery(db).select('f.unit_id').where('c.status', '=', 'confirmed').execute();
  return rows.map((r) => ({ ...toContact(r), unitId: r.unit_id ?? null }));
}

/** One contact, or undefined. */
export async function getContact(db: Db, id: string): Promise<CaseContact | undefined> {
  const r = await contactsQuery(db).where('c.id', '=', id).executeTakeFirst();
  return r ? toContact(r) : undefined;
}

/** Replaces a proposed contact's exposure with a fresh trace's (a tracer took the trace in). */
export async function updateContactExposure(
  db: Db,
  id: string,
  exposure: Pick<CaseContact, 'overlapMin' | 'lastExposure' | 'places' | 'basis'>,
): Promise<void> {
  await db
    .updateTable('outbreak_contacts')
    .set({
      overlap_min: exposure.overlapMin,
      last_exposure: exposure.lastExposure,
      places: JSON.stringify(exposure.places),
      basis: exposure.basis,
    })
    .where('id', '=', id)
    .where('status', '=', 'proposed')
    .execute();
}

/** Records the tracer's decision on a proposed contact. */
export async function decideContact(
  db: Db,
  id: string,
  status: ContactStatus,
  reason: string,
  by: string,
  at: number,
): Promise<void> {
  await db
    .updateTable('outbreak_contacts')
    .set({ status, reason, decided_by: by, decided_at: at })
    .where('id', '=', id)
    .execute();
}

/** A follow-up to store. */
type NewFollowup = Omit<Followup, 'unitName' | 'endedAt' | 'lastReachedAt' | 'convertedCaseId' | 'status'> & {
  startedAt: number;
};

/** Starts a follow-up. */
export async function insertFollowup(db: Db, f: NewFollowup): Promise<void> {
  await db
    .insertInto('outbreak_followups')
    .values({
      id: f.id,
      case_id: f.caseId,
      contact_id: f.contactId,
      person_id: f.personId,
      name: f.name,
      phone: f.phone,
      address: f.address,
      unit_id: f.unitId,
      last_exposure: f.lastExposure,
      started_at: f.startedAt,
      ends_at: f.endsAt,
      status: 'active',
      ended_at: null,
      last_reached_at: null,
      converted_case_id: null,
    })
    .execute();
}

function followupsQuery(db: Db) {
  return db
    .selectFrom('outbreak_followups as f')
    .innerJoin('units as u', 'u.id', 'f.unit_id')
    .select([
      'f.id',
      'f.case_id',
      'f.contact_id',
      'f.person_id',
      'f.name',
      'f.phone',
      'f.address',
      'f.unit_id',
      'u.name as unit_name',
      'f.last_exposure',
      'f.started_at',
      'f.ends_at',
      'f.status',
      'f.ended_at',
      'f.last_reached_at',
      'f.converted_case_id',
    ]);
}

type FollowupRow = Awaited<ReturnType<ReturnType<typeof followupsQuery>['executeTakeFirstOrThrow']>>;

function toFollowup(r: FollowupRow): Followup & { startedAt: number } {
  return {
    id: r.id,
    caseId: r.case_id,
    contactId: r.contact_id,
    personId: r.person_id,
    name: r.name,
    phone: r.phone,
    address: r.address,
    unitId: r.unit_id,
    unitName: r.unit_name,
    lastExposure: Number(r.last_exposure),
    startedAt: Number(r.started_at),
    endsAt: Number(r.ends_at),
    status: r.status as FollowupStatus,
    endedAt: r.ended_at === null ? null : Number(r.ended_at),
    lastReachedAt: r.last_reached_at === null ? null : Number(r.last_reached_at),
    convertedCaseId: r.converted_case_id,
  };
}

/** One follow-up, or undefined. */
export async function getFollowup(db: Db, id: string): Promise<(Followup & { startedAt: number }) | undefined> {
  const r = await followupsQuery(db).where('f.id', '=', id).executeTakeFirst();
  return r ? toFollowup(r) : undefined;
}

/** Follow-ups of a commune (or all), optionally of one status, by name. */
export async function listFollowups(
  db: Db,
  q: { unitId?: string | null; status?: FollowupStatus },
): Promise<(Followup & { startedAt: number })[]> {
  let query = followupsQuery(db);
  if (q.unitId) query = query.where('f.unit_id', '=', q.unitId);
  if (q.status) query = query.where('f.status', '=', q.status);
  const rows = await query.orderBy('f.name').orderBy('f.id').execute();
  return rows.map(toFollowup);
}

/** What the report needs of every follow-up (optionally one commune). */
export async function followupsForReport(db: Db, unitId: string | null) {
  let q = db.selectFrom('outbreak_followups').select(['unit_id', 'started_at', 'last_exposure', 'status', 'ended_at']);
  if (unitId) q = q.where('unit_id', '=', unitId);
  const rows = await q.execute();
  return rows.map((r) => ({
    unitId: r.unit_id,
    startedAt: Number(r.started_at),
    lastExposure: Number(r.last_exposure),
    status: r.status as FollowupStatus,
    endedAt: r.ended_at === null ? null : Number(r.ended_at),
  }));
}

/** People tested per day and commune (up to a day): follow-ups with at least one entry naming a test that day. */
export async function testsByDay(
  db: Db,
  unitId: string | null,
  until: string,
): Promise<Map<string, Map<string, number>>> {
  let q = db
    .selectFrom('outbreak_entries')
    // People, not entries: a swab recorded "pending" then its result, the same day, is one test of one person.
    .select(['day', 'unit_id', (eb) => eb.fn.count<number>('followup_id').distinct().as('n')])
    .where('test_type', 'is not', null)
    .where('day', '<=', until)
    .groupBy(['day', 'unit_id']);
  if (unitId) q = q.where('unit_id', '=', unitId);
  const out = new Map<string, Map<string, number>>();
  for (const r of await q.execute()) {
    let m = out.get(r.day);
    if (!m) out.set(r.day, (m = new Map()));
    m.set(r.unit_id, Number(r.n));
  }
  return out;
}

/** Active follow-ups of these people (de-duplication of a new case's contacts). */
export async function activeFollowupsOf(db: Db, personIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < personIds.length; i += 500) {
    const chunk = personIds.slice(i, i + 500);
    if (chunk.length === 0) continue;
    const rows = await db
      .selectFrom('outbreak_followups')
      .select(['person_id', 'name'])
      .where('status', '=', 'active')
      .where('person_id', 'in', chunk)
      .execute();
    for (const r of rows) out.set(r.person_id, r.name);
  }
  return out;
}

/**
 * Ends follow-ups by the clock: lost when not reached for `lostAfterMs` (ended at that moment), completed
 * at the end of the period. Two UPDATEs; returns how many changed.
 */
export async function settleFollowups(db: Db, now: number, lostAfterMs: number): Promise<number> {
  const lost = await db
    .updateTable('outbreak_followups')
    .set((eb) => ({ status: 'lost', ended_at: eb(eb.fn.coalesce('last_reached_at', 'started_at'), '+', lostAfterMs) }))
    .where('status', '=', 'active')
    .where((eb) => eb(eb(eb.fn.coalesce('last_reached_at', 'started_at'), '+', lostAfterMs), '<=', now))
    .where((eb) => eb(eb(eb.fn.coalesce('last_reached_at', 'started_at'), '+', lostAfterMs), '<', eb.ref('ends_at')))
    .executeTakeFirst();
  const done = await db
    .updateTable('outbreak_followups')
    .set((eb) => ({ status: 'completed', ended_at: eb.ref('ends_at') }))
    .where('status', '=', 'active')
    .where('ends_at', '<=', now)
    .executeTakeFirst();
  return Number(lost.numUpdatedRows) + Number(done.numUpdatedRows);
}

/** Moves a follow-up to another commune's health station. */
export async function setFollowupUnit(db: Db, id: string, unitId: string): Promise<void> {
  await db.updateTable('outbreak_followups').set({ unit_id: unitId }).where('id', '=', id).execute();
  await db.updateTable('outbreak_entries').set({ unit_id: unitId }).where('followup_id', '=', id).execute();
}

/** Ends a follow-up because the contact became a case. */
export async function markConverted(db: Db, id: string, caseId: string, at: number): Promise<void> {
  await db
    .updateTable('outbreak_followups')
    .set({ status: 'converted', ended_at: at, converted_case_id: caseId })
    .where('id', '=', id)
    .execute();
}

/** Stores one day's call and, when reached, the last-reached time. */
export async function insertEntry(
  db: Db,
  e: { id: string; followupId: string; unitId: string; day: string; at: number; by: string } & FollowupEntryInput,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('outbreak_entries')
      .values({
        id: e.id,
        followup_id: e.followupId,
        unit_id: e.unitId,
        day: e.day,
        at: e.at,
        reached: e.reached ? 1 : 0,
        symptoms: e.symptoms,
        test_type: e.testType,
        test_result: e.testResult,
        location: e.location,
        note: e.note,
        by_user: e.by,
      })
      .execute();
    if (e.reached)
      await trx
        .updateTable('outbreak_followups')
        .set({ last_reached_at: e.at })
        .where('id', '=', e.followupId)
        .execute();
  });
}

function toEntry(r: Omit<Selectable<OutbreakEntriesTable>, 'followup_id' | 'unit_id'>): FollowupEntry {
  return {
    id: r.id,
    day: r.day,
    at: Number(r.at),
    reached: Number(r.reached) === 1,
    symptoms: r.symptoms,
    testType: r.test_type as TestType | null,
    testResult: r.test_result as TestResult | null,
    location: r.location as IsolationPlace | null,
    note: r.note,
    by: r.by_user,
  };
}

const ENTRY_COLUMNS = [
  'id',
  'followup_id',
  'day',
  'at',
  'reached',
  'symptoms',
  'test_type',
  'test_result',
  'location',
  'note',
  'by_user',
] as const;

/** A follow-up's entries, oldest first. */
export async function entriesOf(db: Db, followupId: string): Promise<FollowupEntry[]> {
  const rows = await db
    .selectFrom('outbreak_entries')
    .select(ENTRY_COLUMNS)
    .where('followup_id', '=', followupId)
    .orderBy('at')
    .execute();
  return rows.map(toEntry);
}

/** The latest entry of each follow-up of a commune on one day. */
export async function entriesOnDay(db: Db, day: string, unitId: string | null): Promise<Map<string, FollowupEntry>> {
  let q = db.selectFrom('outbreak_entries').select(ENTRY_COLUMNS).where('day', '=', day);
  if (unitId) q = q.where('unit_id', '=', unitId);
  const out = new Map<string, FollowupEntry>();
  for (const r of await q.orderBy('at').execute()) out.set(r.followup_id, toEntry(r));
  return out;
}

/**
 * Retention: deletes follow-ups (with their entries) that ended before `cutoff`, then cases none of
 * whose follow-ups remain and whose window ended before the cutoff (their contacts go with them).
 */
export async function purgeOutbreak(db: Db, cutoff: number): Promise<{ followups: number; cases: number }> {
  return db.transaction().execute(async (trx) => {
    const old = trx
      .selectFrom('outbreak_followups')
      .select('id')
      .where('status', '!=', 'active')
      .where('ended_at', '<', cutoff);
    await trx.deleteFrom('outbreak_entries').where('followup_id', 'in', old).execute();
    const f = await trx
      .deleteFrom('outbreak_followups')
      .where('status', '!=', 'active')
      .where('ended_at', '<', cutoff)
      .executeTakeFirst();
    const gone = trx
      .selectFrom('outbreak_cases as c')
      .select('c.id')
      .where('c.window_end', '<', cutoff)
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('outbreak_followups as f').select('f.id').whereRef('f.case_id', '=', 'c.id'))),
      );
    const ids = (await gone.execute()).map((r) => r.id);
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      await trx.deleteFrom('outbreak_contacts').where('case_id', 'in', chunk).execute();
      await trx.deleteFrom('outbreak_cases').where('id', 'in', chunk).execute();
    }
    return { followups: Number(f.numDeletedRows), cases: ids.length };
  });
}

/** The commune of a checkpoint, or null. */
export async function checkpointUnit(db: Db, checkpointId: string): Promise<string | null> {
  const r = await db.selectFrom('checkpoints').select('unit_id').where('id', '=', checkpointId).executeTakeFirst();
  return r?.unit_id ?? null;
}
