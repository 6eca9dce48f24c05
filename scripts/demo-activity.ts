/**
 * Fills a running demo server with 30 days of realistic activity through its real HTTP API: an
 * official signs in, makes enrolment links, guard devices enrol and push sample check-ins. Some
 * checkpoints stay silent on purpose (that is what the dashboard is for).
 */
import { PROTOCOL_VERSION, type CheckIn } from '../src/shared/protocol';
import { enrolKeyed, signedPushHeaders, type KeyedEnrolment } from '../tests/support/device-key';
import { sampleCheckIns } from '../src/server/seed/sample-checkins';

const DAY = 86_400_000;

interface Session {
  cookie: string;
  csrf: string;
}

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) throw new Error(`${response.url}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Signs in to the console API. */
export async function apiSignIn(baseUrl: string, username: string, password: string): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const { csrfToken } = await json<{ csrfToken: string }>(res);
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrf: csrfToken };
}

/** Enrols a guard device at a checkpoint through a console enrolment link; returns it with its signer. */
async function enrolDevice(
  baseUrl: string,
  session: Session,
  checkpointId: string,
  label: string,
): Promise<KeyedEnrolment> {
  const { link } = await json<{ link: string }>(
    await fetch(`${baseUrl}/api/admin/checkpoints/${checkpointId}/enrolment-links`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
      body: '{}',
    }),
  );
  const code = link.split('#')[1];
  return enrolKeyed(baseUrl, code ?? '', label, '0.1.0');
}

/** One signed push (devices sign every push with their key). */
async function signedPost(baseUrl: string, device: KeyedEnrolment, body: string): Promise<Response> {
  return fetch(`${baseUrl}/api/sync/push`, { method: 'POST', headers: await signedPushHeaders(device, body), body });
}

/** Pushes check-ins in batches of 500 as a device. */
async function pushAll(baseUrl: string, device: KeyedEnrolment, items: CheckIn[], pendingAfter = 0): Promise<void> {
  for (let i = 0; i < items.length; i += 500) {
    const batch = items.slice(i, i + 500);
    const remaining = items.length - i + pendingAfter;
    await json(
      await signedPost(
        baseUrl,
        device,
        JSON.stringify({
          protocol: PROTOCOL_VERSION,
          sentAt: Date.now(),
          appVersion: '0.1.0',
          pending: remaining,
          items: batch,
        }),
      ),
    );
  }
}

/** How busy each demo checkpoint is (check-ins per day); codes missing here stay silent. */
const ACTIVITY: Record<string, { perDay: number; lastDaysAgo: number }> = {
  'TS-DL-001': { perDay: 60, lastDaysAgo: 0 },
  'TS-NUA-001': { perDay: 140, lastDaysAgo: 0 },
  'TS-TTS-001': { perDay: 90, lastDaysAgo: 0 },
  'TS-HT-001': { perDay: 35, lastDaysAgo: 1 },
  'TS-MS-001': { perDay: 20, lastDaysAgo: 12 },
};

/** Generates the demo activity; returns how many check-ins were pushed. */
export async function generateDemoActivity(baseUrl: string, session: Session, now = Date.now()): Promise<number> {
  const checkpoints = await json<{ id: string; code: string }[]>(
    await fetch(`${baseUrl}/api/admin/checkpoints`, { headers: { cookie: session.cookie } }),
  );
  let total = 0;
  let seed = 1;
  for (const cp of checkpoints) {
    const plan = ACTIVITY[cp.code];
    if (!plan) continue;
    const device = await enrolDevice(baseUrl, session, cp.id, `Máy cổng ${cp.code}`);
    const items: CheckIn[] = [];
    for (let daysAgo = 29; daysAgo >= plan.lastDaysAgo; daysAgo--) {
      // Busier on market days and as the outbreak grows; mornings from 7:00 Vietnam time.
      const dayStart = Math.floor((now - daysAgo * DAY + 7 * 3_600_000) / DAY) * DAY - 7 * 3_600_000 + 7 * 3_600_000;
      const count = Math.round(plan.perDay * (0.5 + (29 - daysAgo) / 40) * (daysAgo % 5 === 0 ? 1.4 : 1));
      const day = sampleCheckIns({ checkpointId: cp.id, count, startTime: dayStart, seed: seed++ }).filter(
        (c) => c.deviceTime < now - 60_000,
      );
      items.push(...day);
    }
    await pushAll(baseUrl, device, items, cp.code === 'TS-HT-001' ? 12 : 0);
    total += items.length;
  }
  return total;
}
