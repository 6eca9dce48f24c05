/**
 * Identity merges: several person keys (a CCCD scan, a masked national QR, a paper row with a phone)
 * a tracer decided are one person. A merge maps each key to a group key; unmerged keys are their own group.
 */

/** One stored merge: this person key belongs to that group. */
export interface PersonMerge {
  personKey: string;
  groupKey: string;
}

/** Resolves person keys to identities. */
export interface Identities {
  /** The identity (group key) of a person key. */
  groupOf(personKey: string): string;
  /** Every known key of the identity of this key (at least the key itself). */
  keysOf(personKey: string): string[];
}

/** Builds the resolver from stored merges. */
export function identitiesFrom(merges: readonly PersonMerge[]): Identities {
  const group = new Map<string, string>();
  const members = new Map<string, Set<string>>();
  for (const m of merges) {
    group.set(m.personKey, m.groupKey);
    const set = members.get(m.groupKey) ?? new Set<string>([m.groupKey]);
    set.add(m.personKey);
    members.set(m.groupKey, set);
  }
  const groupOf = (key: string): string => group.get(key) ?? key;
  return {
    groupOf,
    keysOf: (key) => [...(members.get(groupOf(key)) ?? [key])].sort(),
  };
}

/**
 * The merges that join `keys` into one identity, given the existing ones: every key of every group
 * involved moves to one group key (the smallest existing group key, so merging is order-independent).
 */
export function mergeKeys(existing: readonly PersonMerge[], keys: readonly string[]): PersonMerge[] {
  const ids = identitiesFrom(existing);
  const groups = new Set(keys.map((k) => ids.groupOf(k)));
  const all = new Set<string>();
  for (const g of groups) for (const k of ids.keysOf(g)) all.add(k);
  for (const k of keys) all.add(k);
  const groupKey = [...groups].sort()[0];
  if (groupKey === undefined) return [];
  return [...all].sort().map((personKey) => ({ personKey, groupKey }));
}
