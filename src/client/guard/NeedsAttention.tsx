import { listNeedsAttention } from '../data';
import { getLang, t } from '../i18n/i18n';
import { reasonText } from '../../shared/reasons';
import { useLive } from '../hooks/useLive';

/** Check-ins the server refused, with its reason; they stay on the device until someone acts. */
export function NeedsAttention() {
  const items = useLive(listNeedsAttention, [], []);
  if (items.length === 0) return null;
  return (
    <section class="attention" data-testid="needs-attention">
      <h2>{t('attention.title', { count: items.length })}</h2>
      <p class="hint">{t('attention.hint')}</p>
      <ul>
        {items.map((item) => (
          <li key={item.checkIn.id}>
            <strong>{item.checkIn.person.name}</strong> —{' '}
            <span data-reason={item.reason}>{reasonText(item.reason ?? '', getLang())}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
