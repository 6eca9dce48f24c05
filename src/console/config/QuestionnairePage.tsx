/**
 * Editing the district's health questionnaire (a form over its questions, validated again by the server) and the
 * district settings.
 */
import { useEffect, useState } from 'preact/hooks';
import { adminRoutes } from '../../shared/console-api';
import { call } from '../api';
import { t } from '../i18n/i18n';
import { useLoad } from '../use-load';
import { blankDraft, fromDrafts, toDrafts, type QuestionDraft } from './question-draft';
import { QuestionEditor } from './QuestionEditor';
import { SettingsForm } from './SettingsForm';

/** The questionnaire page. */
export function QuestionnairePage() {
  const { data, error, reload } = useLoad(adminRoutes.questionnaire);
  const [drafts, setDrafts] = useState<QuestionDraft[]>([]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    if (data) setDrafts(toDrafts(data));
  }, [data]);
  if (!data)
    return error ? (
      <p class="error" role="alert">
        {error}
      </p>
    ) : (
      <p>{t('common.loading')}</p>
    );

  const move = (i: number, by: -1 | 1) => {
    const next = [...drafts];
    const [item] = next.splice(i, 1);
    if (item) next.splice(i + by, 0, item);
    setDrafts(next);
  };
  const save = async () => {
    const built = fromDrafts(drafts);
    if ('problem' in built) {
      setMessage({ ok: false, text: t('q.invalid', { n: built.n, problem: t(built.problem) }) });
      return;
    }
    try {
      const saved = await call(adminRoutes.questionnaireSave, {
        body: { baseVersion: data.version, questions: built.questions },
      });
      setMessage({ ok: true, text: t('q.saved', { version: saved.version }) });
      reload();
    } catch (e) {
      setMessage({ ok: false, text: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <section>
      <h1>{t('nav.questionnaire')}</h1>
      <p data-testid="questionnaire-version">
        {t('q.current', { version: data.version, count: data.questions.length })}
      </p>
      <p class="hint">{t('q.hint')}</p>
      {drafts.map((draft, i) => (
        <QuestionEditor
          key={i}
          draft={draft}
          n={i + 1}
          isFirst={i === 0}
          isLast={i === drafts.length - 1}
          onChange={(d) => setDrafts(drafts.map((x, j) => (j === i ? d : x)))}
          onMove={(by) => move(i, by)}
          onRemove={() => setDrafts(drafts.filter((_, j) => j !== i))}
        />
      ))}
      <p>
        <button type="button" onClick={() => setDrafts([...drafts, blankDraft()])}>
          {t('q.add')}
        </button>{' '}
        <button type="button" class="primary" onClick={() => void save()}>
          {t('q.save')}
        </button>
      </p>
      {message && (
        <p class={message.ok ? 'ok' : 'error'} role="status">
          {message.text}
        </p>
      )}
      <h2>{t('settings.title')}</h2>
      <SettingsForm />
    </section>
  );
}
