/**
 * The wire protocol between the PWA (page and service worker) and the district server.
 * Both sides import this module: the schemas are the runtime validators and the static types.
 * Changing a schema is a protocol change: bump PROTOCOL_VERSION when an old client could break.
 */
import * as v from 'valibot';
import { DevicePublicJwkSchema } from './sealed/device-proof';

export const PROTOCOL_VERSION = 2;
/** Protocol versions the server still accepts (1: plain items, from devices that still hold an old queue). */
export const ACCEPTED_PROTOCOLS = [1, 2] as const;

/** Largest number of check-ins one push may carry. */
export const MAX_BATCH = 500;
/** Largest accepted request body, bytes (a full batch of rich check-ins stays well below). */
export const MAX_BODY_BYTES = 1_048_576;
/** A device clock further than this from the server's is flagged as skewed. */
export const SKEW_FLAG_MS = 5 * 60_000;

/** Where a check-in came from at the door. */
export const SOURCES = ['visitor_qr', 'cccd', 'national_qr', 'manual', 'on_behalf', 'paper', 'self'] as const;
export type Source = (typeof SOURCES)[number];

const uuidV7 = v.pipe(
  v.string(),
  v.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'id must be a lowercase UUIDv7'),
);
// No NUL characters: PostgreSQL text cannot hold them, and both databases must answer alike.
const text = (max: number) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.maxLength(max, `longer than ${max} characters`),
    v.check((s) => !s.includes('\u0000'), 'contains a NUL character'),
  );
/** A device clock epoch id: a new one starts whenever the app sees its wall clock jump, and at each start. */
const clockEpochId = v.pipe(v.string(), v.regex(/^[0-9a-z]{4,32}$/, 'epoch must be lowercase base36'));
/** Milliseconds since the epoch, within a sane range (2020 … 2100). */
/** The kinds of checkpoint a district registers (offices, markets, schools…): one list for every side. */
export const CHECKPOINT_TYPES = [
  'office',
  'market',
  'school',
  'health_station',
  'business',
  'residential',
  'other',
] as const;
export type CheckpointType = (typeof CHECKPOINT_TYPES)[number];

const epochMs = v.pipe(v.number(), v.integer(), v.minValue(1_577_836_800_000), v.maxValue(4_102_444_800_000));

export const GenderSchema = v.picklist(['male', 'female', 'other']);
export type Gender = v.InferOutput<typeof GenderSchema>;

/** Who checked in, as far as the input told us. Only `name` is required (a guard can always type it). */
export const PersonSchema = v.object({
  name: v.pipe(text(200), v.minLength(1, 'name is empty')),
  /** Full ID number: CCCD (12 digits), old CMND, passport. */
  idNumber: v.optional(text(20)),
  /** Masked ID from the national health QR, e.g. `******001234`. */
  idMasked: v.optional(text(20)),
  birthYear: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1900), v.maxValue(2100))),
  /** `YYYY-MM-DD`; day or month may be `**` when the source masked them. */
  birthDate: v.optional(
    v.pipe(v.string(), v.regex(/^\d{4}-(\d{2}|\*\*)-(\d{2}|\*\*)$/, 'birthDate must be YYYY-MM-DD')),
  ),
  gender: v.optional(GenderSchema),
  phone: v.optional(v.pipe(text(20), v.regex(/^[+\d*][\d *.-]*$/, 'phone has unexpected characters'))),
  address: v.optional(text(300)),
  /** Stable id of a visitor profile from this app's personal QR. */
  visitorId: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-z]{6,32}$/, 'visitorId must be lowercase base32'))),
});
export type Person = v.InferOutput<typeof PersonSchema>;

/** A health declaration attached to a check-in: answers to a numbered questionnaire version. */
export const DeclarationSchema = v.object({
  version: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** Day the declaration was made, `YYYY-MM-DD` in the declarant's local time. */
  date: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/)),
  answers: v.record(v.pipe(v.string(), v.maxLength(40)), v.union([v.boolean(), text(500), v.number()])),
});
export type Declaration = v.InferOutput<typeof DeclarationSchema>;

