/**
 * The scan loop: grabs frames from a playing <video>, decodes them one at a time, and reports each
 * new text once (a code held in front of the camera is not reported again while it stays in view).
 */
import type { QrDecoder } from './decoder';

/** Tuning for the loop; the defaults suit a phone camera at 720p. */
interface ScanLoopOptions {
  /** The same text seen again within this many ms of its last sighting is not reported again. */
  repeatMs?: number;
  /** Frames are scaled down so their longest side is at most this many pixels. */
  maxSide?: number;
  /** Least time between the starts of two decodes (saves battery; the video runs faster anyway). */
  minIntervalMs?: number;
  /** Called when a decode fails (the loop keeps going after `errorBackoffMs`). */
  onError?: (error: unknown) => void;
  errorBackoffMs?: number;
}

/** A running loop; `stop()` ends it (a decode in flight is ignored). */
export interface ScanLoop {
  stop(): void;
}

const NOT_READY_POLL_MS = 100;
const FRAME_WATCHDOG_MS = 500;

function isReady(video: HTMLVideoElement): boolean {
  return video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && video.videoWidth > 0 && video.videoHeight > 0;
}

/** The one loop running on this page: starting another stops it, so one code is never read by two loops. */
let current: ScanLoop | null = null;

/**
 * Starts decoding frames of `video` with `decoder`, calling `onText` once per newly seen text.
 * Only one loop runs per page: a loop still running is stopped first.
 */
export function startScanLoop(
  video: HTMLVideoElement,
  decoder: QrDecoder,
  onText: (text: string) => void,
  opts: ScanLoopOptions = {},
): ScanLoop {
  const repeatMs = opts.repeatMs ?? 2500;
  const maxSide = opts.maxSide ?? 1280;
  const minIntervalMs = opts.minIntervalMs ?? 80;
  const errorBackoffMs = opts.errorBackoffMs ?? 1000;
  const lastSeen = new Map<string, number>();
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frameHandle: number | undefined;

  const clearWaits = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (frameHandle !== undefined) video.cancelVideoFrameCallback(frameHandle);
    frameHandle = undefined;
  };

  /** Waits for the next video frame (or a timer where requestVideoFrameCallback is missing or stalls). */
  const scheduleNext = (delayMs: number) => {
    clearWaits();
    if (stopped) return;
    if (delayMs > 0) {
      timer = setTimeout(() => scheduleNext(0), delayMs);
      return;
    }
    if (isReady(video) && typeof video.requestVideoFrameCallback === 'function') {
      frameHandle = video.requestVideoFrameCallback(() => {
        frameHandle = undefined;
        void tick();
      });
      timer = setTimeout(() => void tick(), FRAME_WATCHDOG_MS);
    } else {
      timer = setTimeout(() => void tick(), isReady(video) ? minIntervalMs : NOT_READY_POLL_MS);
    }
  };

  const grabFrame = (): ImageData | null => {
    if (!ctx) return null;
    const scale = Math.min(1, maxSide / Math.max(video.videoWidth, video.videoHeight));
    const width = Math.max(1, Math.round(video.videoWidth * scale));
    const height = Math.max(1, Math.round(video.videoHeight * scale));
    if (canvas.width !== width) canvas.width = width;
    if (canvas.height !== height) canvas.height = height;
    ctx.drawImage(video, 0, 0, width, height);
    return ctx.getImageData(0, 0, width, height);
  };

  const report = (texts: string[]) => {
    const now = performance.now();
    for (const text of texts) {
      const previous = lastSeen.get(text);
      lastSeen.set(text, now);
      if (previous === undefined || now - previous > repeatMs) onText(text);
    }
    if (lastSeen.size > 64) {
      for (const [text, at] of lastSeen) if (now - at > repeatMs) lastSeen.delete(text);
    }
  };

  const tick = async () => {
    clearWaits();
    if (stopped) return;
    if (!isReady(video)) {
      scheduleNext(NOT_READY_POLL_MS);
      return;
    }
    const started = performance.now();
    let delay: number;
    try {
      const frame = grabFrame();
      if (!frame) throw new Error('2d context unavailable');
      const texts = await decoder.decode(frame);
      if (stopped) return;
      report(texts);
      delay = Math.max(0, minIntervalMs - (performance.now() - started));
    } catch (error) {
      if (stopped) return;
      opts.onError?.(error);
      delay = errorBackoffMs;
    }
    scheduleNext(delay);
  };

  current?.stop();
  const loop: ScanLoop = {
    stop() {
      stopped = true;
      clearWaits();
      if (current === loop) current = null;
    },
  };
  current = loop;
  scheduleNext(0);
  return loop;
}
