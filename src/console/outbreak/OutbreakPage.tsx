/**
 * The tracer's outbreak page: the confirmed cases, registering one from tracing search, and (admins) the district
 * rules.
 */
import { useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { navigate } from '../../browser/router';
import { SearchPanel } from '../tracing/SearchPanel';
import { adminRoutes, type ConsoleUser as User } from '../../shared/console-api';
import { useLoad } from '../use-load';
import { vnDate } from '../vn-time';
import { OutbreakSettingsForm } from './OutbreakSettingsForm';
import { RegisterCaseForm } from './RegisterCaseForm';

interface OutbreakPageProps {
  user: User;
}

/** The page. */
export function OutbreakPage({ user }: OutbreakPageProps) {
  const cases = useLoad(adminRoutes.outbreakCases);
  const [chosen, setChosen] = useState<{ keys: string[]; name: string } | null>(null);
  return (
    <main>
      <h1>{t('ob.cases')}</h1>
      {cases.data && cases.data.cases.length === 0 && <p>{t('ob.noCases')}</p>}
      {cases.data && cases.data.cases.length > 0 && (
        <table data-testid="ob-cases">
          <thead>
            <tr>
              <th>{t('ob.name')}</th>
              <th>{t('ob.confirmedAt')}</th>
              <th>{t('ob.testType')}</th>
              <th>{t('ob.isolation')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {cases.data.cases.map((c) => (
              <tr key={c.id}>
                <td>{c.name}</td>
                <td>{vnDate(c.confirmedAt)}</td>
                <td>{t(`ob.test.${c.testType}`)}</td>
                <td>{t(`ob.place.${c.isolation}`)}</td>
                <td>
                  <a
                    href={`/console/outbreak/cases/${c.id}`}
                    onClick={(e) => (e.preventDefault(), navigate(`/console/outbreak/cases/${c.id}`))}
                  >
                    {t('ob.open')}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t('ob.register')}</h2>
      <SearchPanel onChoose={(keys, name) => setChosen({ keys, name })} />
      {chosen && <RegisterCaseForm key={chosen.keys.join()} personKeys={chosen.keys} name={chosen.name} />}
      {user.role === 'admin' && <OutbreakSettingsForm />}
    </main>
  );
}
