/**
 * The server's logs never contain personal data: a real server process (production logging on)
 * runs the tracing flows — guards pushing check-ins, a tracer searching by name, ID and phone,
 * tracing, F2, exports, a published notice, a bad request — and its captured stdout/stderr is
 * searched for every name, ID number, phone and address used.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { API, PROTOCOL_VERSION, type CheckIn, type Person } from '../../src/shared/protocol';
import { enrolKeyed, signedPushHeaders } from '../support/device-key';
import { TRACING_API } from '../../src/shared/tracing-api';
import { dbFileIn } from '../../src/server/cli/paths';
import { findCheckpointByCode } from '../../src/server/db/checkpoints-repo';
import { openDatabase } from '../../src/server/db/database';
import { issueEnrolmentCode } from '../../src/server/services/enrolment';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { createAccount, PASSWORD } from '../server/console-helpers';

const PEOPLE: Person[] = [
  { name: 'Đinh Thị Huyền Trang', idNumber: '038196123457', phone: '0987654321', address: 'Xóm Bãi Sậy, Xã Dân Lực' },
  { name: 'Lò Văn Khoát', phone: '0971112233', address: 'Thôn Đồng Mưa, Thị trấn Nưa' },
  { name: 'Mẫn Đức Thịnh', idNumber: '038090765432', phone: '0933445566', address: 'Phố Cầu Bố, Xã Thọ Tân' },
];
const SECRETS = PEOPLE.flatMap((p) => [p.name, p.idNumber, p.phone, p.address, p.phone?.slice(1)]).filter(
  (s): s is string => Boolean(s),
);
const SECRETS_FOLDED = ['dinh thi huyen trang', 'lo van khoat', 'man duc thinh'];

let server: ServerProcess;

beforeAll(async () => {
  server = await startServerProcess();
  const db = openDatabase(dbFileIn(server.dataDir));
  await createAccount(db, 'truyvet', 'tracer');
  const codes: string[] = [];
  for (const code of ['TS-DL-001', 'TS-NUA-001', 'TS-TTA-001']) {
    const cp = await findCheckpointByCode(db, code);
    codes.push(await issueEnrolmentCode(db, cp!.id, Date.now()));
  }
  await db.destroy();
  const now = Date.now();
  for (const [i, code] of codes.entries()) {
    const device = await enrolKeyed(server.url, code, 't', 't');
    const items: CheckIn[] = PEOPLE.map((person, j) => ({
      id: uuidv7(),
      checkpointId: device.checkpoint.id,
      kind: 'in',
      source: 'cccd',
      deviceTime: now - 3_600_000 + (i * 3 + j) * 60_000,
      person,
    }));
    const body = JSON.stringify({
      protocol: PROTOCOL_VERSION,
      sentAt: Date.now(),
      appVersion: 't',
      pending: items.length,
      items: [...items, { ...items[0], id: 'not-an-id' }],
    });
    const res = await fetch(`${server.url}${API.push}`, {
      method: 'POST',
      headers: await signedPushHeaders(device, body),
      body,
    });
    expect(res.status).toBe(200);
  }
});

afterAll(async () => {
  await server?.stop();
});

describe('server logs', () => {
  it('hold no name, ID number, phone or address after the tracing flows', async () => {
    const login = await fetch(`${server.url}/api/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'truyvet', password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const get = (path: string) => fetch(`${server.url}${path}`, { headers: { cookie } });
    const post = (path: string, body: unknown) =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify(body),
      });

    const byName = (await (
      await get(`${TRACING_API.persons}?name=${encodeURIComponent('dinh thi huyen trang')}`)
    ).json()) as { persons: { personKey: string }[] };
    expect(byName.persons).toHaveLength(1);
    expect((await get(`${TRACING_API.persons}?id=038090765432`)).status).toBe(200);
    expect((await get(`${TRACING_API.persons}?phone=0971112233`)).status).toBe(200);
    expect((await get(`${TRACING_API.persons}?name=x`)).status).toBe(400); // too short: a 400 whose message must not leak either
    const query = { personKeys: byName.persons.map((p) => p.personKey), from: Date.now() - 86_400_000, to: Date.now() };
    const trace = (await (await post(TRACING_API.run, query)).json()) as {
      f1: { name: string }[];
      zone: { checkpoints: { checkpointId: string; windows: { start: number; end: number }[] }[] }[];
    };
    expect(trace.f1.map((c) => c.name).sort()).toEqual(['Lò Văn Khoát', 'Mẫn Đức Thịnh']);
    expect((await post(TRACING_API.secondRing, query)).status).toBe(200);
    expect((await post(TRACING_API.export, { ...query, format: 'xlsx' })).status).toBe(200);
    expect((await post(TRACING_API.export, { ...query, format: 'csv' })).status).toBe(200);
    expect((await post(TRACING_API.run, { ...query, to: query.from - 1 })).status).toBe(400);
    const windows = trace.zone.flatMap((z) =>
      z.checkpoints.flatMap((cp) => cp.windows.map((w) => ({ checkpointId: cp.checkpointId, ...w }))),
    );
    expect(
      (await post(TRACING_API.notices, { windows, instructions: 'Hãy đi xét nghiệm tại trạm y tế xã.' })).status,
    ).toBe(201);
    expect((await fetch(`${server.url}${API.notices}`)).status).toBe(200);

    await server.stop();
    const log = server.output();
    expect(log).toContain('/api/admin/trace/run'); // the requests were logged…
    for (const secret of [...SECRETS, ...SECRETS_FOLDED])
      expect(log.toLowerCase(), secret).not.toContain(secret.toLowerCase()); // …without personal data
  });
});
