/**
 * "Xuất dữ liệu chờ gửi" (issue 14): a guard device with no network writes its queue to one file that
 * anyone may carry to somebody online. The items are the outbox as it is (sealed to the district key);
 * each batch is signed by the device's key for the console's upload path, so a change in transit is
 * refused. The device keeps its queue: when it syncs later, every item comes back `duplicate`.
 */
import {
  API,
  PROTOCOL_VERSION,
  QUEUE_FILE_BATCH,
  QUEUE_FILE_FORMAT,
  type PushRequest,
  type QueueFile,
} from '../../shared/protocol';
import { buildProof } from '../../shared/sealed/device-proof';
import { getDeviceKey, getEnrolment, readPendingBatch } from '../data';
import { getEpochState } from '../data/clock-epochs';
import { saveFile } from '../../browser/save-file';

/** Why no file could be made: nothing waits, not a guard device, or its key never reached the server. */
type QueueExportRefusal = 'empty' | 'not_enrolled' | 'no_key';

/** Builds the queue file of this device from everything still waiting in its outbox. */
export async function buildQueueFile(opts: {
  appVersion: string;
  now?: () => number;
}): Promise<QueueFile | QueueExportRefusal> {
  const now = opts.now ?? Date.now;
  const enrolment = await getEnrolment();
  if (!enrolment) return 'not_enrolled';
  const key = await getDeviceKey();
  // The server verifies the file with the key the device registered; an unregistered key proves nothing.
  if (!key?.registered) return 'no_key';
  // The export's own clock cannot be compared with the server's later: every item takes its epoch's offset.
  const epochs = (await getEpochState())?.offsets ?? {};
  const batches: QueueFile['batches'] = [];
  let count = 0;
  let afterId = '';
  for (;;) {
    const batch = await readPendingBatch(QUEUE_FILE_BATCH, afterId);
    const last = batch.items[batch.items.length - 1];
    if (!last) break;
    const body: PushRequest = {
      protocol: PROTOCOL_VERSION,
      sentAt: now(),
      appVersion: opts.appVersion,
      pending: batch.pending,
      items: batch.items,
      epochs,
    };
    const text = JSON.stringify(body);
    const proof = await buildProof(key.privateKey, {
      deviceId: enrolment.deviceId,
      method: 'POST',
      path: API.queueImport,
      body: text,
      now: now(),
    });
    batches.push({ body: text, proof });
    count += batch.items.length;
    afterId = last.id;
  }
  if (count === 0) return 'empty';
  const { code, name } = enrolment.checkpoint;
  return {
    format: QUEUE_FILE_FORMAT,
    version: 1,
    deviceId: enrolment.deviceId,
    checkpoint: { code, name },
    exportedAt: now(),
    count,
    batches,
  };
}

/** The file name of an export: checkpoint code and local time, e.g. `tramqr-TS-DL-001-20261202-0915.json`. */
export function queueFileName(file: QueueFile): string {
  const d = new Date(file.exportedAt);
  const two = (n: number) => String(n).padStart(2, '0');
  const stamp = `${d.getFullYear()}${two(d.getMonth() + 1)}${two(d.getDate())}-${two(d.getHours())}${two(d.getMinutes())}`;
  return `tramqr-${file.checkpoint.code.replace(/[^A-Za-z0-9-]/g, '_')}-${stamp}.json`;
}

/** Hands the file to the phone's share sheet (Zalo, Bluetooth, e-mail) when it takes files, else downloads it. */
export async function shareOrDownload(file: QueueFile, title: string): Promise<'shared' | 'downloaded' | 'cancelled'> {
  const name = queueFileName(file);
  const blob = new File([JSON.stringify(file)], name, { type: 'application/json' });
  if (typeof navigator.canShare === 'function' && navigator.canShare({ files: [blob] })) {
    try {
      await navigator.share({ files: [blob], title });
      return 'shared';
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled';
      // Sharing failed otherwise (no target app): fall back to a download.
    }
  }
  saveFile(blob, name);
  return 'downloaded';
}