/** What a risk signal is about: a symptom, or an exposure (contact with a case, an outbreak area…). */
export const RISK_KINDS = ['symptom', 'exposure'] as const;
export type RiskKind = (typeof RISK_KINDS)[number];

/**
 * The risk the door saw (a device's claim, computed from the declaration and the district's questionnaire):
 * whether the declaration was current, stale or missing, and which risk questions were answered yes.
 */
export const RiskFlagsSchema = v.object({
  status: v.picklist(['current', 'stale', 'missing']),
  /** Whole days between the declaration's day and the check-in's day (absent when missing). */
  ageDays: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(36_500))),
  kinds: v.pipe(v.array(v.picklist(RISK_KINDS)), v.maxLength(RISK_KINDS.length)),
  /** Ids of the risk questions answered yes (empty when only the kinds are known). */
  signals: v.pipe(
    v.array(v.pipe(v.string(), v.regex(/^[a-z][a-z0-9_]{0,39}$/, 'signal must be a question id'))),
    v.maxLength(60),
  ),
  /** The answers could not be read (a declaration for a questionnaire version this device does not hold). */
  unknownAnswers: v.optional(v.boolean()),
});
export type RiskFlags = v.InferOutput<typeof RiskFlagsSchema>;

/**
 * One event at a checkpoint: somebody came in, or somebody left. Created on the device, id and all.
 * Kind `fix` (additive) corrects the person of the check-in named by `ref` (a garbled name, an added
 * phone): `person` is the corrected person; the server keeps the original row as it was, for audit.
 */
export const CheckInSchema = v.object({
  id: uuidV7,
  checkpointId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  kind: v.picklist(['in', 'out', 'fix']),
  /** For `out`: the id of the check-in it closes; for `fix`: the check-in it corrects. */
  ref: v.optional(uuidV7),
  /** Check-ins taken together (a parent and the children with them) share a group id. */
  groupId: v.optional(uuidV7),
  source: v.picklist(SOURCES),
  /** When it happened, by the device's clock (ms since epoch). The server corrects for skew. */
  deviceTime: epochMs,
  person: PersonSchema,
  declaration: v.optional(DeclarationSchema),
  /** Risk at the door (DOOR-RISK): what the device showed about the declaration; for `in` only. */
  risk: v.optional(RiskFlagsSchema),
  /** For source `paper`: which sheet and row it was typed from. */
  paper: v.optional(
    v.object({ sheet: text(40), row: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10_000)) }),
  ),
  /** The national QR's opaque EXT field, kept as read. */
  ext: v.optional(text(500)),
  /** For source `self` (a visitor scanned the poster): the signed poster claims proving the checkpoint. */
  proof: v.optional(
    v.object({
      code: text(64),
      name: text(200),
      t: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
      sig: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{80,90}$/, 'sig must be base64url')),
    }),
  ),
  /**
   * Forwarding (district server → province, additive): what the district stored on receipt. Read only from
   * 'forwarder' devices, whose items keep these instead of being re-corrected with the district server's clock.
   */
  forwarded: v.optional(
    v.object({
      deviceId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
      receivedAt: epochMs,
      clockOffsetMs: v.pipe(
        v.number(),
        v.integer(),
        v.minValue(-Number.MAX_SAFE_INTEGER),
        v.maxValue(Number.MAX_SAFE_INTEGER),
      ),
      correctedTime: v.pipe(
        v.number(),
        v.integer(),
        v.minValue(-Number.MAX_SAFE_INTEGER),
        v.maxValue(Number.MAX_SAFE_INTEGER),
      ),
      skewed: v.boolean(),
      fromRevokedDevice: v.optional(v.boolean()),
    }),
  ),
});
export type CheckIn = v.InferOutput<typeof CheckInSchema>;

