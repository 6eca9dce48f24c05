/** Makes the link a door-screen tablet opens (a new link switches off the previous tablet). */
import { useState } from 'preact/hooks';
import { adminRoutes } from '../../shared/console-api';
import { call } from '../api';
import { t } from '../i18n/i18n';

interface DoorLinkPanelProps {
  checkpointId: string;
}

/** The door-screen panel of a checkpoint. */
export function DoorLinkPanel({ checkpointId }: DoorLinkPanelProps) {
  const [link, setLink] = useState<{ link: string; qrSvg: string } | null>(null);
  const create = async () => setLink(await call(adminRoutes.checkpointDoorLink, { params: { id: checkpointId } }));
  return (
    <div class="card">
      <h2>{t('cp.doorScreen')}</h2>
      <p class="hint">{t('doorLink.hint')}</p>
      <button type="button" onClick={create} data-testid="create-door-link">
        {t('doorLink.create')}
      </button>
      {link && (
        <div class="enrol-result">
          <div class="qr" dangerouslySetInnerHTML={{ __html: link.qrSvg }} />
          <p>
            <a href={link.link} target="_blank" rel="noopener" data-testid="door-link">
              {t('doorLink.open')}
            </a>
          </p>
          <p class="hint">{t('doorLink.replaces')}</p>
        </div>
      )}
    </div>
  );
}
