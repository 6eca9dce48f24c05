/**
 * Console test helpers: accounts made through the same service the CLI uses, and a signed-in
 * client that carries the session cookie and CSRF token like the browser console does.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { hashPassword } from '../../src/server/auth/password';
import type { Role } from '../../src/server/auth/roles';
import type { Db } from '../../src/server/db/database';
import { listUnits } from '../../src/server/db/units-repo';
import { insertUser } from '../../src/server/db/users-repo';
import { TRACING_API } from '../../src/shared/tracing-api';

export const PASSWORD = 'mat-khau-dai-1';

/** Creates an account (officers in the commune with this code, default TS-DL). */
export async function createAccount(db: Db, username: string, role: Role, unitCode = 'TS-DL'): Promise<string> {
  const unit = (await listUnits(db)).find((u) => u.code === unitCode);
  const id = uuidv7();
  await insertUser(
    db,
    {
      id,
      username,
      displayName: username,
      role,
      unitId: role === 'officer' ? (unit?.id ?? null) : null,
      createdAt: Date.now(),
    },
    await hashPassword(PASSWORD),
  );
  return id;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

/** A signed-in console client. */
export interface ConsoleClient {
  cookie: string;
  csrf: string;
  request(
    method: Method,
    url: string,
    payload?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

/** Signs in through POST /api/admin/login; throws unless it succeeds. */
export async function signIn(app: FastifyInstance, username: string, password = PASSWORD): Promise<ConsoleClient> {
  const res = await app.inject({ method: 'POST', url: '/api/admin/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const setCookie = String(res.headers['set-cookie']);
  const cookie = setCookie.split(';')[0] ?? '';
  const csrf = res.json<{ csrfToken: string }>().csrfToken;
  return {
    cookie,
    csrf,
    request(method, url, payload, headers = {}) {
      const unsafe = method !== 'GET';
      return app.inject({
        method,
        url,
        headers: { cookie, ...(unsafe ? { 'x-csrf-token': csrf } : {}), ...headers },
        ...(payload === undefined ? (unsafe ? { payload: {} } : {}) : { payload: payload as object }),
      });
    },
  };
}

/** What the tracer's search lists for a query (`id`, `phone`, `name` …): each record's key and name, sorted. */
export async function searchedRecords(tracer: ConsoleClient, query: Record<string, string>): Promise<string[][]> {
  const res = await tracer.request('GET', `${TRACING_API.persons}?${new URLSearchParams(query).toString()}`);
  if (res.statusCode !== 200) throw new Error(`search answered ${res.statusCode}: ${res.body}`);
  return res
    .json<{ persons: { personKey: string; name: string }[] }>()
    .persons.map((p) => [p.personKey, p.name])
    .sort();
}
