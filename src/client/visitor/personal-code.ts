/**
 * What a profile's personal QR says today: the compact TQ1 code (profile + today's declaration as flags)
 * and whether the declaration is missing or out of date.
 */
import type { Declaration, Questionnaire } from '../../shared/protocol';
import { yesNoQuestionIds } from '../../shared/questionnaire/default';
import { daysBetween, riskKindsOf } from '../../shared/risk/evaluate';
import { encodeVisitorCode, flagsFromAnswers } from '../../shared/scan/visitor-code';
import type { VisitorDeclaration } from '../../shared/scan/types';
import type { Profile, StoredDeclaration } from '../data';

/** Today's declaration state of a profile. */
export type DeclarationState =
  | { kind: 'today'; declaration: Declaration }
  /** Made on an earlier day, or for an older questionnaire version than the district's current one. */
  | { kind: 'stale'; declaration: Declaration; why: 'old_day' | 'old_version' }
  | { kind: 'none' };

/**
 * Classifies a profile's latest declaration against today, the district's validity (days) and the current
 * questionnaire.
 */
export function declarationState(
  latest: StoredDeclaration | undefined,
  questionnaire: Questionnaire,
  today: string,
  validDays = 1,
): DeclarationState {
  if (!latest) return { kind: 'none' };
  const { declaration } = latest;
  const age = daysBetween(declaration.date, today);
  if (age === null || age >= Math.max(1, validDays)) return { kind: 'stale', declaration, why: 'old_day' };
  if (declaration.version !== questionnaire.version) return { kind: 'stale', declaration, why: 'old_version' };
  return { kind: 'today', declaration };
}

/** The yes/no answers of a declaration as the code's flags (questionnaire order). */
function toVisitorDeclaration(declaration: Declaration, questionnaire: Questionnaire): VisitorDeclaration {
  const yes = yesNoQuestionIds(questionnaire).map((id) => declaration.answers[id] === true);
  return {
    date: declaration.date,
    version: declaration.version,
    flags: flagsFromAnswers(yes),
    risk: riskKindsOf(declaration, questionnaire),
  };
}

/** The personal QR text of a profile; carries the declaration only when it is today's and current. */
export function personalCode(profile: Profile, state: DeclarationState, questionnaire: Questionnaire): string {
  const p = profile.person;
  const visitor = {
    visitorId: profile.id,
    name: p.name,
    ...(p.birthYear !== undefined && { birthYear: p.birthYear }),
    ...(p.birthDate !== undefined && { birthDate: p.birthDate }),
    ...(p.gender !== undefined && { gender: p.gender }),
    ...(p.phone !== undefined && { phone: p.phone }),
    ...(p.idNumber !== undefined && { idNumber: p.idNumber }),
    ...(p.address !== undefined && { address: p.address }),
  };
  return encodeVisitorCode(
    visitor,
    state.kind === 'today' ? toVisitorDeclaration(state.declaration, questionnaire) : null,
  );
}
