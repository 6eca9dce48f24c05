/**
 * The tracer console API (`/api/admin/trace/...`): request schemas (valibot = validators + types),
 * shared by the console and the server. Answers are plain JSON described by the server's types.
 */
import * as v from 'valibot';

const epochMs = v.pipe(v.number(), v.integer(), v.minValue(1_577_836_800_000), v.maxValue(4_102_444_800_000));
const personKey = v.pipe(v.string(), v.minLength(3), v.maxLength(300));

/** GET /api/admin/trace/persons query: at least one of id, phone, name. */
export const PersonSearchSchema = v.pipe(
  v.object({
    id: v.optional(v.pipe(v.string(), v.trim(), v.regex(/^[\d*\s]{6,20}$/, 'id must be 6–20 digits'))),
    phone: v.optional(v.pipe(v.string(), v.trim(), v.regex(/^[+\d][\d .-]{6,19}$/, 'phone must be digits'))),
    name: v.optional(v.pipe(v.string(), v.trim(), v.minLength(2, 'name is too short'), v.maxLength(100))),
    birthYear: v.optional(v.pipe(v.string(), v.regex(/^\d{4}$/, 'birthYear must be a year'), v.transform(Number))),
  }),
  v.check((q) => Boolean(q.id || q.phone || q.name), 'give an ID number, a phone or a name'),
);

/** POST /api/admin/trace/merge: these person keys are one person. */
export const MergeRequestSchema = v.object({ personKeys: v.pipe(v.array(personKey), v.minLength(2), v.maxLength(20)) });

/** POST /api/admin/trace/unmerge: this key is its own person again. */
export const UnmergeRequestSchema = v.object({ personKey });

/** The case, its infectious window and the buffer: the body of trace, F2 and export requests. */
export const TraceRequestSchema = v.pipe(
  v.object({
    personKeys: v.pipe(v.array(personKey), v.minLength(1), v.maxLength(20)),
    from: epochMs,
    to: epochMs,
    bufferMin: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(240)), 15),
    /** Risk at the door: keep only contacts who declared a symptom or an exposure at a check-in. */
    riskOnly: v.optional(v.boolean()),
  }),
  v.check((r) => r.to > r.from, 'the window must end after it starts'),
  v.check((r) => r.to - r.from <= 31 * 86_400_000, 'the window may span at most 31 days'),
);
export type TraceRequest = v.InferOutput<typeof TraceRequestSchema>;

/** POST /api/admin/trace/export: the trace plus a format (XLSX has both sheets; CSV one part). */
export const ExportRequestSchema = v.object({
  ...v.object({ personKeys: v.array(personKey), from: epochMs, to: epochMs }).entries,
  bufferMin: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(240)), 15),
  format: v.picklist(['xlsx', 'csv']),
  part: v.optional(v.picklist(['contacts', 'zone']), 'contacts'),
  ring: v.optional(v.picklist(['f1', 'f2']), 'f1'),
  riskOnly: v.optional(v.boolean()),
  /** The case's name as the tracer chose it: the files' title lines and names say whose trace it is. */
  caseName: v.optional(v.pipe(v.string(), v.maxLength(200))),
});

/** POST /api/admin/trace/notices: publish risk notices for zone windows. */
export const PublishNoticesSchema = v.object({
  windows: v.pipe(
    v.array(
      v.object({ checkpointId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)), start: epochMs, end: epochMs }),
    ),
    v.minLength(1),
    v.maxLength(200),
  ),
  instructions: v.pipe(v.string(), v.trim(), v.minLength(5, 'instructions are too short'), v.maxLength(1000)),
});
export type PublishNotices = v.InferOutput<typeof PublishNoticesSchema>;

/** Console API paths for tracing. */
export const TRACING_API = {
  persons: '/api/admin/trace/persons',
  merge: '/api/admin/trace/merge',
  unmerge: '/api/admin/trace/unmerge',
  run: '/api/admin/trace/run',
  secondRing: '/api/admin/trace/f2',
  export: '/api/admin/trace/export',
  notices: '/api/admin/trace/notices',
} as const;

// Shapes of the trace answer, built by src/server/tracing/tracing-service.ts and read by the console.

/** One stay of the case, as the timeline shows it. */
export interface TimelineEntry {
  checkinId: string;
  checkpointId: string;
  checkpointCode: string;
  checkpointName: string;
  unitName: string;
  start: number;
  end: number;
  /** False when the end is the checkpoint's default stay (nobody checked out). */
  endKnown: boolean;
  source: string;
  /** The time was corrected for a device clock that was off. */
  skewed: boolean;
  /** Uploaded by a guard device after it was revoked (recorded before the revocation). */
  fromRevokedDevice: boolean;
}

/** A contact at one checkpoint. */
export interface ContactPlace {
  checkpointId: string;
  checkpointName: string;
  unitName: string;
  overlapMin: number;
  first: number;
  last: number;
}

/** One contact row: one person (merged keys), places, overlap minutes, how to reach them. */
export interface ContactEntry {
  personId: string;
  personKeys: string[];
  name: string;
  phone: string | null;
  address: string | null;
  idNumber: string | null;
  birthYear: number | null;
  overlapMin: number;
  places: ContactPlace[];
  /** For F2: the F1 people (person ids) they overlapped. */
  via: string[];
  /** For F2: the names of those F1 people, in the order of `via`. */
  viaNames?: string[];
  /** The name as the check-in carried it, when a guard corrected it (the correction is `name`). */
  originalName?: string;
  /** The contact rests only on the person's own `self` check-ins (unverified claims, no guard saw them). */
  selfOnly: boolean;
  /** Some of the check-ins behind this contact came from a revoked device. */
  fromRevokedDevice: boolean;
  /** Risk at the door: what they declared at arrivals from the window's start to 14 days after its end. */
  risk?: { kinds: ('symptom' | 'exposure')[]; signals: string[] };
}

/** The narrow zone of one commune, named. */
export interface ZoneEntry {
  unitId: string;
  unitName: string;
  contacts: number;
  windows: number;
  checkpoints: {
    checkpointId: string;
    code: string;
    name: string;
    contacts: number;
    windows: { start: number; end: number; contacts: number }[];
  }[];
}

/** A trace's answer. */
export interface TraceResult {
  personKeys: string[];
  window: { start: number; end: number };
  bufferMin: number;
  timeline: TimelineEntry[];
  f1: ContactEntry[];
  zone: ZoneEntry[];
}
