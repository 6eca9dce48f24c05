/** Risk at the door on the visitor's phone: what a household member's latest declaration says. */
import { assessDeclaration, type RiskAssessment } from '../../shared/risk/evaluate';
import { rulesOf } from '../risk/rules';
import type { Household, HouseholdMember } from './useVisitorData';

/** The member's latest declaration judged by the district's rules today (missing when none). */
export function memberRisk(member: HouseholdMember, household: Household): RiskAssessment {
  return assessDeclaration(member.state.kind === 'none' ? null : member.state.declaration, rulesOf(household.risk));
}
