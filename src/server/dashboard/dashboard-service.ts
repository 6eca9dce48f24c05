/**
 * The dashboard's figures: the letter's headline (registered vs active checkpoints, overall and per
 * commune), check-ins per day by source, the silent checkpoints to follow up, and devices that
 * stopped syncing.
 */
import { SOURCES } from '../../shared/protocol';
import { listConsoleCheckpoints } from '../db/checkpoints-repo';
import {
  DAY_MS,
  LOCAL_OFFSET_MS,
  activeDeviceCounts,
  countsByCheckpoint,
  countsByDayAndSource,
  lastCheckinAt,
} from './dashboard-repo';
import type { Db } from '../db/database';
import { listConsoleDevices } from '../db/devices-repo';
import { listUnits } from '../db/units-repo';
import type { CommuneActivity, ConsoleDashboard, DayCount, SilentCheckpoint } from '../../shared/console-api';

/** A checkpoint is active when it produced a check-in within this many days. */
const ACTIVE_WINDOW_DAYS = 7;
const CHART_DAYS = 30;
/** A device that has not synced for longer than this is listed as stale. */
const STALE_DEVICE_MS = DAY_MS;

/** The local date (YYYY-MM-DD) of a local day number. */
function dayToDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Computes the dashboard for the whole district, or for one commune (`unitId`). */
export async function buildDashboard(db: Db, now: number, unitId: string | null): Promise<ConsoleDashboard> {
  const windowStart = now - ACTIVE_WINDOW_DAYS * DAY_MS;
  // A device clock slightly ahead still counts: accept up to a day into the future.
  const until = now + DAY_MS;
  const [checkpoints, units, recent, devicesPerCp, dayRows, devices] = await Promise.all([
    listConsoleCheckpoints(db, unitId),
    listUnits(db),
    countsByCheckpoint(db, windowStart, until, unitId),
    activeDeviceCounts(db),
    countsByDayAndSource(
      db,
      Math.floor((now + LOCAL_OFFSET_MS) / DAY_MS - (CHART_DAYS - 1)) * DAY_MS - LOCAL_OFFSET_MS,
      until,
      unitId,
    ),
    listConsoleDevices(db, unitId),
  ]);
  const open = checkpoints.filter((c) => c.status === 'open');

  const communes = new Map<string, CommuneActivity>();
  for (const u of units)
    if (u.level === 'commune' && (unitId === null || u.id === unitId))
      communes.set(u.id, { unitId: u.id, name: u.name, registered: 0, active: 0 });
  const silent: SilentCheckpoint[] = [];
  let active = 0;
  for (const cp of open) {
    const row = communes.get(cp.unitId) ?? { unitId: cp.unitId, name: cp.unitName, registered: 0, active: 0 };
    communes.set(cp.unitId, row);
    row.registered++;
    if ((recent.get(cp.id) ?? 0) > 0) {
      row.active++;
      active++;
    } else {
      silent.push({
        id: cp.id,
        code: cp.code,
        name: cp.name,
        unitName: cp.unitName,
        contactName: cp.contactName,
        contactPhone: cp.contactPhone,
        lastCheckinAt: await lastCheckinAt(db, cp.id),
        devices: devicesPerCp.get(cp.id) ?? 0,
      });
    }
  }

  const today = Math.floor((now + LOCAL_OFFSET_MS) / DAY_MS);
  const daily: DayCount[] = [];
  for (let day = today - CHART_DAYS + 1; day <= today; day++) {
    daily.push({ date: dayToDate(day), bySource: Object.fromEntries(SOURCES.map((s) => [s, 0])), total: 0 });
  }
  for (const r of dayRows) {
    const entry = daily[r.day - (today - CHART_DAYS + 1)];
    if (!entry) continue;
    entry.bySource[r.source] = (entry.bySource[r.source] ?? 0) + r.n;
    entry.total += r.n;
  }

  const staleDevices = devices.filter(
    (d) => d.revokedAt === null && (d.lastSyncAt ?? d.enrolledAt) < now - STALE_DEVICE_MS,
  );
  let checkinsInWindow = 0;
  for (const n of recent.values()) checkinsInWindow += n;
  return {
    generatedAt: now,
    activeWindowDays: ACTIVE_WINDOW_DAYS,
    totals: { registered: open.length, active, checkinsInWindow },
    communes: [...communes.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    daily,
    silent,
    staleDevices,
  };
}