/** What a sealed item keeps inside its ciphertext: everything personal (the rest stays readable for sync). */
export const SealedContentSchema = v.object({
  person: PersonSchema,
  declaration: v.optional(DeclarationSchema),
  paper: CheckInSchema.entries.paper,
  ext: CheckInSchema.entries.ext,
  proof: CheckInSchema.entries.proof,
  /** Risk at the door is health data: sealed with the person. */
  risk: CheckInSchema.entries.risk,
});
export type SealedContent = v.InferOutput<typeof SealedContentSchema>;

const b64url = (max: number) => v.pipe(v.string(), v.maxLength(max), v.regex(/^[A-Za-z0-9_-]+$/, 'must be base64url'));

/**
 * Protocol 2: a check-in sealed on the device to the district's public key (HPKE, see shared/sealed/hpke.ts).
 * Only what sync and the guard's screens need stays readable; `sealed` opens only on the server.
 */
export const SealedItemSchema = v.object({
  v: v.literal(2),
  id: uuidV7,
  checkpointId: CheckInSchema.entries.checkpointId,
  kind: CheckInSchema.entries.kind,
  ref: CheckInSchema.entries.ref,
  groupId: CheckInSchema.entries.groupId,
  source: CheckInSchema.entries.source,
  deviceTime: epochMs,
  /** The device clock epoch the item was recorded in (the server corrects it by that epoch's offset). */
  epoch: v.optional(clockEpochId),
  sealed: v.object({ kid: v.pipe(v.string(), v.minLength(1), v.maxLength(64)), enc: b64url(200), ct: b64url(40_000) }),
});
export type SealedItem = v.InferOutput<typeof SealedItemSchema>;

/** Anything a push may carry: a sealed item (protocol 2) or a plain check-in (queued under protocol 1). */
export type WireItem = SealedItem | CheckIn;

/** The additional data a sealed item's ciphertext is bound to: its readable fields, so none can be swapped. */
export function sealedAad(item: Omit<SealedItem, 'sealed' | 'v'>): string {
  return [
    'tram-qr/2',
    item.id,
    item.checkpointId,
    item.kind,
    item.ref ?? '',
    item.groupId ?? '',
    item.source,
    item.deviceTime,
    item.epoch ?? '',
  ].join('|');
}

/** POST /api/forwarding/catalog (forwarding): the checkpoints and devices a forwarded batch refers to, upserted. */
export const ForwardingCatalogSchema = v.object({
  checkpoints: v.pipe(
    v.array(
      v.object({
        id: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
        code: v.pipe(text(64), v.minLength(1)),
        name: v.pipe(text(200), v.minLength(1)),
        type: v.picklist(CHECKPOINT_TYPES),
        address: text(300),
        defaultStayMin: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000)),
        status: v.picklist(['open', 'closed']),
      }),
    ),
    v.maxLength(MAX_BATCH),
  ),
  devices: v.pipe(
    v.array(
      v.object({
        id: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
        checkpointId: v.nullable(v.pipe(v.string(), v.maxLength(64))),
      }),
    ),
    v.maxLength(MAX_BATCH),
  ),
});
export type ForwardingCatalog = v.InferOutput<typeof ForwardingCatalogSchema>;

/** POST /api/sync/push body. Items are validated one by one so one bad item never sinks the batch. */
export const PushRequestSchema = v.object({
  protocol: v.picklist(ACCEPTED_PROTOCOLS),
  /** Version 2: the device's clock epoch when it built the request (items of this epoch take this push's offset). */
  epoch: v.optional(clockEpochId),
  /** Version 2: the last server-minus-device offset the device measured (or derived) in each earlier epoch. */
  epochs: v.optional(
    v.pipe(
      v.record(
        clockEpochId,
        v.pipe(v.number(), v.integer(), v.minValue(-4_102_444_800_000), v.maxValue(4_102_444_800_000)),
      ),
      v.check((r) => Object.keys(r).length <= 200, 'too many epochs'),
    ),
  ),
  /** The device clock when the request was built (ms); the server derives the clock offset from it. */
  sentAt: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER)),
  appVersion: text(40),
  /** How many check-ins the device still held unsent when it built this batch (this batch included). */
  pending: v.pipe(v.number(), v.integer(), v.minValue(0)),
  items: v.pipe(
    v.array(v.unknown()),
    v.minLength(1, 'items is empty'),
    v.maxLength(MAX_BATCH, `more than ${MAX_BATCH} items`),
  ),
});
export type PushRequest = Omit<v.InferOutput<typeof PushRequestSchema>, 'items'> & { items: WireItem[] };

