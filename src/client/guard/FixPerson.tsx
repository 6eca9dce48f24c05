import '../i18n/dict-visit';
import { useState } from 'preact/hooks';
import type { CheckIn, Person } from '../../shared/protocol';
import type { ScanWarning } from '../../shared/scan/types';
import type { MessageKey } from '../i18n/dict';
import { t } from '../i18n/i18n';
import { sync } from '../app/sync-service';
import { cleanPhone, recordCorrection } from './record-fix';

interface FixPersonProps {
  checkIn: CheckIn;
  warnings: readonly ScanWarning[];
  /** Called with the corrected person once the correction is stored. */
  onFixed: (person: Person) => void;
}

const SUSPECT: readonly ScanWarning[] = ['name_garbled', 'name_missing', 'address_garbled'];

/**
 * Under a saved scan: a suspect name or address (dropped letters, `?`) shown in an edit field to
 * correct in one step, and for ID cards a phone field one tap away.
 */
export function FixPerson({ checkIn, warnings, onFixed }: FixPersonProps) {
  const [current, setCurrent] = useState<Person>(checkIn.person);
  const [fixed, setFixed] = useState(false);
  const suspect = !fixed && warnings.some((w) => SUSPECT.includes(w));
  const [name, setName] = useState(checkIn.person.name);
  const [address, setAddress] = useState(checkIn.person.address ?? '');
  const [phoneOpen, setPhoneOpen] = useState(false);
  const [phone, setPhone] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; key: MessageKey; params?: Record<string, string> } | null>(null);
  const offerPhone = (checkIn.source === 'cccd' || checkIn.source === 'national_qr') && !current.phone;

  const save = async (person: Person, ok: MessageKey, params?: Record<string, string>): Promise<boolean> => {
    try {
      await recordCorrection(checkIn, person);
      sync().nudge();
      setCurrent(person);
      setStatus({ ok: true, key: ok, ...(params ? { params } : {}) });
      onFixed(person);
      return true;
    } catch {
      setStatus({ ok: false, key: 'fix.failed' });
      return false;
    }
  };
  const saveName = (event: Event) => {
    event.preventDefault();
    const clean = name.trim().replace(/\s+/g, ' ');
    if (!clean) return setStatus({ ok: false, key: 'fix.nameEmpty' });
    const person: Person = { ...current, name: clean };
    const addr = address.trim().replace(/\s+/g, ' ');
    if (addr) person.address = addr;
    void save(person, 'fix.saved').then((ok) => ok && setFixed(true));
  };
  const savePhone = (event: Event) => {
    event.preventDefault();
    const clean = cleanPhone(phone);
    if (!clean) return setStatus({ ok: false, key: 'phone.invalid' });
    void save({ ...current, phone: clean }, 'phone.saved', { phone: clean });
    setPhoneOpen(false);
  };

  return (
    <div class="fix-person" data-testid="fix-person">
      {suspect && (
        <form class="panel fix-form" onSubmit={saveName} data-testid="fix-name-form">
          <p class="warning">⚠ {t('fix.title')}</p>
          <label>
            {t('fix.name')}
            <input
              value={name}
              onInput={(e) => setName(e.currentTarget.value)}
              autoComplete="off"
              data-testid="fix-name"
            />
          </label>
          {(warnings.includes('address_garbled') || checkIn.person.address) && (
            <label>
              {t('fix.address')}
              <input
                value={address}
                onInput={(e) => setAddress(e.currentTarget.value)}
                autoComplete="off"
                data-testid="fix-address"
              />
            </label>
          )}
          <button type="submit" class="big primary">
            {t('fix.save')}
          </button>
        </form>
      )}
      {offerPhone && !phoneOpen && (
        <button type="button" class="big" onClick={() => setPhoneOpen(true)} data-testid="add-phone">
          {t('phone.add')}
        </button>
      )}
      {phoneOpen && (
        <form class="panel phone-form" onSubmit={savePhone} data-testid="phone-form">
          <label>
            {t('phone.label')}
            <input
              type="tel"
              inputMode="tel"
              autoComplete="off"
              autoFocus
              value={phone}
              onInput={(e) => setPhone(e.currentTarget.value)}
              data-testid="phone-input"
            />
          </label>
          <button type="submit" class="big primary">
            {t('phone.save')}
          </button>
        </form>
      )}
      {current.phone && (
        <p class="hint" data-testid="known-phone">
          {t('phone.known', { phone: current.phone })}
        </p>
      )}
      {status && (
        <p class={status.ok ? 'ok-text' : 'error'} role="status" data-testid="fix-status">
          {t(status.key, status.params)}
        </p>
      )}
    </div>
  );
}
