/** One checkpoint: edit, close/reopen, print its poster, open its door screen, enrol a guard device. */
import { useState } from 'preact/hooks';
import { call } from '../api';
import { t } from '../i18n/i18n';
import { adminRoutes, type ConsoleUser as User } from '../../shared/console-api';
import { useLoad } from '../use-load';
import { CheckpointForm } from './CheckpointForm';
import { DoorLinkPanel } from './DoorLinkPanel';
import { EnrolPanel } from './EnrolPanel';

interface CheckpointPageProps {
  id: string;
  user: User;
}

/** The checkpoint page. */
export function CheckpointPage({ id }: CheckpointPageProps) {
  const { data, error, reload } = useLoad(adminRoutes.checkpoint, { id });
  const [saved, setSaved] = useState(false);
  if (error) return <p class="error">{error}</p>;
  if (!data) return <p>{t('common.loading')}</p>;
  const toggle = async () => {
    await call(data.status === 'open' ? adminRoutes.checkpointClose : adminRoutes.checkpointReopen, {
      params: { id: data.id },
    });
    reload();
  };
  return (
    <section>
      <h1 data-testid="checkpoint-title">
        {data.name} <small>{data.code}</small>
      </h1>
      <p>
        {data.unitName} · {t(data.status === 'open' ? 'cp.open' : 'cp.closed')}
      </p>
      <p class="actions">
        <a class="button" href={`/console/posters/${data.id}`} target="_blank" rel="noopener" data-testid="poster-link">
          {t('cp.printPoster')}
        </a>
        <button type="button" class="secondary" onClick={toggle}>
          {t(data.status === 'open' ? 'cp.close' : 'cp.reopen')}
        </button>
      </p>
      {data.status === 'open' && <EnrolPanel checkpointId={data.id} />}
      {data.status === 'open' && <DoorLinkPanel checkpointId={data.id} />}
      <h2>{t('cp.edit')}</h2>
      <CheckpointForm
        key={data.id}
        initial={{ ...data }}
        submitLabel={t('common.save')}
        onSubmit={async ({ unitId: _unit, ...fields }) => {
          await call(adminRoutes.checkpointUpdate, { params: { id: data.id }, body: fields });
          setSaved(true);
          reload();
        }}
      />
      {saved && <p role="status">{t('common.saved')}</p>}
    </section>
  );
}
