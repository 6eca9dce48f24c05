import { navigate } from '../../browser/router';
import { BackLink } from './ProfileScreen';
import { DeclarationForm } from './DeclarationForm';
import { useHousehold } from './useVisitorData';
import { t } from '../i18n/i18n';

interface DeclarationScreenProps {
  id: string;
}

/** Today's health declaration of one household member (optionally copied to others). */
export function DeclarationScreen({ id }: DeclarationScreenProps) {
  const household = useHousehold();
  if (!household) return <div class="visitor-loading" aria-busy="true" />;
  const member = household.members.find((m) => m.profile.id === id);
  if (!member) {
    return (
      <main class="screen visitor">
        <BackLink />
        <p class="error">{t('visitor.unknownProfile')}</p>
      </main>
    );
  }
  return (
    <main class="screen visitor">
      <BackLink />
      <h1>{t('visitor.declare.title', { name: member.profile.person.name })}</h1>
      <DeclarationForm
        member={member}
        others={household.members.filter((m) => m.profile.id !== id).map((m) => m.profile)}
        questionnaire={household.questionnaire}
        today={household.today}
        onSaved={() => navigate(`/me/qr/${id}`)}
      />
    </main>
  );
}
