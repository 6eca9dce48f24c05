/** The enrolled checkpoint and the district settings the guard screens work with (cached for offline). */
import { getDeviceConfig, getEnrolment, getQuestionnaire, type DeviceConfig, type Enrolment } from '../data';
import type { Questionnaire } from '../../shared/protocol';
import { useLive } from '../hooks/useLive';
import { riskView, type RiskView } from '../risk/rules';

export interface GuardContext {
  enrolment: Enrolment;
  config: DeviceConfig | null;
  questionnaire: Questionnaire;
  repeatWindowMin: number;
  /** Risk at the door: the questionnaire's risk marks and the district's validity, instruction and phone. */
  risk: RiskView;
}

/** Default repeat-scan window until the district's setting arrives. */
const DEFAULT_REPEAT_WINDOW_MIN = 10;

/** Reads the guard context; undefined while loading, null when the device is not enrolled. */
export function useGuardContext(): GuardContext | null | undefined {
  const value = useLive(
    async () => {
      const enrolment = await getEnrolment();
      if (!enrolment) return null;
      const [config, questionnaire] = await Promise.all([getDeviceConfig(), getQuestionnaire()]);
      const s = config?.settings;
      const risk = riskView(
        questionnaire,
        s && {
          declarationValidDays: s.declarationValidDays,
          instruction: s.riskInstruction,
          healthPhone: s.healthPhone,
        },
      );
      return {
        enrolment,
        config,
        questionnaire,
        repeatWindowMin: config?.settings.repeatWindowMin ?? DEFAULT_REPEAT_WINDOW_MIN,
        risk,
      };
    },
    [],
    undefined as GuardContext | null | undefined,
  );
  return value;
}
