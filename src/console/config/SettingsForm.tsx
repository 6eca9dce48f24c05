/** District settings devices follow: the repeat-scan window and the retention period. */
import { useEffect, useState } from 'preact/hooks';
import { call } from '../api';
import { t } from '../i18n/i18n';
import { useLoad } from '../use-load';
import { RiskSettingsFields } from './RiskSettingsFields';

import { adminRoutes, type DistrictSettings as Settings } from '../../shared/console-api';

/** The settings form. */
export function SettingsForm() {
  const { data } = useLoad(adminRoutes.settings);
  const [draft, setDraft] = useState<Settings | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => setDraft(data), [data]);
  if (!draft) return null;
  const save = async (event: Event) => {
    event.preventDefault();
    try {
      setDraft(await call(adminRoutes.settingsSave, { body: draft }));
      setMessage(t('common.saved'));
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <form class="card form" onSubmit={save}>
      <label>
        {t('settings.repeatWindow')}
        <input
          type="number"
          min={0}
          max={240}
          value={draft.repeatWindowMin}
          onInput={(e) => setDraft({ ...draft, repeatWindowMin: Number(e.currentTarget.value) })}
        />
      </label>
      <label>
        {t('settings.retention')}
        <input
          type="number"
          min={1}
          max={366}
          value={draft.retentionDays}
          onInput={(e) => setDraft({ ...draft, retentionDays: Number(e.currentTarget.value) })}
        />
      </label>
      <RiskSettingsFields value={draft} onChange={(risk) => setDraft({ ...draft, ...risk })} />
      <button type="submit">{t('common.save')}</button>
      {message && <p role="status">{message}</p>}
    </form>
  );
}
