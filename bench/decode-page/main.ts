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
  /** The image's pixels read first (not timed), then decoded as a camera frame is (fast options). */
  decodeAsFrame(base64: string, type: string): Promise<BenchResult>;
}

function blobOf(base64: string, type: string): Blob {
  return new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type });
}

/** One decode of `source`, timed; a failure is a result too. */
async function timed(decoder: QrDecoder, source: DecodeSource, hard: boolean): Promise<BenchResult> {
  const started = performance.now();
  try {
    const texts = await decoder.decode(source, { hard });
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
    return timed(decoder, blobOf(base64, type), true);
  },
  async decodeAsFrame(base64, type) {
    if (!decoder) throw new Error('init() first');
    return timed(decoder, bitmapToPixels(await createImageBitmap(blobOf(base64, type))), false);
  },
};
(window as unknown as { decodeBench: DecodeBench }).decodeBench = bench;
