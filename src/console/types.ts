/** Shapes of the console API's answers, as the UI reads them (the shared ones live in src/shared/admin-api.ts). */
import type { AdminCheckpoint, AdminDevice } from '../shared/admin-api';

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

export { CHECKPOINT_TYPES, type CheckpointType } from '../shared/admin-api';

export type Checkpoint = AdminCheckpoint;

export type Device = AdminDevice;

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
