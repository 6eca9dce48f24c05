import { navigate } from '../../browser/router';
import { showDay } from './dates';
import type { HouseholdMember } from './useVisitorData';
import { t } from '../i18n/i18n';
import type { Household } from './useVisitorData';
import { riskLevel, riskLines } from '../risk/risk-words';
import { memberRisk } from './member-risk';

interface MemberCardProps {
  member: HouseholdMember;
  /** Risk at the door: judges today's declaration (without it the card says nothing of risk). */
  household?: Household;
}

/** One household member on the home screen: name, today's declaration state, QR and declare buttons. */
export function MemberCard({ member, household }: MemberCardProps) {
  const { profile, state } = member;
  const risk = household && state.kind === 'today' ? memberRisk(member, household) : null;
  const risky = risk !== null && riskLevel(risk) === 'risk';
  const declared = state.kind === 'today' && !risky;
  return (
    <li class={`member ${declared ? 'ok' : 'todo'}`} data-testid="member">
      <div class="member-head">
        <strong class="member-name">{profile.person.name}</strong>
        {profile.self && <span class="tag">{t('visitor.me')}</span>}
        <a
          class="edit"
          href={`/me/profile/${profile.id}`}
          onClick={(e) => (e.preventDefault(), navigate(`/me/profile/${profile.id}`))}
        >
          {t('visitor.edit')}
        </a>
      </div>
      <p
        class={declared ? 'declared' : risky ? 'risky' : 'undeclared'}
        data-testid="declaration-state"
        data-state={state.kind}
        data-risk={risky ? 'risk' : undefined}
      >
        {risky && risk
          ? `⚠ ${riskLines(risk).join(' · ')}`
          : state.kind === 'today'
            ? t('visitor.declaredToday')
            : state.kind === 'stale'
              ? state.why === 'old_version'
                ? t('visitor.declarationNewVersion')
                : t('visitor.declarationOld', { date: showDay(state.declaration.date) })
              : t('visitor.noDeclaration')}
      </p>
      <div class="row">
        <button class={`big ${declared ? '' : 'primary'}`} onClick={() => navigate(`/me/declare/${profile.id}`)}>
          {declared ? t('visitor.redeclare') : t('visitor.declare')}
        </button>
        <button class={`big ${declared ? 'primary' : ''}`} onClick={() => navigate(`/me/qr/${profile.id}`)}>
          {t('visitor.showQr')}
        </button>
      </div>
    </li>
  );
}
