/**
 * Shapes of the console API's answers that are not checkpoints or devices (those are in
 * ../admin-api.ts) or traces (../tracing-api.ts). The server's own types are checked against these in
 * src/server/routes/admin/answers-conform.ts, so the two cannot drift apart.
 */
import type { AdminCheckpoint, AdminDevice } from '../admin-api';
import type { Source } from '../protocol';

export const ROLES = ['admin', 'officer', 'tracer'] as const;
export type Role = (typeof ROLES)[number];

/** A signed-in console user. */
export interface ConsoleUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** The commune of a commune officer; null for district-wide roles. */
  unitId: string | null;
}

/** The session answer of login and GET /api/admin/session. */
export interface SessionAnswer {
  user: ConsoleUser;
  csrfToken: string;
}

/** A console account as the users page lists it. */
export interface AccountSummary extends ConsoleUser {
  createdAt: number;
  disabledAt: number | null;
}

/** An administrative unit (province, district, commune). */
export interface ConsoleUnit {
  id: string;
  parentId: string | null;
  level: 'province' | 'district' | 'commune';
  name: string;
  code: string;
}

/** District settings devices follow. */
export interface DistrictSettings {
  /** Minutes within which a second scan of the same person is not a new check-in. */
  repeatWindowMin: number;
  /** Days check-ins are kept, on the server and (synced ones) on devices. */
  retentionDays: number;
  /** Risk at the door: days a visitor's declaration stays valid at the door. */
  declarationValidDays: number;
  /** Risk at the door: what the guard tells a visitor with a risk. */
  riskInstruction: string;
  /** Risk at the door: the health station's phone. */
  healthPhone: string;
}

/** One audit log entry. */
export interface AuditEntry {
  id: string;
  at: number;
  userId: string | null;
  username: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  detail: Record<string, unknown> | null;
}

/** A one-time enrolment link for a guard device. */
export interface EnrolLink {
  link: string;
  expiresAt: number;
  qrSvg: string;
}

/** A printable poster. */
export interface Poster {
  checkpoint: AdminCheckpoint;
  url: string;
  qrSvg: string;
}

/** The dashboard's figures. */
export interface ConsoleDashboard {
  generatedAt: number;
  activeWindowDays: number;
  totals: { registered: number; active: number; checkinsInWindow: number };
  communes: { unitId: string; name: string; registered: number; active: number }[];
  /** `date` is the local date, YYYY-MM-DD. */
  daily: { date: string; bySource: Record<string, number>; total: number }[];
  silent: {
    id: string;
    code: string;
    name: string;
    unitName: string;
    contactName: string | null;
    contactPhone: string | null;
    lastCheckinAt: number | null;
    devices: number;
  }[];
  staleDevices: AdminDevice[];
}

/** A person found by the tracer's search, with the identity group it belongs to. */
export interface PersonRecord {
  personKey: string;
  name: string;
  idNumber: string | null;
  idMasked: string | null;
  birthYear: number | null;
  phone: string | null;
  address: string | null;
  /** The name the check-ins carry, when a guard's correction replaced it in `name`. */
  originalName?: string;
  visits: number;
  firstSeen: number;
  lastSeen: number;
  sources: Source[];
  groupKey: string;
  mergedKeys: string[];
}

/** GET `DOOR_CODE_PATH` (door-screen token, no session): the checkpoint's current time-limited code. */
export const DOOR_CODE_PATH = '/api/door/code';

/** What the door screen shows, refreshed every `refreshS` seconds. */
export interface DoorCode {
  checkpoint: { code: string; name: string; unitName: string };
  url: string;
  qrSvg: string;
  validUntil: number;
  refreshS: number;
}
