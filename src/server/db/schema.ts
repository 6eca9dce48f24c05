/**
 * Kysely table types: the shape of rows as stored. They never leave src/server/db;
 * repositories map them to the domain types in src/server/domain/types.ts.
 * Timestamps are integer milliseconds since the epoch (bigint on PostgreSQL).
 */
import type { Insertable, Selectable } from 'kysely';

export interface UnitsTable {
  id: string;
  parent_id: string | null;
  level: 'province' | 'district' | 'commune';
  name: string;
  code: string;
}

export interface CheckpointsTable {
  id: string;
  code: string;
  unit_id: string;
  name: string;
  type: string;
  address: string;
  contact_name: string | null;
  contact_phone: string | null;
  default_stay_min: number;
  status: 'open' | 'closed';
  created_at: number;
}

export interface EnrolmentCodesTable {
  /** sha256 (hex) of the normalised code; the code itself is never stored. */
  code_hash: string;
  checkpoint_id: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  used_by_device: string | null;
}

export interface DevicesTable {
  id: string;
  checkpoint_id: string;
  /** sha256 (hex) of the bearer token; the token itself is never stored. */
  token_hash: string;
  label: string | null;
  app_version: string;
  enrolled_at: number;
  last_sync_at: number | null;
  clock_offset_ms: number | null;
  pending_reported: number | null;
  revoked_at: number | null;
}

export interface CheckinsTable {
  id: string;
  checkpoint_id: string;
  device_id: string;
  kind: 'in' | 'out';
  ref: string | null;
  group_id: string | null;
  source: string;
  device_time: number;
  received_at: number;
  clock_offset_ms: number;
  corrected_time: number;
  skew_flag: number;
  name: string;
  name_folded: string;
  id_number: string | null;
  id_masked: string | null;
  birth_year: number | null;
  birth_date: string | null;
  gender: string | null;
  phone: string | null;
  address: string | null;
  visitor_id: string | null;
  person_key: string;
  /** The health declaration as JSON text. */
  declaration: string | null;
  paper_sheet: string | null;
  paper_row: number | null;
  ext: string | null;
}

export interface DatabaseSchema {
  units: UnitsTable;
  checkpoints: CheckpointsTable;
  enrolment_codes: EnrolmentCodesTable;
  devices: DevicesTable;
  checkins: CheckinsTable;
}

export type UnitRow = Selectable<UnitsTable>;
export type CheckpointRow = Selectable<CheckpointsTable>;
export type DeviceRow = Selectable<DevicesTable>;
export type CheckinRow = Selectable<CheckinsTable>;
export type NewCheckinRow = Insertable<CheckinsTable>;
