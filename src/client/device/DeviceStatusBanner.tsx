import { getDeviceConfig, getDeviceRevokedAt, getDeviceWipedAt, getSyncStatus, pendingCount } from '../data';
import '../i18n/dict-sealed';
import { useLive } from '../hooks/useLive';
import { t } from '../i18n/i18n';

/** What the guard must know about this device's standing with the district, read in one live query. */
async function readStanding(): Promise<{ revoked: boolean; closed: boolean; pending: number; wiped: boolean }> {
  const [revokedAt, status, config, pending, wipedAt] = await Promise.all([getDeviceRevokedAt(), getSyncStatus(), getDeviceConfig(), pendingCount(), getDeviceWipedAt()]);
  return { revoked: revokedAt !== null || status.lastError === 'revoked', closed: config?.checkpoint.status === 'closed', pending, wiped: wipedAt !== null };
}

/** A revoked device or a closed checkpoint: says so plainly, and that the queued check-ins stay on the device. */
export function DeviceStatusBanner() {
  const standing = useLive(readStanding, [], null);
  if (!standing || (!standing.revoked && !standing.closed && !standing.wiped)) return null;
  return (
    <div class="banner standing" role="alert" data-testid="device-standing" data-revoked={String(standing.revoked)} data-closed={String(standing.closed)} data-wiped={String(standing.wiped)}>
      <span>
        {standing.wiped
          ? t('sealed.wiped')
          : standing.revoked
            ? t('sealed.wipePending', { count: standing.pending })
            : `${t('standing.closed')} ${t('standing.kept', { count: standing.pending })}`}
      </span>
    </div>
  );
}
