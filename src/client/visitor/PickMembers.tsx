import { useState } from 'preact/hooks';
import type { Household, HouseholdMember } from './useVisitorData';
import { t } from '../i18n/i18n';
import { declaredRiskWarning } from './member-risk';

interface PickMembersProps {
  household: Household;
  onConfirm: (profileIds: string[]) => Promise<void>;
}

/** What the picker says of a member's declaration: its risk in words (never green then), declared, or not. */
function declarationNote(member: HouseholdMember, household: Household): { text: string; className: string } {
  const warning = declaredRiskWarning(member, household);
  if (warning) return { text: warning, className: 'undeclared' };
  return member.state.kind === 'today'
    ? { text: t('visitor.declaredToday'), className: 'declared' }
    : { text: t('visitor.noDeclaration'), className: 'undeclared' };
}

/** Who is checking in: the owner ticked by default, household members one tap each. */
export function PickMembers({ household, onConfirm }: PickMembersProps) {
  const members = household.members;
  const [chosen, setChosen] = useState<string[]>(() =>
    members
      .filter((m) => m.profile.self)
      .map((m) => m.profile.id)
      .slice(0, 1),
  );
  const [busy, setBusy] = useState(false);
  const picked = chosen.length > 0 ? chosen : members.slice(0, 1).map((m) => m.profile.id);
  return (
    <form
      class="panel"
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        void onConfirm(picked).finally(() => setBusy(false));
      }}
    >
      <fieldset class="choice">
        <legend>{t('visitor.checkin.who')}</legend>
        {members.map((member) => {
          const { profile } = member;
          const note = declarationNote(member, household);
          return (
            <label key={profile.id} class="check">
              <input
                type="checkbox"
                name="member"
                value={profile.id}
                checked={picked.includes(profile.id)}
                onChange={(e) =>
                  setChosen(
                    (e.currentTarget as HTMLInputElement).checked
                      ? [...picked, profile.id]
                      : picked.filter((id) => id !== profile.id),
                  )
                }
              />
              <span>
                {profile.person.name}
                <small class={note.className} data-testid="member-declaration">
                  {' — '}
                  {note.text}
                </small>
              </span>
            </label>
          );
        })}
      </fieldset>
      <button type="submit" class="big primary" disabled={busy} data-testid="checkin-button">
        {t('visitor.checkin.button', { count: picked.length })}
      </button>
    </form>
  );
}
