import { useEffect, useState } from 'preact/hooks';
import { storageStatus, type StorageStatus } from '../data';
import { onPersistenceAnswer } from './persistence';
import { t } from '../i18n/i18n';

/** Whether the browser promised to keep this app's data (asked after the first real action), in plain words. */
export function StorageNote() {
  const [status, setStatus] = useState<StorageStatus | null>(null);
  useEffect(() => {
    const read = () => void storageStatus().then(setStatus);
    read();
    return onPersistenceAnswer(read);
  }, []);
  if (!status || status.persisted === null) return null;
  return (
    <p
      class={status.persisted ? 'ok-note' : 'hint'}
      data-testid="storage-note"
      data-persisted={String(status.persisted)}
    >
      {status.persisted ? t('visitor.storage.persisted') : t('visitor.storage.notPersisted')}
    </p>
  );
}
