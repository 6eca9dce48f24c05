/**
 * The district's outbreak rules (administrators): infectious window, follow-up days, lost after, test days, keep
 * period.
 */
import { useEffect, useState } from 'preact/hooks';
import { call } from '../api';
import { adminRoutes } from '../../shared/console-api';
import { t } from '../i18n/i18n';
import type { OutbreakSettings } from '../../shared/outbreak-api';
import { errorText } from './format';

const NUMBERS = ['infectiousDaysBefore', 'followUpDays', 'lostAfterDays', 'keepDaysAfterEnd'] as const;

/** The form. */
export function OutbreakSettingsForm() {
  const [s, setS] = useState<OutbreakSettings | null>(null);
  const [testDays, setTestDays] = useState('');
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    void call(adminRoutes.outbreakSettings).then((x) => (setS(x), setTestDays(x.testDays.join(', '))));
  }, []);
  if (!s) return null;
  const save = async (e: Event) => {
    e.preventDefault();
    try {
      const days = testDays
        .split(/[,\s]+/)
        .filter(Boolean)
        .map(Number);
      const saved = await call(adminRoutes.outbreakSettingsSave, { body: { ...s, testDays: days } });
      setS(saved);
      setNote(t('common.saved'));
    } catch (err) {
      setNote(errorText(err));
    }
  };
  return (
    <section>
      <h2>{t('ob.settings')}</h2>
      <form class="inline-form" onSubmit={save} data-testid="ob-settings">
        {NUMBERS.map((k) => (
          <label key={k}>
            {t(`ob.set.${k}`)}
            <input
              type="number"
              name={k}
              min={0}
              value={s[k]}
              onInput={(e) => setS({ ...s, [k]: Number((e.target as HTMLInputElement).value) })}
            />
          </label>
        ))}
        <label>
          {t('ob.set.testDays')}
          <input name="testDays" value={testDays} onInput={(e) => setTestDays((e.target as HTMLInputElement).value)} />
        </label>
        <button type="submit">{t('common.save')}</button>
        {note && <p role="status">{note}</p>}
      </form>
    </section>
  );
}
