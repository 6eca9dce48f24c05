/**
 * Shapes of the console API's answers (`/api/admin/*`), shared by the server that builds them and the
 * console that reads them, so the two cannot drift apart.
 */

import { CHECKPOINT_TYPES, type CheckpointType } from './protocol';

/** The kinds of checkpoint (one list, in the protocol). */
export { CHECKPOINT_TYPES, type CheckpointType };

/** A checkpoint with what the console shows next to it. */
export interface AdminCheckpoint {
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
  createdAt: number;
}

/** A guard device as the console lists it: its checkpoint and commune, sync state and backlog. */
export interface AdminDevice {
  id: string;
  label: string | null;
  checkpointId: string;
  checkpointCode: string;
  checkpointName: string;
  unitId: string;
  unitName: string;
  appVersion: string;
  enrolledAt: number;
  lastSyncAt: number | null;
  clockOffsetMs: number | null;
  pendingReported: number | null;
  revokedAt: number | null;
}
