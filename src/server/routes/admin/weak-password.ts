/**
 * The answer to a refused new password: 400 `weak_password`, the reason code, and the message in
 * Vietnamese (`message`, what the console shows) and English (`messageEn`).
 */
import type { FastifyReply } from 'fastify';
import type { PasswordVerdict } from '../../auth/password-strength';

/** Sends 400 weak_password for a refused verdict. */
export function sendWeakPassword(reply: FastifyReply, verdict: Extract<PasswordVerdict, { ok: false }>): FastifyReply {
  return reply.code(400).type('application/json; charset=utf-8').send({
    error: 'weak_password',
    reason: verdict.reason,
    message: verdict.message.vi,
    messageEn: verdict.message.en,
  });
}
