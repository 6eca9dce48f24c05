/**
 * Outbreak use cases: register a case from the trace, keep its snapshot and take in changes, decide
 * contacts, follow confirmed F1 at their commune's health station, convert a positive contact into a
 * case (its own F1, de-duplicated), and the call list. Errors are `OutbreakError` with a reason code.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../db/database';
import { latestDetails } from '../tracing/tracing-repo';
import { listMerges } from '../tracing/merges-repo';
import { listUnits } from '../db/units-repo';
import { traceCase } from '../tracing/tracing-service';
import { identitiesFrom } from '../tracing/identity';
import type { ContactEntry } from '../../shared/tracing-api';
import type {
  AlreadyKnown,
  CallList,
  CaseContact,
  FollowupEntryInput,
  Investigation,
  IsolationPlace,
  OutbreakSettings,
  TestType,
  TraceChanges,
} from '../../shared/outbreak-api';
import { communeOfAddress } from './address-match';
import { outbreakDict } from '../i18n/dict-outbreak';
import { basisOf } from './basis';
import { DAY_MS, dayKey, followupDay, followupEnd, infectiousWindow } from './days';
import * as repo from './outbreak-repo';
import { diffSnapshot } from './snapshot-diff';

/** A refused use case: HTTP status, reason code and an English message (the console translates the code). */
export class OutbreakError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface CaseInput {
  confirmedAt: number;
  testType: TestType;
  onsetAt: number | null;
  isolation: IsolationPlace;
  isolatedAt?: number | null;
}

function toCaseContact(caseId: string, c: ContactEntry): repo.NewContact {
  const last = Math.max(0, ...c.places.map((p) => p.last));
  return {
    id: uuidv7(),
    caseId,
    personId: c.personId,
    name: c.name,
    phone: c.phone,
    address: c.address,
    origin: 'trace',
    relationship: null,
    status: 'proposed',
    reason: null,
    overlapMin: c.overlapMin,
    lastExposure: last,
    places: c.places,
    basis: basisOf(c),
  };
}

/** People of a trace who are cases already or followed already: not proposed again. */
async function knownPeople(db: Db, f1: readonly ContactEntry[]): Promise<Map<string, AlreadyKnown>> {
  const cases = await repo.casePersonIds(db);
  const followed = await repo.activeFollowupsOf(
    db,
    f1.map((c) => c.personId),
  );
  const out = new Map<string, AlreadyKnown>();
  for (const c of f1) {
    if (cases.has(c.personId)) out.set(c.personId, { personId: c.personId, name: c.name, as: 'case' });
    else if (followed.has(c.personId)) out.set(c.personId, { personId: c.personId, name: c.name, as: 'followed' });
  }
  return out;
}

async function openCase(
  db: Db,
  personKeys: readonly string[],
  input: CaseInput,
  link: { fromFollowupId: string | null; parentCaseId: string | null; unitId: string | null },
  by: string,
  now: number,
): Promise<string> {
  const settings = await repo.getOutbreakSettings(db);
  const ids = identitiesFrom(await listMerges(db));
  const keys = [...new Set(personKeys.flatMap((k) => ids.keysOf(k)))].sort();
  const personId = ids.groupOf(keys[0] ?? '');
  if ((await repo.casePersonIds(db)).has(personId))
    throw new OutbreakError(409, 'already_case', 'This person is already a confirmed case.');
  const details = [...(await latestDetails(db, keys)).values()];
  if (details.length === 0) throw new OutbreakError(404, 'unknown_person', 'No check-in carries these person keys.');
  const pick = (k: 'phone' | 'address') => details.map((d) => d[k]).find((x) => x) ?? null;
  const window = infectiousWindow(
    { confirmedAt: input.confirmedAt, onsetAt: input.onsetAt, isolatedAt: input.isolatedAt ?? null },
    settings,
  );
  const trace = await traceCase(db, { personKeys: keys, from: window.start, to: window.end });
  const units = await listUnits(db);
  const id = uuidv7();
  const address = pick('address');
  await repo.insertCase(
    db,
    {
      id,
      personId,
      personKeys: keys,
      name: details[0]?.name ?? '',
      phone: pick('phone'),
      address,
      unitId: link.unitId ?? communeOfAddress(address, units) ?? (await communeOfLongestStay(db, trace.timeline)),
      confirmedAt: input.confirmedAt,
      testType: input.testType,
      onsetAt: input.onsetAt,
      isolation: input.isolation,
      window,
      snapshotAt: now,
      fromFollowupId: link.fromFollowupId,
      parentCaseId: link.parentCaseId,
    },
    trace.f1,
    by,
    now,
  );
  const known = await knownPeople(db, trace.f1);
  await repo.insertContacts(
    db,
    trace.f1.filter((c) => !known.has(c.personId) && c.personId !== personId).map((c) => toCaseContact(id, c)),
  );
  return id;
}

