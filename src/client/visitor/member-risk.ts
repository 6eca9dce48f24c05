/** Risk at the door on the visitor's phone: what a household member's latest declaration says. */
import { assessDeclaration, type RiskAssessment } from '../../shared/risk/evaluate';
import { rulesOf } from '../risk/rules';
import { riskLevel, riskLines } from '../risk/risk-words';
import type { Household, HouseholdMember } from './useVisitorData';

/** The member's latest declaration judged by the district's rules today (missing when none). */
export function memberRisk(member: HouseholdMember, household: Household): RiskAssessment {
  return assessDeclaration(member.state.kind === 'none' ? null : member.state.declaration, rulesOf(household.risk));
}

/** The warning for a member who declared today with a symptom or an exposure ("⚠ Có triệu chứng: ho"); else null. */
export function declaredRiskWarning(member: HouseholdMember, household: Household): string | null {
  const risk = memberRisk(member, household);
  return member.state.kind === 'today' && riskLevel(risk) === 'risk' ? `⚠ ${riskLines(risk).join(' · ')}` : null;
}
