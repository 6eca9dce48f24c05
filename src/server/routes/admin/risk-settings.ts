/** Risk at the door: the district settings the console edits (validated like every other setting). */
import * as v from 'valibot';

const text = (max: number) => v.pipe(v.string(), v.trim(), v.maxLength(max, `longer than ${max} characters`));

/** The settings body's risk entries: validity in days, the instruction and the health station's phone. */
export const RiskSettingsEntries = {
  declarationValidDays: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(30))),
  riskInstruction: v.optional(text(500)),
  healthPhone: v.optional(v.pipe(text(40), v.regex(/^[+\d][\d .-]*$|^$/, 'phone must be digits'))),
};
