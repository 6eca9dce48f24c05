import { useEffect } from 'preact/hooks';
import { navigate } from '../../browser/router';
import { showDay } from './dates';
import { personalCode } from './personal-code';
import { BackLink } from './ProfileScreen';
import { QrCode } from './QrCode';
import { useHousehold } from './useVisitorData';
import { t } from '../i18n/i18n';
import { RiskNotice } from '../risk/RiskNotice';
import { riskLevel } from '../risk/risk-words';
import { memberRisk } from './member-risk';

interface QrScreenProps {
  id: string;
}

/** Keeps the screen on while the code is shown (where the browser allows it). */
function useWakeLock(): void {
  useEffect(() => {
    let lock: { release(): Promise<void> } | null = null;
    const nav = navigator as Navigator & {
      wakeLock?: { request(type: 'screen'): Promise<{ release(): Promise<void> }> };
    };
    void nav.wakeLock
      ?.request('screen')
      .then((l) => (lock = l))
      .catch(() => undefined);
    return () => void lock?.release().catch(() => undefined);
  }, []);
}

/** A household member's personal QR, full screen, with today's declaration state in plain words. */
export function QrScreen({ id }: QrScreenProps) {
  useWakeLock();
  const household = useHousehold();
  if (!household) return <div class="visitor-loading" aria-busy="true" />;
  const member = household.members.find((m) => m.profile.id === id) ?? household.members[0];
  if (!member) {
    return (
      <main class="screen visitor">
        <BackLink />
        <p class="error">{t('visitor.unknownProfile')}</p>
      </main>
    );
  }
  const { profile, state } = member;
  const code = personalCode(profile, state, household.questionnaire);
  const risk = memberRisk(member, household);
  const level = riskLevel(risk);
  return (
    <main class="qr-screen" data-testid="qr-screen">
      <BackLink />
      <h1 class="qr-name">{profile.person.name}</h1>
      {profile.person.birthYear && <p class="qr-sub">{t('visitor.born', { year: profile.person.birthYear })}</p>}
      <QrCode text={code} label={t('visitor.qrLabel', { name: profile.person.name })} class="big-qr" />
      {state.kind === 'today' && level === 'clear' ? (
        <p class="qr-state ok" data-testid="qr-declaration" data-state="today">
          ✓ {t('visitor.qrDeclared', { date: showDay(state.declaration.date) })}
        </p>
      ) : state.kind === 'today' ? (
        <div class="qr-state" data-testid="qr-declaration" data-state="today" data-risk={level}>
          <RiskNotice assessment={risk} view={household.risk} audience="visitor" />
        </div>
      ) : (
        <div class="qr-state todo" data-testid="qr-declaration" data-state={state.kind}>
          <p>
            ⚠{' '}
            {state.kind === 'stale' && state.why === 'old_version'
              ? t('visitor.declarationNewVersion')
              : t('visitor.qrNotDeclared')}
          </p>
          {state.kind === 'stale' && state.why === 'old_day' && (
            <RiskNotice assessment={risk} view={household.risk} audience="visitor" />
          )}
          <button class="big primary" onClick={() => navigate(`/me/declare/${profile.id}`)}>
            {t('visitor.declare')}
          </button>
        </div>
      )}
      <p class="hint">☀ {t('visitor.brightness')}</p>
      {household.members.length > 1 && (
        <nav class="row" aria-label={t('visitor.household')}>
          {household.members.map((m) => (
            <button
              key={m.profile.id}
              aria-current={m.profile.id === profile.id ? 'true' : undefined}
              onClick={() => navigate(`/me/qr/${m.profile.id}`, { replace: true })}
            >
              {m.profile.person.name}
            </button>
          ))}
        </nav>
      )}
      <a
        class="print-link"
        href={`/me/card/${profile.id}`}
        onClick={(e) => (e.preventDefault(), navigate(`/me/card/${profile.id}`))}
      >
        {t('visitor.printCard')}
      </a>
    </main>
  );
}
