/**
 * Outbreak benchmark: 200 confirmed cases registered through the real service (each traced over its
 * infectious window) and 20,000 contacts under follow-up, half of them called today; then the commune
 * call list (each commune's health station signed in, 4 rounds) and the district report (a tracer, 20
 * times) asked of the real app's routes (`app.inject`: session, role scope, audit, JSON). The check-in data set is
 * bench:trace's generator at 10 million rows by default, as the
 * issue asks (4.7 GB, about five minutes to build the first time), built once into a file in the temp
 * directory and copied fresh for each run; `--rows 500000` gives a quick run.
 *
 *   npm run bench:outbreak [-- --rows 10000000 --cases 200 --followups 20000]
 *
 * Last line: `call list p95 X ms district report p95 Y ms`.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { openDatabase } from '../src/server/db/database';
import { migrateToLatest } from '../src/server/db/migrate';
import { listUnits } from '../src/server/db/units-repo';
import * as repo from '../src/server/outbreak/outbreak-repo';
import { decide, registerCase } from '../src/server/outbreak/outbreak-service';
import { buildApp } from '../src/server/app';
import { OUTBREAK_API, type CallList, type DailyReport } from '../src/shared/outbreak-api';
import { createAccount, signIn } from '../tests/server/console-helpers';
import { dayKey, followupEnd } from '../src/server/outbreak/days';
import { seededRandom } from '../src/shared/seeded-random';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000000' },
    cases: { type: 'string', default: '200' },
    followups: { type: 'string', default: '20000' },
  },
});
const ROWS = Number(values.rows);
const CASES = Number(values.cases);
const FOLLOWUPS = Number(values.followups);
const SOURCE = join(tmpdir(), `tram-qr-bench-trace-${ROWS}.sqlite`);
const WORK = join(tmpdir(), `tram-qr-bench-outbreak-${process.pid}.sqlite`);
/** Midnight (Vietnam) after bench:trace's last generated day; the clock is noon of that last day. */
const END = Date.UTC(2026, 10, 28, 17);
const NOW = END - 12 * 3_600_000;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function timed(times: number[], work: () => Promise<unknown>): Promise<void> {
  const began = performance.now();
  await work();
  times.push(performance.now() - began);
}

