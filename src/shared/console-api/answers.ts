/**
 * Shapes of the console API's answers that are not checkpoints or devices (those are in
 * ../admin-api.ts) or traces (../tracing-api.ts). The server builds its answers with these very types
 * (repositories and services import them), so the two sides cannot drift apart.
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

/** The levels of the administrative hierarchy. */
export type UnitLevel = 'province' | 'district' | 'commune';

/** A node of the administrative hierarchy (province → [district →] commune): data, not code. */
export interface AdministrativeUnit {
  id: string;
  parentId: string | null;
  level: UnitLevel;
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
/** A commune's checkpoints on the dashboard: how many are registered and how many sent data lately. */
export interface CommuneActivity {
  unitId: string;
  name: string;
  registered: number;
  active: number;
}

/** One local day of the dashboard's chart. */
export interface DayCount {
  /** Local date, YYYY-MM-DD. */
  date: string;
  bySource: Record<string, number>;
  total: number;
}

/** A checkpoint that sent nothing in the dashboard's window, with whom to call. */
export interface SilentCheckpoint {
  id: string;
  code: string;
  name: string;
  unitName: string;
  contactName: string | null;
  contactPhone: string | null;
  lastCheckinAt: number | null;
  devices: number;
}

export interface ConsoleDashboard {
  generatedAt: number;
  activeWindowDays: number;
  totals: { registered: number; active: number; checkinsInWindow: number };
  communes: CommuneActivity[];
  daily: DayCount[];
  silent: SilentCheckpoint[];
  staleDevices: AdminDevice[];
}

/** A person's latest details, as their check-ins carry them. */
export interface PersonDetails {
  personKey: string;
  name: string;
  idNumber: string | null;
  idMasked: string | null;
  birthYear: number | null;
  phone: string | null;
  address: string | null;
  /** The name the check-ins carry, when a guard's correction replaced it in `name`. */
  originalName?: string;
}

/** One person key the tracer's search found: its latest details and how often it was seen. */
export interface PersonSighting extends PersonDetails {
  visits: number;
  firstSeen: number;
  lastSeen: number;
  sources: Source[];
}

/** A person found by the tracer's search, with the identity group it belongs to. */
export interface PersonRecord extends PersonSighting {
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
