/** Editing the district's health questionnaire (as JSON, validated by the server) and the district settings. */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { t } from '../i18n/i18n';
import { useLoad } from '../use-load';
import { SettingsForm } from './SettingsForm';

interface Questionnaire {
  version: number;
  questions: unknown[];
}

/** The questionnaire page. */
export function QuestionnairePage() {
  const { data, reload } = useLoad<Questionnaire>('/api/admin/questionnaire');
  const [text, setText] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    if (data) setText(JSON.stringify(data.questions, null, 2));
  }, [data]);
  if (!data) return <p>{t('common.loading')}</p>;
  const save = async () => {
    let questions: unknown;
    try {
      questions = JSON.parse(text);
    } catch {
      setMessage({ ok: false, text: t('q.badJson') });
      return;
    }
    try {
      const saved = await api<Questionnaire>('PUT', '/api/admin/questionnaire', { baseVersion: data.version, questions });
      setMessage({ ok: true, text: t('q.saved', { version: saved.version }) });
      reload();
    } catch (e) {
      setMessage({ ok: false, text: e instanceof Error ? e.message : String(e) });
    }
  };
  return (
    <section>
      <h1>{t('nav.questionnaire')}</h1>
      <p data-testid="questionnaire-version">{t('q.current', { version: data.version, count: data.questions.length })}</p>
      <p class="hint">{t('q.hint')}</p>
      <textarea class="json" rows={24} spellcheck={false} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      <p>
        <button type="button" onClick={save}>{t('q.save')}</button>
      </p>
      {message && <p class={message.ok ? 'ok' : 'error'} role="status">{message.text}</p>}
      <h2>{t('settings.title')}</h2>
      <SettingsForm />
    </section>
  );
}
