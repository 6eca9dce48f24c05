import { useState } from 'preact/hooks';
import * as v from 'valibot';
import { QueueFileSchema, type ItemResult } from '../../shared/protocol';
import { adminRoutes } from '../../shared/console-api';
import { ApiError, call } from '../api';
import { t } from '../i18n/i18n';

interface Outcome {
  checkpoint: string;
  accepted: number;
  duplicate: number;
  unanswered: number;
  rejected: ItemResult[];
  /** Parts the server refused as a whole (altered, unknown device), in words. */
  refusals: string[];
}

/** Uploads a queue file batch by batch and sums what the server answered. */
async function uploadFile(
  text: string,
  onPart: (part: number, parts: number) => void,
): Promise<Outcome | 'unreadable'> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return 'unreadable';
  }
  const parsed = v.safeParse(QueueFileSchema, json);
  if (!parsed.success) return 'unreadable';
  const file = parsed.output;
  const outcome: Outcome = {
    checkpoint: `${file.checkpoint.code} · ${file.checkpoint.name}`,
    accepted: 0,
    duplicate: 0,
    unanswered: 0,
    rejected: [],
    refusals: [],
  };
  for (const [index, batch] of file.batches.entries()) {
    onPart(index + 1, file.batches.length);
    try {
      const answer = await call(adminRoutes.queueImport, { body: { deviceId: file.deviceId, ...batch } });
      if (answer.checkpoint) outcome.checkpoint = `${answer.checkpoint.code} · ${answer.checkpoint.name}`;
      outcome.accepted += answer.results.filter((r) => r.status === 'accepted').length;
      outcome.duplicate += answer.results.filter((r) => r.status === 'duplicate').length;
      outcome.rejected.push(...answer.results.filter((r) => r.status === 'rejected'));
      outcome.unanswered += answer.unanswered;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      outcome.refusals.push(t('queue.refusedPart', { part: index + 1, message: error.message }));
    }
  }
  return outcome;
}

/** "Tải lên dữ liệu mang tay": an officer uploads the file a cut-off checkpoint exported. */
export function QueueUploadPanel() {
  const [progress, setProgress] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | 'unreadable' | null>(null);

  const onFile = async (input: HTMLInputElement) => {
    const chosen = input.files?.[0];
    if (!chosen) return;
    setOutcome(null);
    const result = await uploadFile(await chosen.text(), (part, parts) =>
      setProgress(t('queue.working', { part, parts })),
    );
    setProgress(null);
    setOutcome(result);
    input.value = '';
  };

  return (
    <section class="panel" data-testid="queue-upload">
      <h2>{t('queue.title')}</h2>
      <p class="hint">{t('queue.hint')}</p>
      <label>
        {t('queue.choose')}
        <input
          type="file"
          accept="application/json,.json"
          disabled={progress !== null}
          onChange={(e) => void onFile(e.currentTarget)}
        />
      </label>
      {progress && <p aria-live="polite">{progress}</p>}
      {outcome === 'unreadable' && <p class="error">{t('queue.notAFile')}</p>}
      {outcome && outcome !== 'unreadable' && (
        <div data-testid="queue-result" aria-live="polite">
          <p>
            {t('queue.result', {
              checkpoint: outcome.checkpoint,
              accepted: outcome.accepted,
              duplicate: outcome.duplicate,
              rejected: outcome.rejected.length,
            })}
          </p>
          {outcome.unanswered > 0 && <p class="error">{t('queue.unanswered', { count: outcome.unanswered })}</p>}
          {outcome.refusals.map((r) => (
            <p class="error" key={r}>
              {r}
            </p>
          ))}
          {outcome.rejected.length > 0 && (
            <details>
              <summary>{t('queue.rejectedList')}</summary>
              <ul>
                {outcome.rejected.map((r, i) => (
                  <li key={`${r.id ?? ''}-${i}`}>{r.reason}</li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </section>
  );
}
