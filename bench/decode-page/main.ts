/**
 * Bench page for bench/decode.ts: decodes image files with the app's own decoder module and times
 * each call; also times the same image handed over as pixels, the way the camera loop hands a frame.
 * Exposed on `window.decodeBench` for Playwright.
 */
import {
  bitmapToPixels,
  createQrDecoder,
  hasNativeQr,
  type DecodeSource,
  type QrDecoder,
} from '../../src/client/scan/decoder';

/** One timed decode. */
export interface BenchResult {
  texts: string[];
  ms: number;
  error?: string;
}

/** What the bench script drives. */
export interface DecodeBench {
  init(): Promise<'native' | 'zxing'>;
  decodeFile(base64: string, type: string): Promise<BenchResult>;
  /**
   * The image's pixels read first (not timed), then decoded as a camera frame is (fast options, full size: the scan
   * loop scales frames to at most 1280 px, which all but the largest photos of the public set already are).
   */
  decodeAsFrame(base64: string, type: string): Promise<BenchResult>;
}

function blobOf(base64: string, type: string): Blob {
  return new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type });
}

/** One decode of what `source` gives (made before the clock starts), timed; a failure is a result too (a miss). */
async function timed(decoder: QrDecoder, source: () => Promise<DecodeSource>, hard: boolean): Promise<BenchResult> {
  let started = performance.now();
  try {
    const input = await source();
    started = performance.now();
    const texts = await decoder.decode(input, { hard });
    return { texts, ms: performance.now() - started };
  } catch (error) {
    return { texts: [], ms: performance.now() - started, error: String(error) };
  }
}

let decoder: QrDecoder | undefined;

const bench: DecodeBench = {
  async init() {
    decoder = await createQrDecoder({ prefer: (await hasNativeQr()) ? 'native' : 'zxing' });
    return decoder.kind;
  },
  async decodeFile(base64, type) {
    if (!decoder) throw new Error('init() first');
    const blob = blobOf(base64, type);
    return timed(decoder, () => Promise.resolve(blob), true);
  },
  async decodeAsFrame(base64, type) {
    if (!decoder) throw new Error('init() first');
    const blob = blobOf(base64, type);
    return timed(decoder, async () => bitmapToPixels(await createImageBitmap(blob)), false);
  },
};
(window as unknown as { decodeBench: DecodeBench }).decodeBench = bench;
