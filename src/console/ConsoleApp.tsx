/** The console shell: loads the session, shows the sign-in screen or the page for the current path. */
import { useEffect, useState } from 'preact/hooks';
import { call, onSignedOut, setCsrfToken } from './api';
import { forgetSignedIn, hasDrafts, rememberSignedIn, wasSignedIn } from './drafts';
import { t, useLang } from './i18n/i18n';
import { LoginScreen } from './LoginScreen';
import { Nav } from './Nav';
import { Pages } from './Pages';
import { DoorScreen } from './print/DoorScreen';
import { usePath } from '../browser/router';
import { adminRoutes, type ConsoleUser as User } from '../shared/console-api';

type SessionState = { kind: 'loading' } | { kind: 'signed-out'; expired: boolean } | { kind: 'signed-in'; user: User };

/** The sentence above the sign-in form: why it is there (the session ended) and what was kept; null for a first visit. */
function signInNotice(expired: boolean): string | null {
  if (!expired) return null;
  return hasDrafts() ? `${t('login.expired')} ${t('ob.draftKept')}` : t('login.expired');
}

/** The whole console. */
export function ConsoleApp() {
  useLang();
  const path = usePath();
  const [session, setSession] = useState<SessionState>({ kind: 'loading' });

  useEffect(() => {
    call(adminRoutes.session).then(
      ({ user, csrfToken }) => {
        setCsrfToken(csrfToken);
        rememberSignedIn(user.id);
        setSession({ kind: 'signed-in', user });
      },
      // Someone signed in in this tab before (and did not sign out): the session ended meanwhile.
      () => setSession({ kind: 'signed-out', expired: wasSignedIn() }),
    );
    // A 401 while working: the session ended (12 h, or revoked). The path stays, so signing in again returns here.
    return onSignedOut(() => setSession((s) => (s.kind === 'signed-in' ? { kind: 'signed-out', expired: true } : s)));
  }, []);

  // The door tablet holds a door-screen token (in the URL fragment), never a session.
  if (path === '/console/door') return <DoorScreen token={location.hash.slice(1)} />;
  if (session.kind === 'loading') return null;
  if (session.kind === 'signed-out') {
    return (
      <LoginScreen
        notice={signInNotice(session.expired)}
        onSignedIn={(user, csrf) => {
          setCsrfToken(csrf);
          rememberSignedIn(user.id);
          setSession({ kind: 'signed-in', user });
        }}
      />
    );
  }
  return (
    <div class="shell">
      <Nav
        user={session.user}
        path={path}
        onSignedOut={() => (forgetSignedIn(), setSession({ kind: 'signed-out', expired: false }))}
      />
      <main>
        <Pages path={path} user={session.user} />
      </main>
    </div>
  );
}
