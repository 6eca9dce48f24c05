import { useEffect, useRef, useState } from 'preact/hooks';
import { createCamera, pauseCameraWhenHidden, toCameraError, type Camera, type CameraErrorKind } from '../scan/camera';
import { createQrDecoder, type QrDecoder } from '../scan/decoder';
import { startScanLoop, type ScanLoop } from '../scan/scan-loop';
import { t } from '../i18n/i18n';

interface ScannerPanelProps {
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
  const [starting, setStarting] = useState(false);
  // One start at a time: a tap on "start" while the camera is still opening is ignored, and a stop
  // (or unmount) meanwhile makes the pending start release its camera instead of starting a loop.
  const busy = useRef(false);
  const generation = useRef(0);
  const alive = useRef(true);

  const stop = () => {
    generation.current++;
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
    if (!video || busy.current) return;
    busy.current = true;
    setStarting(true);
    stop();
    const mine = generation.current;
    setError(null);
    const camera = createCamera(video);
    try {
      await camera.open();
      const decoder = parts.current.decoder ?? (await createQrDecoder());
      parts.current.decoder = decoder;
      if (!alive.current) decoder.close();
      if (mine !== generation.current) {
        camera.stop();
        return;
      }
      const loop = startScanLoop(video, decoder, (text) => onTextRef.current(text));
      const unpause = pauseCameraWhenHidden(camera, (e) => fail(e.kind));
      parts.current = { camera, decoder, loop, unpause };
      setOpen(true);
    } catch (e) {
      camera.stop();
      if (mine === generation.current) fail(toCameraError(e).kind);
    } finally {
      busy.current = false;
      setStarting(false);
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
      alive.current = false;
      stop();
      parts.current.decoder?.close();
    };
  }, []);

  const camera = parts.current.camera;
  // Start, stop, switch and torch sit on the picture itself, so nothing stands between the camera and what is
  // under it (the result card on the scan tab).
  return (
    <section class="scanner">
      <div class={`viewfinder ${open ? 'live' : ''}`}>
        <video ref={videoRef} muted playsInline aria-label={t('guard.pointCamera')} />
        {open && <div class="aim" aria-hidden="true" />}
        <div class="row camera-controls">
          {open ? (
            <button onClick={stop}>{t('guard.stopCamera')}</button>
          ) : (
            <button
              class="big primary"
              disabled={starting}
              aria-busy={starting}
              data-testid="start-camera"
              onClick={() => void start()}
            >
              {t('guard.startCamera')}
            </button>
          )}
          {open && <button onClick={() => void camera?.switchCamera()}>{t('guard.switchCamera')}</button>}
          {open && camera?.hasTorch() && (
            <button
              aria-pressed={torch}
              onClick={() => void camera.setTorch(!torch).then((ok) => ok && setTorch(!torch))}
            >
              {torch ? t('guard.torchOff') : t('guard.torchOn')}
            </button>
          )}
        </div>
      </div>
      {error && (
        <p class="error" role="alert" data-testid="camera-error">
          {t(`camera.${error}`)}
        </p>
      )}
    </section>
  );
}
