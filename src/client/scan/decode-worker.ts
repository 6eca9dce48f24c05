/**
 * Module worker that decodes QR codes with zxing-wasm (zxing-cpp). Loaded only when the decoder
 * needs it; the .wasm comes from our own origin (Vite asset URL), never from a CDN.
 */
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { prepareZXingModule, readBarcodes, type ReaderOptions, type ReadResult } from 'zxing-wasm/reader';

/** What the page sends: raw RGBA pixels (buffer transferred), a transferred bitmap, or an image file. */
export type DecodeInput =
  | { kind: 'pixels'; width: number; height: number; buffer: ArrayBuffer }
  | { kind: 'bitmap'; bitmap: ImageBitmap }
  | { kind: 'blob'; blob: Blob };

/** One decode request; `hard` trades speed for accuracy (still photos), off for video frames. */
export interface DecodeRequest {
  id: number;
  input: DecodeInput;
  hard: boolean;
}

/** The worker's answer to request `id`: the decoded texts (maybe none) or why it failed. */
export type DecodeResponse = { id: number; ok: true; texts: string[] } | { id: number; ok: false; error: string };

/** Largest side a still image is decoded at; bigger photos are scaled down first (memory on cheap phones). */
const MAX_STILL_SIDE = 3072;

const FRAME_OPTIONS: ReaderOptions = {
  formats: ['QRCode'],
  textMode: 'Plain',
  tryHarder: false,
  tryRotate: false,
  tryInvert: true,
  tryDownscale: true,
  maxNumberOfSymbols: 4,
};

const STILL_OPTIONS: ReaderOptions = {
  formats: ['QRCode'],
  textMode: 'Plain',
  tryHarder: true,
  tryRotate: true,
  tryInvert: true,
  tryDownscale: true,
  maxNumberOfSymbols: 16,
};

/**
 * Passes a still photo gets when the one before found nothing, cheapest first (bench:decode on the public
 * photo set: each rescues codes the others miss). A morphological closing filter; the global-histogram
 * binarizer, for a code whose blur or uneven light defeats the local-average window; the same at twice
 * the size, for a small low-resolution code whose modules are only a few pixels wide.
 */
const RESCUE_PASSES: readonly { scale: number; options: ReaderOptions }[] = [
  { scale: 1, options: { ...STILL_OPTIONS, tryDenoise: true } },
  { scale: 1, options: { ...STILL_OPTIONS, binarizer: 'GlobalHistogram' } },
  { scale: 2, options: { ...STILL_OPTIONS, binarizer: 'GlobalHistogram' } },
];
/** An enlarging rescue pass is skipped when the enlarged image would be wider than this (memory on cheap phones). */
const MAX_RESCUE_SIDE = 2048;

prepareZXingModule({
  overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) },
});

interface WorkerScope {
  onmessage: ((event: MessageEvent<DecodeRequest>) => void) | null;
  postMessage(message: DecodeResponse): void;
}
const scope = self as unknown as WorkerScope;

function textsOf(results: ReadResult[]): string[] {
  const texts = results.filter((r) => r.isValid && !r.error && r.text !== '').map((r) => r.text);
  return [...new Set(texts)];
}

function bitmapToImageData(bitmap: ImageBitmap): ImageData {
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('2d context unavailable');
  ctx.drawImage(bitmap, 0, 0);
  return ctx.getImageData(0, 0, bitmap.width, bitmap.height);
}

/** The pixels of an image file through createImageBitmap, scaled to ≤ MAX_STILL_SIDE; null if it cannot. */
async function pixelsByBitmap(blob: Blob): Promise<ImageData | null> {
  if (typeof OffscreenCanvas === 'undefined') return null;
  let bitmap: ImageBitmap | undefined;
  try {
    bitmap = await createImageBitmap(blob);
    if (Math.max(bitmap.width, bitmap.height) > MAX_STILL_SIDE) {
      const scale = MAX_STILL_SIDE / Math.max(bitmap.width, bitmap.height);
      const resized = await createImageBitmap(bitmap, {
        resizeWidth: Math.round(bitmap.width * scale),
        resizeHeight: Math.round(bitmap.height * scale),
        resizeQuality: 'high',
      });
      bitmap.close();
      bitmap = resized;
    }
    return bitmapToImageData(bitmap);
  } catch {
    return null;
  } finally {
    bitmap?.close();
  }
}

/** `image` at `scale` times its size, smoothed. */
async function scaled(image: ImageData, scale: number): Promise<ImageData> {
  const source = await createImageBitmap(image);
  const width = Math.round(image.width * scale);
  const height = Math.round(image.height * scale);
  try {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('2d context unavailable');
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(source, 0, 0, width, height);
    return ctx.getImageData(0, 0, width, height);
  } finally {
    source.close();
  }
}

/** A still photo's codes: the first pass, then each rescue pass until one finds something. */
async function decodeStill(image: ImageData, options: ReaderOptions): Promise<string[]> {
  const texts = textsOf(await readBarcodes(image, options));
  if (texts.length > 0 || !options.tryHarder) return texts;
  for (const pass of RESCUE_PASSES) {
    if (pass.scale > 1 && Math.max(image.width, image.height) * pass.scale > MAX_RESCUE_SIDE) continue;
    // The canvas for an enlarged copy can fail on a phone short of memory: that pass is skipped, not the photo.
    const input = pass.scale === 1 ? image : await scaled(image, pass.scale).catch(() => null);
    if (!input) continue;
    const found = textsOf(await readBarcodes(input, pass.options));
    if (found.length > 0) return found;
  }
  return [];
}

/** Decodes an image file with the browser's own codecs (JPEG, PNG, WebP, HEIC…), zxing's as a fallback. */
async function decodeBlob(blob: Blob, options: ReaderOptions): Promise<string[]> {
  const image = await pixelsByBitmap(blob);
  if (image) return decodeStill(image, options);
  // No browser codec for it (or no OffscreenCanvas): zxing's own loader reads JPEG/PNG/GIF/BMP,
  // and an unreadable file is simply "no code".
  return textsOf(await readBarcodes(blob, options));
}

async function decode(input: DecodeInput, hard: boolean): Promise<string[]> {
  const options = hard ? STILL_OPTIONS : FRAME_OPTIONS;
  switch (input.kind) {
    case 'pixels':
      return textsOf(
        await readBarcodes(new ImageData(new Uint8ClampedArray(input.buffer), input.width, input.height), options),
      );
    case 'bitmap': {
      const imageData = bitmapToImageData(input.bitmap);
      input.bitmap.close();
      return textsOf(await readBarcodes(imageData, options));
    }
    case 'blob':
      return decodeBlob(input.blob, options);
  }
}

scope.onmessage = (event) => {
  const { id, input, hard } = event.data;
  decode(input, hard).then(
    (texts) => scope.postMessage({ id, ok: true, texts }),
    (error: unknown) =>
      scope.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
};
