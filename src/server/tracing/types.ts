/**
 * Tracing's domain types. Times are corrected server-side times (device time + clock offset), ms since the epoch.
 */
import type { Source } from '../../shared/protocol';

/** One stored event of a person at a checkpoint, as tracing needs it (no declaration, no device). */
export interface TraceEvent {
  id: string;
  checkpointId: string;
  personKey: string;
  kind: 'in' | 'out';
  /** For 'out': the 'in' it closes (may be missing or unknown). */
  ref: string | null;
  /** Corrected time, ms. */
  time: number;
  /** The device clock was off by more than the flag threshold (the time was corrected). */
  skewed: boolean;
  source: Source;
}

/** A person's presence at one checkpoint: from an 'in' to its 'out', or to the checkpoint's default stay. */
export interface Stay {
  /** The id of the 'in' event. */
  checkinId: string;
  checkpointId: string;
  personKey: string;
  start: number;
  end: number;
  /** True when an 'out' closed the stay; false when the end is the checkpoint's default stay. */
  endKnown: boolean;
  /** The in or the out came from a device whose clock was corrected. */
  skewed: boolean;
  source: Source;
}

/** How stays are closed and how wide an exposure is. */
export interface TraceRules {
  /** Default stay of a checkpoint, ms (used when nobody checked out). */
  defaultStayMs(checkpointId: string): number;
  /** Longest stay believed, ms: a later 'out' (a forgotten check-out) is capped here. */
  maxStayMs: number;
  /** Added on both sides of a source stay: presence this close before or after still counts, ms. */
  bufferMs: number;
  /** A second 'in' of the same person at the same checkpoint this soon is the same visit, ms (default 10 min). */
  repeatWindowMs?: number;
}

/** A half-open time interval [start, end), ms. */
export interface Interval {
  start: number;
  end: number;
}

/** A contact's exposure at one checkpoint. */
export interface CheckpointExposure {
  checkpointId: string;
  /** Union of the contact's presence inside the widened source windows, ms. */
  overlapMs: number;
  /** The disjoint exposure intervals, in time order. */
  intervals: Interval[];
}

/** One exposed person (a person = every person key merged into one identity). */
export interface Contact {
  /** The identity: the group key of the merged person keys. */
  personId: string;
  /** Every person key of this identity seen among the exposures. */
  personKeys: string[];
  checkpoints: CheckpointExposure[];
  /** Total exposure over all checkpoints, ms. */
  overlapMs: number;
  /** Identities of the source people this contact overlapped (the case for F1, F1 people for F2). */
  via: string[];
}

/** A checkpoint time window of the narrow zone. */
export interface ZoneWindow extends Interval {
  /** Distinct contacts exposed in this window. */
  contacts: number;
}

/** Where and when the case was, with exposure counts: one checkpoint of the zone. */
export interface ZoneCheckpoint {
  checkpointId: string;
  windows: ZoneWindow[];
  /** Distinct contacts at this checkpoint. */
  contacts: number;
}

/** The narrow zone of one commune (unit). */
export interface ZoneCommune {
  unitId: string;
  checkpoints: ZoneCheckpoint[];
  /** Distinct contacts in this commune. */
  contacts: number;
  windows: number;
}