/**
 * The reason a proposed contact is dismissed with when a fresh trace no longer finds them (Vietnamese: shown as is).
 */
const NO_LONGER_TRACED = outbreakDict['contact.noLongerTraced'].vi;

/** Registers a confirmed case (F0) from person keys found in tracing search; its F1 become proposed contacts. */
export async function registerCase(
  db: Db,
  personKeys: readonly string[],
  input: CaseInput,
  by: string,
  now: number,
): Promise<string> {
  return openCase(db, personKeys, input, { fromFollowupId: null, parentCaseId: null, unitId: null }, by, now);
}

/** A case with its contacts and the people of its snapshot already known elsewhere. */
export async function investigation(db: Db, caseId: string): Promise<Investigation> {
  const c = await repo.getCase(db, caseId);
  if (!c) throw new OutbreakError(404, 'not_found', 'There is no such case.');
  const contacts = await repo.listContacts(db, caseId);
  const listed = new Set(contacts.map((x) => x.personId));
  const snapshot = (await repo.caseSnapshot(db, caseId)).filter(
    (x) => !listed.has(x.personId) && x.personId !== c.personId,
  );
  const cases = await repo.casePersonIds(db);
  const alreadyKnown = snapshot.map((x): AlreadyKnown => ({
    personId: x.personId,
    name: x.name,
    as: cases.has(x.personId) ? 'case' : 'followed',
  }));
  return { case: c, contacts, alreadyKnown };
}

/** What a fresh trace of the case would change in the kept snapshot (nothing is changed). */
export async function traceChanges(db: Db, caseId: string): Promise<{ changes: TraceChanges; fresh: ContactEntry[] }> {
  const c = await repo.getCase(db, caseId);
  if (!c) throw new OutbreakError(404, 'not_found', 'There is no such case.');
  const fresh = (await traceCase(db, { personKeys: c.personKeys, from: c.window.start, to: c.window.end })).f1;
  return { changes: diffSnapshot(await repo.caseSnapshot(db, caseId), fresh), fresh };
}

/**
 * Takes a fresh trace in: new people become proposed contacts; a proposed contact whose exposure changed
 * gets the fresh one; one the trace no longer finds is dismissed with that reason. Decided contacts keep
 * their decision (a confirmed F1 stays followed); the snapshot is replaced.
 */
export async function takeInChanges(db: Db, caseId: string, by: string, now: number): Promise<TraceChanges> {
  const { changes, fresh } = await traceChanges(db, caseId);
  const c = (await repo.getCase(db, caseId))!;
  const contacts = await repo.listContacts(db, caseId);
  const listed = new Map(contacts.map((x) => [x.personId, x]));
  const known = await knownPeople(db, fresh);
  const added = new Set(changes.added.map((a) => a.personId));
  await repo.insertContacts(
    db,
    fresh
      .filter(
        (x) => added.has(x.personId) && !listed.has(x.personId) && !known.has(x.personId) && x.personId !== c.personId,
      )
      .map((x) => toCaseContact(caseId, x)),
  );
  const freshBy = new Map(fresh.map((x) => [x.personId, x]));
  for (const changed of changes.changed) {
    const contact = listed.get(changed.personId);
    const entry = freshBy.get(changed.personId);
    if (contact?.status !== 'proposed' || !entry) continue;
    const { overlapMin, lastExposure, places, basis } = toCaseContact(caseId, entry);
    await repo.updateContactExposure(db, contact.id, { overlapMin, lastExposure, places, basis });
  }
  for (const removed of changes.removed) {
    const contact = listed.get(removed.personId);
    if (contact?.status === 'proposed' && contact.origin === 'trace')
      await repo.decideContact(db, contact.id, 'dismissed', NO_LONGER_TRACED, by, now);
  }
  await repo.saveSnapshot(db, caseId, fresh, now);
  return changes;
}

