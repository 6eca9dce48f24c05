/**
 * npm run bench:door — can a guard check in 30 visitors a minute through the camera path?
 * The fake camera shows 30 different visitor codes one after another (0.6 s each, 0.2 s apart, looping);
 * the real app (built PWA, real server) scans, recognises and stores them. Prints visitors per minute
 * from the first to the 30th stored check-in as the last line. Goal: ≥ 30.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeVisitorCode } from '../src/shared/scan/visitor-code';
import { launchChromium } from '../tests/support/chromium';
import { writeQrVideo } from '../tests/support/fake-camera';
import { removeDataDir, startServerProcess } from '../tests/support/server-process';
import { buildServerBundle } from '../tests/support/build-server';

const VISITORS = 30;
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
const GIVEN = ['Văn An', 'Thị Bình', 'Văn Cường', 'Thị Dung', 'Văn Hải', 'Thị Hoa'];

const codes = Array.from({ length: VISITORS }, (_, i) =>
  encodeVisitorCode(
    {
      visitorId: `bench${String(i).padStart(5, '0')}`,
      name: `${FAMILY[i % 10]} ${GIVEN[i % 6]}`,
      birthYear: 1950 + i,
      phone: `09120000${String(i).padStart(2, '0')}`,
      address: 'Xã Dân Lực, Triệu Sơn',
    },
    { date: '2026-11-28', version: 1, flags: 0 },
  ),
);

const work = mkdtempSync(join(tmpdir(), 'tramqr-door-'));
const video = join(work, 'door.y4m');
await writeQrVideo(video, codes, { framesPerCode: 6, blankFrames: 2, fps: 10 });
buildServerBundle();
const server = await startServerProcess();
const browser = await launchChromium({ fakeVideo: video });
try {
  const page = await (await browser.newContext()).newPage();
  await page.goto(server.enrolLink!.replace(/^https?:\/\/[^/]+/, server.url));
  await page.waitForURL('**/guard');
  // Record when each distinct visitor is stored on the device (the moment the guard could wave them in).
  const times = await page.evaluate(
    async (total) => {
      const seen = new Map<string, number>();
      const started = performance.now();
      return new Promise<number[]>((resolve, reject) => {
        const poll = setInterval(() => {
          const name = document.querySelector('[data-testid="last-name"]')?.textContent;
          const outcome = document.querySelector('[data-testid="last-scan"]')?.getAttribute('data-outcome');
          if (name && outcome === 'saved' && !seen.has(name)) seen.set(name, performance.now());
          if (seen.size >= total) {
            clearInterval(poll);
            resolve([...seen.values()]);
          }
          if (performance.now() - started > 180_000) reject(new Error(`only ${seen.size} visitors in 3 minutes`));
        }, 20);
      });
    },
    new Set(codes.map((c) => c.split('|')[1])).size,
  );
  const spanS = ((times.at(-1) ?? 0) - (times[0] ?? 0)) / 1000;
  const distinct = times.length;
  const perMinute = ((distinct - 1) / spanS) * 60;
  console.log(`codes shown ${VISITORS} distinct names ${distinct}, first to last stored in ${spanS.toFixed(1)} s`);
  console.log(`visitors per minute ${perMinute.toFixed(1)} (goal 30)`);
} finally {
  await browser.close();
  await server.stop();
  removeDataDir(server.dataDir);
  rmSync(work, { recursive: true, force: true });
}