async function main(): Promise<void> {
  if (!existsSync(`${SOURCE}.done`)) {
    console.log(`generating ${ROWS} check-ins with bench:trace's generator into ${SOURCE}`);
    const r = spawnSync('npx', ['tsx', 'bench/trace.ts', '--rows', String(ROWS), '--traces', '0', '--file', SOURCE], {
      stdio: 'inherit',
    });
    if (r.status !== 0) throw new Error('generation failed');
  }
  copyFileSync(SOURCE, WORK);
  const db = openDatabase(WORK);
  await migrateToLatest(db);
  // Setting up: no fsync per write (the timed reads below do not depend on it).
  await sql`pragma synchronous = off`.execute(db);
  await repo.updateOutbreakSettings(db, { followUpDays: 14, lostAfterDays: 3 });
  const rand = seededRandom(15);
  const keys = (
    await db
      .selectFrom('checkins')
      .select('person_key')
      .distinct()
      .where('corrected_time', '>=', END - 3 * 86_400_000)
      .where('kind', '=', 'in')
      .limit(100_000)
      .execute()
  ).map((r) => r.person_key);
  const perCase = Math.ceil(FOLLOWUPS / CASES);
  let followed = 0;
  let fromTrace = 0;
  const began = performance.now();
  const caseIds: string[] = [];
  for (let i = 0; caseIds.length < CASES && i < CASES * 5; i++) {
    const key = keys[Math.floor(rand() * keys.length)]!;
    try {
      caseIds.push(
        await registerCase(
          db,
          [key],
          { confirmedAt: NOW - 3 * 3_600_000, testType: 'pcr', onsetAt: null, isolation: 'centralised' },
          'bench',
          NOW,
        ),
      );
    } catch {
      continue; // already a case
    }
  }
  for (const id of caseIds) {
    const proposed = (await repo.listContacts(db, id)).filter((c) => c.status === 'proposed').slice(0, perCase);
    for (const c of proposed) {
      if (followed >= FOLLOWUPS) break;
      try {
        await decide(db, c.id, 'confirm', 'bench', 'bench', NOW);
        followed++;
        fromTrace++;
      } catch {
        // no commune: skipped
      }
    }
  }
  // Top up with follow-ups of typed-in contacts when the smaller data set yields fewer F1 than asked.
  const communes = (await listUnits(db)).filter((u) => u.level === 'commune');
  const settings = await repo.getOutbreakSettings(db);
  while (followed < FOLLOWUPS) {
    const caseId = caseIds[followed % caseIds.length]!;
    const last = NOW - Math.floor(rand() * 10) * 86_400_000;
    const contactId = uuidv7();
    await repo.insertContacts(db, [
      {
        id: contactId,
        caseId,
        personId: `manual:${contactId}`,
        name: `Người tiếp xúc ${followed}`,
        phone: '0912000000',
        address: null,
        origin: 'manual',
        relationship: 'household',
        status: 'confirmed',
        reason: 'bench',
        overlapMin: 0,
        lastExposure: last,
        places: [],
        basis: 'unknown',
      },
    ]);
    await repo.insertFollowup(db, {
      id: uuidv7(),
      caseId,
      contactId,
      personId: `manual:${contactId}`,
      name: `Người tiếp xúc ${followed}`,
      phone: '0912000000',
      address: null,
      unitId: communes[followed % communes.length]!.id,
      lastExposure: last,
      startedAt: NOW - 86_400_000,
      endsAt: followupEnd(last, settings),
    });
    followed++;
  }
  const active = await repo.listFollowups(db, { status: 'active' });
  for (const [i, f] of active.entries()) {
    if (i % 2 === 0)
      await repo.insertEntry(db, {
        id: uuidv7(),
        followupId: f.id,
        unitId: f.unitId,
        day: dayKey(NOW),
        at: NOW,
        by: 'bench',
        reached: true,
        symptoms: null,
        testType: i % 6 === 0 ? 'rapid' : null,
        testResult: i % 6 === 0 ? 'negative' : null,
        location: 'home',
        note: null,
      });
  }
  console.log(
    `${caseIds.length} cases, ${followed} follow-ups (${fromTrace} confirmed from traces, ${followed - fromTrace} typed in), ${active.length} active, set up in ${((performance.now() - began) / 1000).toFixed(0)} s on ${ROWS} check-ins`,
  );

  // Timed through the real routes, as a health station and a tracer ask them: session, role scope,
  // audit entry and JSON answer included (the app on the same file, signed in as each).
  await createAccount(db, 'bench.tracer', 'tracer');
  for (const u of communes) await createAccount(db, `bench.${u.code.toLowerCase()}`, 'officer', u.code);
  const keyDir = mkdtempSync(join(tmpdir(), 'tram-qr-bench-outbreak-keys-'));
  const app = await buildApp({
    dbFile: WORK,
    publicUrl: 'http://district.test',
    now: () => NOW,
    districtKeyDir: keyDir,
  });
  const tracer = await signIn(app, 'bench.tracer');
  const stations = await Promise.all(communes.map((u) => signIn(app, `bench.${u.code.toLowerCase()}`)));
  const callTimes: number[] = [];
  let rows = 0;
  for (let round = 0; round < 4; round++)
    for (const station of stations)
      await timed(callTimes, async () => {
        const res = await station.request('GET', OUTBREAK_API.followups);
        if (res.statusCode !== 200) throw new Error(`call list answered ${res.statusCode}`);
        rows += res.json<CallList>().rows.length;
      });
  const reportTimes: number[] = [];
  let underFollowup = 0;
  for (let i = 0; i < 20; i++)
    await timed(reportTimes, async () => {
      const res = await tracer.request('GET', `${OUTBREAK_API.report}?day=${dayKey(NOW)}`);
      if (res.statusCode !== 200) throw new Error(`report answered ${res.statusCode}`);
      underFollowup = res.json<DailyReport>().district.underFollowup;
    });
  await app.close();
  rmSync(keyDir, { recursive: true, force: true });
  await db.destroy();
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${WORK}${suffix}`, { force: true });
  callTimes.sort((a, b) => a - b);
  reportTimes.sort((a, b) => a - b);
  console.log(
    `call list: ${callTimes.length} calls, mean ${(rows / callTimes.length).toFixed(0)} rows; district report: ${reportTimes.length} runs, ${underFollowup} under follow-up`,
  );
  console.log(
    `call list p95 ${percentile(callTimes, 95).toFixed(1)} ms district report p95 ${percentile(reportTimes, 95).toFixed(1)} ms`,
  );
}

await main();
