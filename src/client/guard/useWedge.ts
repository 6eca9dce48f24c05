/**
 * Keyboard-wedge scanners (USB or Bluetooth) "type" the QR text, usually followed by Enter. While the
 * scan screen is open this hears them without any field having focus; a fast burst of keys ending in
 * Enter (or a complete CCCD payload followed by silence, for scanners that send no Enter) is one scan.
 */
import { useEffect, useRef } from 'preact/hooks';
import { isCompleteCccdPayload } from '../../shared/scan';

/** Keys further apart than this start a new scan (scanners type in bursts; generous for a busy phone). */
const MAX_GAP_MS = 500;
/** Silence after which a complete CCCD payload without Enter counts as scanned. */
const IDLE_COMPLETE_MS = 200;
const MIN_LENGTH = 4;

function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/** Creates the wedge state machine (exported for unit tests); feed it keys, it calls `onScan`. */
export function createWedgeReader(onScan: (text: string) => void, now: () => number = () => performance.now()) {
  let buffer = '';
  let last = 0;
  let idle: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(idle);
    const text = buffer;
    buffer = '';
    if (text.trim().length >= MIN_LENGTH) onScan(text);
  };
  return {
    key(key: string): boolean {
      const at = now();
      if (at - last > MAX_GAP_MS) buffer = '';
      last = at;
      clearTimeout(idle);
      if (key === 'Enter') {
        if (buffer.length === 0) return false;
        flush();
        return true;
      }
      if (key.length !== 1) return false;
      buffer += key;
      if (isCompleteCccdPayload(buffer)) idle = setTimeout(flush, IDLE_COMPLETE_MS);
      return buffer.length > 1;
    },
    dispose: () => clearTimeout(idle),
  };
}

/** Listens for wedge-scanner input on the whole page while `enabled`. */
export function useWedge(onScan: (text: string) => void, enabled = true): void {
  const onScanRef = useRef(onScan);
  onScanRef.current = onScan;
  useEffect(() => {
    if (!enabled) return;
    const reader = createWedgeReader((text) => onScanRef.current(text));
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.altKey || event.metaKey || isEditable(event.target)) return;
      if (reader.key(event.key)) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      reader.dispose();
    };
  }, [enabled]);
}