const ItemStatusSchema = v.picklist(['accepted', 'duplicate', 'rejected']);

/** The server's verdict on one pushed item, in the order the items were sent. */
export const ItemResultSchema = v.object({
  /** The item's id, or null when the item had no readable id. */
  id: v.nullable(v.string()),
  status: ItemStatusSchema,
  /** Why it was rejected, for people: shown in the device's "needs attention" list. */
  reason: v.optional(v.string()),
});
export type ItemResult = v.InferOutput<typeof ItemResultSchema>;

export const PushResponseSchema = v.object({
  /** The server's clock when it committed the batch (ms). */
  serverTime: v.number(),
  /** serverTime-at-receipt minus the device's sentAt: what the server adds to device times. */
  clockOffsetMs: v.number(),
  results: v.array(ItemResultSchema),
  /** The district's current questionnaire version; a device holding an older one fetches it. */
  questionnaireVersion: v.optional(v.number()),
});
export type PushResponse = v.InferOutput<typeof PushResponseSchema>;

/** The `format` of a file a guard device exports its queue to ("Xuất dữ liệu chờ gửi"). */
export const QUEUE_FILE_FORMAT = 'tram-qr-queue';
/** Items per batch of an exported queue file (each batch is signed on its own and uploaded on its own). */
export const QUEUE_FILE_BATCH = 200;

/**
 * One signed batch of an exported queue: a push body as the device wrote it, and its device proof for
 * `API.queueImport`.
 */
const QueueBatchSchema = v.object({
  body: v.pipe(v.string(), v.minLength(2), v.maxLength(900_000)),
  proof: v.pipe(v.string(), v.minLength(1), v.maxLength(4_000)),
});

/**
 * A guard device's exported queue: sealed to the district key and signed by the device, so anyone may
 * carry it (Zalo, Bluetooth, e-mail, a USB stick) to somebody online who uploads it in the console.
 */
export const QueueFileSchema = v.object({
  format: v.literal(QUEUE_FILE_FORMAT),
  version: v.literal(1),
  deviceId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  checkpoint: v.object({ code: text(64), name: text(200) }),
  exportedAt: epochMs,
  count: v.pipe(v.number(), v.integer(), v.minValue(0)),
  batches: v.pipe(v.array(QueueBatchSchema), v.minLength(1, 'the file holds no batch'), v.maxLength(1_000)),
});
export type QueueFile = v.InferOutput<typeof QueueFileSchema>;

/** POST API.queueImport: one batch of a queue file, with the device it claims to come from. */
export const QueueImportRequestSchema = v.object({
  deviceId: QueueFileSchema.entries.deviceId,
  ...QueueBatchSchema.entries,
});
export type QueueImportRequest = v.InferOutput<typeof QueueImportRequestSchema>;

/** The answer to one uploaded batch: what the server did with each item, and the device's checkpoint. */
export const QueueImportResponseSchema = v.object({
  deviceId: v.string(),
  checkpoint: v.nullable(v.object({ code: v.string(), name: v.string() })),
  results: v.array(ItemResultSchema),
  /** Items the quota left unanswered this time (upload the file again later; nothing doubles). */
  unanswered: v.number(),
});
export type QueueImportResponse = v.InferOutput<typeof QueueImportResponseSchema>;

/** A district public key for sealing: id and raw P-256 point (base64url). */
const DistrictKeySchema = v.object({
  kid: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  publicKey: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{87}$/, 'publicKey must be a raw P-256 point')),
  x25519: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/, 'x25519 must be a raw X25519 key'))),
});

