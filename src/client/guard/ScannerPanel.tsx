import { useEffect, useRef, useState } from 'preact/hooks';
import { createCamera, pauseCameraWhenHidden, toCameraError, type Camera, type CameraErrorKind } from '../scan/camera';
import { createQrDecoder, type QrDecoder } from '../scan/decoder';
import { startScanLoop, type ScanLoop } from '../scan/scan-loop';
import { t } from '../i18n/i18n';

export interface ScannerPanelProps {
  onText: (text: string) => void;
  /** Called when the camera cannot be used, so the screen can offer typed entry. */
  onCameraError: (kind: CameraErrorKind) => void;
}

/** The live camera view with start/stop, camera switch and torch; reports each newly read code once. */
export function ScannerPanel({ onText, onCameraError }: ScannerPanelProps) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const parts = useRef<{ camera?: Camera; decoder?: QrDecoder; loop?: ScanLoop; unpause?: () => void }>({});
  const onTextRef = useRef(onText);
  onTextRef.current = onText;
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<CameraErrorKind | null>(null);
  const [torch, setTorch] = useState(false);

  const stop = () => {
    const p = parts.current;
    p.loop?.stop();
    p.unpause?.();
    p.camera?.stop();
    parts.current = { decoder: p.decoder };
    setOpen(false);
    setTorch(false);
  };

  const start = async () => {
    const video = videoRef.current;
    if (!video) return;
    stop();
    setError(null);
    try {
      const camera = createCamera(video);
      await camera.open();
      const decoder = parts.current.decoder ?? (await createQrDecoder());
      const loop = startScanLoop(video, decoder, (text) => onTextRef.current(text));
      const unpause = pauseCameraWhenHidden(camera, (e) => fail(e.kind));
      parts.current = { camera, decoder, loop, unpause };
      setOpen(true);
    } catch (e) {
      fail(toCameraError(e).kind);
    }
  };

  const fail = (kind: CameraErrorKind) => {
    stop();
    setError(kind);
    onCameraError(kind);
  };

  useEffect(() => {
    void start();
    return () => {
      stop();
      parts.current.decoder?.close();
    };
  }, []);

  const camera = parts.current.camera;
  return (
    <section class="scanner">
      <div class={`viewfinder ${open ? 'live' : ''}`}>
        <video ref={videoRef} muted playsInline aria-label={t('guard.pointCamera')} />
        {open && <div class="aim" aria-hidden="true" />}
      </div>
      {error && (
        <p class="error" role="alert" data-testid="camera-error">
          {t(`camera.${error}`)}
        </p>
      )}
      <div class="row">
        {open ? (
          <button class="big" onClick={stop}>
            {t('guard.stopCamera')}
          </button>
        ) : (
          <button class="big primary" onClick={() => void start()}>
            {t('guard.startCamera')}
          </button>
        )}
        {open && (
          <button class="big" onClick={() => void camera?.switchCamera()}>
            {t('guard.switchCamera')}
          </button>
        )}
        {open && camera?.hasTorch() && (
          <button class="big" aria-pressed={torch} onClick={() => void camera.setTorch(!torch).then((ok) => ok && setTorch(!torch))}>
            {torch ? t('guard.torchOff') : t('guard.torchOn')}
          </button>
        )}
      </div>
    </section>
  );
}
