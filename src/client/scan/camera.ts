/**
 * The camera: opens the rear camera into a <video>, switches cameras, drives the torch, and releases
 * every track on stop. Errors come out typed so the UI can offer typed entry instead. No UI strings.
 */

/** Why the camera could not be used. */
export type CameraErrorKind = 'denied' | 'not_found' | 'insecure' | 'in_use' | 'unknown';

/** A camera failure with a machine-readable `kind`; `cause` keeps the browser's original error. */
export class CameraError extends Error {
  readonly kind: CameraErrorKind;
  constructor(kind: CameraErrorKind, cause?: unknown) {
    super(`camera ${kind}`, { cause });
    this.name = 'CameraError';
    this.kind = kind;
  }
}

/** A video input; `label` is empty until the user has granted camera permission once. */
interface CameraInfo {
  deviceId: string;
  label: string;
}

/** Requested capture size; the browser picks the closest its camera offers. */
interface CameraOptions {
  width?: number;
  height?: number;
}

/** A camera bound to one <video> element; it can be opened, stopped and reopened any number of times. */
export interface Camera {
  readonly video: HTMLVideoElement;
  /** Starts streaming (the rear camera, or `deviceId`); replaces any stream already open. */
  open(deviceId?: string): Promise<void>;
  /** Stops every track and detaches the stream from the video. */
  stop(): void;
  isOpen(): boolean;
  /** The device currently streaming, if any. */
  deviceId(): string | undefined;
  /** Opens the next video input after the current one (wraps around); no-op with one camera. */
  switchCamera(): Promise<void>;
  hasTorch(): boolean;
  /** Turns the torch on or off; resolves false when the camera has no torch or refused. */
  setTorch(on: boolean): Promise<boolean>;
}

/** Maps whatever getUserMedia threw to a typed CameraError. */
export function toCameraError(error: unknown): CameraError {
  if (error instanceof CameraError) return error;
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return new CameraError(typeof isSecureContext === 'boolean' && !isSecureContext ? 'insecure' : 'denied', error);
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return new CameraError('not_found', error);
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return new CameraError('in_use', error);
    default:
      return new CameraError('unknown', error);
  }
}

function mediaDevices(): MediaDevices {
  if (typeof isSecureContext === 'boolean' && !isSecureContext) throw new CameraError('insecure');
  const devices = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
  if (!devices?.getUserMedia) throw new CameraError('insecure');
  return devices;
}

/** Lists the video inputs (empty when there are none or media devices are unavailable). */
async function listCameras(): Promise<CameraInfo[]> {
  let devices: MediaDeviceInfo[];
  try {
    devices = await mediaDevices().enumerateDevices();
  } catch {
    return [];
  }
  return devices.filter((d) => d.kind === 'videoinput').map((d) => ({ deviceId: d.deviceId, label: d.label }));
}

/** Creates a camera for `video` (set up as inline, muted, autoplaying); nothing is opened yet. */
export function createCamera(video: HTMLVideoElement, opts: CameraOptions = {}): Camera {
  const width = opts.width ?? 1280;
  const height = opts.height ?? 720;
  let stream: MediaStream | null = null;
  let currentId: string | undefined;
  // Bumped by every open/stop so a getUserMedia that resolves after stop() is released, not shown.
  let generation = 0;

  video.muted = true;
  video.playsInline = true;
  video.autoplay = true;
  video.setAttribute('playsinline', '');
  video.setAttribute('muted', '');

  const track = (): MediaStreamTrack | undefined => stream?.getVideoTracks()[0];

  const release = () => {
    if (stream) for (const t of stream.getTracks()) t.stop();
    stream = null;
    if (video.srcObject) video.srcObject = null;
  };

  const camera: Camera = {
    video,
    async open(deviceId) {
      const gen = ++generation;
      release();
      const constraints: MediaStreamConstraints = {
        audio: false,
        video: {
          ...(deviceId ? { deviceId: { exact: deviceId } } : { facingMode: { ideal: 'environment' } }),
          width: { ideal: width },
          height: { ideal: height },
        },
      };
      let next: MediaStream;
      try {
        next = await mediaDevices().getUserMedia(constraints);
      } catch (error) {
        throw toCameraError(error);
      }
      if (gen !== generation) {
        for (const t of next.getTracks()) t.stop();
        return;
      }
      stream = next;
      currentId = next.getVideoTracks()[0]?.getSettings().deviceId ?? deviceId;
      video.srcObject = next;
      try {
        await video.play();
      } catch {
        // play() is interrupted when the stream is replaced or stopped meanwhile; autoplay resumes it.
      }
    },
    stop() {
      generation++;
      release();
    },
    isOpen: () => stream !== null,
    deviceId: () => (stream ? currentId : undefined),
    async switchCamera() {
      const cameras = await listCameras();
      if (cameras.length < 2) return;
      const index = cameras.findIndex((c) => c.deviceId === currentId);
      const next = cameras[(index + 1) % cameras.length];
      if (next) await camera.open(next.deviceId);
    },
    hasTorch() {
      const t = track();
      if (!t || typeof t.getCapabilities !== 'function') return false;
      const caps: MediaTrackCapabilities & { torch?: boolean } = t.getCapabilities();
      return caps.torch === true;
    },
    async setTorch(on) {
      const t = track();
      if (!t || !camera.hasTorch()) return false;
      try {
        const torch: MediaTrackConstraintSet & { torch: boolean } = { torch: on };
        await t.applyConstraints({ advanced: [torch] });
        return true;
      } catch {
        return false;
      }
    },
  };
  return camera;
}

/**
 * Stops the camera while the page is hidden and reopens the same device when it is visible again
 * (iOS kills background streams anyway; this also frees the camera for other apps). Returns an
 * unsubscribe function. Reopen failures go to `onError`.
 */
export function pauseCameraWhenHidden(
  camera: Camera,
  onError?: (error: CameraError) => void,
  doc: Document = document,
): () => void {
  let resumeId: string | undefined;
  let wasOpen = false;
  const onChange = () => {
    if (doc.visibilityState === 'hidden') {
      wasOpen = camera.isOpen();
      resumeId = camera.deviceId();
      if (wasOpen) camera.stop();
    } else if (wasOpen && !camera.isOpen()) {
      wasOpen = false;
      camera.open(resumeId).catch((error: unknown) => onError?.(toCameraError(error)));
    }
  };
  doc.addEventListener('visibilitychange', onChange);
  return () => doc.removeEventListener('visibilitychange', onChange);
}

/** Creates a camera for `video` and opens the rear camera; rejects with a CameraError. */
export async function openCamera(video: HTMLVideoElement, opts: CameraOptions = {}): Promise<Camera> {
  const camera = createCamera(video, opts);
  await camera.open();
  return camera;
}
