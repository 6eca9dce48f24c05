/**
 * npm run bench:decode-screen — can the guard's decoder read a personal QR shown on a phone screen?
 * Renders the realistic long visitor code (bench/visitor-sample.ts) as a camera would see a phone held up
 * to it: a bright screen in a darker frame, rotated and in perspective, slightly blurred, with moiré,
 * glare and sensor noise; writes the frames to .tmp/decode-screen and decodes them through the app's
 * decoder with bench/decode.ts. Last line: `decoded N/M median X ms`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import QRCode from 'qrcode';
import { encodeGrayPng } from '../tests/support/fake-camera';
import { longVisitorCode } from './visitor-sample';
import { seededRandom } from '../src/shared/seeded-random';

const W = 640;
const H = 480;
const FRAMES = Number(process.argv[2] ?? 60);

/** Solves the 3×3 homography taking the four `from` points to the four `to` points. */
function homography(from: number[][], to: number[][]): number[] {
  const a: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = from[i]!;
    const [u, v] = to[i]!;
    a.push([x!, y!, 1, 0, 0, 0, -u! * x!, -u! * y!, u!]);
    a.push([0, 0, 0, x!, y!, 1, -v! * x!, -v! * y!, v!]);
  }
  for (let c = 0; c < 8; c++) {
    let p = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r;
    [a[c], a[p]] = [a[p]!, a[c]!];
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const f = a[r]![c]! / a[c]![c]!;
      for (let k = c; k < 9; k++) a[r]![k]! -= f * a[c]![k]!;
    }
  }
  return [...a.map((row, i) => row[8]! / row[i]!), 1];
}

/** The phone screen as the app shows it: white page, black modules, 4-module quiet zone, then a thin bezel. */
function screenImage(text: string, moduleSize: number): { data: Float32Array; side: number } {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const side = (n + 8) * moduleSize;
  const data = new Float32Array(side * side).fill(1);
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++)
      if (qr.modules.get(r, c))
        for (let y = 0; y < moduleSize; y++)
          data.fill(
            0,
            (4 * moduleSize + r * moduleSize + y) * side + 4 * moduleSize + c * moduleSize,
            (4 * moduleSize + r * moduleSize + y) * side + 4 * moduleSize + (c + 1) * moduleSize,
          );
  return { data, side };
}

function boxBlur(img: Float32Array, radius: number): Float32Array {
  if (radius <= 0) return img;
  const out = new Float32Array(img.length);
  const tmp = new Float32Array(img.length);
  const span = 2 * radius + 1;
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      let s = 0;
      for (let k = -radius; k <= radius; k++) s += img[y * W + Math.min(W - 1, Math.max(0, x + k))]!;
      tmp[y * W + x] = s / span;
    }
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      let s = 0;
      for (let k = -radius; k <= radius; k++) s += tmp[Math.min(H - 1, Math.max(0, y + k)) * W + x]!;
      out[y * W + x] = s / span;
    }
  return out;
}

/** One camera frame of the phone screen showing `text`, with the degradations drawn from `rnd`. */
function frame(text: string, rnd: () => number): Uint8Array {
  const screen = screenImage(text, 4);
  const background = 25 + rnd() * 70;
  const white = 175 + rnd() * 80;
  const black = 20 + rnd() * 35;
  // Where the screen lands: 200–380 px wide, rotated ±20°, each corner pushed up to 9 % for perspective.
  const size = 200 + rnd() * 180;
  const angle = (rnd() - 0.5) * (Math.PI / 4.5);
  const cx = W / 2 + (rnd() - 0.5) * (W - size - 40) * 0.6;
  const cy = H / 2 + (rnd() - 0.5) * (H - size - 20) * 0.4;
  const corners = [
    [-1, -1],
    [1, -1],
    [1, 1],
    [-1, 1],
  ].map(([dx, dy]) => {
    const jx = (rnd() - 0.5) * 0.18 * size;
    const jy = (rnd() - 0.5) * 0.18 * size;
    const x = (dx! * size) / 2;
    const y = (dy! * size) / 2;
    return [cx + x * Math.cos(angle) - y * Math.sin(angle) + jx, cy + x * Math.sin(angle) + y * Math.cos(angle) + jy];
  });
  const s = screen.side;
  const h = homography(corners, [
    [0, 0],
    [s, 0],
    [s, s],
    [0, s],
  ]);
  const moireAmp = rnd() * 0.12;
  const moirePeriod = 2.5 + rnd() * 4;
  const moireAngle = rnd() * Math.PI;
  const glare = rnd() < 0.6 ? { x: rnd() * W, y: rnd() * H, r: 60 + rnd() * 140, k: 0.2 + rnd() * 0.5 } : null;
  const noise = rnd() * 14;
  const img = new Float32Array(W * H);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const w = h[6]! * x + h[7]! * y + h[8]!;
      const u = (h[0]! * x + h[1]! * y + h[2]!) / w;
      const v = (h[3]! * x + h[4]! * y + h[5]!) / w;
      let value = background;
      if (u >= 0 && v >= 0 && u < s - 1 && v < s - 1) {
        const x0 = Math.floor(u);
        const y0 = Math.floor(v);
        const fx = u - x0;
        const fy = v - y0;
        const d = screen.data;
        const lum =
          (d[y0 * s + x0]! * (1 - fx) + d[y0 * s + x0 + 1]! * fx) * (1 - fy) +
          (d[(y0 + 1) * s + x0]! * (1 - fx) + d[(y0 + 1) * s + x0 + 1]! * fx) * fy;
        value = black + (white - black) * lum;
        value *=
          1 + moireAmp * Math.sin(((x * Math.cos(moireAngle) + y * Math.sin(moireAngle)) * 2 * Math.PI) / moirePeriod);
      }
      img[y * W + x] = value;
    }
  const blurred = boxBlur(img, Math.floor(rnd() * 2.2));
  const out = new Uint8Array(W * H);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      let v = blurred[y * W + x]!;
      if (glare) {
        const dist = Math.hypot(x - glare.x, y - glare.y);
        v += 255 * glare.k * Math.exp(-(dist * dist) / (2 * glare.r * glare.r));
      }
      v += (rnd() * 2 - 1) * noise;
      out[y * W + x] = Math.max(0, Math.min(255, Math.round(v)));
    }
  return out;
}

const code = longVisitorCode();
const dir = fileURLToPath(new URL('../.tmp/decode-screen', import.meta.url));
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const rnd = seededRandom(20211028);
for (let i = 0; i < FRAMES; i++) {
  const name = `screen-${String(i).padStart(3, '0')}`;
  writeFileSync(join(dir, `${name}.png`), encodeGrayPng({ width: W, height: H, data: frame(code, rnd) }));
  writeFileSync(join(dir, `${name}.txt`), code);
}
console.log(`${FRAMES} phone-screen frames of a ${code.length}-character visitor code in ${dir}`);
const run = spawnSync(
  process.execPath,
  ['--import', 'tsx', fileURLToPath(new URL('./decode.ts', import.meta.url)), dir],
  { stdio: 'inherit' },
);
process.exit(run.status ?? 1);
