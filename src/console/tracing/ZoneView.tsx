/** The narrow zone: checkpoints and time windows by commune, with contact counts; publish a risk notice. */
import { useState } from 'preact/hooks';
import { call } from '../api';
import { t } from '../i18n/i18n';
import { adminRoutes, type ZoneEntry } from '../../shared/console-api';
import { vnDateTime } from '../vn-time';

interface ZoneViewProps {
  zone: ZoneEntry[];
}

/** The zone tables and the notice form. */
export function ZoneView({ zone }: ZoneViewProps) {
  const [instructions, setInstructions] = useState(t('trace.defaultInstructions'));
  const [published, setPublished] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const publish = async (e: Event) => {
    e.preventDefault();
    const windows = zone.flatMap((z) =>
      z.checkpoints.flatMap((cp) =>
        cp.windows.map((w) => ({ checkpointId: cp.checkpointId, start: w.start, end: w.end })),
      ),
    );
    try {
      const res = await call(adminRoutes.traceNoticesPublish, { body: { windows, instructions } });
      setPublished(res.ids.length);
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <section>
      <h2>{t('trace.zone')}</h2>
      {zone.map((z) => (
        <div key={z.unitId} class="zone-commune">
          <h3>{t('trace.zoneCommune', { name: z.unitName, n: z.contacts })}</h3>
          <table data-testid="trace-zone">
            <tbody>
              {z.checkpoints.flatMap((cp) =>
                cp.windows.map((w, i) => (
                  <tr key={`${cp.checkpointId}-${i}`}>
                    <td>{cp.name}</td>
                    <td>
                      {vnDateTime(w.start)} – {vnDateTime(w.end)}
                    </td>
                    <td class="num">{w.contacts}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      ))}
      <form class="no-print" onSubmit={publish}>
        <label>
          {t('trace.instructions')}
          <textarea
            rows={3}
            value={instructions}
            onInput={(e) => setInstructions((e.target as HTMLTextAreaElement).value)}
          />
        </label>
        <button type="submit" disabled={zone.length === 0}>
          {t('trace.publish')}
        </button>
      </form>
      {published !== null && <p role="status">{t('trace.published', { n: published })}</p>}
      {error && <p class="error">{t('common.error', { message: error })}</p>}
    </section>
  );
}
