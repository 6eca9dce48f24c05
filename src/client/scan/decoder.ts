/**
 * QR decoding behind one interface: the browser's native BarcodeDetector where it reads QR codes,
 * otherwise zxing-wasm in a module worker (created, and its .wasm fetched, on the first decode).
 */
import type { DecodeInput, DecodeRequest, DecodeResponse } from './decode-worker';

/** Anything the decoders accept: a video frame's pixels, a bitmap, or an image file (photo import). */
export type DecodeSource = ImageData | ImageBitmap | Blob;

/** Per-call tuning: `hard` spends more time (rotations, harder search); defaults to true for Blobs only. */
export interface DecodeOptions {
  hard?: boolean;
}

/**
 * A QR decoder. `decode` resolves the distinct texts found (`[]` when there is no code) and takes
 * ownership of the source: an ImageBitmap is closed/transferred and an ImageData's buffer is
 * transferred (detached) on the zxing path, so pass a fresh frame each time.
 */
export interface QrDecoder {
  readonly kind: 'native' | 'zxing';
  decode(source: DecodeSource, opts?: DecodeOptions): Promise<string[]>;
  close(): void;
}

/** Which implementation to use; `native` falls back to zxing when the browser cannot read QR natively. */
interface QrDecoderOptions {
  prefer?: 'auto' | 'native' | 'zxing';
}

interface NativeDetector {
  detect(source: ImageBitmapSource): Promise<Array<{ rawValue: string }>>;
}
interface NativeDetectorClass {
  new (options: { formats: string[] }): NativeDetector;
  getSupportedFormats(): Promise<string[]>;
}

function nativeDetectorClass(): NativeDetectorClass | undefined {
  return (globalThis as { BarcodeDetector?: NativeDetectorClass }).BarcodeDetector;
}

/** True when this browser has a BarcodeDetector that reads QR codes. */
export async function hasNativeQr(): Promise<boolean> {
  const Detector = nativeDetectorClass();
  if (!Detector) return false;
  try {
    return (await Detector.getSupportedFormats()).includes('qr_code');
  } catch {
    return false;
  }
}

/** Creates the decoder: native BarcodeDetector when available (unless zxing is asked for), else zxing in a worker. */
export async function createQrDecoder(opts: QrDecoderOptions = {}): Promise<QrDecoder> {
  const prefer = opts.prefer ?? 'auto';
  const Detector = nativeDetectorClass();
  if (prefer !== 'zxing' && Detector && (await hasNativeQr())) return createNativeDecoder(Detector);
  return createZxingDecoder();
}

function createNativeDecoder(Detector: NativeDetectorClass): QrDecoder {
  const detector = new Detector({ formats: ['qr_code'] });
  return {
    kind: 'native',
    async decode(source) {
      try {
        const found = await detector.detect(source);
        return [...new Set(found.map((b) => b.rawValue).filter((t) => t !== ''))];
      } finally {
        if (typeof ImageBitmap !== 'undefined' && source instanceof ImageBitmap) source.close();
      }
    },
    close() {},
  };
}

interface Pending {
  resolve: (texts: string[]) => void;
  reject: (error: Error) => void;
}

/** Copies a bitmap's pixels on the main thread and closes it (for browsers whose workers lack OffscreenCanvas). */
export function bitmapToPixels(bitmap: ImageBitmap): ImageData {
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('2d context unavailable');
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  return ctx.getImageData(0, 0, canvas.width, canvas.height);
}

function toMessage(source: DecodeSource): { input: DecodeInput; transfer: Transferable[] } {
  if (source instanceof Blob) return { input: { kind: 'blob', blob: source }, transfer: [] };
  if ('data' in source) {
    const buffer = source.data.buffer as ArrayBuffer;
    return { input: { kind: 'pixels', width: source.width, height: source.height, buffer }, transfer: [buffer] };
  }
  if (typeof OffscreenCanvas !== 'undefined') return { input: { kind: 'bitmap', bitmap: source }, transfer: [source] };
  return toMessage(bitmapToPixels(source));
}

function createZxingDecoder(): QrDecoder {
  let worker: Worker | null = null;
  let nextId = 1;
  let closed = false;
  const pending = new Map<number, Pending>();

  /** Drops the worker and fails every request in flight; the next decode starts a fresh worker. */
  const crash = (reason: string) => {
    worker?.terminate();
    worker = null;
    const failed = [...pending.values()];
    pending.clear();
    for (const p of failed) p.reject(new Error(reason));
  };

  const ensureWorker = (): Worker => {
    if (worker) return worker;
    const w = new Worker(new URL('./decode-worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (event: MessageEvent<DecodeResponse>) => {
      const msg = event.data;
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      if (msg.ok) {
        p.resolve(msg.texts);
      } else {
        p.reject(new Error(`zxing decode failed: ${msg.error}`));
        // A failing wasm instance (abort, out of memory, failed load) is not trusted again.
        if (worker === w) crash('zxing worker reset after an error');
      }
    };
    w.onerror = (event) => {
      event.preventDefault();
      if (worker === w) crash(`zxing worker crashed: ${event.message || 'unknown error'}`);
    };
    w.onmessageerror = () => {
      if (worker === w) crash('zxing worker message could not be deserialised');
    };
    worker = w;
    return w;
  };

  return {
    kind: 'zxing',
    decode(source, opts = {}) {
      if (closed) return Promise.reject(new Error('decoder closed'));
      const hard = opts.hard ?? source instanceof Blob;
      return new Promise<string[]>((resolve, reject) => {
        const id = nextId++;
        const w = ensureWorker();
        pending.set(id, { resolve, reject });
        try {
          const { input, transfer } = toMessage(source);
          const request: DecodeRequest = { id, input, hard };
          w.postMessage(request, transfer);
        } catch (error) {
          pending.delete(id);
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    },
    close() {
      closed = true;
      crash('decoder closed');
    },
  };
}
