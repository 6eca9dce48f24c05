/**
 * Domain objects the server works with. Repositories return these, never table rows.
 */
import type { CheckpointType } from '../../shared/admin-api';
import type { Declaration, Gender, RiskFlags, Source } from '../../shared/protocol';

export type { AdministrativeUnit, UnitLevel } from '../../shared/console-api/answers';

export { type CheckpointType } from '../../shared/admin-api';
export type CheckpointStatus = 'open' | 'closed';

/** A place where people are checked in and out. */
export interface Checkpoint {
  id: string;
  code: string;
  unitId: string;
  name: string;
  type: CheckpointType;
  address: string;
  contactName: string | null;
  contactPhone: string | null;
  defaultStayMin: number;
  status: CheckpointStatus;
  createdAt: number;
}

/** A one-time enrolment code as the server knows it (hash only). */
export interface EnrolmentCode {
  codeHash: string;
  checkpointId: string;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
  usedByDevice: string | null;
}

/** A guard phone or tablet enrolled to one checkpoint, or a visitor's phone (no checkpoint). */
export interface Device {
  id: string;
  /** 'forwarder': a server below forwarding to this one; 'forwarded': a device of a server below, id only. */
  kind: 'guard' | 'visitor' | 'forwarder' | 'forwarded';
  /** The checkpoint a guard device is enrolled to; null for visitor phones. */
  checkpointId: string | null;
  label: string | null;
  appVersion: string;
  enrolledAt: number;
  lastSyncAt: number | null;
  clockOffsetMs: number | null;
  pendingReported: number | null;
  revokedAt: number | null;
  /** Forwarding (receiving side): the unit of a 'forwarder' or 'forwarded' device. */
  unitId?: string | null;
}

/** A check-in as the server stores it: the device's event plus what the server derived on receipt. */
export interface StoredCheckIn {
  id: string;
  checkpointId: string;
  deviceId: string;
  kind: 'in' | 'out';
  ref: string | null;
  groupId: string | null;
  source: Source;
  deviceTime: number;
  receivedAt: number;
  clockOffsetMs: number;
  correctedTime: number;
  skewed: boolean;
  person: {
    name: string;
    nameFolded: string;
    idNumber: string | null;
    idMasked: string | null;
    birthYear: number | null;
    birthDate: string | null;
    gender: Gender | null;
    phone: string | null;
    address: string | null;
    visitorId: string | null;
  };
  personKey: string;
  declaration: Declaration | null;
  paper: { sheet: string; row: number } | null;
  ext: string | null;
  /** Sent by a device after it was revoked, but made before the revocation: kept, flagged for review. */
  fromRevokedDevice?: boolean;
  /** Risk at the door as the device showed it (a claim); absent for check-outs and older devices. */
  risk?: RiskFlags | null;
  /** The device clock changed while the app was closed: correctedTime is a best guess, flagged for review. */
  timeUncertain?: boolean;
}
