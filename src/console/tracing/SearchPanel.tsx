/** Find the case: by ID number, phone or name (with or without diacritics), optional birth year; merge records. */
import { useState } from 'preact/hooks';
import { call } from '../api';
import { t } from '../i18n/i18n';
import { adminRoutes, type PersonRecord } from '../../shared/console-api';
import { vnDateTime } from '../vn-time';

interface SearchPanelProps {
  /** Called with the chosen person keys (one identity, merged keys included). */
  onChoose: (personKeys: string[], label: string) => void;
}

/** The search form, the matching records, merge and choose. */
export function SearchPanel({ onChoose }: SearchPanelProps) {
  const [form, setForm] = useState({ id: '', phone: '', name: '', birthYear: '' });
  const [found, setFound] = useState<PersonRecord[] | null>(null);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);

  const search = async (e?: Event) => {
    e?.preventDefault();
    const q = new URLSearchParams(Object.entries(form).filter(([, v]) => v.trim() !== ''));
    try {
      const res = await call(adminRoutes.tracePersons, { query: Object.fromEntries(q) });
      setFound(res.persons);
      setPicked(new Set());
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  const toggle = (key: string) =>
    setPicked((s) => (s.has(key) ? new Set([...s].filter((k) => k !== key)) : new Set([...s, key])));
  const merge = async () => {
    await call(adminRoutes.traceMerge, { body: { personKeys: [...picked] } });
    await search();
  };
  const field = (name: keyof typeof form, label: string) => (
    <label>
      {label}
      <input
        name={name}
        value={form[name]}
        onInput={(e) => setForm({ ...form, [name]: (e.target as HTMLInputElement).value })}
      />
    </label>
  );

  return (
    <section>
      <h2>{t('trace.findCase')}</h2>
      <form class="inline-form" onSubmit={search}>
        {field('name', t('trace.name'))}
        {field('id', t('trace.idNumber'))}
        {field('phone', t('trace.phone'))}
        {field('birthYear', t('trace.birthYear'))}
        <button type="submit">{t('trace.search')}</button>
      </form>
      {error && <p class="error">{t('common.error', { message: error })}</p>}
      {found && found.length === 0 && <p>{t('trace.noneFound')}</p>}
      {found && found.length > 0 && (
        <>
          <table data-testid="trace-persons">
            <thead>
              <tr>
                <th />
                <th>{t('trace.name')}</th>
                <th>{t('trace.idNumber')}</th>
                <th>{t('trace.birthYear')}</th>
                <th>{t('trace.phone')}</th>
                <th>{t('trace.visits')}</th>
                <th>{t('trace.lastSeen')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {found.map((p) => (
                <tr key={p.personKey}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t('trace.pick')}
                      checked={picked.has(p.personKey)}
                      onChange={() => toggle(p.personKey)}
                    />
                  </td>
                  <td>
                    {p.name}
                    {p.originalName !== undefined && (
                      <small class="original-name"> ({t('trace.originalName', { name: p.originalName })})</small>
                    )}
                    {p.mergedKeys.length > 1 && <small> · {t('trace.merged', { n: p.mergedKeys.length })}</small>}
                  </td>
                  <td>{p.idNumber ?? p.idMasked ?? ''}</td>
                  <td>{p.birthYear ?? ''}</td>
                  <td>{p.phone ?? ''}</td>
                  <td>{p.visits}</td>
                  <td>{vnDateTime(p.lastSeen)}</td>
                  <td>
                    <button type="button" onClick={() => onChoose(p.mergedKeys, p.name)}>
                      {t('trace.choose')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" disabled={picked.size < 2} onClick={merge}>
            {t('trace.merge')}
          </button>
        </>
      )}
    </section>
  );
}
