import { navigate } from '../../browser/router';
import { personalCode } from './personal-code';
import { QrCode } from './QrCode';
import { useHousehold } from './useVisitorData';
import { t } from '../i18n/i18n';

interface PrintCardProps {
  id: string;
}

/**
 * An A6 card with a household member's personal QR, for a relative with no phone at all. The card carries
 * no declaration (it would be stale tomorrow): the guard asks the questions at the door.
 */
export function PrintCard({ id }: PrintCardProps) {
  const household = useHousehold();
  if (!household) return <div class="visitor-loading" aria-busy="true" />;
  const member = household.members.find((m) => m.profile.id === id);
  if (!member) return <p class="error">{t('visitor.unknownProfile')}</p>;
  const { person } = member.profile;
  return (
    <main class="print-page">
      <div class="row no-print">
        <button class="big" onClick={() => navigate(`/me/qr/${id}`)}>
          ‹ {t('visitor.back')}
        </button>
        <button class="big primary" onClick={() => print()}>
          {t('visitor.print')}
        </button>
      </div>
      <p class="hint no-print">{t('visitor.cardHint')}</p>
      <article class="a6-card" data-testid="print-card">
        <h1>{person.name}</h1>
        <p>
          {[person.birthYear && t('visitor.born', { year: person.birthYear }), person.address]
            .filter(Boolean)
            .join(' · ')}
        </p>
        <QrCode
          text={personalCode(member.profile, { kind: 'none' }, household.questionnaire)}
          label={t('visitor.qrLabel', { name: person.name })}
          class="card-qr"
        />
        <p class="card-note">{t('visitor.cardNote')}</p>
      </article>
    </main>
  );
}