/** POST /api/device/key: an enrolled device without a signing key registers one, once, with its token. */
export const DeviceKeyRequestSchema = v.object({ deviceKey: DevicePublicJwkSchema });

/** What a guard device knows about the checkpoint it is enrolled to. */
export const CheckpointInfoSchema = v.object({
  id: v.string(),
  code: v.string(),
  name: v.string(),
  unitName: v.string(),
  address: v.string(),
  defaultStayMin: v.number(),
});
export type CheckpointInfo = v.InferOutput<typeof CheckpointInfoSchema>;

/** POST /api/enrol body: a one-time enrolment code turns this device into a guard device. */
export const EnrolRequestSchema = v.object({
  code: v.pipe(v.string(), v.trim(), v.minLength(8, 'code is too short'), v.maxLength(64, 'code is too long')),
  appVersion: text(40),
  deviceLabel: v.optional(text(80)),
  /** The public half of the device's non-extractable signing key (pushes are signed with it). */
  deviceKey: v.optional(DevicePublicJwkSchema),
});
export type EnrolRequest = v.InferOutput<typeof EnrolRequestSchema>;

export const EnrolResponseSchema = v.object({
  deviceId: v.string(),
  /** Bearer token for /api/sync/*; the server keeps only its hash. */
  token: v.string(),
  checkpoint: CheckpointInfoSchema,
  serverTime: v.number(),
  /** The district public key check-ins are sealed to. */
  districtKey: v.optional(DistrictKeySchema),
});
export type EnrolResponse = v.InferOutput<typeof EnrolResponseSchema>;

/** A question of the district's health declaration. Questionnaires are data pushed to devices. */
export const QuestionSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9_]{0,39}$/, 'question id must be snake_case')),
  kind: v.picklist(['yesno', 'text', 'number', 'choice', 'date']),
  /** Groups the form into sections: travel, symptoms, exposure, vaccination, test, consent. */
  group: v.pipe(v.string(), v.maxLength(40)),
  label: v.object({
    vi: v.pipe(v.string(), v.minLength(1), v.maxLength(300)),
    en: v.pipe(v.string(), v.maxLength(300)),
  }),
  options: v.optional(
    v.array(
      v.object({
        value: v.pipe(v.string(), v.maxLength(40)),
        label: v.object({ vi: v.pipe(v.string(), v.maxLength(120)), en: v.pipe(v.string(), v.maxLength(120)) }),
        /** Choosing this option is a risk signal of this kind (a positive test), under the question's id. */
        risk: v.optional(v.picklist(RISK_KINDS)),
        /** The signal's short words at the door, e.g. "Xét nghiệm dương tính" (the option's label when absent). */
        riskLabel: v.optional(
          v.object({ vi: v.pipe(v.string(), v.maxLength(60)), en: v.pipe(v.string(), v.maxLength(60)) }),
        ),
      }),
    ),
  ),
  required: v.optional(v.boolean()),
  /** A yes to this yes/no question is a risk signal of this kind (the door says so in words). */
  risk: v.optional(v.picklist(RISK_KINDS)),
  /** The signal's short words at the door, e.g. "sốt", "Tiếp xúc ca bệnh" (the label when absent). */
  riskLabel: v.optional(v.object({ vi: v.pipe(v.string(), v.maxLength(60)), en: v.pipe(v.string(), v.maxLength(60)) })),
});
export type Question = v.InferOutput<typeof QuestionSchema>;

export const QuestionnaireSchema = v.object({
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  questions: v.pipe(v.array(QuestionSchema), v.minLength(1), v.maxLength(60)),
});
export type Questionnaire = v.InferOutput<typeof QuestionnaireSchema>;

/** District-wide settings devices follow. */
const DeviceSettingsSchema = v.object({
  /** The same person scanned again within this many minutes is not a new check-in. */
  repeatWindowMin: v.number(),
  /** Devices keep synced check-ins this many days (unsynced ones are never purged). */
  retentionDays: v.number(),
  /** Risk at the door (optional: older servers do not send them). See RiskPolicySchema. */
  declarationValidDays: v.optional(v.number()),
  riskInstruction: v.optional(v.string()),
  healthPhone: v.optional(v.string()),
});

