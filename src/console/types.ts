/** Shapes of the console API's answers, as the UI reads them. */
export type Role = 'admin' | 'officer' | 'tracer';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
}

export interface Unit {
  id: string;
  parentId: string | null;
  level: 'province' | 'district' | 'commune';
  name: string;
  code: string;
}

export const CHECKPOINT_TYPES = ['office', 'market', 'school', 'health_station', 'business', 'residential', 'other'] as const;
export type CheckpointType = (typeof CHECKPOINT_TYPES)[number];

export interface Checkpoint {
  id: string;
  code: string;
  unitId: string;
  unitName: string;
  name: string;
  type: CheckpointType;
  address: string;
  contactName: string | null;
  contactPhone: string | null;
  openingHours: string | null;
  defaultStayMin: number;
  status: 'open' | 'closed';
}

export interface Device {
  id: string;
  label: string | null;
  checkpointId: string;
  checkpointCode: string;
  checkpointName: string;
  unitName: string;
  appVersion: string;
  enrolledAt: number;
  lastSyncAt: number | null;
  clockOffsetMs: number | null;
  pendingReported: number | null;
  revokedAt: number | null;
}

export interface Dashboard {
  generatedAt: number;
  activeWindowDays: number;
  totals: { registered: number; active: number; checkinsInWindow: number };
  communes: { unitId: string; name: string; registered: number; active: number }[];
  daily: { date: string; bySource: Record<string, number>; total: number }[];
  silent: { id: string; code: string; name: string; unitName: string; contactName: string | null; contactPhone: string | null; lastCheckinAt: number | null; devices: number }[];
  staleDevices: Device[];
}

export interface Poster {
  checkpoint: Checkpoint;
  url: string;
  qrSvg: string;
}
