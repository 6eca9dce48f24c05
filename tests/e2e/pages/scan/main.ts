/**
 * Test page for tests/e2e/decoder.test.ts: wires the real camera, scan loop and zxing decoder
 * together and exposes a small driver on `window.scanPage` for Playwright.
 */
import { CameraError, createCamera, openCamera, type Camera } from '../../../../src/client/scan/camera';
import { createQrDecoder, type QrDecoder } from '../../../../src/client/scan/decoder';
import { startScanLoop, type ScanLoop } from '../../../../src/client/scan/scan-loop';

/** What Playwright drives. */
export interface ScanPage {
  /** Texts reported by the scan loop, in order. */
  scanned: string[];
  errors: string[];
  start(): Promise<string>;
  stop(): { tracks: string[]; srcObject: boolean };
  decodeGray(base64: string, width: number, height: number): Promise<string[]>;
  decodeFile(base64: string, type: string): Promise<string[]>;
  /** Sends pixels whose size does not match their dimensions; resolves how the decoder answered. */
  decodeMalformed(): Promise<'resolved' | 'rejected'>;
  /** Tries to open a camera on a fresh <video>; resolves the CameraError kind, or 'opened'. */
  tryOpen(): Promise<string>;
}

const video = document.querySelector('video');
if (!video) throw new Error('no video element');
let camera: Camera | undefined;
let loop: ScanLoop | undefined;
let decoder: QrDecoder | undefined;

const bytes = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
const getDecoder = async () => (decoder ??= await createQrDecoder({ prefer: 'zxing' }));

const page: ScanPage = {
  scanned: [],
  errors: [],
  async start() {
    const d = await getDecoder();
    camera = createCamera(video);
    await camera.open();
    loop = startScanLoop(video, d, (text) => page.scanned.push(text), {
      onError: (e) => page.errors.push(String(e)),
    });
    return d.kind;
  },
  stop() {
    const stream = video.srcObject instanceof MediaStream ? video.srcObject : null;
    loop?.stop();
    camera?.stop();
    return { tracks: stream ? stream.getTracks().map((t) => t.readyState) : [], srcObject: video.srcObject !== null };
  },
  async decodeGray(base64, width, height) {
    const gray = bytes(base64);
    const rgba = new Uint8ClampedArray(width * height * 4);
    gray.forEach((v, i) => rgba.set([v, v, v, 255], i * 4));
    return (await getDecoder()).decode(new ImageData(rgba, width, height));
  },
  async decodeFile(base64, type) {
    return (await getDecoder()).decode(new Blob([bytes(base64)], { type }));
  },
  async decodeMalformed() {
    const broken = { data: new Uint8ClampedArray(8), width: 64, height: 64 } as unknown as ImageData;
    return (await getDecoder()).decode(broken).then(
      () => 'resolved' as const,
      () => 'rejected' as const,
    );
  },
  async tryOpen() {
    try {
      (await openCamera(document.createElement('video'))).stop();
      return 'opened';
    } catch (error) {
      return error instanceof CameraError ? error.kind : `not a CameraError: ${String(error)}`;
    }
  },
};
(window as unknown as { scanPage: ScanPage }).scanPage = page;
