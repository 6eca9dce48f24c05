/**
 * Clock epochs: every check-in records the epoch of the device clock it was taken under. A new epoch
 * starts when this app context starts, and when the wall clock jumps against the monotonic clock
 * (`performance.now()`). Each epoch keeps the last server-minus-device offset measured (or, after a
 * jump seen live, derived exactly from the jump), so the server corrects every item by its own epoch.
 */
import { appDb } from './db';
import { withDbRetry } from './retry';

const KEY = 'clockEpochs';
/** A wall-clock change larger than this against the monotonic clock starts a new epoch. */
const JUMP_MS = 2_000;
/** Offsets kept for at most this many epochs (oldest dropped). */
const MAX_EPOCHS = 100;

/** What the device knows about its clock epochs. */
interface EpochState {
  current: string;
  /** Server minus device clock, ms, per epoch where it is known. */
  offsets: Record<string, number>;
  /** Epoch ids, oldest first. */
  order: string[];
}

/** This context's anchor: the epoch it is in and wall minus monotonic time when it started it. */
let anchor: { epoch: string; wallMinusMono: number } | null = null;

const newEpochId = (): string => `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`;

/** Reads the epoch state. */
export async function getEpochState(): Promise<EpochState | null> {
  const row = await withDbRetry(() => appDb().meta.get(KEY));
  return row ? (row.value as EpochState) : null;
}

async function update(change: (state: EpochState | null) => EpochState): Promise<EpochState> {
  const db = appDb();
  return withDbRetry(() =>
    db.transaction('rw', db.meta, async () => {
      const next = change(((await db.meta.get(KEY))?.value as EpochState | undefined) ?? null);
      while (next.order.length > MAX_EPOCHS) delete next.offsets[next.order.shift() ?? ''];
      await db.meta.put({ key: KEY, value: next });
      return next;
    }),
  );
}

/** Starts a new epoch; `offset` when the jump from the previous one is known exactly. */
async function startEpoch(offset: number | undefined): Promise<string> {
  const epoch = newEpochId();
  await update((state) => {
    const next: EpochState = {
      current: epoch,
      offsets: { ...(state?.offsets ?? {}) },
      order: [...(state?.order ?? []), epoch],
    };
    if (offset !== undefined) next.offsets[epoch] = Math.round(offset);
    return next;
  });
  anchor = { epoch, wallMinusMono: Date.now() - performance.now() };
  return epoch;
}

/** The epoch a check-in taken now belongs to (starting one at context start or after a clock jump). */
export async function currentEpoch(): Promise<string> {
  const drift = Date.now() - performance.now();
  if (!anchor) return startEpoch(undefined);
  const jump = drift - anchor.wallMinusMono;
  if (Math.abs(jump) <= JUMP_MS) return anchor.epoch;
  // The clock moved by `jump` while we watched: the new epoch's offset is the old one minus the jump.
  const known = (await getEpochState())?.offsets[anchor.epoch];
  return startEpoch(known === undefined ? undefined : known - jump);
}

/** Records an offset the server measured for `epoch` (a push or a config fetch made in it). */
export async function recordEpochOffset(epoch: string, offsetMs: number): Promise<void> {
  await update((state) => {
    const next: EpochState = state ?? { current: epoch, offsets: {}, order: [epoch] };
    if (!next.order.includes(epoch)) next.order.push(epoch);
    next.offsets[epoch] = Math.round(offsetMs);
    return next;
  });
}

/** True when this context has started watching the clock (the page, once it recorded or flushed). */
export function hasEpochAnchor(): boolean {
  return anchor !== null;
}
