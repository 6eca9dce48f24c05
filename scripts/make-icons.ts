/**
 * Renders public/icon.svg into the PNG icons the manifest lists (run once after changing the SVG:
 * `npx tsx scripts/make-icons.ts`). The maskable icon keeps the symbol inside the 80 % safe zone.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../tests/support/chromium';

const publicDir = join(import.meta.dirname, '..', 'public');
const svg = readFileSync(join(publicDir, 'icon.svg'), 'utf8');
const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

const browser = await launchChromium();
const page = await browser.newPage();
for (const { file, size, inset } of [
  { file: 'icon-192.png', size: 192, inset: 0 },
  { file: 'icon-512.png', size: 512, inset: 0 },
  { file: 'icon-maskable-512.png', size: 512, inset: 0.12 },
]) {
  await page.setViewportSize({ width: size, height: size });
  const pad = Math.round(size * inset);
  await page.setContent(
    `<body style="margin:0;background:#0b5d3b"><img src="${dataUrl}" style="display:block;margin:${pad}px;width:${size - 2 * pad}px;height:${size - 2 * pad}px"></body>`,
  );
  writeFileSync(join(publicDir, file), await page.screenshot({ omitBackground: false }));
  console.log(`wrote public/${file}`);
}
await browser.close();
