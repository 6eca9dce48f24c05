/**
 * Forwarding, sending side: a stored check-in back into the sync protocol's form, with this server's
 * receipt facts in `forwarded`, and the catalog entries a batch refers to.
 */
import type { CheckIn, ForwardingCatalog } from '../../shared/protocol';
import type { StoredCheckIn } from '../domain/types';
import type { Checkpoint } from '../domain/types';

/** Copies the entries of `source` that are not null. */
function withoutNulls<T extends Record<string, unknown>>(source: T): { [K in keyof T]?: Exclude<T[K], null> } {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) if (value !== null && value !== undefined) out[key] = value;
  return out as { [K in keyof T]?: Exclude<T[K], null> };
}

/** The protocol form of a stored check-in as this server forwards it. */
export function toForwardedItem(c: StoredCheckIn): CheckIn {
  const { nameFolded: _folded, ...person } = c.person;
  void _folded;
  const optional = withoutNulls({
    ref: c.ref,
    groupId: c.groupId,
    declaration: c.declaration,
    risk: c.risk ?? null,
    paper: c.paper,
    ext: c.ext,
  });
  return {
    id: c.id,
    checkpointId: c.checkpointId,
    kind: c.kind,
    source: c.source,
    deviceTime: c.deviceTime,
    person: { ...withoutNulls(person), name: person.name },
    ...optional,
    forwarded: {
      deviceId: c.deviceId,
      receivedAt: c.receivedAt,
      clockOffsetMs: c.clockOffsetMs,
      correctedTime: c.correctedTime,
      skewed: c.skewed,
      ...(c.fromRevokedDevice ? { fromRevokedDevice: true } : {}),
    },
  } as CheckIn;
}

/** A checkpoint as the catalog endpoint takes it. */
export function toCatalogCheckpoint(cp: Checkpoint): ForwardingCatalog['checkpoints'][number] {
  return {
    id: cp.id,
    code: cp.code,
    name: cp.name,
    type: cp.type,
    address: cp.address,
    defaultStayMin: cp.defaultStayMin,
    status: cp.status,
  };
}
