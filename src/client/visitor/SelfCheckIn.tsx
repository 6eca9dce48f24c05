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
import { toRiskFlags } from '../../shared/risk/evaluate';
import { RiskNotice } from '../risk/RiskNotice';
import { riskLevel } from '../risk/risk-words';
import { assessmentFromFlags } from '../risk/rules';
import { DeclarationForm } from './DeclarationForm';
import { DeclareFirst } from './DeclareFirst';
import { memberRisk } from './member-risk';

interface SelfCheckInProps {
  /** The poster URL the phone opened (`/c/<code>?i=…&n=…&s=…`). */
  href: string;
}

/** The check-in page a checkpoint poster opens: verified offline, then the chosen household members check in. */
export function SelfCheckIn({ href }: SelfCheckInProps) {
  const [check, setCheck] = useState<PosterCheck | null>(null);
  const [done, setDone] = useState<CheckIn[] | null>(null);
  const [failed, setFailed] = useState(false);
  // Today's declaration comes first (skipped when everyone has one); `declaring` is the member being declared for.
  const [step, setStep] = useState<'declare' | 'pick' | null>(null);
  const [declaring, setDeclaring] = useState<string | null>(null);
  const household = useHousehold();
  useEffect(() => {
    if (household && step === null && household.members.length > 0)
      setStep(household.members.every((m) => m.state.kind === 'today') ? 'pick' : 'declare');
  }, [household, step]);
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
      .map((m) => ({
        profile: m.profile,
        declaration: m.state.kind === 'today' ? m.state.declaration : null,
        risk: toRiskFlags(memberRisk(m, household)),
      }));
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

  // No green tick when someone who just checked in declared a risk or has no current declaration.
  const doneRisky =
    done?.some((c) => c.risk && riskLevel(assessmentFromFlags(c.risk, household.questionnaire)) !== 'clear') ?? false;
  return (
    <main class="screen visitor" data-testid="self-checkin">
      <BackLink />
      <p class="hint">{t('visitor.checkin.at')}</p>
      <h1 class="checkpoint-name" data-testid="poster-name">
        {poster.name}
      </h1>
      <p class="hint">{t('visitor.checkin.verified', { code: poster.code })}</p>
      {done ? (
        <section class={doneRisky ? 'done risky-done' : 'done'} role="status" data-testid="checkin-done">
          <p class="big-ok">
            {doneRisky ? '⚠' : '✓'}{' '}
            {t('visitor.checkin.done', { count: done.length, time: formatTime(done[0]?.deviceTime ?? Date.now()) })}
          </p>
          <ul>
            {done.map((c) => (
              <li key={c.id} data-testid="checkin-done-member">
                {c.person.name}
                {c.risk && (
                  <RiskNotice
                    assessment={assessmentFromFlags(c.risk, household.questionnaire)}
                    view={household.risk}
                    audience="visitor"
                    recorded
                  />
                )}
              </li>
            ))}
          </ul>
          <SelfSyncState />
          <VisitLinks />
        </section>
      ) : household.members.length === 0 ? (
        <ProfileForm profile={null} self onSaved={() => undefined} />
      ) : declaring ? (
        <DeclarationFormFor household={household} id={declaring} onSaved={() => setDeclaring(null)} />
      ) : step !== 'pick' ? (
        <DeclareFirst household={household} onDeclare={setDeclaring} onContinue={() => setStep('pick')} />
      ) : (
        <PickMembers household={household} onConfirm={checkIn} />
      )}
      {failed && (
        <p class="error" role="alert">
          {t('visitor.checkin.saveFailed')}
        </p>
      )}
    </main>
  );
}

/** The declaration form for one member inside the self check-in (back to the first step when saved). */
function DeclarationFormFor({
  household,
  id,
  onSaved,
}: {
  household: NonNullable<ReturnType<typeof useHousehold>>;
  id: string;
  onSaved: () => void;
}) {
  const member = household.members.find((m) => m.profile.id === id);
  if (!member) return null;
  return (
    <>
      <h2>{t('visitor.declare.title', { name: member.profile.person.name })}</h2>
      <DeclarationForm
        member={member}
        others={[]}
        questionnaire={household.questionnaire}
        today={household.today}
        onSaved={onSaved}
      />
    </>
  );
}
