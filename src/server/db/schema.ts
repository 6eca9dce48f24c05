/**
 * Kysely table types: the shape of rows as stored. They never leave src/server/db;
 * repositories map them to the domain types in src/server/domain/types.ts.
 * Timestamps are integer milliseconds since the epoch (bigint on PostgreSQL).
 */
import type { ColumnType, Insertable, Selectable } from 'kysely';

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
  /** Free text, e.g. "7:00–17:00, thứ Hai–thứ Sáu" (console migration). */
  opening_hours: ColumnType<string | null, string | null | undefined, string | null>;
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
  /**
   * 'guard' devices have a checkpoint; 'visitor' phones do not; 'forwarder'/'forwarded': forwarding (province side).
   */
  kind: ColumnType<DeviceKind, DeviceKind | undefined, DeviceKind>;
  checkpoint_id: string | null;
  /** sha256 (hex) of the bearer token; the token itself is never stored. */
  token_hash: string;
  label: string | null;
  app_version: string;
  enrolled_at: number;
  last_sync_at: number | null;
  clock_offset_ms: number | null;
  pending_reported: number | null;
  revoked_at: number | null;
  /** Forwarding: the district unit an 'forwarder' or 'forwarded' device belongs to (null otherwise). */
  unit_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The device's public signing key (JWK JSON); pushes must carry a proof signed with it. */
  public_jwk: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Proof ids (jti) a device already used: a replayed proof is refused. */
export interface DeviceProofsTable {
  device_id: string;
  jti: string;
  seen_at: number;
}

/** What kind of client a device row is (see DevicesTable.kind). */
type DeviceKind = 'guard' | 'visitor' | 'forwarder' | 'forwarded';

/** Forwarding (district side): accepted check-ins not yet confirmed by the province. */
export interface ForwardOutboxTable {
  checkin_id: string;
  queued_at: number;
  /** When the province rejected it (kept, skipped, counted); null while it is still to send. */
  rejected_at: number | null;
  reject_reason: string | null;
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
  /** 1 when a revoked device queued it before its revocation (accepted, flagged for review). */
  from_revoked_device: ColumnType<number | null, number | null | undefined, number | null>;
  /** Risk at the door: bitmask 1 = symptom, 2 = exposure (0 none, null not sent). */
  risk_kinds: ColumnType<number | null, number | null | undefined, number | null>;
  /** 'current' | 'stale' | 'missing', as the device judged the declaration; null when not sent. */
  declaration_status: ColumnType<string | null, string | null | undefined, string | null>;
  /** The device's whole risk claim (RiskFlags) as JSON text. */
  risk: ColumnType<string | null, string | null | undefined, string | null>;
  /** 1 when the device time could not be corrected (its clock changed while the app was closed). */
  time_uncertain: ColumnType<number | null, number | null | undefined, number | null>;
}

/** A correction of a check-in's person from a guard device; the check-in row itself is never changed. */
export interface PersonCorrectionsTable {
  id: string;
  checkin_id: string;
  person_key: string;
  checkpoint_id: string;
  device_id: string;
  name: string;
  name_folded: string;
  phone: string | null;
  address: string | null;
  device_time: number;
  corrected_time: number;
  received_at: number;
}

/**
 * The directory of names: each person key with each folded name (spaces removed) its check-ins carry, filled by a
 * trigger on `checkins` (migration 2026_12_08_0100_person_names), so a name search need not read every check-in.
 */
export interface PersonNamesTable {
  person_key: string;
  name_compact: string;
}

export interface QuestionnairesTable {
  version: number;
  /** The Questionnaire as JSON text. */
  body: string;
  created_at: number;
  created_by: string | null;
}

export interface DistrictSettingsTable {
  key: string;
  /** JSON text. */
  value: string;
}

export interface ServerKeysTable {
  name: string;
  /** base64url raw public key. */
  public_key: string;
  /** PKCS#8 DER, base64url. */
  private_key: string;
  created_at: number;
}

/** Console accounts (console migration). */
export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  /** `scrypt$N$r$p$salt$hash` (base64url). */
  password_hash: string;
  role: 'admin' | 'officer' | 'tracer';
  /** The commune a commune officer may act in; null for district-wide roles. */
  unit_id: string | null;
  created_at: number;
  disabled_at: number | null;
}

/** Console sessions, in the database so every server instance shares them. */
export interface SessionsTable {
  /** sha256 (hex) of the cookie value. */
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: number;
  expires_at: number;
}

/** Failed console logins, keyed by a hash of username + IP. */
/** Login limit counters: one row per hashed key, a fixed window and the attempts reserved in it. */
export interface LoginLimitsTable {
  key_hash: string;
  window_start: number;
  count: number;
}

