/**
 * Bench page for bench/decode.ts: decodes image files with the app's own decoder module and times
 * each call. Exposed on `window.decodeBench` for Playwright.
 */
import { createQrDecoder, hasNativeQr, type QrDecoder } from '../../src/client/scan/decoder';

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
}

let decoder: QrDecoder | undefined;

const bench: DecodeBench = {
  async init() {
    decoder = await createQrDecoder({ prefer: (await hasNativeQr()) ? 'native' : 'zxing' });
    return decoder.kind;
  },
  async decodeFile(base64, type) {
    if (!decoder) throw new Error('init() first');
    const blob = new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type });
    const started = performance.now();
    try {
      const texts = await decoder.decode(blob, { hard: true });
      return { texts, ms: performance.now() - started };
    } catch (error) {
      return { texts: [], ms: performance.now() - started, error: String(error) };
    }
  },
};
(window as unknown as { decodeBench: DecodeBench }).decodeBench = bench;
