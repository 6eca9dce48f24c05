/**
 * Password strength, judged by zxcvbn-ts with its common-password, name and keyboard lists (no
 * hand-written rules beyond the length bounds). Used by the CLI's create-admin, console account
 * creation and password change. Refusals carry a reason in Vietnamese and English (dict-sec.ts).
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { secDict, secText, type SecKey } from '../i18n/dict-sec';
import { MAX_PASSWORD_LENGTH } from '../../shared/console-api/schemas';
import { MIN_PASSWORD_LENGTH } from './password';

/** zxcvbn score (0–4) a password must reach: 3 = "safely unguessable: moderate protection from offline attacks". */
const MIN_PASSWORD_SCORE = 3;

const zxcvbn = new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });

/** Accepted, or refused with a reason code and a message in both languages. */
export type PasswordVerdict = { ok: true } | { ok: false; reason: string; message: { vi: string; en: string } };

/** Judges a new password; `context` holds the account's username and name (a password may not be built on them). */
export function judgePassword(password: string, context: readonly string[] = []): PasswordVerdict {
  if (password.length < MIN_PASSWORD_LENGTH)
    return { ok: false, reason: 'too_short', message: secText('password.tooShort', { min: MIN_PASSWORD_LENGTH }) };
  if (password.length > MAX_PASSWORD_LENGTH)
    return { ok: false, reason: 'too_long', message: secText('password.tooLong', { max: MAX_PASSWORD_LENGTH }) };
  const result = zxcvbn.check(
    password,
    context.filter((s) => s.length > 0).map((s) => s.toLowerCase()),
  );
  if (result.score >= MIN_PASSWORD_SCORE) return { ok: true };
  const warning = result.feedback.warning ?? 'generic';
  const candidate = `password.warning.${warning}`;
  const key: SecKey = Object.hasOwn(secDict, candidate) ? (candidate as SecKey) : 'password.warning.generic';
  const why = secText(key);
  return {
    ok: false,
    reason: `weak_${warning}`,
    message: {
      vi: secText('password.refused', { reason: why.vi }).vi,
      en: secText('password.refused', { reason: why.en }).en,
    },
  };
}
