/** The call list as a paper sheet for stations that work on paper (shown only when printing). */
import { t } from '../i18n/i18n';
import type { CallList } from '../../shared/outbreak-api';
import { followupDayText } from './format';

interface PaperCallListProps {
  list: CallList;
}

/** The printable table, with empty columns to write in. */
export function PaperCallList({ list }: PaperCallListProps) {
  return (
    <section class="print-only ob-paper">
      <h2>{t('ob.calls', { day: list.day.split('-').reverse().join('/') })}</h2>
      <table>
        <thead>
          <tr>
            <th>#</th>
            <th>{t('ob.name')}</th>
            <th>{t('ob.phone')}</th>
            <th>{t('ob.address')}</th>
            <th>{t('ob.dayColumn')}</th>
            <th>{t('ob.testDue')}</th>
            <th>{t('ob.paperDone')}</th>
            <th>{t('ob.note')}</th>
          </tr>
        </thead>
        <tbody>
          {list.rows.map((r, i) => (
            <tr key={r.id}>
              <td>{i + 1}</td>
              <td>{r.name}</td>
              <td>{r.phone ?? ''}</td>
              <td>{r.address ?? ''}</td>
              <td>{r.dayNumber > 0 ? r.dayNumber : followupDayText(r.dayNumber)}</td>
              <td>{r.testDue ? '☐' : ''}</td>
              <td />
              <td />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
