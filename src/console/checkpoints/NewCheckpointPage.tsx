/** Creating a checkpoint: the commune (an officer's own only), then the checkpoint's details. */
import { call } from '../api';
import { t } from '../i18n/i18n';
import { navigate } from '../../browser/router';
import { adminRoutes, type ConsoleUser as User } from '../../shared/console-api';
import { useLoad } from '../use-load';
import { CheckpointForm } from './CheckpointForm';

interface NewCheckpointPageProps {
  user: User;
}

/** The new-checkpoint page. */
export function NewCheckpointPage({ user }: NewCheckpointPageProps) {
  const { data: units } = useLoad(adminRoutes.units);
  if (!units) return <p>{t('common.loading')}</p>;
  const communes = units.filter((u) => u.level === 'commune' && (user.role !== 'officer' || u.id === user.unitId));
  const initial = {
    unitId: communes.length === 1 ? (communes[0]?.id ?? '') : '',
    name: '',
    type: 'office' as const,
    address: '',
    contactName: '',
    contactPhone: '',
    openingHours: '',
    defaultStayMin: 60,
  };
  return (
    <section>
      <h1>{t('cp.new')}</h1>
      <CheckpointForm
        initial={initial}
        communes={communes}
        submitLabel={t('cp.create')}
        onSubmit={async (draft) => {
          const created = await call(adminRoutes.checkpointCreate, { body: draft });
          navigate(`/console/checkpoints/${created.id}`);
        }}
      />
    </section>
  );
}
