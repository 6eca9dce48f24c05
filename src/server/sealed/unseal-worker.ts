/**
 * A worker thread of the unseal pool: holds the district private keys it was started with and opens
 * the sealed boxes it is sent, answering each with the plain text or null (see `unseal-pool.ts`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openTextNative, importNativeRecipientKey } from './native-hpke';
import type { OpenRequest, UnsealJob, UnsealWorkerData } from './unseal-pool';

const { keys } = workerData as UnsealWorkerData;
const recipients = new Map(keys.map((key) => [key.kid, importNativeRecipientKey(key.privateKey)]));

/** Opens one request with the key of its id; null when the key is not held or the box does not open. */
function openOne(request: OpenRequest): Promise<string | null> {
  const key = recipients.get(request.box.kid);
  return key ? openTextNative(key, request.box, request.aad) : Promise.resolve(null);
}

parentPort?.on('message', (job: UnsealJob) => {
  void Promise.all(job.requests.map(openOne)).then((texts) => parentPort?.postMessage({ id: job.id, texts }));
});
