import { getDeviceConfig, getDeviceRevokedAt, getSyncStatus, pendingCount } from '../data';
import { useLive } from '../hooks/useLive';
import { t } from '../i18n/i18n';

/** What the guard must know about this device's standing with the district, read in one live query. */
async function readStanding(): Promise<{ revoked: boolean; closed: boolean; pending: number }> {
  const [revokedAt, status, config, pending] = await Promise.all([getDeviceRevokedAt(), getSyncStatus(), getDeviceConfig(), pendingCount()]);
  return { revoked: revokedAt !== null || status.lastError === 'revoked', closed: config?.checkpoint.status === 'closed', pending };
}

/** A revoked device or a closed checkpoint: says so plainly, and that the queued check-ins stay on the device. */
export function DeviceStatusBanner() {
  const standing = useLive(readStanding, [], null);
  if (!standing || (!standing.revoked && !standing.closed)) return null;
  return (
    <div class="banner standing" role="alert" data-testid="device-standing" data-revoked={String(standing.revoked)} data-closed={String(standing.closed)}>
      <span>
        {standing.revoked ? t('standing.revoked') : t('standing.closed')} {t('standing.kept', { count: standing.pending })}
      </span>
    </div>
  );
}
