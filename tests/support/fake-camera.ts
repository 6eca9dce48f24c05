/**
 * Test images and videos of QR codes, with no dependency beyond `qrcode`: a grey-scale renderer,
 * a Y4M writer for Chromium's fake camera (GUIDE §6) and a tiny PNG encoder for still-image tests.
 */
import { writeFile } from 'node:fs/promises';
import { deflateSync } from 'node:zlib';
import QRCode from 'qrcode';
import { seededRandom } from '../../src/shared/seeded-random';

/** An 8-bit grey-scale image, row-major. */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** How a code is drawn: module size in px (default: fit 80 % of the shorter side), inverted, noisy. */
export interface RenderOptions {
  moduleSize?: number;
  invert?: boolean;
  /** Amplitude of uniform pixel noise (0–255), deterministic per frame. */
  noise?: number;
  seed?: number;
}

/** Options of `writeQrVideo`: frame size, frames per code, blank frames between codes, frame rate. */
export interface VideoOptions extends RenderOptions {
  width?: number;
  height?: number;
  framesPerCode?: number;
  blankFrames?: number;
  fps?: number;
}

const QUIET_ZONE = 4;

function finish(img: GrayImage, opts: RenderOptions): GrayImage {
  const { data } = img;
  if (opts.invert) for (let i = 0; i < data.length; i++) data[i] = 255 - (data[i] ?? 0);
  if (opts.noise) {
    const rnd = seededRandom(opts.seed ?? 1);
    const amp = opts.noise;
    for (let i = 0; i < data.length; i++) {
      data[i] = Math.max(0, Math.min(255, Math.round((data[i] ?? 0) + (rnd() * 2 - 1) * amp)));
    }
  }
  return img;
}

/** Renders `text` (UTF-8, EC level M) as a centred black-on-white QR code in a width×height grey image. */
export function renderQrToGray(text: string, width: number, height = width, opts: RenderOptions = {}): GrayImage {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const moduleSize = opts.moduleSize ?? Math.max(1, Math.floor((Math.min(width, height) * 0.8) / (n + 2 * QUIET_ZONE)));
  const side = n * moduleSize;
  if (side + 2 * QUIET_ZONE * moduleSize > Math.min(width, height)) {
    throw new Error(`QR of ${n} modules at ${moduleSize} px does not fit ${width}×${height}`);
  }
  const data = new Uint8Array(width * height).fill(255);
  const left = Math.floor((width - side) / 2);
  const top = Math.floor((height - side) / 2);
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      if (!qr.modules.get(row, col)) continue;
      for (let y = 0; y < moduleSize; y++) {
        const offset = (top + row * moduleSize + y) * width + left + col * moduleSize;
        data.fill(0, offset, offset + moduleSize);
      }
    }
  }
  return finish({ width, height, data }, opts);
}

/** A blank (white, or black when inverted) frame with the same noise treatment as the codes. */
function blankFrame(width: number, height: number, opts: RenderOptions): GrayImage {
  return finish({ width, height, data: new Uint8Array(width * height).fill(255) }, opts);
}

/**
 * Writes a Y4M video (4:2:0, grey chroma) showing each code for `framesPerCode` frames, separated by
 * `blankFrames` blank frames. Chromium's fake camera loops the file.
 */
export async function writeQrVideo(file: string, codes: string[], opts: VideoOptions = {}): Promise<void> {
  const width = opts.width ?? 640;
  const height = opts.height ?? 480;
  const framesPerCode = opts.framesPerCode ?? 10;
  const blankFrames = opts.blankFrames ?? 0;
  const fps = opts.fps ?? 10;
  if (width % 2 || height % 2) throw new Error('Y4M 4:2:0 needs an even width and height');
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frameHeader = Buffer.from('FRAME\n', 'ascii');
  const parts: Buffer[] = [Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`, 'ascii')];
  let seed = opts.seed ?? 1;
  const push = (img: GrayImage) =>
    parts.push(frameHeader, Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), chroma);
  for (const code of codes) {
    for (let i = 0; i < framesPerCode; i++) push(renderQrToGray(code, width, height, { ...opts, seed: seed++ }));
    for (let i = 0; i < blankFrames; i++) push(blankFrame(width, height, { ...opts, seed: seed++ }));
  }
  await writeFile(file, Buffer.concat(parts));
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}

/** Encodes a grey-scale image as an 8-bit grey PNG. */
export function encodeGrayPng(img: GrayImage): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(img.width, 0);
  ihdr.writeUInt32BE(img.height, 4);
  ihdr.writeUInt8(8, 8); // bit depth
  ihdr.writeUInt8(0, 9); // colour type: grey
  const raw = Buffer.alloc((img.width + 1) * img.height);
  for (let y = 0; y < img.height; y++) {
    raw[y * (img.width + 1)] = 0; // filter: none
    raw.set(img.data.subarray(y * img.width, (y + 1) * img.width), y * (img.width + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Writes `text` as a QR PNG of width×height pixels (see `renderQrToGray`). */
export async function writeQrPng(
  file: string,
  text: string,
  width = 400,
  height = width,
  opts: RenderOptions = {},
): Promise<void> {
  await writeFile(file, encodeGrayPng(renderQrToGray(text, width, height, opts)));
}
