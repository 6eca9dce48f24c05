/** Risk at the door in tracing: which contacts declared a symptom or an exposure, and the "only them" filter. */
import type { ContactEntry } from '../../shared/tracing-api';
import type { Db } from '../db/database';
import { riskOfPersons } from '../db/risk-repo';

/** Declarations up to this long after the window still say a contact is at risk (symptoms come later). */
const RISK_LOOKAHEAD_MS = 14 * 86_400_000;

/** Adds each contact's declared risk (`risk`) and, with `riskOnly`, keeps only contacts who declared one. */
export async function withDeclaredRisk(
  db: Db,
  contacts: ContactEntry[],
  window: { from: number; to: number },
  riskOnly = false,
): Promise<ContactEntry[]> {
  if (contacts.length === 0) return contacts;
  const risks = await riskOfPersons(
    db,
    [...new Set(contacts.flatMap((c) => c.personKeys))],
    window.from,
    window.to + RISK_LOOKAHEAD_MS,
  );
  const out: ContactEntry[] = [];
  for (const c of contacts) {
    const found = c.personKeys.map((k) => risks.get(k)).filter((r) => r !== undefined);
    if (found.length === 0) {
      if (!riskOnly) out.push(c);
      continue;
    }
    const kinds = (['symptom', 'exposure'] as const).filter((k) => found.some((r) => r.kinds.includes(k)));
    out.push({ ...c, risk: { kinds, signals: [...new Set(found.flatMap((r) => r.signals))].sort() } });
  }
  return out;
}
