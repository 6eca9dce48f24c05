import '../i18n/dict-visit';
import { useEffect, useRef, useState } from 'preact/hooks';
import { pumpLines } from '../scan/serial-lines';
import { t } from '../i18n/i18n';

/** The bits of the Web Serial API used here (not in TypeScript's DOM library). */
interface SerialPortLike {
  open(options: { baudRate: number }): Promise<void>;
  close(): Promise<void>;
  readonly readable: ReadableStream<Uint8Array> | null;
}
interface SerialLike {
  requestPort(): Promise<SerialPortLike>;
}

function serialApi(): SerialLike | undefined {
  return typeof navigator !== 'undefined' ? (navigator as Navigator & { serial?: SerialLike }).serial : undefined;
}

interface SerialScannerProps {
  /** The same path as the keyboard wedge: one call per scanned text. */
  onText: (text: string) => void;
}

/** "Kết nối máy quét (cổng COM)" on desktop Chromium: reads a serial-mode scanner, no keyboard layout involved. */
export function SerialScanner({ onText }: SerialScannerProps) {
  const [state, setState] = useState<'idle' | 'connected' | 'failed' | 'lost'>('idle');
  const port = useRef<SerialPortLike | null>(null);
  const stopRead = useRef<AbortController | null>(null);
  const onTextRef = useRef(onText);
  onTextRef.current = onText;
  useEffect(() => () => stopRead.current?.abort(), []);
  const api = serialApi();
  if (!api) return null;

  const connect = async () => {
    let chosen: SerialPortLike;
    try {
      chosen = await api.requestPort();
    } catch {
      return; // the guard closed the port picker
    }
    try {
      await chosen.open({ baudRate: 9600 });
      if (!chosen.readable) throw new Error('not readable');
      port.current = chosen;
      const stop = new AbortController();
      stopRead.current = stop;
      setState('connected');
      await pumpLines(chosen.readable, (line) => onTextRef.current(line), 200, stop.signal);
      setState(stop.signal.aborted ? 'idle' : 'lost');
    } catch {
      setState(port.current ? 'lost' : 'failed');
    }
    await chosen.close().catch(() => undefined);
    port.current = null;
    stopRead.current = null;
  };
  /** Cancels the read; `connect` then closes the port. */
  const disconnect = () => stopRead.current?.abort();

  return (
    <div class="row serial-scanner" data-testid="serial-scanner">
      {state === 'connected' ? (
        <button type="button" class="big" onClick={disconnect}>
          {t('serial.disconnect')}
        </button>
      ) : (
        <button type="button" class="big" onClick={() => void connect()}>
          {t('serial.connect')}
        </button>
      )}
      {state !== 'idle' && (
        <p class={state === 'connected' ? 'ok-text' : 'error'} role="status">
          {t(state === 'connected' ? 'serial.connected' : state === 'lost' ? 'serial.lost' : 'serial.failed')}
        </p>
      )}
    </div>
  );
}
