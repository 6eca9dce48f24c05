import { navigate } from '../../browser/router';
import { InstallPanel } from './InstallPanel';
import { MemberCard } from './MemberCard';
import { ProfileForm } from './ProfileForm';
import { StorageNote } from './StorageNote';
import { useHousehold } from './useVisitorData';
import { t } from '../i18n/i18n';

/** The visitor's home: each household member's QR and declaration, check-in, visits, install and privacy. */
export function VisitorHome() {
  const household = useHousehold();
  if (!household) return <div class="visitor-loading" aria-busy="true" />;
  if (household.members.length === 0) {
    return (
      <section class="visitor" data-testid="visitor-welcome">
        <ProfileForm profile={null} self onSaved={() => undefined} />
        <InstallPanel />
        <p>
          <a href="/me/privacy" onClick={link('/me/privacy')}>
            {t('visitor.privacyLink')}
          </a>
        </p>
      </section>
    );
  }
  return (
    <section class="visitor" data-testid="visitor-home">
      <ul class="members">
        {household.members.map((member) => (
          <MemberCard key={member.profile.id} member={member} household={household} />
        ))}
      </ul>
      <div class="row">
        <button class="big primary" onClick={() => navigate('/me/scan')}>
          {t('visitor.scanPoster')}
        </button>
        <button class="big" onClick={() => navigate('/me/visits')}>
          {t('visitor.myVisits')}
        </button>
      </div>
      <button class="big" onClick={() => navigate('/me/profile/new')}>
        {t('visitor.addMember')}
      </button>
      <InstallPanel />
      <StorageNote />
      <p>
        <a href="/me/privacy" onClick={link('/me/privacy')}>
          {t('visitor.privacyLink')}
        </a>
      </p>
    </section>
  );
}

/** An in-app link: navigates without reloading. */
function link(path: string) {
  return (event: Event) => {
    event.preventDefault();
    navigate(path);
  };
}
