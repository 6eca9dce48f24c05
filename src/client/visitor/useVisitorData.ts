/** Live views of the visitor's data for the screens (re-run when the database changes). */
import { getQuestionnaire, getRiskPolicy, latestDeclaration, listProfiles, type Profile } from '../data';
import { riskView, type RiskView } from '../risk/rules';
import { useLive } from '../hooks/useLive';
import type { Questionnaire } from '../../shared/protocol';
import { localDay } from './dates';
import { declarationState, type DeclarationState } from './personal-code';

/** A profile with its declaration state for today. */
export interface HouseholdMember {
  profile: Profile;
  state: DeclarationState;
}

/** Everything the visitor screens show about the household, or null while loading. */
export interface Household {
  members: HouseholdMember[];
  questionnaire: Questionnaire;
  today: string;
  /** Risk at the door: the questionnaire's risk marks and the district's policy (cached). */
  risk: RiskView;
}

async function readHousehold(): Promise<Household> {
  const [profiles, questionnaire, policy] = await Promise.all([listProfiles(), getQuestionnaire(), getRiskPolicy()]);
  const today = localDay();
  const risk = riskView(questionnaire, policy);
  const members = await Promise.all(
    profiles.map(async (profile) => ({
      profile,
      state: declarationState(await latestDeclaration(profile.id), questionnaire, today, risk.validDays),
    })),
  );
  return { members, questionnaire, today, risk };
}

/** The household with today's declaration states; null until first read. */
export function useHousehold(): Household | null {
  return useLive<Household | null>(readHousehold, [], null);
}