/** Changes a case's infectious window (the trace is not re-run: the tracer sees the changes and takes them in). */
export async function adjustWindow(db: Db, caseId: string, window: { start: number; end: number }): Promise<void> {
  if (!(await repo.getCase(db, caseId))) throw new OutbreakError(404, 'not_found', 'There is no such case.');
  await repo.setCaseWindow(db, caseId, window);
}

/**
 * The commune of a case whose address names none: that of the checkpoint where it stayed longest in
 * its infectious window; null when it has no stay there (the report counts it apart, for the district).
 */
async function communeOfLongestStay(
  db: Db,
  timeline: readonly { checkpointId: string; start: number; end: number }[],
): Promise<string | null> {
  const main = [...timeline].sort((a, b) => b.end - b.start - (a.end - a.start))[0];
  return main ? repo.checkpointUnit(db, main.checkpointId) : null;
}

/** The commune a contact is followed in: its address, else the checkpoint of its longest exposure, else the case's. */
async function communeFor(db: Db, contact: CaseContact, caseUnitId: string | null): Promise<string | null> {
  const units = await listUnits(db);
  const byAddress = communeOfAddress(contact.address, units);
  if (byAddress) return byAddress;
  const main = [...contact.places].sort((a, b) => b.overlapMin - a.overlapMin)[0];
  if (main) {
    const unit = await repo.checkpointUnit(db, main.checkpointId);
    if (unit) return unit;
  }
  return caseUnitId;
}

async function startFollowup(
  db: Db,
  contact: CaseContact,
  settings: OutbreakSettings,
  now: number,
  unitId?: string,
): Promise<string> {
  const c = await repo.getCase(db, contact.caseId);
  const unit = unitId ?? (await communeFor(db, contact, c?.unitId ?? null));
  if (!unit) throw new OutbreakError(409, 'unit_unknown', 'The commune of this contact is not known; choose one.');
  const id = uuidv7();
  await repo.insertFollowup(db, {
    id,
    caseId: contact.caseId,
    contactId: contact.id,
    personId: contact.personId,
    name: contact.name,
    phone: contact.phone,
    address: contact.address,
    unitId: unit,
    lastExposure: contact.lastExposure,
    startedAt: now,
    endsAt: followupEnd(contact.lastExposure, settings),
  });
  return id;
}

/** Confirms (follow-up starts) or dismisses a proposed contact, with the tracer's reason. */
export async function decide(
  db: Db,
  contactId: string,
  decision: 'confirm' | 'dismiss',
  reason: string,
  by: string,
  now: number,
  unitId?: string,
): Promise<{ followupId: string | null }> {
  const contact = await repo.getContact(db, contactId);
  if (!contact) throw new OutbreakError(404, 'not_found', 'There is no such contact.');
  if (contact.status !== 'proposed')
    throw new OutbreakError(409, 'already_decided', 'This contact was decided already.');
  if (decision === 'dismiss' && reason.length < 3)
    throw new OutbreakError(400, 'reason_required', 'Say why the contact is dismissed.');
  if (decision === 'dismiss') {
    await repo.decideContact(db, contactId, 'dismissed', reason, by, now);
    return { followupId: null };
  }
  if (unitId && !(await listUnits(db)).some((u) => u.id === unitId && u.level === 'commune'))
    throw new OutbreakError(400, 'unknown_unit', 'There is no such commune.');
  const followupId = await startFollowup(db, contact, await repo.getOutbreakSettings(db), now, unitId);
  await repo.decideContact(db, contactId, 'confirmed', reason, by, now);
  return { followupId };
}

