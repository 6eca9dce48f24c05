/** Console accounts: list, create (officers need a commune), disable (asked once more; never one's own). */
import { useState } from 'preact/hooks';
import { call } from '../api';
import { formatDateTime, t } from '../i18n/i18n';
import { adminRoutes, type AccountSummary as Account, type ConsoleUser, type Role } from '../../shared/console-api';
import { useLoad } from '../use-load';
import { WordSelect } from '../WordSelect';

/** The last cell of an account's row: "Khoá" (disabled, with the reason, on one's own row), its question, or when. */
function DisableCell(p: { account: Account; self: boolean; onDisabled: () => void }) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const a = p.account;
  if (a.disabledAt) return <>{t('users.disabledAt', { time: formatDateTime(a.disabledAt) })}</>;
  if (p.self) {
    return (
      <>
        <button type="button" class="danger" disabled aria-describedby={`self-${a.id}`}>
          {t('users.disable')}
        </button>{' '}
        <small class="hint" id={`self-${a.id}`}>
          {t('users.selfDisable')}
        </small>
      </>
    );
  }
  const disable = async () => {
    try {
      await call(adminRoutes.userDisable, { params: { id: a.id } });
      setAsking(false);
      p.onDisabled();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  if (!asking) {
    return (
      <button type="button" class="danger" onClick={() => (setError(null), setAsking(true))}>
        {t('users.disable')}
      </button>
    );
  }
  return (
    <div class="confirm-box" role="alertdialog" data-testid="user-disable-confirm">
      <p>{t('users.disableAsk', { name: a.displayName, username: a.username })}</p>
      <button type="button" class="danger" onClick={() => void disable()}>
        {t('users.disableYes')}
      </button>{' '}
      <button type="button" class="secondary" onClick={() => setAsking(false)}>
        {t('users.cancel')}
      </button>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** The users page; `user` is the one signed in (who may not lock their own account). */
export function UsersPage({ user }: { user: ConsoleUser }) {
  const { data, reload } = useLoad(adminRoutes.users);
  const { data: units } = useLoad(adminRoutes.units);
  const [draft, setDraft] = useState({
    username: '',
    displayName: '',
    role: 'officer' as Role,
    unitId: '',
    password: '',
  });
  const [message, setMessage] = useState<string | null>(null);
  const create = async (event: Event) => {
    event.preventDefault();
    try {
      await call(adminRoutes.userCreate, {
        body: { ...draft, unitId: draft.role === 'officer' ? draft.unitId : null },
      });
      setMessage(t('common.saved'));
      setDraft({ ...draft, username: '', displayName: '', password: '' });
      reload();
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };
  const communes = (units ?? []).filter((u) => u.level === 'commune');
  return (
    <section>
      <h1>{t('nav.users')}</h1>
      <table class="phone-cards" data-testid="users-table">
        <thead>
          <tr>
            <th>{t('login.username')}</th>
            <th>{t('users.displayName')}</th>
            <th>{t('users.role')}</th>
            <th>{t('dash.col.commune')}</th>
            <th>{t('users.state')}</th>
          </tr>
        </thead>
        <tbody>
          {(data ?? []).map((u) => (
            <tr key={u.id} class={u.disabledAt ? 'muted' : ''} data-username={u.username}>
              <td class="card-title">{u.username}</td>
              <td data-label={t('users.displayName')}>{u.displayName}</td>
              <td data-label={t('users.role')}>{t(`role.${u.role}`)}</td>
              <td data-label={t('dash.col.commune')}>{communes.find((c) => c.id === u.unitId)?.name ?? ''}</td>
              <td>
                <DisableCell account={u} self={u.id === user.id} onDisabled={reload} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('users.new')}</h2>
      <form class="card form" onSubmit={create}>
        <label>
          {t('login.username')}
          <input
            required
            value={draft.username}
            onInput={(e) => setDraft({ ...draft, username: e.currentTarget.value })}
          />
        </label>
        <label>
          {t('users.displayName')}
          <input
            required
            value={draft.displayName}
            onInput={(e) => setDraft({ ...draft, displayName: e.currentTarget.value })}
          />
        </label>
        <WordSelect
          label={t('users.role')}
          value={draft.role}
          values={['officer', 'tracer', 'admin'] as const}
          word={(r) => t(`role.${r}`)}
          onChange={(role) => setDraft({ ...draft, role })}
        />
        {draft.role === 'officer' && (
          <label>
            {t('dash.col.commune')}
            <select
              required
              value={draft.unitId}
              onChange={(e) => setDraft({ ...draft, unitId: e.currentTarget.value })}
            >
              <option value="">—</option>
              {communes.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('login.password')}
          <input
            type="password"
            required
            minLength={10}
            autocomplete="new-password"
            value={draft.password}
            onInput={(e) => setDraft({ ...draft, password: e.currentTarget.value })}
          />
        </label>
        <button type="submit">{t('users.create')}</button>
        {message && <p role="status">{message}</p>}
      </form>
    </section>
  );
}
