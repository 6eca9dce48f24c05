/** A demo checkpoint's signed poster link, made with the running server's own poster key. */
import { join } from 'node:path';
import { findCheckpointByCode } from '../../src/server/db/checkpoints-repo';
import { openDatabase } from '../../src/server/db/database';
import { loadPosterSigner } from '../../src/server/services/poster-signing';
import type { ServerProcess } from './server-process';

/** The link printed on the poster of the checkpoint with this code. */
export async function posterLinkFor(server: ServerProcess, checkpointCode: string): Promise<string> {
  const db = openDatabase(join(server.dataDir, 'checkpoints.sqlite'));
  try {
    const cp = await findCheckpointByCode(db, checkpointCode);
    if (!cp) throw new Error(`no checkpoint ${checkpointCode}`);
    return (await loadPosterSigner(db, server.url, Date.now())).url({
      code: cp.code,
      checkpointId: cp.id,
      name: cp.name,
    });
  } finally {
    await db.destroy();
  }
}
