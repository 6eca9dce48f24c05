/**
 * Risk notices on the device: the last list fetched from the server (kept for offline use) and the
 * comparison with this phone's own visit history. Nothing about the visitor ever leaves the phone.
 */
import type { RiskNotice } from '../../shared/protocol';
import { appDb } from './db';
import { withDbRetry } from './retry';

const NOTICES = 'riskNotices';
/** A visit without a check-out is assumed to last this long when compared with a notice window. */
const ASSUMED_STAY_MS = 60 * 60_000;

/** A notice this device matched: the notice and when the matching visit began (device time). */
interface NoticeMatch {
  notice: RiskNotice;
  visitedAt: number;
}

/** Stores the notices in force (replacing the previous list). */
export async function saveNotices(notices: readonly RiskNotice[]): Promise<void> {
  await withDbRetry(() => appDb().meta.put({ key: NOTICES, value: notices }));
}

/** The notices last fetched, without the expired ones. */
export async function getNotices(now = Date.now()): Promise<RiskNotice[]> {
  const row = await withDbRetry(() => appDb().meta.get(NOTICES));
  const list = (row?.value as RiskNotice[] | undefined) ?? [];
  return list.filter((n) => n.expiresAt > now);
}

/**
 * The notices whose checkpoint and window overlap one of this phone's own check-ins (any sync state;
 * its device time corrected by the last known clock offset), newest window first.
 */
export async function matchNotices(now = Date.now()): Promise<NoticeMatch[]> {
  const notices = await getNotices(now);
  if (notices.length === 0) return [];
  const offsetRow = await withDbRetry(() => appDb().meta.get('syncStatus'));
  const offset = (offsetRow?.value as { clockOffsetMs?: number | null } | undefined)?.clockOffsetMs ?? 0;
  const checkpoints = [...new Set(notices.map((n) => n.checkpointId))];
  const rows = await withDbRetry(async () => {
    const visits = await appDb().checkins.where('checkpointId').anyOf(checkpoints).toArray();
    const refused = await appDb().rejected.bulkGet(visits.map((r) => r.id));
    return visits.filter((_, i) => !refused[i]);
  });
  const matches: NoticeMatch[] = [];
  for (const notice of notices) {
    const visit = rows.find((r) => {
      if (r.kind !== 'in' || r.checkpointId !== notice.checkpointId) return false;
      const start = r.deviceTime + offset;
      return start < notice.end && start + ASSUMED_STAY_MS > notice.start;
    });
    if (visit) matches.push({ notice, visitedAt: visit.deviceTime });
  }
  return matches.sort((a, b) => b.notice.start - a.notice.start);
}

/** The notices in force for one checkpoint (a guard device shows its own checkpoint's). */
export async function noticesForCheckpoint(checkpointId: string, now = Date.now()): Promise<RiskNotice[]> {
  return (await getNotices(now)).filter((n) => n.checkpointId === checkpointId);
}
