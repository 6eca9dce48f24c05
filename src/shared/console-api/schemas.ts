/**
 * Request schemas (valibot: validators and types) of the console routes whose bodies the server checks
 * with them and the console builds; the tracing ones are in ../tracing-api.ts.
 */
import * as v from 'valibot';
import { CHECKPOINT_TYPES } from '../admin-api';
import { QuestionSchema } from '../protocol';
import { ROLES } from './answers';

/** A trimmed text field of at most `max` characters (empty allowed unless `min`). */
const field = (max: number, min = 0) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.minLength(min, `must not be empty`),
    v.maxLength(max, `longer than ${max} characters`),
  );

/** An optional text field: empty or missing becomes null. */
const optionalField = (max: number) =>
  v.pipe(
    v.optional(v.nullable(field(max)), null),
    v.transform((s) => (s ? s : null)),
  );

/** PUT /api/admin/checkpoints/:id: the fields an officer edits. */
export const CheckpointFieldsSchema = v.object({
  name: field(200, 1),
  type: v.picklist(CHECKPOINT_TYPES),
  address: field(300, 1),
  contactName: optionalField(120),
  contactPhone: v.pipe(
    optionalField(20),
    v.check((p) => p === null || /^[+\d][\d .-]*$/.test(p), 'contactPhone has unexpected characters'),
  ),
  openingHours: optionalField(120),
  defaultStayMin: v.pipe(v.number(), v.integer(), v.minValue(5), v.maxValue(24 * 60)),
});

/** POST /api/admin/checkpoints: the fields, the commune, optionally a code. */
export const CheckpointCreateSchema = v.object({
  ...CheckpointFieldsSchema.entries,
  unitId: field(64, 1),
  code: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.toUpperCase(),
      v.regex(/^([A-Z0-9-]{3,32})?$/, 'code must be 3–32 letters, digits or -'),
    ),
  ),
});

/** POST /api/admin/checkpoints/:id/enrolment-links. */
export const EnrolLinkRequestSchema = v.object({
  expiresHours: v.optional(v.pipe(v.number(), v.minValue(1), v.maxValue(24 * 14)), 72),
  /** The name the device will carry ("Máy cổng chính"); it travels in the link. */
  deviceName: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(80))),
});
export type EnrolLinkRequest = v.InferInput<typeof EnrolLinkRequestSchema>;

/** PUT /api/admin/questionnaire: the new questions on top of the version the editor started from. */
export const QuestionnaireSaveSchema = v.object({
  baseVersion: v.pipe(v.number(), v.integer()),
  questions: v.pipe(v.array(QuestionSchema), v.minLength(1), v.maxLength(60)),
});

const text = (max: number) => v.pipe(v.string(), v.trim(), v.maxLength(max, `longer than ${max} characters`));

/**
 * Risk at the door, the settings body's risk entries: validity in days, the instruction and the health station's phone.
 */
const RiskSettingsEntries = {
  declarationValidDays: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(30))),
  riskInstruction: v.optional(text(500)),
  healthPhone: v.optional(v.pipe(text(40), v.regex(/^[+\d][\d .-]*$|^$/, 'phone must be digits'))),
};

/** PUT /api/admin/settings: the settings to change. */
export const SettingsSaveSchema = v.object({
  repeatWindowMin: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(240))),
  retentionDays: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(366))),
  ...RiskSettingsEntries,
});

/** POST /api/admin/units/import: the units CSV. */
export const UnitImportSchema = v.object({ csv: v.pipe(v.string(), v.minLength(1), v.maxLength(500_000)) });

/** Longest password the server reads (longer is refused before hashing: hashing cost). */
export const MAX_PASSWORD_LENGTH = 256;

/** POST /api/admin/login. */
export const LoginSchema = v.object({
  username: field(64, 1),
  password: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_PASSWORD_LENGTH)),
});

/** POST /api/admin/password: length and strength of `next` are judged by the server (zxcvbn-ts), in words. */
export const PasswordSchema = v.object({
  current: v.pipe(v.string(), v.maxLength(MAX_PASSWORD_LENGTH)),
  next: v.pipe(v.string(), v.maxLength(MAX_PASSWORD_LENGTH)),
});

/** POST /api/admin/users (admins): a new account; commune officers need their commune. */
export const UserCreateSchema = v.object({
  username: v.pipe(
    v.string(),
    v.trim(),
    v.toLowerCase(),
    v.regex(/^[a-z0-9._-]{3,64}$/, 'username: 3–64 of a-z 0-9 . _ -'),
  ),
  displayName: field(120, 1),
  role: v.picklist(ROLES),
  unitId: v.optional(v.nullable(v.string()), null),
  // Length and strength are judged by the server (zxcvbn-ts), with a Vietnamese reason.
  password: v.pipe(v.string(), v.maxLength(MAX_PASSWORD_LENGTH)),
});
