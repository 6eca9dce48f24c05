/** Badges telling a tracer how much a contact or a visit can be trusted: self-declared only, from a revoked device. */
import { t } from '../i18n/i18n';
import './trust-badges.css';

interface TrustBadgesProps {
  selfOnly?: boolean;
  fromRevokedDevice?: boolean;
}

/** Nothing when both flags are off; otherwise one labelled badge per flag (printed with the report). */
export function TrustBadges({ selfOnly = false, fromRevokedDevice = false }: TrustBadgesProps) {
  return (
    <>
      {selfOnly && (
        <span class="trust-badge self-only" data-testid="badge-self-only" title={t('trace.selfOnlyHint')}>
          {t('trace.selfOnly')}
        </span>
      )}
      {fromRevokedDevice && (
        <span class="trust-badge from-revoked" data-testid="badge-from-revoked" title={t('trace.fromRevokedHint')}>
          {t('trace.fromRevoked')}
        </span>
      )}
    </>
  );
}
