/**
 * A worker thread of the unseal pool: holds the district private keys it was started with and opens
 * the sealed boxes it is sent, answering each with the plain text or null (see `unseal-pool.ts`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openerFor } from './native-hpke';
import type { UnsealJob, UnsealWorkerData } from './unseal-pool';

const open = openerFor((workerData as UnsealWorkerData).keys);

parentPort?.on('message', (job: UnsealJob) => {
  void Promise.all(job.requests.map((r) => open(r.box, r.aad))).then((texts) =>
    parentPort?.postMessage({ id: job.id, texts }),
  );
});
