import '../i18n/dict-words'; // adds this banner's part of the dictionary
import '../i18n/dict-sealed';
import { t } from '../i18n/i18n';
import type { MessageKey } from '../i18n/dict';
import { useStanding, type Standing } from './standing';

interface Shown {
  kind: 'wiped' | 'revoked' | 'closed' | 'no_network' | 'server_unreachable' | 'server_error' | 'server_busy';
  title: MessageKey;
  body: MessageKey;
}

/** The one thing the guard must know first: revoked, closed, no network, or no server (in that order). */
function pick(standing: Standing): Shown | null {
  if (standing.wiped) return { kind: 'wiped', title: 'standing.revokedTitle', body: 'sealed.wiped' };
  // Revoked: it sends what the district still takes, then deletes everything (sync/revocation.ts).
  if (standing.revoked) return { kind: 'revoked', title: 'standing.revokedTitle', body: 'sealed.wipePending' };
  if (standing.closed) return { kind: 'closed', title: 'standing.closedTitle', body: 'standing.closedBody' };
  if (standing.reach === 'no_network')
    return { kind: 'no_network', title: 'standing.noNetworkTitle', body: 'standing.noNetworkBody' };
  if (standing.reach === 'server_unreachable')
    return { kind: 'server_unreachable', title: 'standing.serverTitle', body: 'standing.serverBody' };
  if (standing.reach === 'server_busy')
    return { kind: 'server_busy', title: 'standing.serverBusyTitle', body: 'sync.error.busy' };
  if (standing.reach === 'server_error')
    return { kind: 'server_error', title: 'standing.serverErrorTitle', body: 'standing.serverErrorBody' };
  return null;
}

interface DeviceStatusBannerProps {
  /**
   * Also say no network or no server (the default). The guard screen leaves them to its sync box, which says
   * them beside the queue: one "Mất mạng" on the screen, not two.
   */
  reach?: boolean;
}

/** Kinds that are about reaching the server, not about the device or checkpoint. */
const REACH_KINDS: readonly Shown['kind'][] = ['no_network', 'server_unreachable', 'server_error', 'server_busy'];

/** Revoked device, closed checkpoint, no network or unreachable server: a banner in words, with the queue kept. */
export function DeviceStatusBanner({ reach = true }: DeviceStatusBannerProps) {
  const standing = useStanding();
  const shown = standing && pick(standing);
  if (!standing || !shown || (!reach && REACH_KINDS.includes(shown.kind))) return null;
  const severe = shown.kind === 'wiped' || shown.kind === 'revoked' || shown.kind === 'closed';
  return (
    <div
      class={`banner standing standing-${shown.kind}`}
      role={severe ? 'alert' : 'status'}
      data-testid="device-standing"
      data-kind={shown.kind}
      data-revoked={String(standing.revoked)}
      data-closed={String(standing.closed)}
      data-wiped={String(standing.wiped)}
    >
      <strong>{t(shown.title)}</strong>
      <span>
        {t(shown.body, { count: standing.pending })}{' '}
        {shown.kind !== 'revoked' && standing.pending > 0 && t('standing.queue', { count: standing.pending })}
      </span>
    </div>
  );
}
