import { useEffect, useState } from 'preact/hooks';
import type { CheckIn } from '../../shared/protocol';
import { sync } from '../app/sync-service';
import { saveCheckIns } from '../data';
import { formatTime } from '../i18n/i18n';
import { askPersistenceOnce } from './persistence';
import { ProfileForm } from './ProfileForm';
import { BackLink } from './ProfileScreen';
import { PickMembers } from './PickMembers';
import { checkPoster, selfCheckIns, type PosterCheck } from './self-checkin';
import { SelfSyncState } from './SelfSyncState';
import { useHousehold } from './useVisitorData';
import { VisitLinks } from './VisitLinks';
import { t } from '../i18n/i18n';

export interface SelfCheckInProps {
  /** The poster URL the phone opened (`/c/<code>?i=…&n=…&s=…`). */
  href: string;
}

/** The check-in page a checkpoint poster opens: verified offline, then the chosen household members check in. */
export function SelfCheckIn({ href }: SelfCheckInProps) {
  const [check, setCheck] = useState<PosterCheck | null>(null);
  const [done, setDone] = useState<CheckIn[] | null>(null);
  const [failed, setFailed] = useState(false);
  const household = useHousehold();
  useEffect(() => {
    void checkPoster(href, Date.now()).then(setCheck);
  }, [href]);

  if (!check || !household) return <div class="visitor-loading" aria-busy="true" />;
  if (!check.ok) {
    return (
      <main class="screen visitor">
        <BackLink />
        <h1>{t('visitor.checkin.title')}</h1>
        <p class="refusal" role="alert" data-testid="poster-refused" data-reason={check.reason}>
          {t(`visitor.poster.${check.reason}`)}
        </p>
      </main>
    );
  }
  const { poster } = check;

  const checkIn = async (ids: string[]) => {
    const arrivals = household.members
      .filter((m) => ids.includes(m.profile.id))
      .map((m) => ({ profile: m.profile, declaration: m.state.kind === 'today' ? m.state.declaration : null }));
    const items = selfCheckIns(poster, arrivals, Date.now());
    try {
      await saveCheckIns(items);
    } catch {
      setFailed(true);
      return;
    }
    setDone(items);
    sync().nudge();
    void askPersistenceOnce();
  };

  return (
    <main class="screen visitor" data-testid="self-checkin">
      <BackLink />
      <p class="hint">{t('visitor.checkin.at')}</p>
      <h1 class="checkpoint-name" data-testid="poster-name">
        {poster.name}
      </h1>
      <p class="hint">{t('visitor.checkin.verified', { code: poster.code })}</p>
      {done ? (
        <section class="done" role="status" data-testid="checkin-done">
          <p class="big-ok">
            ✓ {t('visitor.checkin.done', { count: done.length, time: formatTime(done[0]?.deviceTime ?? Date.now()) })}
          </p>
          <ul>
            {done.map((c) => (
              <li key={c.id}>{c.person.name}</li>
            ))}
          </ul>
          <SelfSyncState />
          <VisitLinks />
        </section>
      ) : household.members.length === 0 ? (
        <ProfileForm profile={null} self onSaved={() => undefined} />
      ) : (
        <PickMembers members={household.members} onConfirm={checkIn} />
      )}
      {failed && (
        <p class="error" role="alert">
          {t('visitor.checkin.saveFailed')}
        </p>
      )}
    </main>
  );
}
