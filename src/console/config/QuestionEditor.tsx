/** One question of the questionnaire editor: its id, answer type, group, labels, choices and order buttons. */
import { t } from '../i18n/i18n';
import { blankChoices, QUESTION_GROUPS, QUESTION_KINDS, type QuestionDraft } from './question-draft';
import { ChoiceFields } from './ChoiceFields';
import { RiskMarkFields } from './RiskMarkFields';
import type { ConsoleKey } from '../i18n/dict';

interface QuestionEditorProps {
  draft: QuestionDraft;
  n: number;
  isFirst: boolean;
  isLast: boolean;
  onChange: (draft: QuestionDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

const GROUP_KEYS: Record<string, ConsoleKey> = {
  symptoms: 'words.group.symptoms',
  exposure: 'words.group.exposure',
  travel: 'words.group.travel',
  vaccination: 'words.group.vaccination',
  test: 'words.group.test',
  other: 'words.group.other',
  consent: 'words.group.consent',
};

/** Edits one question in place. */
export function QuestionEditor({ draft, n, isFirst, isLast, onChange, onMove, onRemove }: QuestionEditorProps) {
  const set = <K extends keyof QuestionDraft>(key: K, value: QuestionDraft[K]) => onChange({ ...draft, [key]: value });
  const text = (key: 'id' | 'group' | 'labelVi' | 'labelEn', label: Parameters<typeof t>[0]) => (
    <label>
      {t(label)}
      <input name={key} value={draft[key]} onInput={(e) => set(key, e.currentTarget.value)} />
    </label>
  );
  return (
    <fieldset class="question-editor" data-testid="question-editor">
      <legend>{t('q.number', { n })}</legend>
      {text('labelVi', 'q.labelVi')}
      {text('labelEn', 'q.labelEn')}
      <div class="grid3">
        <p class="hint" data-testid="question-key">
          {draft.id ? t('words.qKey', { id: draft.id }) : t('words.qKeyAuto')}
        </p>
        <label>
          {t('q.kind')}
          <select
            name="kind"
            value={draft.kind}
            onChange={(e) => {
              const kind = e.currentTarget.value as QuestionDraft['kind'];
              const options = kind === 'choice' && draft.options.length === 0 ? blankChoices() : draft.options;
              onChange({ ...draft, kind, options });
            }}
          >
            {QUESTION_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`q.kind.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('q.group')}
          <select name="group" value={draft.group} onChange={(e) => set('group', e.currentTarget.value)}>
            {[...QUESTION_GROUPS, ...(QUESTION_GROUPS.includes(draft.group as never) ? [] : [draft.group])].map((g) => (
              <option key={g} value={g}>
                {GROUP_KEYS[g] ? t(GROUP_KEYS[g]) : g}
              </option>
            ))}
          </select>
        </label>
      </div>
      {draft.kind === 'choice' && (
        <ChoiceFields choices={draft.options} onChange={(options) => set('options', options)} />
      )}
      {draft.kind === 'yesno' && <RiskMarkFields draft={draft} onChange={onChange} />}
      <label class="inline">
        <input
          type="checkbox"
          name="required"
          checked={draft.required}
          onChange={(e) => set('required', e.currentTarget.checked)}
        />
        {t('q.required')}
      </label>
      <p>
        <button type="button" disabled={isFirst} onClick={() => onMove(-1)}>
          {t('q.up')}
        </button>{' '}
        <button type="button" disabled={isLast} onClick={() => onMove(1)}>
          {t('q.down')}
        </button>{' '}
        <button type="button" class="danger" onClick={onRemove}>
          {t('q.remove')}
        </button>
      </p>
    </fieldset>
  );
}