/** Adds a contact typed in by hand (e.g. a household member) as confirmed, and starts its follow-up. */
export async function addManualContact(
  db: Db,
  caseId: string,
  input: {
    name: string;
    phone: string | null;
    address: string | null;
    relationship: CaseContact['relationship'] & string;
    lastExposure: number;
    unitId?: string;
  },
  by: string,
  now: number,
): Promise<{ contactId: string; followupId: string }> {
  if (!(await repo.getCase(db, caseId))) throw new OutbreakError(404, 'not_found', 'There is no such case.');
  const contact: CaseContact = {
    id: uuidv7(),
    caseId,
    personId: `manual:${uuidv7()}`,
    name: input.name,
    phone: input.phone,
    address: input.address,
    origin: 'manual',
    relationship: input.relationship,
    status: 'proposed',
    reason: null,
    overlapMin: 0,
    lastExposure: input.lastExposure,
    places: [],
    basis: 'unknown',
    followupId: null,
  };
  await repo.insertContacts(db, [contact]);
  const { followupId } = await decide(db, contact.id, 'confirm', '', by, now, input.unitId);
  return { contactId: contact.id, followupId: followupId! };
}

/** Ends follow-ups the clock has ended (lost / completed). */
export async function settle(db: Db, now: number): Promise<void> {
  const s = await repo.getOutbreakSettings(db);
  await repo.settleFollowups(db, now, s.lostAfterDays * DAY_MS);
}

/** Today's call list of a commune (or the district): active follow-ups, the day number, test due, today's entry. */
export async function callList(db: Db, unitId: string | null, now: number): Promise<CallList> {
  await settle(db, now);
  const s = await repo.getOutbreakSettings(db);
  const day = dayKey(now);
  const rows = await repo.listFollowups(db, { unitId, status: 'active' });
  const today = await repo.entriesOnDay(db, day, unitId);
  const testDays = new Set(s.testDays);
  return {
    day,
    unitId,
    rows: rows.map(({ startedAt: _s, ...f }) => {
      const n = followupDay(f.lastExposure, day);
      return { ...f, dayNumber: n, testDue: testDays.has(n), today: today.get(f.id) ?? null };
    }),
  };
}

/** Records one day's call on an active follow-up. */
export async function addEntry(
  db: Db,
  followupId: string,
  input: FollowupEntryInput,
  by: string,
  now: number,
): Promise<string> {
  await settle(db, now);
  const f = await repo.getFollowup(db, followupId);
  if (!f) throw new OutbreakError(404, 'not_found', 'There is no such follow-up.');
  if (f.status !== 'active') throw new OutbreakError(409, 'followup_ended', 'This follow-up has ended.');
  const id = uuidv7();
  await repo.insertEntry(db, { id, followupId, unitId: f.unitId, day: dayKey(now), at: now, by, ...input });
  return id;
}

/** A positive contact becomes a case in one action: the follow-up ends as converted, the new case's F1 are proposed. */
export async function convertToCase(
  db: Db,
  followupId: string,
  input: CaseInput,
  by: string,
  now: number,
): Promise<string> {
  const f = await repo.getFollowup(db, followupId);
  if (!f) throw new OutbreakError(404, 'not_found', 'There is no such follow-up.');
  if (f.status === 'converted') throw new OutbreakError(409, 'already_case', 'This contact is a case already.');
  if (f.personId.startsWith('manual:'))
    throw new OutbreakError(
      409,
      'no_checkins',
      'A contact typed in by hand has no check-ins to trace; register the case from tracing search.',
    );
  const caseId = await openCase(
    db,
    [f.personId],
    input,
    { fromFollowupId: f.id, parentCaseId: f.caseId, unitId: f.unitId },
    by,
    now,
  );
  await repo.markConverted(db, followupId, caseId, now);
  return caseId;
}
