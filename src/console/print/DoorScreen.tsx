/**
 * Door-screen mode: a tablet at the entrance shows the checkpoint QR with a time-limited signature,
 * refreshed every 30 s. It authenticates with a door-screen token (URL fragment), not a session, so
 * nobody at the door can reach the console from it.
 */
import { useEffect, useState } from 'preact/hooks';
import { formatDateTime, t } from '../i18n/i18n';
import { DOOR_CODE_PATH, type DoorCode } from '../../shared/console-api';

interface DoorScreenProps {
  token: string;
}

type State = { kind: 'loading' } | { kind: 'invalid' } | { kind: 'code'; code: DoorCode; offline: boolean };

/** The door screen. */
export function DoorScreen({ token }: DoorScreenProps) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    const load = async () => {
      try {
        const res = await fetch(DOOR_CODE_PATH, { headers: { authorization: `Bearer ${token}` }, cache: 'no-store' });
        if (!live) return;
        if (res.status === 401 || res.status === 409) return setState({ kind: 'invalid' });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const code = (await res.json()) as DoorCode;
        if (!live) return;
        setState({ kind: 'code', code, offline: false });
        timer = setTimeout(load, code.refreshS * 1000);
      } catch {
        if (!live) return;
        // Keep showing the last code while it is still valid; retry soon.
        setState((s) =>
          s.kind === 'code' && s.code.validUntil > Date.now() ? { ...s, offline: true } : { kind: 'loading' },
        );
        timer = setTimeout(load, 10_000);
      }
    };
    void load();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [token]);

  if (state.kind === 'invalid') return <p class="door error">{t('door.invalid')}</p>;
  if (state.kind === 'loading') return <p class="door">{t('common.loading')}</p>;
  const { code, offline } = state;
  return (
    <div class="door" data-testid="door-screen" data-url={code.url}>
      <h1>{code.checkpoint.name}</h1>
      <div class="door-qr" dangerouslySetInnerHTML={{ __html: code.qrSvg }} />
      <p class="big">{t('door.scan')}</p>
      <p class="hint" data-testid="door-valid-until">
        {t('door.validUntil', { time: formatDateTime(code.validUntil) })}
        {offline && ` · ${t('door.offline')}`}
      </p>
    </div>
  );
}
