/** Risk at the door on a device: the district's rules and words as the screens hold them, and the risk of a scan. */
import type { Questionnaire, RiskFlags, RiskPolicy } from '../../shared/protocol';
import {
  assessVisitorDeclaration,
  DEFAULT_VALID_DAYS,
  riskSignals,
  type RiskAssessment,
  type RiskRules,
} from '../../shared/risk/evaluate';
import type { ScanResult } from '../../shared/scan/types';
import { localDay } from '../visitor/dates';

/** What a screen needs to judge and word a declaration's risk. */
export interface RiskView {
  questionnaire: Questionnaire;
  validDays: number;
  /** The district's instruction to a person with a risk signal ('' = the app's default sentence). */
  instruction: string;
  healthPhone: string;
}

/** A view from the questionnaire and the district's settings or policy (defaults for what is missing). */
export function riskView(questionnaire: Questionnaire, policy: Partial<RiskPolicy> | null | undefined): RiskView {
  return {
    questionnaire,
    validDays: policy?.declarationValidDays ?? DEFAULT_VALID_DAYS,
    instruction: policy?.instruction ?? '',
    healthPhone: policy?.healthPhone ?? '',
  };
}

/** The rules for judging declarations now (today in local time). */
export function rulesOf(view: RiskView, now: number = Date.now()): RiskRules {
  return { questionnaire: view.questionnaire, today: localDay(now), validDays: view.validDays };
}

/** The risk a scanned person's code shows: a personal QR's declaration, or none for ID cards and national QRs. */
export function riskOfScan(result: ScanResult, rules: RiskRules): RiskAssessment {
  return assessVisitorDeclaration(result.kind === 'visitor' ? result.declaration : null, rules);
}

/** An assessment back from a check-in's stored flags (labels from this device's questionnaire). */
export function assessmentFromFlags(flags: RiskFlags, questionnaire: Questionnaire): RiskAssessment {
  const known = new Map(riskSignals(questionnaire).map((s) => [s.id, s]));
  const signals = flags.signals.flatMap((id) => {
    const signal = known.get(id);
    return signal ? [signal] : [];
  });
  return {
    status: flags.status,
    date: null,
    ageDays: flags.ageDays ?? null,
    signals,
    kinds: [...flags.kinds],
    unknownAnswers: flags.unknownAnswers === true,
  };
}
