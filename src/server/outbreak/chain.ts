/**
 * The chain of transmission from cases and their confirmed contacts: one node per person (a contact
 * who became a case is one node), one edge per case→contact, labelled with the checkpoint and date
 * of the exposure or the typed-in relationship; clusters are the connected groups of the graph.
 */
import type { Chain, ChainEdge, ChainNode, Relationship } from '../../shared/outbreak-api';
import { dayKey } from './days';

export interface ChainCase {
  id: string;
  personId: string;
  name: string;
  unitId: string | null;
  unitName: string;
  confirmedAt: number;
}

export interface ChainContact {
  id: string;
  caseId: string;
  personId: string;
  name: string;
  unitId: string | null;
  unitName: string;
  relationship: Relationship | null;
  /** The place with the longest overlap (null for a typed-in contact). */
  checkpointName: string | null;
  exposedAt: number;
}

export interface ChainFilter {
  unitId?: string;
  from?: string;
  to?: string;
}

function components(nodes: readonly string[], edges: readonly ChainEdge[]): Map<string, string> {
  const parent = new Map(nodes.map((n) => [n, n]));
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const e of edges) parent.set(find(e.source), find(e.target));
  return new Map(nodes.map((n) => [n, find(n)]));
}

/** Builds the graph; the filter keeps edges dated in range that touch the commune, and their ends. */
export function buildChain(
  cases: readonly ChainCase[],
  contacts: readonly ChainContact[],
  filter: ChainFilter = {},
): Chain {
  const caseById = new Map(cases.map((c) => [c.id, c]));
  const people = new Map<string, Omit<ChainNode, 'cluster'> & { unitId: string | null }>();
  for (const c of contacts)
    people.set(c.personId, { id: c.personId, name: c.name, kind: 'contact', unitName: c.unitName, unitId: c.unitId });
  for (const c of cases)
    people.set(c.personId, { id: c.personId, name: c.name, kind: 'case', unitName: c.unitName, unitId: c.unitId });
  const edges: ChainEdge[] = [];
  for (const c of contacts) {
    const from = caseById.get(c.caseId);
    if (!from) continue;
    const date = dayKey(c.exposedAt);
    if (filter.from && date < filter.from) continue;
    if (filter.to && date > filter.to) continue;
    if (
      filter.unitId &&
      people.get(from.personId)?.unitId !== filter.unitId &&
      people.get(c.personId)?.unitId !== filter.unitId
    )
      continue;
    edges.push({
      id: c.id,
      source: from.personId,
      target: c.personId,
      checkpointName: c.checkpointName,
      date,
      relationship: c.relationship,
    });
  }
  const filtered = filter.unitId !== undefined || filter.from !== undefined || filter.to !== undefined;
  const keep = new Set(edges.flatMap((e) => [e.source, e.target]));
  if (!filtered) for (const c of cases) keep.add(c.personId);
  else
    for (const c of cases)
      if (
        (filter.unitId === undefined || c.unitId === filter.unitId) &&
        (!filter.from || dayKey(c.confirmedAt) >= filter.from) &&
        (!filter.to || dayKey(c.confirmedAt) <= filter.to)
      )
        keep.add(c.personId);
  const ids = [...keep].sort();
  const roots = components(ids, edges);
  // Clusters are numbered by their earliest case.
  const order = [...cases].sort((a, b) => a.confirmedAt - b.confirmedAt || a.id.localeCompare(b.id));
  const names = new Map<string, string>();
  for (const c of order) {
    const root = roots.get(c.personId);
    if (root !== undefined && !names.has(root)) names.set(root, `C${names.size + 1}`);
  }
  const nodes = ids.map((id) => {
    const p = people.get(id)!;
    const root = roots.get(id)!;
    return { id, name: p.name, kind: p.kind, unitName: p.unitName, cluster: names.get(root) ?? `C${names.size + 1}` };
  });
  return { nodes, edges };
}
