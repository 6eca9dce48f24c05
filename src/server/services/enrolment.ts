/**
 * Guard-device enrolment: one-time codes issued by officials, redeemed by a phone for a token.
 */
import { looksLikeUserAgent } from '../../shared/device-name';
import { v7 as uuidv7 } from 'uuid';
import type { CheckpointInfo, EnrolRequest } from '../../shared/protocol';
import type { Db } from '../db/database';
import { findCheckpointById, findCheckpointInfo } from '../db/checkpoints-repo';
import { countCheckpointDevices, insertDevice } from '../db/devices-repo';
import { claimEnrolmentCode, findEnrolmentCode, insertEnrolmentCode } from '../db/enrolment-codes-repo';
import { hashEnrolmentCode, newDeviceToken, newEnrolmentCode, sha256Hex } from '../domain/secrets';

/** Default lifetime of an enrolment code. */
export const DEFAULT_ENROL_TTL_HOURS = 72;

export type EnrolFailure = 'unknown_code' | 'code_expired' | 'code_used' | 'checkpoint_closed';

type EnrolOutcome =
  { ok: true; deviceId: string; token: string; checkpoint: CheckpointInfo } | { ok: false; error: EnrolFailure };

/** Thrown inside the transaction to roll it back when another request claimed the code first. */
class LostClaim extends Error {}

/** Creates a one-time enrolment code for a checkpoint; returns the plain code (only its hash is stored). */
export async function issueEnrolmentCode(
  db: Db,
  checkpointId: string,
  now: number,
  ttlHours = DEFAULT_ENROL_TTL_HOURS,
): Promise<string> {
  const code = newEnrolmentCode();
  await insertEnrolmentCode(db, {
    codeHash: hashEnrolmentCode(code),
    checkpointId,
    createdAt: now,
    expiresAt: now + Math.round(ttlHours * 3_600_000),
  });
  return code;
}

/** The link a guard opens (or scans) to enrol; the code sits in the fragment so it never reaches server logs. */
export function enrolLink(publicUrl: string, code: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/enrol#${code}`;
}

/**
 * The name officials see for a new device: what the guard typed ("Máy cổng chính"), otherwise the
 * checkpoint's name and a number ("Máy 2 – UBND xã Dân Lực"). A browser's user-agent is never a name.
 */
async function deviceName(
  db: Db,
  typed: string | undefined,
  checkpointId: string,
  checkpointName: string,
): Promise<string> {
  const name = typed?.trim() ?? '';
  if (name && !looksLikeUserAgent(name)) return name;
  return `Máy ${(await countCheckpointDevices(db, checkpointId)) + 1} – ${checkpointName}`;
}

/** Redeems an enrolment code: creates the device and its token, and marks the code used, atomically. */
export async function enrolDevice(db: Db, request: EnrolRequest, now: number): Promise<EnrolOutcome> {
  const codeHash = hashEnrolmentCode(request.code);
  try {
    return await db.transaction().execute(async (trx): Promise<EnrolOutcome> => {
      const code = await findEnrolmentCode(trx, codeHash);
      if (!code) return { ok: false, error: 'unknown_code' };
      if (code.usedAt !== null) return { ok: false, error: 'code_used' };
      if (code.expiresAt <= now) return { ok: false, error: 'code_expired' };
      const checkpoint = await findCheckpointById(trx, code.checkpointId);
      const info = await findCheckpointInfo(trx, code.checkpointId);
      if (!checkpoint || !info || checkpoint.status !== 'open') return { ok: false, error: 'checkpoint_closed' };

      const deviceId = uuidv7();
      const token = newDeviceToken();
      await insertDevice(
        trx,
        {
          id: deviceId,
          checkpointId: checkpoint.id,
          label: await deviceName(trx, request.deviceLabel, checkpoint.id, info.name),
          appVersion: request.appVersion,
          enrolledAt: now,
        },
        sha256Hex(token),
        request.deviceKey ? JSON.stringify(request.deviceKey) : null,
      );
      if (!(await claimEnrolmentCode(trx, codeHash, deviceId, now))) throw new LostClaim();
      return { ok: true, deviceId, token, checkpoint: info };
    });
  } catch (error) {
    if (error instanceof LostClaim) return { ok: false, error: 'code_used' };
    throw error;
  }
}
