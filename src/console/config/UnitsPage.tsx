/** The district's administrative units, and importing communes from a CSV file. */
import { useState } from 'preact/hooks';
import { call } from '../api';
import { t } from '../i18n/i18n';
import { adminRoutes } from '../../shared/console-api';
import { useLoad } from '../use-load';

/** The units page. */
export function UnitsPage() {
  const { data, reload } = useLoad(adminRoutes.units);
  const [message, setMessage] = useState<string | null>(null);
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      const r = await call(adminRoutes.unitImport, { body: { csv: await file.text() } });
      setMessage(t('units.imported', r));
      reload();
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <section>
      <h1>{t('nav.units')}</h1>
      <p class="hint">{t('units.hint')}</p>
      <input type="file" accept=".csv,text/csv" onChange={(e) => importFile(e.currentTarget.files?.[0])} />
      {message && <p role="status">{message}</p>}
      <table>
        <thead>
          <tr>
            <th>{t('units.code')}</th>
            <th>{t('units.name')}</th>
            <th>{t('units.level')}</th>
          </tr>
        </thead>
        <tbody>
          {(data ?? []).map((u) => (
            <tr key={u.id}>
              <td>{u.code}</td>
              <td>{u.name}</td>
              <td>{t(`level.${u.level}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
