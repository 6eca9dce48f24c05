/** Console accounts: list, create (officers need a commune), disable. */
import { useState } from 'preact/hooks';
import { call } from '../api';
import { formatDateTime, t } from '../i18n/i18n';
import { adminRoutes, type Role } from '../../shared/console-api';
import { useLoad } from '../use-load';
import { WordSelect } from '../WordSelect';

/** The users page. */
export function UsersPage() {
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
  const disable = async (id: string) => {
    await call(adminRoutes.userDisable, { params: { id } });
    reload();
  };
  const communes = (units ?? []).filter((u) => u.level === 'commune');
  return (
    <section>
      <h1>{t('nav.users')}</h1>
      <table>
        <tbody>
          {(data ?? []).map((u) => (
            <tr key={u.id} class={u.disabledAt ? 'muted' : ''}>
              <td>{u.username}</td>
              <td>{u.displayName}</td>
              <td>{t(`role.${u.role}`)}</td>
              <td>{communes.find((c) => c.id === u.unitId)?.name ?? ''}</td>
              <td>
                {u.disabledAt ? (
                  t('users.disabledAt', { time: formatDateTime(u.disabledAt) })
                ) : (
                  <button type="button" class="danger" onClick={() => disable(u.id)}>
                    {t('users.disable')}
                  </button>
                )}
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
