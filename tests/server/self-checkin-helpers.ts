/**
 * Test helpers for visitor phones: register an anonymous token (from a chosen address) and build self
 * check-ins proven by a checkpoint's signed poster, as the visitor PWA makes them.
 */
import { v7 as uuidv7 } from 'uuid';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { API, type CheckIn, type Person, type VisitorRegisterResponse } from '../../src/shared/protocol';
import type { PosterSigner } from '../../src/server/services/poster-signing';
import type { Checkpoint } from '../../src/server/domain/types';
import { signedHeaders } from './helpers';

/** Registers a visitor phone from `address`; returns its token. */
export async function registerVisitor(app: FastifyInstance, address = '127.0.0.1'): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: API.visitorRegister,
    payload: { appVersion: '0.1.0' },
    remoteAddress: address,
  });
  if (res.statusCode !== 201) throw new Error(`register failed: ${res.statusCode} ${res.body}`);
  return res.json<VisitorRegisterResponse>().token;
}

/** A self check-in at `time` proven by the checkpoint's printed poster (or its door-screen code of minute `t`). */
export function selfCheckIn(
  signer: PosterSigner,
  cp: Pick<Checkpoint, 'id' | 'code' | 'name'>,
  person: Person,
  time: number,
  t?: number,
): CheckIn {
  const poster = signer.sign({ code: cp.code, checkpointId: cp.id, name: cp.name, ...(t === undefined ? {} : { t }) });
  return {
    id: uuidv7({ msecs: time }),
    checkpointId: cp.id,
    kind: 'in',
    source: 'self',
    deviceTime: time,
    person,
    proof: {
      code: poster.code,
      name: poster.name,
      sig: poster.sig,
      ...(poster.t === undefined ? {} : { t: poster.t }),
    },
  };
}

/** `count` invented people (name, CCCD number, phone), as the attack script made them. */
export function inventedPeople(count: number, seed = 0): Person[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `Người Bịa ${seed}-${i}`,
    idNumber: `0380${String(seed).padStart(2, '0')}${String(i).padStart(6, '0')}`,
    phone: `09${String(seed).padStart(2, '0')}${String(i).padStart(6, '0')}`,
  }));
}

/** POSTs a push from an address (signed with the device's key when the test enrolled it). */
export async function pushFrom(
  app: FastifyInstance,
  token: string,
  body: unknown,
  address = '127.0.0.1',
): Promise<LightMyRequestResponse> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return app.inject({
    method: 'POST',
    url: API.push,
    headers: await signedHeaders(token, text),
    payload: text,
    remoteAddress: address,
  });
}
