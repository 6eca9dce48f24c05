/**
 * Online backup and the documented restore (docs/operations.md), with the real server process:
 * devices push without pause while `cli backup` copies the live database; the copy is restored into
 * a fresh data directory, a server starts on it, and every check-in acknowledged before the backup
 * started is there (and nothing the server never acknowledged or received is).
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { API } from '../../src/shared/protocol';
import { makeCheckIn } from '../support/make-checkin';
import { runCli } from '../support/server-cli';
import {
  createEnrolLink,
  readCheckins,
  removeDataDir,
  startServerProcess,
  type ServerProcess,
} from '../support/server-process';
import { enrolSim, pushOnce } from '../support/sim-device';

describe('backup under writes, then restore', () => {
  const servers: ServerProcess[] = [];
  const work = mkdtempSync(join(tmpdir(), 'tram-qr-backup-'));

  afterAll(async () => {
    for (const s of servers) {
      await s.stop();
      removeDataDir(s.dataDir);
    }
    rmSync(work, { recursive: true, force: true });
  });

  it('restores every check-in acknowledged before the backup started', { timeout: 120_000 }, async () => {
    const live = await startServerProcess();
    servers.push(live);
    const devices = await Promise.all(
      [1, 2, 3].map(async (n) =>
        enrolSim(
          live.url,
          (await createEnrolLink(live.dataDir, 'TS-DL-001', live.url)).split('#')[1] ?? '',
          `backup ${n}`,
        ),
      ),
    );

    /** Acknowledgement time of every id the live server accepted. */
    const acked = new Map<string, number>();
    const sent = new Set<string>();
    let writing = true;
    let i = 0;
    const pushers = devices.map(async (device) => {
      while (writing) {
        const items = Array.from({ length: 40 }, () => makeCheckIn(i++, { checkpointId: device.checkpoint.id }));
        for (const item of items) sent.add(item.id);
        const answer = await pushOnce(live.url, device, items);
        const at = Date.now();
        for (const r of answer?.results ?? []) if (r.id && r.status !== 'rejected') acked.set(r.id, at);
      }
    });

    await new Promise((r) => setTimeout(r, 1_500));
    const backupStartedAt = Date.now();
    const ackedBefore = [...acked.keys()];
    const backupFile = join(work, 'backups', 'checkpoints-copy.sqlite');
    // The documented command (npm run cli -- backup …), run while the three devices keep pushing.
    const { stdout } = await runCli('backup', '--data', live.dataDir, '--out', backupFile);
    const backupEndedAt = Date.now();
    await new Promise((r) => setTimeout(r, 300));
    writing = false;
    await Promise.all(pushers);
    expect(stdout).toMatch(/^backup written: /m);
    const ackedDuring = [...acked.values()].filter((at) => at > backupStartedAt && at < backupEndedAt).length;

    // Restore (docs/operations.md): a fresh data directory holding the backup as checkpoints.sqlite.
    const restoredDir = mkdtempSync(join(tmpdir(), 'tram-qr-restored-'));
    copyFileSync(backupFile, join(restoredDir, 'checkpoints.sqlite'));
    const restored = await startServerProcess({ dataDir: restoredDir });
    servers.push(restored);
    expect((await fetch(new URL(API.health, restored.url))).ok).toBe(true);

    const rows = new Set((await readCheckins(restoredDir)).map((c) => c.id));
    const missing = ackedBefore.filter((id) => !rows.has(id));
    const unknown = [...rows].filter((id) => !sent.has(id));
    // The restored server knows those check-ins: a device re-sending one is told "duplicate".
    const resend = await pushOnce(restored.url, devices[0]!, [
      makeCheckIn(0, { id: ackedBefore[0]!, checkpointId: devices[0]!.checkpoint.id }),
    ]);
    console.log(
      `backup under writes: ${ackedBefore.length} acknowledged before the backup, ${ackedDuring} during it, ` +
        `${acked.size} in all; restored ${rows.size} rows, ${missing.length} of the acknowledged-before missing`,
    );
    expect(ackedDuring).toBeGreaterThan(0);
    expect(ackedBefore.length).toBeGreaterThan(100);
    expect(missing).toEqual([]);
    expect(unknown).toEqual([]);
    expect(resend?.results[0]?.status).toBe('duplicate');
  });
});
