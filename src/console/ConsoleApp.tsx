/** The console shell: loads the session, shows the sign-in screen or the page for the current path. */
import { useEffect, useState } from 'preact/hooks';
import { call, onSignedOut, setCsrfToken } from './api';
import { useLang } from './i18n/i18n';
import { LoginScreen } from './LoginScreen';
import { Nav } from './Nav';
import { Pages } from './Pages';
import { DoorScreen } from './print/DoorScreen';
import { usePath } from '../browser/router';
import { adminRoutes, type ConsoleUser as User } from '../shared/console-api';

type SessionState = { kind: 'loading' } | { kind: 'signed-out' } | { kind: 'signed-in'; user: User };

/** The whole console. */
export function ConsoleApp() {
  useLang();
  const path = usePath();
  const [session, setSession] = useState<SessionState>({ kind: 'loading' });

  useEffect(() => {
    call(adminRoutes.session).then(
      ({ user, csrfToken }) => {
        setCsrfToken(csrfToken);
        setSession({ kind: 'signed-in', user });
      },
      () => setSession({ kind: 'signed-out' }),
    );
    return onSignedOut(() => setSession({ kind: 'signed-out' }));
  }, []);

  // The door tablet holds a door-screen token (in the URL fragment), never a session.
  if (path === '/console/door') return <DoorScreen token={location.hash.slice(1)} />;
  if (session.kind === 'loading') return null;
  if (session.kind === 'signed-out') {
    return (
      <LoginScreen
        onSignedIn={(user, csrf) => {
          setCsrfToken(csrf);
          setSession({ kind: 'signed-in', user });
        }}
      />
    );
  }
  return (
    <div class="shell">
      <Nav user={session.user} path={path} onSignedOut={() => setSession({ kind: 'signed-out' })} />
      <main>
        <Pages path={path} user={session.user} />
      </main>
    </div>
  );
}