/** Every administrative action: who, what, when, on what. */
export interface AuditLogTable {
  id: string;
  at: number;
  user_id: string | null;
  username: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  /** JSON text without personal data. */
  detail: string | null;
  /** How many refusals one counted row stands for (anonymous console refusals of one window); null on other rows. */
  repeat_count: number | null;
}

/** Tracing: a person key a tracer merged into an identity (group key). */
export interface PersonMergesTable {
  person_key: string;
  group_key: string;
  merged_by: string | null;
  merged_at: number;
}

/** Tracing: a published risk notice for a checkpoint and time window (no personal data). */
export interface RiskNoticesTable {
  id: string;
  checkpoint_id: string;
  window_start: number;
  window_end: number;
  instructions: string;
  created_at: number;
  created_by: string | null;
  expires_at: number;
  withdrawn_at: number | null;
}

/** Door-screen tablet credentials (hash only), one live per checkpoint. */
export interface DoorScreensTable {
  token_hash: string;
  checkpoint_id: string;
  created_at: number;
  created_by: string | null;
  revoked_at: number | null;
}

/** Outbreak: a confirmed case (F0) and the trace snapshot its investigation keeps (outbreak migration). */
export interface OutbreakCasesTable {
  id: string;
  person_id: string;
  /** JSON array of person keys. */
  person_keys: string;
  name: string;
  phone: string | null;
  address: string | null;
  /** The commune the case lives in (matched from the address), when known. */
  unit_id: string | null;
  confirmed_at: number;
  test_type: string;
  onset_at: number | null;
  isolation: string;
  window_start: number;
  window_end: number;
  /** JSON: the trace's F1 as taken in (kept; never recomputed silently). */
  snapshot: string;
  snapshot_at: number;
  from_followup_id: string | null;
  parent_case_id: string | null;
  created_at: number;
  created_by: string | null;
}

/** Outbreak: a contact of a case, proposed by the trace or typed in, then confirmed or dismissed. */
export interface OutbreakContactsTable {
  id: string;
  case_id: string;
  person_id: string;
  name: string;
  phone: string | null;
  address: string | null;
  origin: string;
  relationship: string | null;
  status: string;
  reason: string | null;
  overlap_min: number;
  last_exposure: number;
  /** JSON array of exposure places. */
  places: string;
  basis: string;
  decided_at: number | null;
  decided_by: string | null;
}

/** Outbreak: the follow-up of a confirmed F1 by a commune health station. */
export interface OutbreakFollowupsTable {
  id: string;
  case_id: string;
  contact_id: string;
  person_id: string;
  name: string;
  phone: string | null;
  address: string | null;
  unit_id: string;
  last_exposure: number;
  started_at: number;
  ends_at: number;
  status: string;
  ended_at: number | null;
  last_reached_at: number | null;
  converted_case_id: string | null;
}

/** Outbreak: one day's call to a followed contact (health data). */
export interface OutbreakEntriesTable {
  id: string;
  followup_id: string;
  unit_id: string;
  day: string;
  at: number;
  reached: number;
  symptoms: string | null;
  test_type: string | null;
  test_result: string | null;
  location: string | null;
  note: string | null;
  by_user: string | null;
}

/** One ingest quota counter in one fixed window (`window_start` 0: no window). */
export interface IngestQuotaTable {
  quota_key: string;
  window_start: number;
  used: number;
  expires_at: number;
}

export interface DatabaseSchema {
  units: UnitsTable;
  checkpoints: CheckpointsTable;
  enrolment_codes: EnrolmentCodesTable;
  devices: DevicesTable;
  checkins: CheckinsTable;
  questionnaires: QuestionnairesTable;
  district_settings: DistrictSettingsTable;
  server_keys: ServerKeysTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_limits: LoginLimitsTable;
  audit_log: AuditLogTable;
  door_screens: DoorScreensTable;
  person_merges: PersonMergesTable;
  risk_notices: RiskNoticesTable;
  forward_outbox: ForwardOutboxTable;
  device_proofs: DeviceProofsTable;
  person_corrections: PersonCorrectionsTable;
  outbreak_cases: OutbreakCasesTable;
  outbreak_contacts: OutbreakContactsTable;
  outbreak_followups: OutbreakFollowupsTable;
  outbreak_entries: OutbreakEntriesTable;
  ingest_quota: IngestQuotaTable;
  person_names: PersonNamesTable;
}

export type UnitRow = Selectable<UnitsTable>;
export type CheckpointRow = Selectable<CheckpointsTable>;
export type DeviceRow = Selectable<DevicesTable>;
export type CheckinRow = Selectable<CheckinsTable>;
export type NewCheckinRow = Insertable<CheckinsTable>;
