/**
 * Serial-mode hand scanners (Web Serial, desktop Chromium) send raw bytes: UTF-8 text framed by CR,
 * LF or CRLF, with no keyboard layout in the way. This turns a byte stream into one text per scan,
 * feeding the same path as the keyboard wedge. Scanners that send no terminator still end a CCCD
 * payload: a complete one followed by a short silence counts as scanned.
 */
import { isCompleteCccdPayload } from '../../shared/scan';

/** Frames decoded text into scans. */
interface LineFramer {
  /** Adds decoded text; calls `onLine` for every complete line. */
  push(text: string): void;
  /** Called after a silence: a complete CCCD payload still buffered is a scan. */
  idle(): void;
  /** The stream ended: whatever is buffered is a scan. */
  end(): void;
}

const MAX_BUFFER = 4000;

/** Creates a framer calling `onLine` with each non-empty, trimmed line. */
export function createLineFramer(onLine: (line: string) => void): LineFramer {
  let buffer = '';
  const emit = (text: string) => {
    const line = text.trim();
    if (line.length > 0) onLine(line);
  };
  return {
    push(text) {
      buffer += text;
      let at: number;
      while ((at = buffer.search(/[\r\n]/)) >= 0) {
        emit(buffer.slice(0, at));
        buffer = buffer.slice(at + 1);
      }
      if (buffer.length > MAX_BUFFER) buffer = buffer.slice(-MAX_BUFFER);
    },
    idle() {
      if (isCompleteCccdPayload(buffer)) {
        emit(buffer);
        buffer = '';
      }
    },
    end() {
      emit(buffer);
      buffer = '';
    },
  };
}

/**
 * Reads a byte stream to its end, decoding UTF-8 across chunk boundaries, and calls `onLine` per scan.
 * `idleMs` of silence lets a terminator-less CCCD payload through. Resolves when the stream ends
 * (or `signal` aborts: the reader is cancelled, so the port can be closed).
 */
export async function pumpLines(
  stream: ReadableStream<Uint8Array>,
  onLine: (line: string) => void,
  idleMs = 200,
  signal?: AbortSignal,
): Promise<void> {
  const framer = createLineFramer(onLine);
  const decoder = new TextDecoder('utf-8');
  const reader = stream.getReader();
  const cancel = () => void reader.cancel().catch(() => undefined);
  signal?.addEventListener('abort', cancel);
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      clearTimeout(timer);
      if (done) break;
      framer.push(decoder.decode(value, { stream: true }));
      timer = setTimeout(() => framer.idle(), idleMs);
    }
    framer.push(decoder.decode());
    framer.end();
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', cancel);
    reader.releaseLock();
  }
}