/** GET /api/device/config: what a guard device needs to work offline, refreshed whenever it is online. */
export const DeviceConfigResponseSchema = v.object({
  checkpoint: v.object({ ...CheckpointInfoSchema.entries, status: v.picklist(['open', 'closed']) }),
  questionnaire: QuestionnaireSchema,
  settings: DeviceSettingsSchema,
  serverTime: v.number(),
  /** The district public key in force (a rotation reaches devices here). */
  districtKey: v.optional(DistrictKeySchema),
});
export type DeviceConfigResponse = v.InferOutput<typeof DeviceConfigResponseSchema>;

/** POST /api/visitor/register: a visitor's phone gets an anonymous device token for self check-ins. */
export const VisitorRegisterRequestSchema = v.object({ appVersion: text(40) });
export const VisitorRegisterResponseSchema = v.object({
  deviceId: v.string(),
  token: v.string(),
  serverTime: v.number(),
});
export type VisitorRegisterResponse = v.InferOutput<typeof VisitorRegisterResponseSchema>;

/** GET /api/poster-key: the server's Ed25519 public key (raw, base64url) that signs poster links. */
export const PosterKeyResponseSchema = v.object({ publicKey: v.string() });

/**
 * GET /api/risk-policy (public): what the district tells a person with a risk signal, and how long a
 * declaration stays valid (1 = only on the day it was made).
 */
export const RiskPolicySchema = v.object({
  declarationValidDays: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(30)),
  instruction: v.pipe(v.string(), v.maxLength(500)),
  healthPhone: v.pipe(v.string(), v.maxLength(40)),
});
export type RiskPolicy = v.InferOutput<typeof RiskPolicySchema>;

/** Every 4xx/5xx body: a machine-readable code and a sentence for people. */
export const ErrorBodySchema = v.object({ error: v.string(), message: v.string() });
export type ErrorBody = v.InferOutput<typeof ErrorBodySchema>;

/** HTTP paths of the API, in one place. */
export const API = {
  enrol: '/api/enrol',
  push: '/api/sync/push',
  health: '/api/health',
  questionnaire: '/api/questionnaire',
  deviceConfig: '/api/device/config',
  posterKey: '/api/poster-key',
  visitorRegister: '/api/visitor/register',
  notices: '/api/notices',
  forwardingCatalog: '/api/forwarding/catalog',
  /** The catalog's path before 2026-12-03, still answered for servers below that were not upgraded yet. */
  forwardingCatalogBefore: '/api/upstream/checkpoints',
  riskPolicy: '/api/risk-policy',
  deviceKey: '/api/device/key',
  /** A queue carried by hand (console upload of one batch of an exported file); the device signs for this path. */
  queueImport: '/api/admin/devices/import-queue',
} as const;

/** A published risk notice: a checkpoint and time window a confirmed case visited (no personal data). */
export const RiskNoticeSchema = v.object({
  id: v.string(),
  checkpointId: v.string(),
  checkpointName: v.string(),
  /** The exposure window, ms (corrected server time). */
  start: v.number(),
  end: v.number(),
  /** The district's instructions, e.g. get tested, stay home, call the health station. */
  instructions: v.string(),
  publishedAt: v.number(),
  expiresAt: v.number(),
});
export type RiskNotice = v.InferOutput<typeof RiskNoticeSchema>;

/** GET /api/notices: every notice in force (public; devices compare them with their own history). */
export const NoticesResponseSchema = v.object({ notices: v.array(RiskNoticeSchema), serverTime: v.number() });
export type NoticesResponse = v.InferOutput<typeof NoticesResponseSchema>;

/** Formats a valibot failure as one readable line, e.g. `person.name: name is empty`. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = v.getDotPath(issue);
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
