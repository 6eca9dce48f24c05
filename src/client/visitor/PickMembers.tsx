import { useState } from 'preact/hooks';
import type { HouseholdMember } from './useVisitorData';
import { t } from '../i18n/i18n';

interface PickMembersProps {
  members: HouseholdMember[];
  onConfirm: (profileIds: string[]) => Promise<void>;
}

/** Who is checking in: the owner ticked by default, household members one tap each. */
export function PickMembers({ members, onConfirm }: PickMembersProps) {
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
        {members.map(({ profile, state }) => (
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
              <small class={state.kind === 'today' ? 'declared' : 'undeclared'}>
                {' — '}
                {state.kind === 'today' ? t('visitor.declaredToday') : t('visitor.noDeclaration')}
              </small>
            </span>
          </label>
        ))}
      </fieldset>
      <button type="submit" class="big primary" disabled={busy} data-testid="checkin-button">
        {t('visitor.checkin.button', { count: picked.length })}
      </button>
    </form>
  );
}
