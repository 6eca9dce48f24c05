import { saveDeclaration } from '../data';
import { t } from '../i18n/i18n';
import { riskLines } from '../risk/risk-words';
import { showDay } from './dates';
import { declaredRiskWarning, memberRisk } from './member-risk';
import { repeatDeclaration } from './repeat-declaration';
import type { Household } from './useVisitorData';

interface DeclareFirstProps {
  household: Household;
  /** Opens the full declaration form for one member. */
  onDeclare: (profileId: string) => void;
  onContinue: () => void;
}

/** Self check-in, first step: today's declaration for each member who has none, one tap to repeat the last one. */
export function DeclareFirst({ household, onDeclare, onContinue }: DeclareFirstProps) {
  const { members, questionnaire, today } = household;
  const allDone = members.every((m) => m.state.kind === 'today');
  return (
    <section class="panel declare-first" data-testid="declare-first">
      <h2>{t('risk.first.title')}</h2>
      <p class="hint">{t('risk.first.hint')}</p>
      <ul class="declare-first-list">
        {members.map((member) => {
          const { profile, state } = member;
          const repeat = state.kind === 'stale' ? repeatDeclaration(state.declaration, questionnaire, today) : null;
          const warning = declaredRiskWarning(member, household);
          return (
            <li key={profile.id} data-testid="declare-first-member" data-state={state.kind}>
              <strong>{profile.person.name}</strong>
              {warning ? (
                // Declared today, with a symptom or an exposure: never the green tick before the door.
                <p class="undeclared" data-testid="declare-first-risk">
                  {warning}
                </p>
              ) : state.kind === 'today' ? (
                <p class="declared">✓ {t('risk.first.done')}</p>
              ) : (
                <>
                  <p class="undeclared">⚠ {riskLines(memberRisk(member, household)).join(' · ')}</p>
                  {repeat && state.kind === 'stale' && (
                    <>
                      <button
                        class="big primary"
                        data-testid="repeat-declaration"
                        onClick={() => void saveDeclaration(profile.id, repeat)}
                      >
                        {t('risk.first.repeat', { date: showDay(state.declaration.date) })}
                      </button>
                      <p class="hint">{t('risk.first.repeatNote')}</p>
                    </>
                  )}
                  <button
                    class={`big ${repeat ? '' : 'primary'}`}
                    data-testid="declare-now"
                    onClick={() => onDeclare(profile.id)}
                  >
                    {t('risk.first.declare')}
                  </button>
                </>
              )}
            </li>
          );
        })}
      </ul>
      <button class={`big ${allDone ? 'primary' : ''}`} data-testid="declare-first-continue" onClick={onContinue}>
        {allDone ? t('risk.first.continue') : t('risk.first.skip')}
      </button>
    </section>
  );
}
