/** Sign-in form for officials. */
import { useState } from 'preact/hooks';
import { ApiError, call } from './api';
import { t } from './i18n/i18n';
import { LangSwitch } from './LangSwitch';
import { adminRoutes, type ConsoleUser as User } from '../shared/console-api';

interface LoginScreenProps {
  /** Why the form is shown, when it is not a first visit (the session ended). */
  notice?: string | null;
  onSignedIn: (user: User, csrfToken: string) => void;
}

/** The sign-in screen. */
export function LoginScreen({ notice = null, onSignedIn }: LoginScreenProps) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { user, csrfToken } = await call(adminRoutes.login, { body: { username, password } });
      onSignedIn(user, csrfToken);
    } catch (e) {
      const code = e instanceof ApiError ? e.code : '';
      setError(
        code === 'too_many_attempts'
          ? t('login.tooMany')
          : code === 'bad_credentials'
            ? t('login.bad')
            : t('common.error', { message: String(e instanceof Error ? e.message : e) }),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="login">
      <form onSubmit={submit} class="card">
        <h1>{t('app.title')}</h1>
        {notice && !error && (
          <p class="notice" role="status" data-testid="login-notice">
            {notice}
          </p>
        )}
        <label>
          {t('login.username')}
          <input
            name="username"
            autocomplete="username"
            required
            value={username}
            onInput={(e) => setUsername(e.currentTarget.value)}
          />
        </label>
        <label>
          {t('login.password')}
          <input
            name="password"
            type="password"
            autocomplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('login.submit')}
        </button>
        <LangSwitch />
      </form>
    </div>
  );
}
