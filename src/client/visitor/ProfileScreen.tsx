import { useState } from 'preact/hooks';
import { navigate } from '../../browser/router';
import { deleteProfile, getProfile, listProfiles, type Profile } from '../data';
import { useLive } from '../hooks/useLive';
import { ProfileForm } from './ProfileForm';
import { t } from '../i18n/i18n';

interface ProfileScreenProps {
  /** The profile to edit, or null to add a household member. */
  id: string | null;
}

/** Adds or edits a household profile; a member (not the owner) can be removed here. */
export function ProfileScreen({ id }: ProfileScreenProps) {
  const profile = useLive<Profile | null | undefined>(
    async () => (id ? ((await getProfile(id)) ?? null) : null),
    [id],
    undefined,
  );
  const owner = useLive(
    async () => (await listProfiles()).find((p) => p.self) ?? null,
    [],
    undefined as Profile | null | undefined,
  );
  const hasSelf = owner !== null;
  const [confirming, setConfirming] = useState(false);
  if (profile === undefined || owner === undefined) return <div class="visitor-loading" aria-busy="true" />;
  return (
    <main class="screen visitor">
      <BackLink />
      <ProfileForm
        key={profile?.id ?? 'new'}
        profile={profile}
        self={!hasSelf}
        onSaved={() => navigate('/')}
        {...(owner ? { household: owner.person } : {})}
      />
      {profile && !profile.self && (
        <button
          class={`big ${confirming ? 'danger' : ''}`}
          onClick={() => (confirming ? void deleteProfile(profile.id).then(() => navigate('/')) : setConfirming(true))}
        >
          {confirming ? t('visitor.removeConfirm', { name: profile.person.name }) : t('visitor.removeMember')}
        </button>
      )}
    </main>
  );
}

/** "‹ Back" to the visitor's home. */
export function BackLink() {
  return (
    <a class="back" href="/" onClick={(e) => (e.preventDefault(), navigate('/'))}>
      ‹ {t('visitor.back')}
    </a>
  );
}
