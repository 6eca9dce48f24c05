import { useRef } from 'preact/hooks';
import { createQrDecoder } from '../scan/decoder';
import { t } from '../i18n/i18n';

interface PhotoScanProps {
  onText: (text: string) => void;
  onNothingFound: () => void;
}

/** "Scan from a photo": for cameras that cannot focus on a code, decode a picture taken or chosen instead. */
export function PhotoScan({ onText, onNothingFound }: PhotoScanProps) {
  const input = useRef<HTMLInputElement>(null);
  const onChange = async () => {
    const file = input.current?.files?.[0];
    if (!file) return;
    const decoder = await createQrDecoder();
    try {
      const [text] = await decoder.decode(file, { hard: true });
      if (text) onText(text);
      else onNothingFound();
    } catch {
      onNothingFound();
    } finally {
      decoder.close();
      if (input.current) input.current.value = '';
    }
  };
  return (
    <label class="button big">
      {t('guard.scanPhoto')}
      <input
        ref={input}
        type="file"
        accept="image/*"
        class="visually-hidden"
        data-testid="photo-input"
        onChange={() => void onChange()}
      />
    </label>
  );
}
